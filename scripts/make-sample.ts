/** Regenerates samples/sample-r2.xlsx (8 items, one per template). */
import * as path from "path";
import { writeProgressWorkbook } from "../bench/generate";

writeProgressWorkbook(path.resolve(__dirname, "../../samples/sample-r2.xlsx"), 8).then(() => console.log("samples/sample-r2.xlsx"));
