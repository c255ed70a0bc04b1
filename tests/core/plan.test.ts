import { DEFAULT_CONFIG, judge, plan, STATUS_FILLS, type SheetInput, type WritePlan } from "../../src/core";
import { cell, HEADER, progressSheet, seedFromTsv, sheet } from "../helpers/sheet";

const TITLE = "令和2年度 進捗状況";

function mustPlan(input: SheetInput): WritePlan {
  const p = plan(judge(input), input, DEFAULT_CONFIG);
  if (!p.ok) throw new Error(p.error.message);
  return p.plan;
}

/** Applies a plan to the input's cells, as an adapter would. */
function applyTo(input: SheetInput, p: WritePlan): SheetInput {
  const cells = input.cells.map((r) => [...r]);
  for (const c of p.cells) {
    while (cells.length < c.row) cells.push([]);
    const row = cells[c.row - 1];
    while (row.length < c.col) row.push(cell(null));
    row[c.col - 1] = cell(c.value);
  }
  return { ...input, cells, written: p.written };
}

describe("plan", () => {
  const seed = seedFromTsv();
  const p = mustPlan(seed);
  it("appends the four output columns right of the last input column", () => {
    expect(p.columns.map((c) => [c.header, c.col])).toEqual([["達成状況", 9], ["達成率", 10], ["判定根拠", 11], ["チェック結果", 12]]);
    const byAddr = Object.fromEntries(p.cells.map((c) => [c.address, c.value]));
    expect(byAddr).toMatchObject({ I5: "達成状況", J5: "達成率", K5: "判定根拠", L5: "チェック結果", I6: "達成", J6: 1.0952, L6: "OK", I7: "達成", J7: null });
    expect(byAddr.K6).toBe("①23/21区長 109.5% 達成 ②24/21区長 114.3% 達成");
    expect(byAddr.K7).toBe("①定性目標 達成");
  });
  it("gives each status cell its fill and the rate a percentage format", () => {
    expect(p.cells.find((c) => c.address === "I6")?.fill).toBe(STATUS_FILLS.achieved);
    expect(p.cells.find((c) => c.address === "J6")?.numFmt).toBe("0.0%");
    expect(new Set(Object.values(STATUS_FILLS)).size).toBe(5);
  });
  it("reuses its own columns on a re-run and plans the same cells (idempotent)", () => {
    const judged = applyTo(seed, p);
    const again = mustPlan(judged);
    expect(again.columns).toEqual(p.columns);
    expect(again.cells).toEqual(p.cells);
    // Without the ownership record, values that look like Shinchoku's are accepted too.
    const noRecord = { ...judged, written: undefined };
    expect(mustPlan(noRecord).cells).toEqual(p.cells);
  });
  it("refuses to overwrite a cell the user typed into, naming the cell", () => {
    const judged = applyTo(seed, p);
    judged.cells[5][8] = cell("確認中");
    const r = plan(judge(judged), judged, DEFAULT_CONFIG);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("overwrite-refused");
      expect(r.error.cell).toBe("I6");
      expect(r.error.message).toContain("I6");
    }
  });
  it("refuses when a recorded value was changed by hand, even to a valid label", () => {
    const judged = applyTo(seed, p);
    judged.cells[5][8] = cell("未達成");
    expect(plan(judge(judged), judged, DEFAULT_CONFIG).ok).toBe(false);
  });
  it("clears its own stale results in rows that are no longer items", () => {
    const input = progressSheet(TITLE, [[1, "A", "2年度 5件", "5件"], [2, "B", "2年度 5件", "4件"]]);
    const judged = applyTo(input, mustPlan(input));
    judged.cells[4] = judged.cells[4].map((c, i) => (i < 8 ? cell(null) : c));
    const again = mustPlan(judged);
    expect(again.cells.filter((c) => c.row === 5).map((c) => c.value)).toEqual([null, null, null, null]);
  });
  it("lists the issues of the row in チェック結果", () => {
    const input = progressSheet(TITLE, [[1, "A", "2年度 5件", ""]]);
    const c = mustPlan(input).cells.find((x) => x.address === "L4");
    expect(c?.value).toContain("G4");
    expect(mustPlan(input).cells.find((x) => x.address === "K4")?.value).toBe("期末自己評価が未入力");
  });
  it("does not plan for a sheet that is not a progress sheet", () => {
    const input = sheet([["hello"]]);
    expect(plan(judge(input), input, DEFAULT_CONFIG)).toMatchObject({ ok: false, error: { code: "not-a-progress-sheet" } });
  });
  it("keeps output columns after user columns placed right of the input", () => {
    const input = sheet([[TITLE], [...HEADER, "", "備考"], [1, "A", "s", "2年度 5件", "p", "m", "5件", "n", "", "メモ"]]);
    expect(mustPlan(input).columns[0].col).toBe(11);
  });
});
