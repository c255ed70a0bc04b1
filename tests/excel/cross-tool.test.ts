/**
 * Fix 4 across the two tools: column widths in the shared record are characters. An add-in write
 * undone by the CLI, and a CLI write undone by the add-in, give the user's column its width back
 * (not 5–7× too wide or narrow). "Saving in Excel" and "opening in Excel" are modelled by writing /
 * reading the workbook with ExcelJS, converting widths with ECMA-376's formula as Excel does.
 */
import ExcelJS from "exceljs";
import { DEFAULT_CONFIG, judge, plan as makePlan, RECORD_SHEET } from "../../src/core";
import { charsToPoints, pointsToChars } from "../../src/excel/cells";
import { checkSheet, undoLast } from "../../src/excel/gateway";
import { patchWorkbook, readWorkbook, undoWorkbook } from "../../src/xlsx";
import { FakeContext, type FakeCell, type FakeSheetData, sheetData } from "./fake-excel";

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
const ROWS: (string | number)[][] = [["令和2年度 進捗状況"], [], HEADER, [1, "窓口改善", "状態", "2年度 10件以上", "計画", "中間", "実績 12件", "課題"], [2, "研修", "状態", "2年度 10件以上", "計画", "中間", "実績 8件", "課題"]];
/** Column I, where the status column goes, which the user had widened to 30 characters. */
const COL = 9;
const USER_WIDTH = 30;

async function userBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("進捗");
  ROWS.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  ws.getColumn(COL).width = USER_WIDTH;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** "Save in Excel": the fake workbook as an .xlsx (values, number formats, widths in characters, the record sheet). */
async function saveFromFake(sheets: FakeSheetData[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible" });
    for (const [k, c] of s.cells) {
      if (c.type === "Empty") continue;
      const [r, col] = k.split(",").map(Number);
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = c.type === "Error" ? { error: c.value as ExcelJS.CellErrorValue["error"] } : (c.value as string | number | boolean);
      if (c.numFmt !== "General") cell.numFmt = c.numFmt;
    }
    for (const [col, points] of s.widths) ws.getColumn(col + 1).width = pointsToChars(points);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** "Open in Excel": an .xlsx as fake sheets (widths in points). */
async function openInFake(bytes: Uint8Array): Promise<FakeSheetData[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const s = sheetData(ws.name);
    s.visibility = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value;
        const value = typeof v === "object" && v !== null && "richText" in v ? v.richText.map((t) => t.text).join("") : (v as string | number | boolean);
        const type: FakeCell["type"] = typeof value === "number" ? "Double" : typeof value === "boolean" ? "Boolean" : "String";
        s.cells.set(`${r - 1},${c - 1}`, { value, type, numFmt: cell.numFmt || "General", fill: { pattern: "None", color: "#FFFFFF" }, bold: false, wrap: false });
      }),
    );
    ws.columns.forEach((col, i) => {
      if (col.width !== undefined) s.widths.set(i, charsToPoints(col.width));
    });
    return s;
  });
}

async function widthIn(bytes: Uint8Array, col: number): Promise<number | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.getWorksheet("進捗")!.getColumn(col).width;
}

describe("column widths across the add-in and the CLI", () => {
  it("an add-in write, saved, then undone by the CLI: the user's column is 30 characters again", async () => {
    const [user] = await openInFake(await userBook());
    expect(user.widths.get(COL - 1)).toBe(charsToPoints(USER_WIDTH));
    const ctx = new FakeContext([user]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(ctx.sheet("進捗").widths.get(COL - 1)).not.toBe(charsToPoints(USER_WIDTH));
    const saved = await saveFromFake(ctx.engine.sheets);
    const undone = undoWorkbook(saved, "book.xlsx");
    expect(undone).not.toBeNull();
    expect(await widthIn(undone!.bytes, COL)).toBeCloseTo(USER_WIDTH, 1);
  });

  it("a CLI write, opened in Excel, then undone by the add-in: the user's column is 30 characters (in points) again", async () => {
    const bytes = await userBook();
    const sheet = readWorkbook(bytes, "book.xlsx").sheets.find((s) => s.sheetName === "進捗")!;
    const planned = makePlan(judge(sheet, DEFAULT_CONFIG), sheet, DEFAULT_CONFIG);
    if (!planned.ok) throw new Error(planned.error.message);
    const written = patchWorkbook(bytes, "book.xlsx", [planned.plan]);
    const sheets = await openInFake(written);
    expect(sheets.map((s) => s.name)).toContain(RECORD_SHEET);
    const ctx = new FakeContext(sheets);
    expect(await undoLast(ctx)).toBe(true);
    expect(ctx.sheet("進捗").widths.get(COL - 1)).toBe(charsToPoints(USER_WIDTH));
  });
});
