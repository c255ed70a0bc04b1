/* The gateway's tests against the fake Excel as one Jest file for `npm run mutate:excel` (why:
 * load-suite.ts). commands.test.ts is left out: it tests src/commands (the ribbon button and its
 * dialog) in jsdom with Office and Excel globals of its own, and src/commands is not mutated here.
 * report/round-book.test.ts tests src/excel/round-book.ts (the round's sheets) on the same fake. */
import { loadSuite } from "./load-suite";

loadSuite(["excel", "report/round-book.test.ts"], (file) => file === "excel/commands.test.ts");
