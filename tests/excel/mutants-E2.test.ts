// Pins behaviour of src/excel/gateway.ts (payload-limit splitting, roll-back, undo, runs, sheet listing and the 判定集計 summary) that mutation testing found unpinned.
import { DEFAULT_CONFIG, RECORD_SHEET, STATUS_LABELS, type Issue, type SheetReport, type ShinchokuRecord } from "../../src/core";
import { activeSheetName, checkSheet, finishRun, listSheets, selectCell, startRun, undoLast, writeRecord, writeSummary } from "../../src/excel/gateway";
import { seedFromTsv } from "../helpers/sheet";
import { cellOf, dump, FakeContext, type FakeSheetData, sheetData } from "./fake-excel";
import { editRecord as editStoredRecord } from "./edit-record";

function seedSheet(name = "人事・財政部会"): FakeSheetData {
  const input = seedFromTsv();
  return sheetData(name, input.cells.map((r) => r.map((c) => (c.kind === "empty" ? null : (c.value as string | number)))));
}

const issue = (severity: Issue["severity"]): Issue => ({ code: "missing-actual" as Issue["code"], severity, cell: null, row: null, column: null, message: "m", params: {} });

async function judged(ctx: FakeContext, sheet: string): Promise<SheetReport> {
  return (await checkSheet(ctx, { config: DEFAULT_CONFIG, write: false, sheet })).report;
}

describe("listSheets / activeSheetName", () => {
  it("lists only visible sheets, never the record sheet nor the 判定集計 sheet", async () => {
    const hidden = sheetData("隠し", [["x"]]);
    hidden.visibility = "Hidden";
    const record = sheetData(RECORD_SHEET, [["x"]]);
    const summary = sheetData("判定集計", [["x"]]);
    const ctx = new FakeContext([sheetData("A", [["a"]]), hidden, record, summary, sheetData("B", [["b"]])]);
    expect(await listSheets(ctx)).toEqual(["A", "B"]);
  });

  it("a visible record / summary sheet is still not listed", async () => {
    const ctx = new FakeContext([sheetData(RECORD_SHEET, [["x"]]), sheetData("C", [["c"]]), sheetData("判定集計", [["x"]])]);
    expect(await listSheets(ctx)).toEqual(["C"]);
  });

  it("names the active sheet", async () => {
    const ctx = new FakeContext([sheetData("最初", [["a"]]), sheetData("次", [["b"]])]);
    expect(await activeSheetName(ctx)).toBe("最初");
  });
});

describe("writeSummary", () => {
  it("counts error and warning issues per sheet, and leaves out unrecognised sheets", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("メモ", [["x"]])]);
    const rep = await judged(ctx, "人事・財政部会");
    const memo = await judged(ctx, "メモ");
    expect(memo.recognized).toBe(false);
    const withIssues: SheetReport = { ...rep, issues: [issue("error"), issue("warning"), issue("info"), issue("error"), issue("error")] };
    await writeSummary(ctx, [withIssues, memo]);
    const sum = ctx.sheet("判定集計");
    const rows = dump(sum, 4, 8);
    expect(rows[0]).toEqual(["シート", ...Object.values(STATUS_LABELS.ja), "エラー", "警告"]);
    expect(rows[1]).toEqual(["人事・財政部会", 2, 0, 0, 0, 0, 3, 1]);
    expect(rows[2]).toEqual(["", "", "", "", "", "", "", ""]);
    expect(cellOf(sum, "A1").bold).toBe(true);
    expect(cellOf(sum, "H1").bold).toBe(true);
    expect(cellOf(sum, "A2").bold).toBe(false);
    expect(sum.charts).toEqual([expect.objectContaining({ type: "ColumnStacked", title: "シート別 達成状況" })]);
  });

  it("with no recognised sheet writes only the header and no chart", async () => {
    const ctx = new FakeContext([sheetData("メモ", [["x"]])]);
    const memo = await judged(ctx, "メモ");
    await writeSummary(ctx, [memo]);
    const sum = ctx.sheet("判定集計");
    expect(dump(sum, 2, 8)[1]).toEqual(["", "", "", "", "", "", "", ""]);
    expect(dump(sum, 1, 1)[0]).toEqual(["シート"]);
    expect(sum.charts).toEqual([]);
  });

  it("rewriting clears the earlier table: a sheet no longer reported disappears", async () => {
    const ctx = new FakeContext([seedSheet("甲"), seedSheet("乙")]);
    const a = await judged(ctx, "甲");
    const b = await judged(ctx, "乙");
    await writeSummary(ctx, [a, b]);
    expect(dump(ctx.sheet("判定集計"), 3, 1).map((r) => r[0])).toEqual(["シート", "甲", "乙"]);
    await writeSummary(ctx, [a]);
    const sum = ctx.sheet("判定集計");
    expect(dump(sum, 3, 8)[2]).toEqual(["", "", "", "", "", "", "", ""]);
    expect(sum.charts).toHaveLength(1);
  });

  it("refuses a foreign 判定集計 sheet with a message saying so", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("判定集計", [["手作り"]])]);
    const rep = await judged(ctx, "人事・財政部会");
    const err = await writeSummary(ctx, [rep]).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "summary-sheet-taken" });
    expect((err as Error).message).toMatch(/判定集計/);
    expect(dump(ctx.sheet("判定集計"), 1, 1)).toEqual([["手作り"]]);
  });
});

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

/** A recognised sheet whose plan spans rows 3..items+3 (the header and one row per item). */
function bigSheet(items: number): FakeSheetData {
  const rows: (string | number)[][] = [["令和2年度 進捗状況"], [], HEADER];
  for (let i = 0; i < items; i++) rows.push([i + 1, `項目${i + 1}`, "状態", "2年度 10件以上", "計画", "中間", `実績 ${8 + (i % 4)}件`, "課題"]);
  return sheetData("大", rows);
}

const PAYLOAD = "RequestPayloadSizeLimitExceeded";
const write = (ctx: FakeContext, extra: Partial<Parameters<typeof checkSheet>[1]> = {}) => checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, runAt: "2026-04-01T00:00:00.000Z", ...extra });

describe("writing the plan when Excel refuses the request as too large", () => {
  // Syncs of a write: 1 read, 2 verify, 3 the plan with the record (small sheets), then the record.
  it.each([
    [10, 3], // 11 rows: halves of 5 → blocks of 5, 5, 1
    [11, 2], // 12 rows: halves of 6 → blocks of 6, 6
  ])("%i items: after the record is split off and the block is still refused, the block is halved (%i blocks) and the sheet ends as without the refusals", async (items, blocks) => {
    const plain = new FakeContext([bigSheet(items)]);
    await write(plain);
    const ctx = new FakeContext([bigSheet(items)]);
    ctx.failSync(3, PAYLOAD, 0); // refused with the record: the block goes alone
    ctx.failSync(4, PAYLOAD, 0); // refused alone: split in halves
    await write(ctx);
    expect(dump(ctx.sheet("大"), items + 4, 12)).toEqual(dump(plain.sheet("大"), items + 4, 12));
    expect(ctx.sheet(RECORD_SHEET).cells).toEqual(plain.sheet(RECORD_SHEET).cells);
    expect(ctx.syncs).toBe(2 + 2 + blocks + 1);
  });

  it("a one-row block that is still refused fails the run as payload-too-large and leaves the sheet as it was", async () => {
    const ctx = new FakeContext([bigSheet(1)]);
    const before = dump(ctx.sheet("大"), 5, 12);
    for (let k = 3; k <= 40; k++) ctx.failSync(k, PAYLOAD, 0);
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(write(ctx)).rejects.toMatchObject({ code: "payload-too-large" });
    err.mockRestore();
    expect(dump(ctx.sheet("大"), 5, 12)).toEqual(before);
  });
});

describe("undo when Excel refuses the restore as too large", () => {
  // Syncs of an undo after one write: 1-3 read the record and the sheet, 4 the restore in one batch, then the record.
  async function written(items: number) {
    const ctx = new FakeContext([bigSheet(items)]);
    const before = dump(ctx.sheet("大"), items + 4, 12);
    await write(ctx);
    return { ctx, before, s0: ctx.syncs };
  }

  it("restores in row blocks, halving a refused block, and the sheet (values, widths, drop-down) ends as before the write", async () => {
    const plain = await written(10);
    await undoLast(plain.ctx, 5000);
    const { ctx, before, s0 } = await written(10);
    expect(ctx.sheet("大").validations).not.toEqual([]);
    const widths = plain.ctx.sheet("大").widths;
    expect(ctx.sheet("大").widths).not.toEqual(widths);
    ctx.failSync(s0 + 4, PAYLOAD, 0);
    ctx.failSync(s0 + 5, PAYLOAD, 0);
    expect(await undoLast(ctx, 5000)).toBe(true);
    expect(dump(ctx.sheet("大"), 14, 12)).toEqual(before);
    // The widths and the drop-down go back too (with the block holding the first rows), as in an undo without refusals.
    expect(ctx.sheet("大").widths).toEqual(widths);
    expect(ctx.sheet("大").validations).toEqual([]);
  });

  it("halves the block rather than going row by row or keeping its size", async () => {
    const a = await written(10);
    a.ctx.failSync(a.s0 + 4, PAYLOAD, 0);
    await undoLast(a.ctx, 5000);
    const once = a.ctx.syncs - a.s0; // rows 3..13 in blocks of the budget's size
    const b = await written(10);
    b.ctx.failSync(b.s0 + 4, PAYLOAD, 0);
    b.ctx.failSync(b.s0 + 5, PAYLOAD, 0);
    await undoLast(b.ctx, 5000);
    const blocksBefore = once - 5; // refused batch, blocks, record: 1-3 + 1 + blocks + 1
    const blocksAfter = b.ctx.syncs - b.s0 - 6;
    const rows = 11;
    const step = Math.ceil(rows / blocksBefore);
    expect(blocksAfter).toBe(Math.ceil(rows / Math.floor(step / 2)));
    expect(step).toBeGreaterThanOrEqual(4);
  });

  it("a one-row block still refused ends the undo as payload-too-large", async () => {
    const { ctx, s0 } = await written(10);
    for (let k = s0 + 4; k <= s0 + 60; k++) ctx.failSync(k, PAYLOAD, 0);
    await expect(undoLast(ctx, 600)).rejects.toMatchObject({ code: "payload-too-large" });
  });

  it("an error other than the payload limit is not retried", async () => {
    const { ctx, s0 } = await written(10);
    ctx.failSync(s0 + 4, PAYLOAD, 0);
    ctx.failSync(s0 + 5, "GeneralException", 0);
    await expect(undoLast(ctx, 5000)).rejects.toMatchObject({ code: "general" });
  });
});

/** The record sheet's non-empty cells, by address. */
const recordText = (ctx: FakeContext) =>
  [...ctx.sheet(RECORD_SHEET).cells.entries()].filter(([, c]) => c.value !== "").map(([k, c]) => `${k}=${String(c.value)}`).sort();

describe("roll-back after a failed write", () => {
  it("a second write that fails puts the sheet and the record back: undo still returns to the sheet as first found", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const original = dump(ctx.sheet("人事・財政部会"), 8, 12);
    await write(ctx);
    const afterFirst = dump(ctx.sheet("人事・財政部会"), 8, 12);
    const record = recordText(ctx);
    const s0 = ctx.syncs;
    ctx.failSync(s0 + 4, "GeneralException"); // the second write's plan sync (after reading the sheet and the record, and verifying)
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(write(ctx, { runAt: "2026-04-02T00:00:00.000Z" })).rejects.toMatchObject({ code: "general" });
    expect(err).not.toHaveBeenCalledWith("Shinchoku: roll-back failed", expect.anything());
    err.mockRestore();
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(afterFirst);
    expect(recordText(ctx)).toEqual(record);
    expect(await undoLast(ctx)).toBe(true);
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(original);
  });

  it("a first write refused before anything ran leaves no record sheet and reports no roll-back failure", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const original = dump(ctx.sheet("人事・財政部会"), 8, 12);
    ctx.failSync(3, "GeneralException", 0);
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(write(ctx)).rejects.toMatchObject({ code: "general" });
    expect(err).not.toHaveBeenCalledWith("Shinchoku: roll-back failed", expect.anything());
    err.mockRestore();
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(original);
    expect(() => ctx.sheet(RECORD_SHEET)).toThrow();
  });

  it("in an all-sheets run a failed write is rolled back without touching the record, and no roll-back failure is reported", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const original = dump(ctx.sheet("人事・財政部会"), 8, 12);
    ctx.failSync(3, "GeneralException");
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(write(ctx, { run: startRun() })).rejects.toMatchObject({ code: "general" });
    expect(err).not.toHaveBeenCalledWith("Shinchoku: roll-back failed", expect.anything());
    err.mockRestore();
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(original);
  });

  it("when the roll-back itself fails, says so on the console and still reports the write's error", async () => {
    const ctx = new FakeContext([seedSheet()]);
    ctx.failSync(3, "GeneralException");
    ctx.failSync(4, "AccessDenied", 0);
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(write(ctx)).rejects.toMatchObject({ code: "general" });
    expect(err).toHaveBeenCalledWith("Shinchoku: roll-back failed", expect.objectContaining({ code: "AccessDenied" }));
    err.mockRestore();
  });
});

/** Hand-edits the record in the record sheet (as a user, or a damaged file, might). */
type WithValidations = ShinchokuRecord & { lastRun: { undo: { validationBefore?: { range: string; rule: unknown }[] }[] } };
const editRecord = (ctx: FakeContext, edit: (r: WithValidations) => void): void => editStoredRecord<WithValidations>(ctx, edit);

describe("undo with a damaged record", () => {
  it("an entry whose address is not a cell reference is passed over also when the restore goes in row blocks", async () => {
    const ctx = new FakeContext([bigSheet(10)]);
    const before = dump(ctx.sheet("大"), 14, 12);
    await write(ctx);
    editRecord(ctx, (r) => {
      const cells = r.lastRun!.undo[0].cells;
      cells.push({ ...cells[0], address: "壊れた番地", value: "上書き" });
    });
    const s0 = ctx.syncs;
    ctx.failSync(s0 + 4, PAYLOAD, 0);
    expect(await undoLast(ctx, 5000)).toBe(true);
    expect(dump(ctx.sheet("大"), 14, 12)).toEqual(before);
  });

  it("a drop-down range with one end damaged is not cleared, and the rest is restored", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const before = dump(ctx.sheet("人事・財政部会"), 8, 12);
    await write(ctx);
    editRecord(ctx, (r) => {
      r.lastRun!.undo[0].validationRange = "I6:壊れた";
    });
    expect(await undoLast(ctx)).toBe(true);
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(before);
  });

  it("an undo entry without a drop-down range restores the cells all the same", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const before = dump(ctx.sheet("人事・財政部会"), 8, 12);
    await write(ctx);
    editRecord(ctx, (r) => {
      r.lastRun!.undo[0].validationRange = null;
    });
    expect(await undoLast(ctx)).toBe(true);
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(before);
  });

  it("an earlier drop-down rule with one end of its range damaged is not put back, and the rest is restored", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const before = dump(ctx.sheet("人事・財政部会"), 8, 12);
    await write(ctx);
    editRecord(ctx, (r) => {
      r.lastRun.undo[0].validationBefore = [{ range: "I6:壊れた", rule: { list: { inCellDropDown: true, source: "a,b" } } }];
    });
    expect(await undoLast(ctx)).toBe(true);
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(before);
    expect(ctx.sheet("人事・財政部会").validations).toEqual([]);
  });
});

describe("odds and ends of a run", () => {
  it("selecting a cell on a sheet that is gone fails as sheet-missing", async () => {
    const ctx = new FakeContext([sheetData("A", [["a"]])]);
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(selectCell(ctx, "消えた", "A1")).rejects.toMatchObject({ code: "sheet-missing" });
    err.mockRestore();
  });

  it("a check without writing says nothing was written; so does an unrecognised sheet", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("メモ", [["x"]])]);
    expect((await checkSheet(ctx, { config: DEFAULT_CONFIG, write: false })).written).toBe(false);
    expect((await write(ctx, { sheet: "メモ" })).written).toBe(false);
    expect((await write(ctx)).written).toBe(true);
  });

  it("the status drop-down is an in-cell list of the status labels", async () => {
    const ctx = new FakeContext([seedSheet()]);
    await write(ctx);
    expect(ctx.sheet("人事・財政部会").validations).toEqual([{ range: "I6:I7", rule: { list: { inCellDropDown: true, source: Object.values(STATUS_LABELS.ja).join(",") } } }]);
  });

  it("a single record chunk still refused as too large fails the record write", async () => {
    const ctx = new FakeContext([sheetData("A", [["a"]])]);
    for (let k = 1; k <= 30; k++) ctx.failSync(k, PAYLOAD, 0);
    await expect(writeRecord(ctx, false, ["{}"])).rejects.toMatchObject({ code: PAYLOAD });
  });

  it("finishRun writes nothing for a run that changed nothing", async () => {
    const ctx = new FakeContext([seedSheet()]);
    await finishRun(ctx, startRun());
    expect(ctx.syncs).toBe(0);
    const run = startRun();
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: false, run });
    const n = ctx.syncs;
    await finishRun(ctx, { ...run, changed: false, record: run.record ?? { version: 1, sheets: {} } as unknown as ShinchokuRecord });
    expect(ctx.syncs).toBe(n);
    expect(() => ctx.sheet(RECORD_SHEET)).toThrow();
  });

  it("an all-sheets run writes the record once at its end; finishing again writes nothing more, and a later run's finish rewrites it", async () => {
    const ctx = new FakeContext([seedSheet("甲"), seedSheet("乙")]);
    const run = startRun();
    await write(ctx, { sheet: "甲", run });
    await write(ctx, { sheet: "乙", run });
    expect(() => ctx.sheet(RECORD_SHEET)).toThrow();
    await finishRun(ctx, run);
    const n = ctx.syncs;
    await finishRun(ctx, run);
    expect(ctx.syncs).toBe(n);
    expect(await undoLast(ctx)).toBe(true);
    const run2 = startRun();
    await write(ctx, { sheet: "甲", run: run2, runAt: "2026-04-03T00:00:00.000Z" });
    await finishRun(ctx, run2);
    expect(cellOf(ctx.sheet("甲"), "I6").value).toBe("達成");
    expect(await undoLast(ctx)).toBe(true);
    expect(cellOf(ctx.sheet("甲"), "I6").value).toBe("");
  });

  it("a run finished once can go on (the summary) and be finished again: the record then marks the summary as ours", async () => {
    const ctx = new FakeContext([seedSheet("甲")]);
    const run = startRun();
    const out = await write(ctx, { sheet: "甲", run });
    await finishRun(ctx, run);
    await writeSummary(ctx, [out.report], run);
    await finishRun(ctx, run);
    // Ours: a later summary (outside the run) may rewrite the sheet.
    await expect(writeSummary(ctx, [out.report])).resolves.toBeUndefined();
    expect(await undoLast(ctx)).toBe(true);
    expect(cellOf(ctx.sheet("甲"), "I6").value).toBe("");
  });

  it("writes with the same run time are undone together; with different times only the last is undone", async () => {
    const same = new FakeContext([seedSheet("甲"), seedSheet("乙")]);
    await write(same, { sheet: "甲", runAt: "2026-04-01T00:00:00.000Z" });
    await write(same, { sheet: "乙", runAt: "2026-04-01T00:00:00.000Z" });
    expect(await undoLast(same)).toBe(true);
    expect(cellOf(same.sheet("甲"), "I6").value).toBe("");
    expect(cellOf(same.sheet("乙"), "I6").value).toBe("");
    const apart = new FakeContext([seedSheet("甲"), seedSheet("乙")]);
    await write(apart, { sheet: "甲", runAt: "2026-04-01T00:00:00.000Z" });
    await write(apart, { sheet: "乙", runAt: "2026-04-02T00:00:00.000Z" });
    expect(await undoLast(apart)).toBe(true);
    expect(cellOf(apart.sheet("甲"), "I6").value).toBe("達成");
    expect(cellOf(apart.sheet("乙"), "I6").value).toBe("");
  });

  it("without a run time each write is its own run", async () => {
    const ctx = new FakeContext([seedSheet("甲"), seedSheet("乙")]);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, sheet: "甲" });
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, sheet: "乙" });
    expect(await undoLast(ctx)).toBe(true);
    expect(cellOf(ctx.sheet("甲"), "I6").value).toBe("達成");
  });
});

describe("undoLast: which state it goes back to", () => {
  it("a run over two sheets, one deleted since: nothing is restored anywhere, and it says the sheet is missing", async () => {
    const ctx = new FakeContext([seedSheet("甲"), seedSheet("乙")]);
    await write(ctx, { sheet: "甲" });
    await write(ctx, { sheet: "乙" });
    ctx.engine.sheets = ctx.engine.sheets.filter((x) => x.name !== "乙");
    const err = await undoLast(ctx).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "sheet-missing" });
    expect((err as Error).message).not.toBe("");
    expect(cellOf(ctx.sheet("甲"), "I6").value).toBe("達成");
  });

  it("「最初の状態に戻す」 with a record of an older version (no origin) undoes the last run", async () => {
    const ctx = new FakeContext([seedSheet()]);
    await write(ctx);
    editRecord(ctx, (r) => {
      delete r.origin;
    });
    expect(await undoLast(ctx, undefined, { all: true })).toBe(true);
    expect(cellOf(ctx.sheet("人事・財政部会"), "I6").value).toBe("");
  });

  it("undoing a first write with a record of an older version (no origin) works", async () => {
    const ctx = new FakeContext([seedSheet()]);
    await write(ctx);
    editRecord(ctx, (r) => {
      delete r.origin;
    });
    expect(await undoLast(ctx)).toBe(true);
    expect(cellOf(ctx.sheet("人事・財政部会"), "I6").value).toBe("");
    expect(await undoLast(ctx)).toBe(false);
  });

  it("「最初の状態に戻す」 leaves no record behind", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const original = dump(ctx.sheet("人事・財政部会"), 8, 12);
    await write(ctx);
    await write(ctx, { runAt: "2026-04-02T00:00:00.000Z" });
    expect(await undoLast(ctx, undefined, { all: true })).toBe(true);
    expect(dump(ctx.sheet("人事・財政部会"), 8, 12)).toEqual(original);
    expect(recordText(ctx)).toEqual([]);
    expect(await undoLast(ctx)).toBe(false);
  });
});

it("after undoing a second write, the first write's results are still known as Shinchoku's: a new write may replace them", async () => {
  const ctx = new FakeContext([seedSheet()]);
  await write(ctx);
  const s = ctx.sheet("人事・財政部会");
  const g6 = cellOf(s, "G6");
  s.cells.set("5,6", { ...g6, value: "", type: "Empty" }); // the user empties 期末自己評価: the next results differ
  await write(ctx, { runAt: "2026-04-02T00:00:00.000Z" });
  expect(cellOf(s, "I6").value).not.toBe("達成");
  expect(await undoLast(ctx)).toBe(true);
  expect(cellOf(s, "I6").value).toBe("達成");
  await expect(write(ctx, { runAt: "2026-04-03T00:00:00.000Z" })).resolves.toMatchObject({ written: true });
});
