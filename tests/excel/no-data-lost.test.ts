/** Nothing is lost: write/undo cycles restore every byte; a failure at any step leaves old or new, never a mix. */
import { DEFAULT_CONFIG, parseA1, RECORD_SHEET } from "../../src/core";
import { checkSheet, undoLast } from "../../src/excel/gateway";
import { FakeContext, type FakeSheetData, sheetData } from "./fake-excel";

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

function progress(items: number): FakeSheetData {
  const rows: (string | number | null)[][] = [["令和2年度 進捗状況"], [], [...HEADER, null, "メモ（利用者の列）"]];
  for (let i = 0; i < items; i++) rows.push([i + 1, `項目${i + 1}`, "状態", "2年度 10件", "計画", "中間", i % 5 === 0 ? "" : `実績 ${7 + (i % 5)}件`, "課題", null, `メモ${i}`]);
  const s = sheetData("進捗", rows);
  // A user's fill and format beside the data, which must survive everything.
  s.cells.get("3,9")!.fill = { pattern: "Solid", color: "#FFFF00" };
  // An empty cell the user made bold and wrapped, where the output columns will go.
  s.cells.set("2,10", { value: "", type: "Empty", numFmt: "@", fill: { pattern: "Solid", color: "#00FF00" }, bold: true, wrap: true, va: "Center" });
  // The user's own drop-down over the column where the statuses will go (and beyond them).
  s.validations.push({ range: `K1:K${items + 20}`, rule: { list: { inCellDropDown: true, source: "済,未" } } });
  return s;
}

/** The validation rule of each cell (however the rules are split into ranges). */
function validationByCell(s: FakeSheetData): string[] {
  const out: string[] = [];
  for (const v of s.validations) {
    const [a, b] = v.range.split(":").map((x) => parseA1(x)!);
    for (let r = a.row; r <= (b ?? a).row; r++) for (let c = a.col; c <= (b ?? a).col; c++) out.push(`${r},${c}=${JSON.stringify(v.rule)}`);
  }
  return out.sort();
}

/** Everything about a sheet the write sets, as a comparable string: every cell property (value, type, number format, fill, bold, wrap, vertical alignment), widths, validations. */
function state(ctx: FakeContext, name = "進捗"): string {
  const s = ctx.sheet(name);
  const cells = [...s.cells].filter(([, c]) => !(c.type === "Empty" && c.fill.pattern === "None" && c.numFmt === "General" && !c.bold && !c.wrap && c.va === undefined)).sort(([a], [b]) => a.localeCompare(b));
  const widths = [...s.widths].filter(([, w]) => w !== 48).sort(([a], [b]) => a - b);
  return JSON.stringify({ cells, widths, validations: validationByCell(s) });
}

const userArea = (ctx: FakeContext) => JSON.stringify([...ctx.sheet("進捗").cells].filter(([k]) => Number(k.split(",")[1]) <= 9).sort(([a], [b]) => a.localeCompare(b)));

describe("no data lost (gateway, fake Excel)", () => {
  it("write, undo, write, undo: identical to the start", async () => {
    const ctx = new FakeContext([progress(40)]);
    const start = state(ctx);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const judged = state(ctx);
    expect(judged).not.toBe(start);
    expect(await undoLast(ctx)).toBe(true);
    expect(state(ctx)).toBe(start);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(state(ctx)).toBe(judged);
    expect(await undoLast(ctx)).toBe(true);
    expect(state(ctx)).toBe(start);
  });

  it("undo goes back one write, then to the state before Shinchoku first wrote (as the CLI does)", async () => {
    const ctx = new FakeContext([progress(40)]);
    const start = state(ctx);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const first = state(ctx);
    // The user fills in an actual; the second run writes its result (and more cells change).
    ctx.sheet("進捗").cells.set("3,6", { ...ctx.sheet("進捗").cells.get("4,6")!, value: "実績 10件" });
    const afterEdit = state(ctx);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    expect(state(ctx)).not.toBe(afterEdit);
    expect(await undoLast(ctx)).toBe(true);
    expect(state(ctx)).toBe(afterEdit);
    expect(await undoLast(ctx)).toBe(true);
    // The origin: every cell Shinchoku wrote is as before its first write; the user's edit stays.
    const s = ctx.sheet("進捗");
    expect(s.cells.get("3,6")?.value).toBe("実績 10件");
    s.cells.set("3,6", { ...s.cells.get("3,6")!, value: "" , type: "Empty" });
    expect(state(ctx)).toBe(start);
    expect(first).not.toBe(start);
    expect(await undoLast(ctx)).toBe(false);
  });

  it("undo all (「最初の状態に戻す」) goes back to before the first write at once, after several writes", async () => {
    const ctx = new FakeContext([progress(40)]);
    const start = state(ctx);
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const first = state(ctx);
    await checkSheet(ctx, { config: { ...DEFAULT_CONFIG, phase: "interim" }, write: true });
    expect(state(ctx)).not.toBe(first);
    expect(await undoLast(ctx, undefined, { all: true })).toBe(true);
    expect(state(ctx)).toBe(start);
    expect(await undoLast(ctx)).toBe(false);
  });

  // A small budget makes the write go in several row blocks, so failures land mid-write. Mutation runs
  // use a quarter of the chunked sheet and budget (the same row blocks, 4x faster).
  const k = process.env.SHINCHOKU_MUTATION_RUN ? 4 : 1;
  const cases: [string, number, number | undefined][] = [
    ["one-sync write", 40, undefined],
    ["chunked write", 400 / k, 60_000 / k],
  ];
  for (const [name, items, budget] of cases) {
    it(`${name}: a failure at each sync leaves the old state or the new one, never a mix`, async () => {
      const ok = new FakeContext([progress(items)]);
      const start = state(ok);
      const user = userArea(ok);
      await checkSheet(ok, { config: DEFAULT_CONFIG, write: true, payloadBudget: budget });
      const done = state(ok);
      const total = ok.syncs;
      expect(total).toBeGreaterThanOrEqual(3);
      const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
      for (let k = 1; k <= total; k++) {
        const ctx = new FakeContext([progress(items)]);
        ctx.failSync(k, "GeneralException");
        const r = await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, payloadBudget: budget }).then(() => "ok", (e: { code: string }) => e.code);
        const now = state(ctx);
        expect([k, r, now === start || now === done]).toEqual([k, r, true]);
        expect(r === "ok" ? now === done : now === start).toBe(true);
        expect(userArea(ctx).length).toBeGreaterThan(0);
        if (now === start) expect(userArea(ctx)).toBe(user);
        // The record never outlives a rolled-back write.
        if (r !== "ok" && ctx.engine.find(RECORD_SHEET)) expect([...ctx.sheet(RECORD_SHEET).cells.values()].every((c) => c.type === "Empty")).toBe(true);
      }
      spy.mockRestore();
    });
  }
});
