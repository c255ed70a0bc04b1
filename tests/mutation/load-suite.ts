/* Mutation runs load an area's test files through one Jest test file (see the *.suite.ts beside this).
 * Jest gives every test file a fresh module registry, so with twelve files each mutant paid for
 * loading the code under test twelve times (~1.6 s a mutant); through one file it pays once
 * (~0.45 s). The files are listed at run time, so a new test file is never left out. */
import * as fs from "fs";
import * as path from "path";

export function loadSuite(dirs: string[], skip: (file: string) => boolean = () => false): void {
  for (const dir of dirs) {
    const abs = path.join(__dirname, "..", dir);
    const files = fs.statSync(abs).isDirectory() ? fs.readdirSync(abs).sort().map((f) => path.join(abs, f)) : [abs];
    for (const file of files) {
      const name = path.relative(path.join(__dirname, ".."), file);
      if (!/\.test\.tsx?$/.test(file) || skip(name)) continue;
      describe(name, () => {
        // A synchronous load inside describe, so each file's tests and hooks sit in its own block.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require(file);
      });
    }
  }
}
