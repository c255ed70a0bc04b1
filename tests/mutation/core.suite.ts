/* The core's tests as one Jest file for `npm run mutate:core*` (why: load-suite.ts). The property
 * tests stay out: each mutant would replay thousands of generated sheets. */
import { loadSuite } from "./load-suite";

loadSuite(["core"], (file) => file === "core/properties.test.ts");
