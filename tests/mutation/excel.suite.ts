/* The gateway's tests against the fake Excel as one Jest file for `npm run mutate:excel` (why:
 * load-suite.ts). commands.test.ts installs its own Office and Excel globals when it loads, so it
 * keeps a Jest file of its own (jest.excel.config.js lists it beside this one). */
import { loadSuite } from "./load-suite";

loadSuite(["excel"], (file) => file === "excel/commands.test.ts");
