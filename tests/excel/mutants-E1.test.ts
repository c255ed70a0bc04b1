// Pins behaviour of src/excel/gateway.ts that mutation testing found unpinned: per-cell status validations kept for undo, empty-sheet reads, readInBlocks defaults.
import { DEFAULT_CONFIG } from "../../src/core";
import { GATEWAY_MESSAGES } from "../../src/excel/errors";
import { checkSheet, finishRun, readInBlocks, readSheet, startRun, undoLast } from "../../src/excel/gateway";
import { FakeContext, type FakeSheetData, sheetData } from "./fake-excel";
import { storedRecord } from "./stored-record";
import { changeAfterSync } from "./change-after-sync";

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

function progress(name: string, items: number): FakeSheetData {
  const rows: (string | number)[][] = [["令和2年度 進捗状況"], [], HEADER];
  for (let i = 0; i < items; i++) rows.push([i + 1, `項目${i + 1}`, "状態", "2年度 10件以上", "計画", "中間", `実績 ${8 + (i % 4)}件`, "課題"]);
  return sheetData(name, rows);
}

/** Which rule covers each cell of a column range, as `I4=<rule json>`. */
function coverage(s: FakeSheetData): string[] {
  return s.validations
    .flatMap((v) => {
      const [a, b] = v.range.split(":");
      const [r1, r2] = [Number(a.slice(1)), Number((b ?? a).slice(1))];
      return Array.from({ length: r2 - r1 + 1 }, (_, i) => `${a[0]}${r1 + i}=${JSON.stringify(v.rule)}`);
    })
    .sort();
}

const ruleA = { list: { inCellDropDown: true, source: "済,未" } };
const ruleB = { list: { inCellDropDown: true, source: "A,B,C" } };

describe("status cells with rules differing by cell (Inconsistent / MixedCriteria)", () => {
  it("keeps runs of the same rule per cell for undo, skipping cells without a rule, and undo puts them back", async () => {
    // Status column I, items on rows 4..8: A A (none) B A
    const s = progress("進捗", 5);
    s.validations.push({ range: "I4:I5", rule: ruleA }, { range: "I7:I7", rule: ruleB }, { range: "I8:I8", rule: ruleA });
    const ctx = new FakeContext([s]);
    const before = coverage(ctx.sheet("進捗"));
    const out = await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(out.written).toBe(true);
    const undo = storedRecord(ctx)!.lastRun!.undo[0] as unknown as { validationRange: string; validationBefore?: unknown };
    expect(undo.validationRange).toBe("I4:I8");
    expect(undo.validationBefore).toEqual([
      { range: "I4:I5", rule: ruleA },
      { range: "I7:I7", rule: ruleB },
      { range: "I8:I8", rule: ruleA },
    ]);
    expect(await undoLast(ctx)).toBe(true);
    expect(coverage(ctx.sheet("進捗"))).toEqual(before);
  });

  it("all cells covered by two rules (Inconsistent): two pieces", async () => {
    const s = progress("進捗", 4);
    s.validations.push({ range: "I4:I5", rule: ruleA }, { range: "I6:I7", rule: ruleB });
    const ctx = new FakeContext([s]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const undo = storedRecord(ctx)!.lastRun!.undo[0] as unknown as { validationBefore?: unknown };
    expect(undo.validationBefore).toEqual([
      { range: "I4:I5", rule: ruleA },
      { range: "I6:I7", rule: ruleB },
    ]);
  });

  it("a rule on the first status cell only (MixedCriteria) is one piece of one cell", async () => {
    const s = progress("進捗", 3);
    s.validations.push({ range: "I4", rule: ruleB });
    const ctx = new FakeContext([s]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const undo = storedRecord(ctx)!.lastRun!.undo[0] as unknown as { validationBefore?: unknown };
    expect(undo.validationBefore).toEqual([{ range: "I4:I4", rule: ruleB }]);
  });
});

describe("reading an empty sheet", () => {
  it("has no dims and an empty input at the origin, without a record", async () => {
    const ctx = new FakeContext([sheetData("空", [])]);
    const r = await readSheet(ctx, "空");
    expect(r.dims).toBeNull();
    expect(r.recordExists).toBe(false);
    expect(r.input).toEqual({ sheetName: "空", cells: [], origin: { row: 0, col: 0 } });
    expect(r.input.written).toBeUndefined();
  });

  it("reads when a record exists for other sheets only", async () => {
    const ctx = new FakeContext([progress("A", 2), sheetData("空", [])]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, sheet: "A" });
    const r = await readSheet(ctx, "空");
    expect(r.recordExists).toBe(true);
    expect(r.dims).toBeNull();
    expect(r.input).toEqual({ sheetName: "空", cells: [], origin: { row: 0, col: 0 } });
  });
});

describe("readInBlocks", () => {
  it("reads values, value types and number formats by default", async () => {
    const ctx = new FakeContext([sheetData("S", [["a", 1], ["b", 2]])]);
    const ws = ctx.workbook.worksheets.getItem("S");
    const b = await readInBlocks(ctx, ws, { rowIndex: 0, columnIndex: 0, rowCount: 2, columnCount: 2 });
    expect(b.values).toEqual([["a", 1], ["b", 2]]);
    expect(b.valueTypes).toEqual([["String", "Double"], ["String", "Double"]]);
    expect(b.numberFormat).toEqual([["General", "General"], ["General", "General"]]);
  });
});

describe("undo without a record sheet", () => {
  it("reports nothing to undo after one sync", async () => {
    const ctx = new FakeContext([progress("A", 2)]);
    expect(await undoLast(ctx)).toBe(false);
    expect(ctx.syncs).toBe(1);
  });
});

describe("the write refuses when the sheet changed between its read and the write", () => {

  it("a header cell emptied", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    const s = ctx.sheet("進捗");
    changeAfterSync(ctx, 1, () => s.cells.delete("2,7"));
    await expect(checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).rejects.toMatchObject({ code: "sheet-changed", message: GATEWAY_MESSAGES.ja["sheet-changed"] });
    expect(s.cells.get("3,8")).toBeUndefined();
  });

  it("a date in the header row changed to another date", async () => {
    const s = progress("進捗", 3);
    const h = s.cells.get("2,0")!;
    s.cells.set("2,12", { ...h, value: 44000, type: "Double", numFmt: "yyyy/m/d" });
    const ctx = new FakeContext([s]);
    changeAfterSync(ctx, 1, () => s.cells.set("2,12", { ...h, value: 44001, type: "Double", numFmt: "yyyy/m/d" }));
    await expect(checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).rejects.toMatchObject({ code: "sheet-changed" });
  });

  it("the used range moved down by a row at the same size", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    const s = ctx.sheet("進捗");
    const a6 = s.cells.get("5,0")!;
    changeAfterSync(ctx, 1, () => {
      s.cells.delete("0,0");
      s.cells.set("6,0", { ...a6, value: 90 });
      s.cells.set("7,0", { ...a6, value: 91 });
    });
    await expect(checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).rejects.toMatchObject({ code: "sheet-changed" });
    expect(s.cells.get("3,8")).toBeUndefined();
  });

  it("on a re-run, a number Shinchoku wrote changed to another number", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const s = ctx.sheet("進捗");
    const j4 = s.cells.get("3,9")!;
    expect(typeof j4.value).toBe("number");
    const syncsBefore = ctx.syncs;
    const realSync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      await realSync();
      // after the read (sheet, then the record): the next sync is the check before the write
      if (ctx.syncs - syncsBefore === 2) s.cells.set("3,9", { ...j4, value: (j4.value as number) + 0.25 });
    };
    await expect(checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).rejects.toMatchObject({ code: "sheet-changed" });
  });
});

describe("the undo kept in the record for the cells a write fills", () => {
  it("keeps a cell's fill as ARGB, its number format and vertical alignment; Excel's defaults are kept as none", async () => {
    const s = progress("進捗", 3);
    const i4 = s.cells.get("3,0")!;
    s.cells.set("3,8", { ...i4, value: "", type: "Empty", numFmt: "@", fill: { pattern: "Solid", color: "#FFFF00" }, va: "Top" });
    const ctx = new FakeContext([s]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const undo = storedRecord(ctx)!.lastRun!.undo[0];
    const cell = (a: string) => undo.cells.find((c) => c.address === a);
    expect(cell("I4")).toEqual({ address: "I4", value: null, fill: "FFFFFF00", numFmt: "@", bold: false, wrap: false, vAlign: "Top" });
    expect(cell("J5")).toEqual({ address: "J5", value: null, fill: null, numFmt: null, bold: false, wrap: false });
    expect("validationBefore" in undo).toBe(false);
  });
});

describe("an all-sheets run record (startRun)", () => {
  it("starts unloaded: the first read finds the record", async () => {
    const ctx = new FakeContext([progress("A", 2)]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const run = startRun();
    const r = await readSheet(ctx, "A", undefined, run);
    expect(r.recordExists).toBe(true);
    expect(r.record?.sheets.A).toBeDefined();
  });

  it("starts unchanged: finishing a run that wrote nothing does not touch the workbook", async () => {
    const ctx = new FakeContext([progress("A", 2)]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const run = startRun();
    await readSheet(ctx, "A", undefined, run);
    const syncs = ctx.syncs;
    await finishRun(ctx, run);
    expect(ctx.syncs).toBe(syncs);
  });
});

describe("one rule over all the status cells", () => {
  it("is read with the check before the write: no more syncs than without a rule, and undo puts it back", async () => {
    const plain = new FakeContext([progress("進捗", 3)]);
    await checkSheet(plain, { config: DEFAULT_CONFIG, write: true });
    const s = progress("進捗", 3);
    s.validations.push({ range: "I4:I6", rule: ruleA });
    const ctx = new FakeContext([s]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(ctx.syncs).toBe(plain.syncs);
    const undo = storedRecord(ctx)!.lastRun!.undo[0] as unknown as { validationBefore?: unknown };
    expect(undo.validationBefore).toEqual([{ range: "I4:I6", rule: ruleA }]);
  });
});

describe("readInBlocks: block sizes and failures", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`行${i + 1}`, i + 1]);
  const all = { rowIndex: 0, columnIndex: 0, rowCount: 10, columnCount: 2 };

  it("after a first small block, reads the rest in one block when the budget allows, and not past the last row", async () => {
    const ctx = new FakeContext([sheetData("S", rows(12))]);
    const b = await readInBlocks(ctx, ctx.workbook.worksheets.getItem("S"), all, ["values"], 2);
    expect(b.values).toEqual(rows(10));
    expect(ctx.syncs).toBe(2);
  });

  it("sizes later blocks from the bytes the first took: a small budget takes several blocks", async () => {
    const ctx = new FakeContext([sheetData("S", rows(12))]);
    const b = await readInBlocks(ctx, ctx.workbook.worksheets.getItem("S"), all, undefined, 2, 150);
    expect(b.values).toEqual(rows(10));
    expect(b.valueTypes).toHaveLength(10);
    expect(ctx.syncs).toBeGreaterThan(2);
    expect(ctx.syncs).toBeLessThan(10);
  });

  it("an error other than the payload limit is not retried", async () => {
    const ctx = new FakeContext([sheetData("S", rows(12))]);
    ctx.failSync(1, "GeneralException");
    await expect(readInBlocks(ctx, ctx.workbook.worksheets.getItem("S"), all)).rejects.toMatchObject({ code: "GeneralException" });
    expect(ctx.syncs).toBe(1);
  });

  it("a single row over the payload limit is not retried", async () => {
    const ctx = new FakeContext([sheetData("S", rows(3))]);
    ctx.failSync(1, "ResponsePayloadSizeLimitExceeded");
    await expect(readInBlocks(ctx, ctx.workbook.worksheets.getItem("S"), { ...all, rowCount: 1 })).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  it("a block over the payload limit is read again at half size", async () => {
    const ctx = new FakeContext([sheetData("S", rows(12))]);
    ctx.failSync(1, "ResponsePayloadSizeLimitExceeded");
    const b = await readInBlocks(ctx, ctx.workbook.worksheets.getItem("S"), all, ["values"], 8);
    expect(b.values).toEqual(rows(10));
  });
});

describe("undo when reading the record fails", () => {
  it("an error other than the payload limit while reading the record's chunks stops the undo", async () => {
    const ctx = new FakeContext([progress("A", 2)]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const s = ctx.sheet("A");
    const i4 = s.cells.get("3,8");
    // undo: sync 1 finds the record sheet, sync 2 reads its chunks
    ctx.failSync(ctx.syncs + 2, "GeneralException");
    await expect(undoLast(ctx)).rejects.toBeDefined();
    expect(s.cells.get("3,8")).toEqual(i4);
  });
});

describe("the check before the write (sync 2 of a first write) failing", () => {
  it("over the payload limit: read again at half size, and the write goes on", async () => {
    const ctx = new FakeContext([progress("進捗", 6)]);
    ctx.failSync(2, "ResponsePayloadSizeLimitExceeded");
    const out = await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(out.written).toBe(true);
    const plain = new FakeContext([progress("進捗", 6)]);
    await checkSheet(plain, { config: DEFAULT_CONFIG, write: true });
    expect(ctx.sheet("進捗").cells).toEqual(plain.sheet("進捗").cells);
  });

  it("with another error: stops, nothing written", async () => {
    const ctx = new FakeContext([progress("進捗", 6)]);
    ctx.failSync(2, "GeneralException");
    await expect(checkSheet(ctx, { config: DEFAULT_CONFIG, write: true })).rejects.toBeDefined();
    expect(ctx.sheet("進捗").cells.get("3,8")).toBeUndefined();
  });

  it("over the payload limit when reading one row a block (tiny budget): stops, nothing written", async () => {
    const ctx = new FakeContext([progress("進捗", 6)]);
    ctx.failSync(2, "ResponsePayloadSizeLimitExceeded");
    await expect(checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, payloadBudget: 1 })).rejects.toBeDefined();
    expect(ctx.sheet("進捗").cells.get("3,8")).toBeUndefined();
  });
});

describe("readSheet over the payload limit", () => {
  it("reads the cells in row blocks when the whole used range did not fit one response", async () => {
    const plain = await readSheet(new FakeContext([progress("進捗", 4)]), "進捗");
    const ctx = new FakeContext([progress("進捗", 4)]);
    ctx.failSync(1, "ResponsePayloadSizeLimitExceeded");
    const r = await readSheet(ctx, "進捗");
    expect(r.dims).toEqual(plain.dims);
    expect(r.input.cells).toEqual(plain.input.cells);
    expect(r.input.cells.length).toBe(7);
  });
});

describe("the check before the write over the budget", () => {
  it("reads the cells to write in blocks of many rows, not a row a sync", async () => {
    const ctx = new FakeContext([progress("大", 200)]);
    const out = await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, payloadBudget: 20_000 });
    expect(out.written).toBe(true);
    expect(ctx.syncs).toBeLessThan(50);
  });
});

describe("a recognized sheet with no items yet", () => {
  it("writes without a status range", async () => {
    const ctx = new FakeContext([progress("空", 0)]);
    const out = await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(out.written).toBe(true);
    expect(out.plan?.statusRange ?? null).toBeNull();
    expect(ctx.sheet("空").validations).toEqual([]);
  });
});
