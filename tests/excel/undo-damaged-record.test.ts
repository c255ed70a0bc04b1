/**
 * Undo in the add-in with a record entry whose address is not a cell reference (a damaged or hand-edited
 * record): the entry is passed over as the CLI does (src/xlsx/patch.ts), never written over A1 instead.
 */
import { DEFAULT_CONFIG } from "../../src/core";
import { checkSheet, undoLast } from "../../src/excel/gateway";
import { seedFromTsv } from "../helpers/sheet";
import { editRecord } from "./edit-record";
import { cellOf, FakeContext, type FakeSheetData, sheetData } from "./fake-excel";

const SHEET = "人事・財政部会";
function seedSheet(): FakeSheetData {
  const input = seedFromTsv();
  return sheetData(SHEET, input.cells.map((r) => r.map((c) => (c.kind === "empty" ? null : (c.value as string | number)))));
}


it("an undo entry whose address is not a cell reference leaves A1 as it is; the other cells are restored", async () => {
  const ctx = new FakeContext([seedSheet()]);
  const a1 = { ...cellOf(ctx.sheet(SHEET), "A1") };
  const i6 = { ...cellOf(ctx.sheet(SHEET), "I6") };
  await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
  expect(cellOf(ctx.sheet(SHEET), "I6").value).toBe("達成");
  editRecord(ctx, (r) => {
    const cells = r.lastRun!.undo[0].cells;
    cells.push({ ...cells[0], address: "壊れた番地", value: "上書き" });
  });
  expect(await undoLast(new FakeContext(ctx.engine.sheets))).toBe(true);
  expect(cellOf(ctx.sheet(SHEET), "A1")).toEqual(a1);
  expect(cellOf(ctx.sheet(SHEET), "I6")).toEqual(i6);
});
