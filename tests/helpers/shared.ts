import * as fs from "fs";
import * as path from "path";

/** ../shared beside the repo, or null. In CI its absence is a failure, elsewhere a stated skip. */
export function sharedDir(): string | null {
  const root = path.resolve(__dirname, "../..");
  // A mutation run works in a copy at <project>/.stryker-tmp/<area>/sandbox-…; ../shared is beside the project.
  const at = root.indexOf(`${path.sep}.stryker-tmp${path.sep}`);
  const dir = path.resolve(at >= 0 ? root.slice(0, at) : root, "../shared");
  if (fs.existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`../shared is required in CI but was not found at ${dir}`);
  return null;
}

export const fixture = (name: string): string => path.resolve(__dirname, "../fixtures", name);
