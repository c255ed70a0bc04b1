/** Survivors of the first core mutation run (reports/mutation/core.json), killed one by one. */
import { judge, type SheetReport } from "../../src/core";
import { rateOf } from "../../src/core/attainment";
import { resolveBareYear, titleYear } from "../../src/core/fiscal-year";
import { HEADER, progressSheet, sheet } from "../helpers/sheet";

const TITLE = "令和2年度 市政改革プラン3.0 進捗状況";
const codes = (r: SheetReport) => r.issues.map((i) => i.code);

it("attainment: negative targets and actuals are unknown, whatever the direction", () => {
  expect(rateOf({ direction: "higher", target: -5, actual: 3 }, 0.8)).toEqual({ rate: null, status: "unknown" });
  expect(rateOf({ direction: "lower", target: 0, actual: -1 }, 0.8)).toEqual({ rate: null, status: "unknown" });
  expect(rateOf({ direction: "lower", target: -5, actual: 3 }, 0.8)).toEqual({ rate: null, status: "unknown" });
});

it("fiscal year: a bare year equally far from two eras reads as the later era", () => {
  expect(resolveBareYear(15, 2018)).toBe(2033); // 令和15 and 平成15 are both 15 years away
});

it("title: only a range marker alone between two years makes a range", () => {
  expect(titleYear("令和2年度 第2期～令和4年度")).toBe(2022);
  expect(titleYear("令和2年度～ 第2期 令和4年度")).toBe(2022);
  expect(titleYear("令和2年度 ～ 令和4年度")).toBeNull();
  // A bare year after it cannot be resolved in a title and leaves the named year standing.
  expect(titleYear("令和2年度 進捗 3年度")).toBe(2020);
});

it("title: header rows are not part of the title (a year in a header cell is not the fiscal year)", () => {
  const header = HEADER.map((h) => (h === "中間自己評価と下半期の方向性" ? "中間自己評価と下半期の方向性（令和3年度）" : h));
  const r = judge(sheet([["令和2年度 進捗状況"], header, [1, "A", "s", "2年度 5件", "p", "m", "5件", "n"]]));
  expect([r.fiscalYear, r.fiscalYearSource]).toEqual([2020, "title"]);
});

it("番号: a number cell is named by its value, not its display text", () => {
  const input = progressSheet(TITLE, [[1, "A", "2年度 5件", "5件"]]);
  input.cells[3][0] = { value: 0.5, kind: "number", text: "50%" };
  const r = judge(input);
  expect(codes(r)).toEqual(["invalid-number"]);
  expect(r.issues[0].message).toContain("0.5");
  expect(r.issues[0].message).not.toContain("50%");
});

it("denominators: a mismatch only when both sides have one", () => {
  const noActualDen = judge(progressSheet(TITLE, [[1, "A", "2年度 21区長/24区長", "＜①＞18区長"]]));
  expect(codes(noActualDen)).not.toContain("denominator-mismatch");
  const noTargetDen = judge(progressSheet(TITLE, [[1, "A", "2年度 21区長", "＜①＞18区長/20区長"]]));
  expect(codes(noTargetDen)).not.toContain("denominator-mismatch");
});
