// Pins behaviour of src/excel (gateway.ts, round-book.ts) that mutation testing found unpinned because the fake Excel did not follow the Office.js documentation there; the fake now does (used range with valuesOnly, getCellProperties, enum values, charts.add and setPosition, ranges of no rows).
import { a1, DEFAULT_CONFIG, parseA1, STATUS_LABELS, type SheetReport } from "../../src/core";
import { checkSheet, undoLast, writeSummary } from "../../src/excel/gateway";
import { addRoundSheets } from "../../src/excel/round-book";
import { changeAfterSync } from "./change-after-sync";
import { cellOf, dump, FakeContext, type FakeSheetData, sheetData } from "./fake-excel";

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

function progress(name: string, items: number): FakeSheetData {
  const rows: (string | number)[][] = [["令和2年度 進捗状況"], [], HEADER];
  for (let i = 0; i < items; i++) rows.push([i + 1, `項目${i + 1}`, "状態", "2年度 10件以上", "計画", "中間", `実績 ${8 + (i % 4)}件`, "課題"]);
  return sheetData(name, rows);
}

/** What a user sees of a cell's look. */
const look = (s: FakeSheetData, address: string) => {
  const c = cellOf(s, address);
  return { value: c.value, fill: c.fill, bold: c.bold, wrap: c.wrap, va: c.va ?? "Bottom" };
};

describe("the used range Shinchoku reads and checks is the cells with values (getUsedRangeOrNullObject(valuesOnly))", () => {
  it("a sheet with a coloured, bold, empty cell beyond its table is judged on the table and written", async () => {
    const s = progress("進捗", 3);
    // An empty cell the user coloured far right and below the table: formatting only, no value.
    s.cells.set("20,14", { value: "", type: "Empty", numFmt: "General", fill: { pattern: "Solid", color: "#FFFF00" }, bold: true, wrap: false });
    const ctx = new FakeContext([s]);
    const out = await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(out.written).toBe(true);
    expect(out.report.items).toHaveLength(3);
    const status = STATUS_LABELS.ja[out.report.items[0].status];
    expect(cellOf(ctx.sheet("進捗"), "I4").value).toBe(status);
    // The user's formatted cell is left as it was.
    expect(look(ctx.sheet("進捗"), "O21")).toEqual({ value: "", fill: { pattern: "Solid", color: "#FFFF00" }, bold: true, wrap: false, va: "Bottom" });
  });
});

describe("a used range over the cells Excel reads at once", () => {
  it("is refused with range-too-large, whose message asks to delete unused rows and columns; nothing is written", async () => {
    const s = progress("進捗", 3);
    const cells = s.cells.size;
    // Excel reads at most 5,000,000 cells a range; this fake reads at most 40, and the sheet's used range is 6 rows × 8 columns.
    const ctx = new FakeContext([s], { cellReadLimit: 40 });
    await expect(checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).rejects.toMatchObject({ code: "range-too-large", message: expect.stringContaining("削除") });
    expect(ctx.sheet("進捗").cells.size).toBe(cells);
    expect(ctx.engine.sheets).toHaveLength(1);
  });
});

describe("undo puts back the look of the cells a write changed (getCellProperties / setCellProperties)", () => {
  it("a status cell's fill, bold, wrap and vertical alignment are as before the run after undo", async () => {
    const s = progress("進捗", 3);
    const i4 = s.cells.get("3,0")!;
    s.cells.set("3,8", { ...i4, value: "", type: "Empty", numFmt: "General", fill: { pattern: "Solid", color: "#00B0F0" }, bold: true, wrap: true, va: "Center" });
    const ctx = new FakeContext([s]);
    const before = look(ctx.sheet("進捗"), "I4");
    expect((await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).written).toBe(true);
    expect(look(ctx.sheet("進捗"), "I4")).not.toEqual(before);
    expect(await undoLast(ctx)).toBe(true);
    expect(look(ctx.sheet("進捗"), "I4")).toEqual(before);
  });

  // The record's fill is one colour: a patterned fill (Gray50, its pattern in red) came back Solid before.
  it("a patterned fill (Gray50 in red over blue) is back with its pattern and the pattern's colour after undo", async () => {
    const s = progress("進捗", 3);
    const i4 = s.cells.get("3,0")!;
    s.cells.set("3,8", { ...i4, value: "", type: "Empty", numFmt: "General", fill: { pattern: "Gray50", color: "#00B0F0", patternColor: "#FF0000" }, bold: false, wrap: false });
    const ctx = new FakeContext([s]);
    const before = look(ctx.sheet("進捗"), "I4");
    expect((await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).written).toBe(true);
    expect(look(ctx.sheet("進捗"), "I4").fill.pattern).toBe("Solid");
    expect(await undoLast(ctx)).toBe(true);
    expect(look(ctx.sheet("進捗"), "I4")).toEqual(before);
  });

  it("cells that had no fill and Excel's default alignment are back to no fill, bottom-aligned, after undo", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    const before = ["I4", "I5", "I6"].map((a) => look(ctx.sheet("進捗"), a));
    expect(before.every((c) => c.fill.pattern === "None" && c.va === "Bottom")).toBe(true);
    expect((await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).written).toBe(true);
    expect(await undoLast(ctx)).toBe(true);
    expect(["I4", "I5", "I6"].map((a) => look(ctx.sheet("進捗"), a))).toEqual(before);
  });
});

async function judged(ctx: FakeContext, sheet: string): Promise<SheetReport> {
  return (await checkSheet(ctx, { config: DEFAULT_CONFIG, write: false, sheet })).report;
}

describe("the 判定集計 chart (charts.add, Chart.setPosition)", () => {
  it("charts each sheet's status counts, one series per status column, from the table's header to its last sheet, without the error and warning columns", async () => {
    const ctx = new FakeContext([progress("甲", 3), progress("乙", 2)]);
    const reports = [await judged(ctx, "甲"), await judged(ctx, "乙")];
    await writeSummary(ctx, reports);
    const sum = ctx.sheet("判定集計");
    const table = dump(sum, 3, 10);
    const labels = Object.values(STATUS_LABELS.ja);
    const lastStatusCol = table[0].indexOf(labels[labels.length - 1]) + 1;
    expect(table[0].slice(0, lastStatusCol)).toEqual(["シート", ...labels]);
    expect(table.map((r) => r[0])).toEqual(["シート", "甲", "乙"]);
    expect(sum.charts).toHaveLength(1);
    const [chart] = sum.charts;
    expect(chart.source).toBe(`判定集計!A1:${a1(3, lastStatusCol)}`);
    expect(chart.seriesBy).toBe("Columns");
  });

  it("is placed under the table, on cells of its own", async () => {
    const ctx = new FakeContext([progress("甲", 3)]);
    await writeSummary(ctx, [await judged(ctx, "甲")]);
    const sum = ctx.sheet("判定集計");
    const tableRows = dump(sum, 10, 1).filter((r) => r[0] !== "").length;
    expect(tableRows).toBe(2);
    const pos = sum.charts[0].position!;
    const start = parseA1(pos.start)!;
    const end = parseA1(pos.end!)!;
    expect(start.col).toBe(1);
    expect(start.row).toBeGreaterThan(tableRows);
    expect(end.row).toBeGreaterThan(start.row);
    expect(end.col).toBeGreaterThan(start.col);
  });
});

describe("a date cell re-read between the read and the write", () => {
  it("a date in the header row replaced by the text of the same date is taken as unchanged: the write goes ahead", async () => {
    const s = progress("進捗", 3);
    // K3: 2020-04-01 as Excel holds a date (serial number, date format).
    s.cells.set("2,10", { value: 43922, type: "Double", numFmt: "yyyy-mm-dd", fill: { pattern: "None", color: "#FFFFFF" }, bold: false, wrap: false });
    const ctx = new FakeContext([s]);
    changeAfterSync(ctx, 1, () => {
      s.cells.set("2,10", { value: "2020-04-01", type: "String", numFmt: "@", fill: { pattern: "None", color: "#FFFFFF" }, bold: false, wrap: false });
    });
    const out = await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(out.written).toBe(true);
    const sr = out.plan!.statusRange!;
    expect(cellOf(ctx.sheet("進捗"), a1(sr.firstRow, sr.col)).value).toBe(STATUS_LABELS.ja[out.report.items[0].status]);
  });
});

describe("the round's sheets (round-book.ts)", () => {
  it("a sheet of exactly 1,999 rows (2,000 with the header) is added whole", async () => {
    const ctx = new FakeContext([sheetData("進捗", [["x"]])]);
    const rows = Array.from({ length: 1999 }, (_, i) => [`部会${i}`, i]);
    const names = await addRoundSheets(ctx, [{ name: "提出状況", header: ["部会", "項目数"], rows }]);
    expect(names).toEqual(["提出状況"]);
    const sheet = ctx.sheet("提出状況");
    expect(dump(sheet, 1, 2)[0]).toEqual(["部会", "項目数"]);
    expect(sheet.cells.get("1999,0")?.value).toBe("部会1998");
    expect(sheet.cells.get("1999,1")?.value).toBe(1998);
    expect(ctx.engine.active).toBe("提出状況");
  });
});
