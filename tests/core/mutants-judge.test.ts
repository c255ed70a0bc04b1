/** judge: the numeric KPI's mismatch checks, the 番号 checks and the fiscal-year sources, message by message. */
import { judge, resolveConfig, type SheetReport } from "../../src/core";
import { HEADER, progressSheet, sheet } from "../helpers/sheet";

const TITLE = "令和2年度 市政改革プラン3.0 進捗状況";
const codes = (r: SheetReport) => r.issues.map((i) => `${i.code}@${i.cell ?? "-"}`);

describe("numeric KPI: units, denominators, claims", () => {
  it("a unit mismatch names both units and leaves the KPI unjudged; the same unit written differently is no mismatch", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件", "実績 6回"]]));
    expect(r.issues[0]).toMatchObject({ code: "unit-mismatch", severity: "warning", cell: "G4" });
    expect(r.issues[0].message).toContain("回");
    expect(r.issues[0].message).toContain("件");
    expect(r.items[0].kpis[0]).toMatchObject({ actual: 6, actualUnit: "回", rate: null, status: "unknown" });
    const same = judge(progressSheet(TITLE, [[1, "A", "2年度 10％", "実績 8%"]]));
    expect(codes(same)).toEqual([]);
    expect(same.items[0].kpis[0]).toMatchObject({ rate: 0.8, status: "mostly_achieved" });
  });
  it("a denominator mismatch names both and still judges by the shares; equal denominators raise nothing", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 21区長/24区長", "＜①＞18区長/20区長"]]));
    expect(r.issues[0]).toMatchObject({ code: "denominator-mismatch", severity: "warning", cell: "G4" });
    expect(r.issues[0].message).toContain("20");
    expect(r.issues[0].message).toContain("24");
    expect(r.items[0].kpis[0]).toMatchObject({ actual: 18, actualDenominator: 20 });
    const same = judge(progressSheet(TITLE, [[1, "A", "2年度 21区長/24区長", "＜①＞21区長/24区長"]]));
    expect(codes(same)).toEqual([]);
  });
  it("a non-positive value notes it and is unknown", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件", "実績 0件"]]));
    expect(r.items[0].kpis[0].status).toBe("unknown");
    expect(r.items[0].notes.join("")).toContain("正の数");
    const ok = judge(progressSheet(TITLE, [[1, "A", "2年度 10件", "実績 10件"]]));
    expect(ok.items[0].notes.join("")).not.toContain("正の数");
  });
  it("the mismatch message gives the claim, the status and the rate; an unknown status is no mismatch", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成した。\n実績 6件"]]));
    expect(r.issues[0].message).toMatch(/60\.0%/);
    const deny = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成できなかった。\n実績 12件"]]));
    expect(deny.issues[0].message).toMatch(/120\.0%/);
    const mostly = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成できなかった。\n実績 9件"]]));
    expect(codes(mostly)).toEqual([]);
    const unknown = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成した。\n実績 0件"]]));
    expect(codes(unknown)).toEqual([]);
    const affirmMostly = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成した。\n実績 9件"]]));
    expect(codes(affirmMostly)).toEqual(["self-assessment-mismatch@G4"]);
    const zeroLower = judge(progressSheet(TITLE, [[1, "A", "2年度 0件以下", "目標を達成した。\n実績 0件"]]));
    expect(codes(zeroLower)).toEqual([]);
  });
});

describe("番号", () => {
  it("duplicates by value (2, 2.0, 02), the first row named; text numbers are invalid", () => {
    const r = judge(progressSheet(TITLE, [[2, "A", "2年度 5件", "5件"], ["2.0", "B", "2年度 5件", "5件"], ["x", "C", "2年度 5件", "5件"], ["02", "D", "2年度 5件", "5件"], [3, "E", "2年度 5件", "5件"]]));
    expect(codes(r)).toEqual(["duplicate-number@A5", "invalid-number@A6", "duplicate-number@A7"]);
    expect(r.issues[0]).toMatchObject({ severity: "error", column: "番号", row: 5 });
    expect(r.issues[0].message).toContain("4行目");
    expect(r.issues[1]).toMatchObject({ severity: "warning" });
    expect(r.issues[1].message).toContain("x");
  });
  it("a number cell keeps its value's text; 1.5 is invalid", () => {
    const r = judge(progressSheet(TITLE, [[1.5, "A", "2年度 5件", "5件"]]));
    expect(codes(r)).toEqual(["invalid-number@A4"]);
    expect(r.issues[0].message).toContain("1.5");
  });
});

describe("fiscal year sources", () => {
  const rows = [["進捗状況"], HEADER, [1, "A", "s", "3年度 5件", "p", "m", "5件", "n"]];
  it("a file name's folder is not read; none found is an error", () => {
    expect(judge(sheet(rows, "Sheet1", { fileName: "令和9年度/部会.xlsx" })).fiscalYear).toBeNull();
    expect(judge(sheet(rows, "Sheet1", { fileName: "C:\\令和9年度\\部会_R3.xlsx" })).fiscalYear).toBe(2021);
    const none = judge(sheet(rows));
    expect(none.issues.find((i) => i.code === "fiscal-year-unknown")).toMatchObject({ severity: "error" });
    expect(none.fiscalYearSource).toBeNull();
  });
  it("bare years are resolved against the title's year, else the fiscal year", () => {
    const t = judge(sheet([["令和3年度 進捗"], HEADER, [1, "A", "s", "3年度 5件", "p", "m", "5件", "n"]]));
    expect(t.items[0].status).toBe("achieved");
    const s = judge(sheet(rows, "R3"), resolveConfig({}));
    expect(s.items[0].status).toBe("achieved");
  });
  it("the title is read from the rows above the header, empty and error cells skipped", () => {
    const r = judge(sheet([["進捗", { error: "#REF!" }, "", " 令和3年度 "], HEADER, [1, "A", "s", "3年度 5件", "p", "m", "5件", "n"]]));
    expect([r.fiscalYear, r.fiscalYearSource]).toEqual([2021, "title"]);
    const split = judge(sheet([["令和2年度～令和4年度"], ["令和3年度"], HEADER, [1, "A", "s", "3年度 5件", "p", "m", "5件", "n"]]));
    expect(split.fiscalYear).toBe(2021);
  });
});
