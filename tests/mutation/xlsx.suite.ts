/* The file adapter's tests as one Jest file for `npm run mutate:xlsx` (why: load-suite.ts).
 * The CLI's in-process tests and the cross-tool test reach src/xlsx through its callers, so they
 * count here too; cli/package.test.ts is left out: it packs and installs the tarball (minutes a
 * mutant) and tests the package's shape, not the file code. */
import { loadSuite } from "./load-suite";

loadSuite(["xlsx", "files", "bad-inputs", "cli", "excel/cross-tool.test.ts"], (file) => file === "cli/package.test.ts");
