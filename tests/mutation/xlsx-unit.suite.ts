/* The file adapter's own unit tests (tests/xlsx) as one Jest file, for measuring the src/xlsx files
 * every test reaches (zip, package, sheet-doc, styles, xml, read): with the whole xlsx suite each
 * surviving mutant there re-runs every test (~30 s), which puts a full run out of reach on 2 cores.
 * The score with this narrower suite is a lower bound of the score with the whole suite. */
import { loadSuite } from "./load-suite";

loadSuite(["xlsx"]);
