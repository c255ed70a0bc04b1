import * as fs from "fs";
import * as path from "path";

/** ../shared beside the repo, or null. In CI its absence is a failure, elsewhere a stated skip. */
export function sharedDir(): string | null {
  const dir = path.resolve(__dirname, "../../../shared");
  if (fs.existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`../shared is required in CI but was not found at ${dir}`);
  return null;
}

export const fixture = (name: string): string => path.resolve(__dirname, "../fixtures", name);
