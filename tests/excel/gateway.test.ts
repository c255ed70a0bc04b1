import { DEFAULT_CONFIG, RECORD_SHEET, STATUS_FILLS } from "../../src/core";
import { checkSheet, listSheets, selectCell, undoLast, writeSummary } from "../../src/excel/gateway";
import { ShinchokuError, toShinchokuError } from "../../src/excel/errors";
import { seedFromTsv } from "../helpers/sheet";
import { cellOf, dump, FakeContext, type FakeSheetData, selected, sheetData } from "./fake-excel";

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

function seedSheet(): FakeSheetData {
  const input = seedFromTsv();
  return sheetData("人事・財政部会", input.cells.map((r) => r.map((c) => (c.kind === "empty" ? null : (c.value as string | number)))));
}

function bigSheet(items: number): FakeSheetData {
  const rows: (string | number)[][] = [["令和2年度 進捗状況"], [], HEADER];
  for (let i = 0; i < items; i++) rows.push([i + 1, `項目${i + 1}`, "状態", "2年度 10件以上", "計画", "中間", `実績 ${8 + (i % 4)}件`, "課題"]);
  return sheetData("大", rows);
}

const run = (ctx: FakeContext, write = true, sheet?: string, payloadBudget?: number) => checkSheet(ctx, { config: DEFAULT_CONFIG, write, sheet, payloadBudget });

describe("gateway against the fake Excel", () => {
  it("judges the seed sheet end to end and writes the plan's cells in at most 3 syncs", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const out = await run(ctx);
    expect(ctx.syncs).toBeLessThanOrEqual(3);
    expect(out.report.items.map((i) => i.status)).toEqual(["achieved", "achieved"]);
    const s = ctx.sheet("人事・財政部会");
    expect(dump(s, 7, 12)[4].slice(8)).toEqual(["達成状況", "達成率", "判定根拠", "チェック結果"]);
    expect(cellOf(s, "I6").value).toBe("達成");
    expect(cellOf(s, "J6")).toMatchObject({ value: 1.0952, numFmt: "0.0%" });
    expect(cellOf(s, "I6").fill).toEqual({ pattern: "Solid", color: `#${STATUS_FILLS.achieved.slice(2)}` });
    expect(s.validations).toEqual([expect.objectContaining({ range: "I6:I7" })]);
    expect(s.widths.get(10)).toBeGreaterThan(100);
    expect(ctx.sheet(RECORD_SHEET).visibility).toBe("VeryHidden");
    expect(ctx.suspended).toBeGreaterThan(0);
  });

  it("check only: one sync, nothing written", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const before = dump(ctx.sheet("人事・財政部会"), 8, 14);
    await run(ctx, false);
    expect(ctx.syncs).toBe(1);
    expect(dump(ctx.sheet("人事・財政部会"), 8, 14)).toEqual(before);
  });

  it("is idempotent: a re-run reuses the columns and writes the same cells", async () => {
    const ctx = new FakeContext([seedSheet()]);
    await run(ctx);
    const first = dump(ctx.sheet("人事・財政部会"), 8, 14);
    await run(ctx);
    expect(dump(ctx.sheet("人事・財政部会"), 8, 14)).toEqual(first);
    expect(cellOf(ctx.sheet("人事・財政部会"), "M5").value).toBe("");
  });

  it("refuses to overwrite a cell the user typed into, writing nothing", async () => {
    const ctx = new FakeContext([seedSheet()]);
    await run(ctx);
    const s = ctx.sheet("人事・財政部会");
    cellOf(s, "K6");
    s.cells.set("5,10", { ...cellOf(s, "K6"), value: "担当メモ", type: "String" });
    const before = dump(s, 8, 14);
    await expect(run(ctx)).rejects.toMatchObject({ code: "overwrite-refused" });
    expect(dump(ctx.sheet("人事・財政部会"), 8, 14)).toEqual(before);
  });

  it("undo restores values, fills, number formats and widths exactly — even from a new context", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const s0 = ctx.sheet("人事・財政部会");
    s0.cells.set("5,8", { value: "", type: "Empty", numFmt: "General", fill: { pattern: "Solid", color: "#FF0000" }, bold: false, wrap: false });
    const before = JSON.stringify([...s0.cells].sort());
    const widths = new Map(s0.widths);
    await run(ctx);
    // A new context over the same workbook stands for the pane closed and reopened.
    const reopened = new FakeContext(ctx.engine.sheets);
    expect(await undoLast(reopened)).toBe(true);
    const s = reopened.sheet("人事・財政部会");
    const after = new Map([...s.cells].filter(([, c]) => !(c.type === "Empty" && c.fill.pattern === "None" && c.numFmt === "General" && !c.bold && !c.wrap)));
    const orig = new Map(JSON.parse(before) as [string, unknown][]);
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries([...orig].filter(([, c]) => !((c as { type: string }).type === "Empty" && (c as { fill: { pattern: string } }).fill.pattern === "None"))));
    expect(s.validations).toEqual([]);
    for (const [col, w] of s.widths) expect(w).toBe(widths.get(col) ?? 48);
    expect(await undoLast(reopened)).toBe(false);
  });

  it("stops when the sheet changed between read and write", async () => {
    const ctx = new FakeContext([seedSheet()]);
    const s = ctx.sheet("人事・財政部会");
    const realSync = ctx.sync.bind(ctx);
    let n = 0;
    ctx.sync = async () => {
      await realSync();
      if (++n === 1) s.cells.set("10,0", { value: 9, type: "Double", numFmt: "General", fill: { pattern: "None", color: "#FFFFFF" }, bold: false, wrap: false });
    };
    const before = dump(s, 8, 14);
    await expect(run(ctx)).rejects.toMatchObject({ code: "sheet-changed" });
    expect(dump(ctx.sheet("人事・財政部会"), 8, 14)).toEqual(before);
  });

  it("reads and writes a sheet over the payload limit in row blocks, retrying at half size", async () => {
    // The fake's limit is below the gateway's budget, so Excel-side rejections and halving happen.
    // Mutation runs use a third of the sheet and of the limits (the same blocks and halvings, 3x faster).
    const k = process.env.SHINCHOKU_MUTATION_RUN ? 3 : 1;
    const n = 3000 / k;
    const ctx = new FakeContext([bigSheet(n)], { payloadLimit: 200_000 / k });
    const out = await run(ctx, true, undefined, 300_000 / k);
    expect(out.report.items).toHaveLength(n);
    expect(ctx.syncs).toBeGreaterThan(3);
    expect(Math.max(...ctx.requestBytes)).toBeLessThanOrEqual(200_000 / k);
    expect(cellOf(ctx.sheet("大"), `I${n + 3}`).value).toBe("達成");
    expect(cellOf(ctx.sheet("大"), "I4").value).toBe("概ね達成");
  });

  it.each([
    ["AccessDenied", "protected", "保護"],
    ["InvalidOperationInCellEditMode", "cell-edit-mode", "編集"],
    ["ItemNotFound", "sheet-missing", "見つかりません"],
    ["ActivityLimitReached", "busy", "しばらく"],
    ["GeneralException", "general", "内部でエラー"],
    ["InactiveWorkbook", "workbook-inactive", "前面"],
    ["RangeExceedsLimit", "range-too-large", "上限"],
    ["InvalidOperation", "invalid-operation", "編集"],
    // Not an Office error code: no branch of its own.
    ["ProtectedSheet", "unknown", "Excel でエラー"],
  ])("maps %s to %s with a Japanese message", async (officeCode, code, words) => {
    const ctx = new FakeContext([seedSheet()]);
    ctx.failSync(1, officeCode);
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const err = await run(ctx).catch((e: unknown) => e);
    spy.mockRestore();
    expect(err).toBeInstanceOf(ShinchokuError);
    expect(err).toMatchObject({ code });
    expect((err as Error).message).toContain(words);
    expect((err as Error).message).not.toContain(officeCode);
  });

  it("refuses a protected sheet before writing", async () => {
    const sheet = seedSheet();
    sheet.protected = true;
    const ctx = new FakeContext([sheet]);
    await expect(run(ctx)).rejects.toMatchObject({ code: "protected" });
  });

  it("reports a deleted sheet as sheet-missing", async () => {
    const ctx = new FakeContext([seedSheet()]);
    await expect(run(ctx, true, "消えたシート")).rejects.toMatchObject({ code: "sheet-missing" });
  });

  it("maps errors by code, not message", () => {
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(toShinchokuError({ code: "AccessDenied", message: "anything" }).code).toBe("protected");
    expect(toShinchokuError(new Error("AccessDenied")).code).toBe("unknown");
    spy.mockRestore();
  });

  it("lists sheets, selects a cell, writes the 判定集計 summary and rewrites it on re-run", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("メモ", [["x"]])]);
    expect(await listSheets(ctx)).toEqual(["人事・財政部会", "メモ"]);
    await selectCell(ctx, "人事・財政部会", "G7");
    expect(selected.last).toBe("人事・財政部会!G7");
    const out = await run(ctx);
    await writeSummary(ctx, [out.report]);
    await writeSummary(ctx, [out.report]);
    const sum = ctx.sheet("判定集計");
    expect(dump(sum, 2, 8)).toEqual([["シート", "達成", "概ね達成", "未達成", "判定不能", "未入力", "エラー", "警告"], ["人事・財政部会", 2, 0, 0, 0, 0, 0, 0]]);
    expect(sum.charts).toHaveLength(1);
  });

  it("refuses to take over a 判定集計 sheet it did not make", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("判定集計", [["手作り"]])]);
    const out = await run(ctx, false);
    await expect(writeSummary(ctx, [out.report])).rejects.toMatchObject({ code: "summary-sheet-taken" });
  });
});
