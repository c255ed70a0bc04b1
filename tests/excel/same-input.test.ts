/**
 * Fix 2's contract: the same workbook content gives the core the same SheetInput through the
 * file reader (CLI, src/xlsx readWorkbook) and through the gateway on the fake Excel (values and
 * number formats read in the same sync), cell by cell.
 */
import ExcelJS from "exceljs";
import type { Cell } from "../../src/core";
import { readSheet } from "../../src/excel/gateway";
import { readWorkbook } from "../../src/xlsx";
import { FakeContext, type FakeCell, sheetData } from "./fake-excel";

type Content = { value: string | number | boolean; numFmt?: string };
const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性", "確認日", "達成度"];

/** Rows of the sheet: numbers, text, dates (serial + date format), percentages, a custom number format, booleans. */
const ROWS: (Content | null)[][] = [
  [{ value: "令和2年度 進捗状況" }],
  [],
  HEADER.map((h) => ({ value: h })),
  [{ value: 1 }, { value: "窓口改善" }, { value: "状態" }, { value: "2年度 10件以上" }, { value: "計画" }, { value: "中間" }, { value: "実績 12件" }, { value: "課題" }, { value: 44287, numFmt: "yyyy/m/d" }, { value: 0.85, numFmt: "0%" }],
  [{ value: 2 }, { value: "研修" }, { value: "状態" }, { value: "2年度 90%以上" }, { value: "計画" }, { value: "中間" }, { value: 0.981, numFmt: "0.0%" }, { value: "課題" }, { value: 44651, numFmt: "[$-ja-JP]ggge\"年\"m\"月\"d\"日\"" }, { value: 0.5, numFmt: "0.00%" }],
  [{ value: 3 }, { value: "相談" }, { value: "状態" }, { value: "3件" }, { value: "計画" }, { value: "中間" }, { value: 1234.5, numFmt: "#,##0.0" }, { value: true }, { value: 45000.75, numFmt: "yyyy-mm-dd hh:mm" }, null],
];

async function xlsxBytes(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("進捗");
  ROWS.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, k + 1);
      cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
    }),
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function fakeSheet() {
  const s = sheetData("進捗");
  ROWS.forEach((row, r) =>
    row.forEach((c, k) => {
      if (!c) return;
      const type: FakeCell["type"] = typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String";
      s.cells.set(`${r},${k}`, { value: c.value, type, numFmt: c.numFmt ?? "General", fill: { pattern: "None", color: "#FFFFFF" }, bold: false, wrap: false });
    }),
  );
  return s;
}

const at = (cells: Cell[][], origin: { row: number; col: number }, r: number, c: number): Cell => cells[r - origin.row]?.[c - origin.col] ?? { value: null, kind: "empty", text: "" };

describe("the same content through the file reader and through the gateway", () => {
  it("gives the same SheetInput cell by cell (dates, percentages, number formats, booleans)", async () => {
    const file = readWorkbook(await xlsxBytes(), "same.xlsx").sheets.find((s) => s.sheetName === "進捗")!;
    const ctx = new FakeContext([fakeSheet()]);
    const office = (await readSheet(ctx, "進捗")).input;
    const rows = Math.max(ROWS.length, file.cells.length + file.origin.row, office.cells.length + office.origin.row);
    const cols = Math.max(...ROWS.map((r) => r.length));
    const diffs: string[] = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const a = at(file.cells, file.origin, r, c);
        const b = at(office.cells, office.origin, r, c);
        if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`R${r + 1}C${c + 1}: file ${JSON.stringify(a)} / Excel ${JSON.stringify(b)}`);
      }
    expect(diffs).toEqual([]);
    // And the contract's cases are what the core expects.
    expect(at(office.cells, office.origin, 3, 8)).toEqual({ value: "2021-04-01", kind: "date", text: "2021-04-01" });
    expect(at(office.cells, office.origin, 3, 9)).toEqual({ value: 0.85, kind: "number", text: "85%" });
    expect(at(office.cells, office.origin, 4, 6)).toEqual({ value: 0.981, kind: "number", text: "98.1%" });
  });
});
