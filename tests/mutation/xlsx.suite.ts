/* The file adapter's tests as one Jest file for `npm run mutate:xlsx` (why: load-suite.ts). */
import { loadSuite } from "./load-suite";

loadSuite(["xlsx", "files", "bad-inputs", "cli/no-data-lost.test.ts"]);
