/**
 * Mutants that survived the suite (issue 14): each test here fails on the mutant it names.
 * See docs/testing.md for how they were found and how to re-run the mutation testing.
 */
import { DEFAULT_CONFIG, judge, plan, resolveConfig, type SheetReport } from "../../src/core";
import { rateOf, round4 } from "../../src/core/attainment";
import { eraOf, fiscalYearLabel, titleYear } from "../../src/core/fiscal-year";
import { HEADER, progressSheet, sheet, type Raw } from "../helpers/sheet";

const TITLE = "令和2年度 市政改革プラン3.0 進捗状況";
const codes = (r: SheetReport) => r.issues.map((i) => `${i.code}@${i.cell ?? "-"}`);

describe("attainment", () => {
  it("a lower-is-better zero target met by zero is achieved (target >= 0, not > 0)", () => {
    expect(rateOf({ direction: "lower", target: 0, actual: 0 }, 0.8)).toEqual({ rate: null, status: "achieved" });
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 事故件数 0件以下", "0件"]]));
    expect(r.items[0].kpis[0]).toMatchObject({ direction: "lower", target: 0, actual: 0, status: "achieved" });
    // A negative target is no target: nothing is achieved against it.
    expect(rateOf({ direction: "lower", target: -1, actual: 0 }, 0.8).status).toBe("unknown");
  });
  it("the rounding nudge: 2399.85 of 3000 is 80.0 % (mostly), not 79.99 % (not achieved)", () => {
    expect(2399.85 / 3000).toBeLessThan(0.79995); // binary noise the nudge is there for
    expect(round4(2399.85 / 3000)).toBe(0.8);
    expect(round4(2.4 / 3)).toBe(0.8);
    expect(rateOf({ direction: "higher", target: 3000, actual: 2399.85 }, 0.8)).toEqual({ rate: 0.8, status: "mostly_achieved" });
    // The nudge does not move real values: 0.79994 stays below.
    expect(round4(0.79994)).toBe(0.7999);
    expect(round4(0.123449)).toBe(0.1234);
  });
});

describe("claims", () => {
  it("達成していない is a denial", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 標準化計画の策定", "計画の策定は、目標を達成していない。"]]));
    expect(r.items[0].kpis[0]).toMatchObject({ kind: "qualitative", claim: "deny", status: "not_achieved" });
  });
  it("完了した is an affirmation", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 標準化計画の策定", "計画の策定を完了した。"]]));
    expect(r.items[0].kpis[0]).toMatchObject({ kind: "qualitative", claim: "affirm", status: "achieved" });
  });
  it("a denied claim with a rate ≥ 1 is a self-assessment-mismatch", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成できなかった。\n実績 12件"]]));
    expect(r.items[0]).toMatchObject({ status: "achieved", rate: 1.2 });
    expect(r.items[0].kpis[0].claim).toBe("deny");
    expect(codes(r)).toEqual(["self-assessment-mismatch@G4"]);
  });
});

describe("header and numbers", () => {
  it("期末評価 is read as 期末自己評価", () => {
    const r = judge(sheet([[TITLE], ["番号", "項目名", "目標達成水準", "期末評価"], [1, "A", "2年度 5件", "5件"]]));
    expect(r.columns["期末自己評価"]).toBe("D");
    expect(r.items[0].status).toBe("achieved");
  });
  it("番号 0 is an invalid number", () => {
    const r = judge(progressSheet(TITLE, [[0, "A", "2年度 5件", "5件"]]));
    expect(codes(r)).toEqual(["invalid-number@A4"]);
    const ok = judge(progressSheet(TITLE, [[10, "A", "2年度 5件", "5件"]]));
    expect(codes(ok)).toEqual([]);
  });
  it("未満 makes a target lower-is-better", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 待機児童 10人未満", "8人"]]));
    expect(r.items[0].kpis[0]).toMatchObject({ direction: "lower", target: 10, actual: 8, status: "achieved", rate: 1.25 });
  });
});

describe("eras", () => {
  it("令和 begins in fiscal 2019, 平成 in 1989", () => {
    expect([eraOf(2018), eraOf(2019), eraOf(1988), eraOf(1989)]).toEqual(["平成", "令和", "昭和", "平成"]);
    expect(fiscalYearLabel(2019)).toMatch(/^令和(元|1)年度$/);
    expect(fiscalYearLabel(2018)).toBe("平成30年度");
    expect(titleYear("令和元年度 進捗状況")).toBe(2019);
    expect(titleYear("平成31年度 進捗状況")).toBe(2019);
  });
});

describe("fiscal year: every source present at once", () => {
  // Each source names a different year, so the one chosen shows which came first.
  const rows: Raw[][] = [["令和3年度 進捗状況"], HEADER, [1, "A", "s", "3年度 5件", "p", "m", "5件", "n"]];
  const noTitle: Raw[][] = [["進捗状況"], ...rows.slice(1)];
  const all = (r: Raw[][]) => sheet(r, "R4進捗", { fileName: "dir/部会_令和5年度.xlsx" });
  it("setting, then title, then sheet name, then file name", () => {
    const s = judge(all(rows), resolveConfig({ fiscalYear: 2020 }));
    expect([s.fiscalYear, s.fiscalYearSource]).toEqual([2020, "setting"]);
    const t = judge(all(rows));
    expect([t.fiscalYear, t.fiscalYearSource]).toEqual([2021, "title"]);
    const n = judge(all(noTitle));
    expect([n.fiscalYear, n.fiscalYearSource]).toEqual([2022, "sheet"]);
    const f = judge(sheet(noTitle, "Sheet1", { fileName: "dir/部会_令和5年度.xlsx" }));
    expect([f.fiscalYear, f.fiscalYearSource]).toEqual([2023, "file"]);
  });
});

describe("plan: values that look like Shinchoku's own (no record)", () => {
  const OUT = ["達成状況", "達成率", "判定根拠", "チェック結果"];
  const withOutput = (status: Raw, basis: Raw) =>
    sheet([[TITLE], [], [...HEADER, ...OUT], [1, "A", "状態", "2年度 5件", "計画", "中間", "5件", "課題", status, null, basis, null]]);
  it("user text in 判定根拠 beside a non-status cell is refused", () => {
    const input = withOutput(null, "担当課メモ");
    const r = plan(judge(input), input, DEFAULT_CONFIG);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: "overwrite-refused", cell: "K4" });
    const other = withOutput("確認中", "担当課メモ");
    const r2 = plan(judge(other), other, DEFAULT_CONFIG);
    expect(r2.ok).toBe(false);
  });
  it("text in 判定根拠 beside a status label is taken as Shinchoku's", () => {
    const input = withOutput("達成", "①5/5件 100.0% 達成");
    expect(plan(judge(input), input, DEFAULT_CONFIG).ok).toBe(true);
  });
});
