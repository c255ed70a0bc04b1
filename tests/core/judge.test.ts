import { DEFAULT_CONFIG, judge, resolveConfig, type SheetReport } from "../../src/core";
import { HEADER, progressSheet, seedFromTsv, sheet } from "../helpers/sheet";

const codes = (r: SheetReport) => r.issues.map((i) => `${i.code}@${i.cell ?? "-"}`);
const TITLE = "令和2年度 市政改革プラン3.0 進捗状況";

describe("judge: the seed sheet (TSV extraction with HTML markup)", () => {
  const r = judge(seedFromTsv());
  it("finds the header and the fiscal year from the title", () => {
    expect(r.recognized).toBe(true);
    expect(r.headerRow).toBe(5);
    expect(r.fiscalYear).toBe(2020);
    expect(r.fiscalYearSource).toBe("title");
    expect(r.columns["期末自己評価"]).toBe("G");
  });
  it("judges item 1 achieved from the two numeric KPIs", () => {
    const item = r.items[0];
    expect(item.kpis.map((k) => [k.id, k.target, k.actual, k.denominator, k.rate, k.status])).toEqual([
      ["1", 21, 23, 24, 1.0952, "achieved"],
      ["2", 21, 24, 24, 1.1429, "achieved"],
    ]);
    expect(item.status).toBe("achieved");
    expect(item.rate).toBe(1.0952);
  });
  it("judges item 2 achieved from the qualitative claim", () => {
    const item = r.items[1];
    expect(item.kpis).toHaveLength(1);
    expect(item.kpis[0]).toMatchObject({ kind: "qualitative", target: "標準化の計画策定 1年目の標準化計画達成", claim: "affirm", status: "achieved" });
    expect(item.status).toBe("achieved");
  });
  it("raises no issue", () => expect(r.issues).toEqual([]));
});

describe("judge: header detection (§1)", () => {
  it("accepts line breaks, bracketed suffixes, 向けた and columns in any order", () => {
    const r = judge(sheet([["令和2年度"], ["期末\n自己評価（令和2年度）", "番号", "項 目 名", "目標達成水準", "翌年度に向けた課題と方向性", "メモ"], ["①達成した", 1, "A", "2年度 5件", "x", "memo"]]));
    expect(r.headerRow).toBe(2);
    expect(r.columns).toMatchObject({ 期末自己評価: "A", 番号: "B", 項目名: "C", 目標達成水準: "D", 翌年度にむけた課題と方向性: "E" });
    expect(r.items).toHaveLength(1);
  });
  it("finds a header at row 30 but not at row 31", () => {
    const blank = (n: number) => Array.from({ length: n }, () => [] as string[]);
    expect(judge(sheet([["令和2年度"], ...blank(28), HEADER])).headerRow).toBe(30);
    const r = judge(sheet([["令和2年度"], ...blank(29), HEADER]));
    expect(r.recognized).toBe(false);
    expect(codes(r)).toEqual(["sheet-skipped@-"]);
    expect(judge(sheet([["x"]]), DEFAULT_CONFIG, { requested: true }).issues[0]).toMatchObject({ code: "header-not-found", severity: "error" });
  });
  it("reports duplicate and missing columns with the phase's severity", () => {
    const r = judge(sheet([[TITLE], ["番号", "項目名", "目標達成水準", "期末自己評価", "番号"]]));
    expect(r.issues.filter((i) => i.code === "duplicate-column")).toEqual([expect.objectContaining({ cell: "E2", column: "番号", severity: "warning" })]);
    const missing = Object.fromEntries(r.issues.filter((i) => i.code === "missing-column").map((i) => [i.column, i.severity]));
    expect(missing).toEqual({ めざすべき状態: "warning", "行動計画・取組内容": "warning", 中間自己評価と下半期の方向性: "warning", 翌年度にむけた課題と方向性: "warning" });
    const interim = judge(sheet([[TITLE], ["番号", "項目名", "目標達成水準", "期末自己評価"]]), resolveConfig({ phase: "interim" }));
    expect(interim.issues.find((i) => i.column === "中間自己評価と下半期の方向性")?.severity).toBe("error");
  });
  it("reads a header split over two rows (自己評価 over 中間 / 期末)", () => {
    const r = judge(sheet([
      [TITLE],
      ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "自己評価", "", "翌年度にむけた課題と方向性"],
      ["", "", "", "", "", "中間自己評価と下半期の方向性", "期末自己評価", ""],
      [1, "A", "s", "2年度 5件", "p", "m", "5件", "n"],
    ]));
    expect(r.headerRow).toBe(3);
    expect(r.columns).toMatchObject({ 番号: "A", 中間自己評価と下半期の方向性: "F", 期末自己評価: "G", 翌年度にむけた課題と方向性: "H" });
    expect(r.title).toBe(TITLE);
    expect(r.items.map((i) => [i.row, i.status])).toEqual([[4, "achieved"]]);
    expect(r.issues).toEqual([]);
  });
  it("reads header words broken across two rows", () => {
    const r = judge(sheet([[TITLE], ["番", "項目", "目標達成", "期末自己"], ["号", "名", "水準", "評価"], [1, "A", "2年度 5件", "5件"]]));
    expect(r.headerRow).toBe(3);
    expect(r.columns).toMatchObject({ 番号: "A", 項目名: "B", 目標達成水準: "C", 期末自己評価: "D" });
    expect(r.items[0].status).toBe("achieved");
  });
  it("does not take the first item row for a header continuation", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 5件", "5件"]]));
    expect(r.headerRow).toBe(3);
    expect(r.items).toHaveLength(1);
  });
  it("uses configured aliases", () => {
    const cfg = resolveConfig({ aliases: { 目標達成水準: ["到達目標"] } });
    expect(judge(sheet([[TITLE], ["番号", "項目名", "到達目標", "期末自己評価"]]), cfg).columns["目標達成水準"]).toBe("C");
  });
});

describe("judge: fiscal year sources (§3)", () => {
  const rows = [["進捗状況"], HEADER, [1, "A", "s", "2年度 5件", "p", "m", "5件", "n"]];
  it("prefers the setting, then the title, the sheet name, the file name", () => {
    expect(judge(sheet(rows), resolveConfig({ fiscalYear: 2021 })).fiscalYear).toBe(2021);
    expect(judge(sheet(rows, "R3進捗")).fiscalYear).toBe(2021);
    expect(judge(sheet(rows, "Sheet1", { fileName: "dir/部会_令和元年度.xlsx" })).fiscalYear).toBe(2019);
  });
  it("reports fiscal-year-unknown and judges every KPI unknown", () => {
    const r = judge(sheet(rows));
    expect(r.fiscalYear).toBeNull();
    expect(codes(r)).toContain("fiscal-year-unknown@-");
    expect(r.items[0].status).toBe("unknown");
  });
});

describe("judge: items and issues (§§5–7)", () => {
  it("marks an empty self-assessment not_entered without actual-missing", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 5件", ""]]));
    expect(r.items[0].status).toBe("not_entered");
    expect(codes(r)).toEqual(["empty-required-cell@G4"]);
  });
  it("reports duplicate and invalid numbers (２ = 2)", () => {
    const r = judge(progressSheet(TITLE, [[2, "A", "2年度 5件", "5件"], ["２", "B", "2年度 5件", "5件"], ["1-2", "C", "2年度 5件", "5件"]]));
    expect(codes(r)).toEqual(["duplicate-number@A5", "invalid-number@A6"]);
    expect(r.issues[0].message).toContain("4行目");
  });
  it("reports a contradicting claim, numbers decide", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成した。\n実績 6件"]]));
    expect(r.items[0]).toMatchObject({ status: "not_achieved", rate: 0.6 });
    expect(codes(r)).toEqual(["self-assessment-mismatch@G4"]);
  });
  it("reports unit and denominator mismatches", () => {
    const unit = judge(progressSheet(TITLE, [[1, "A", "2年度 10件", "実績 6回"]]));
    expect(codes(unit)).toEqual(["unit-mismatch@G4"]);
    expect(unit.items[0].status).toBe("unknown");
    const den = judge(progressSheet(TITLE, [[1, "A", "2年度 21区長/24区長", "＜①＞18区長/20区長"]]));
    expect(codes(den)).toEqual(["denominator-mismatch@G4"]);
    expect(den.items[0]).toMatchObject({ status: "achieved", rate: 1.0286 });
  });
  it("reports actual-missing, target-year-missing, target-unparsed and cell-error", () => {
    const r = judge(progressSheet(TITLE, [
      [1, "A", "2年度 10件", "取組を進めた。"],
      [2, "B", "3年度 10件", "取組を進めた。"],
      [3, "C", "関係局と連携して取り組む", "取組を進めた。"],
      [4, "D", { error: "#N/A" }, "取組を進めた。"],
    ]));
    expect(codes(r)).toEqual(["actual-missing@G4", "target-year-missing@D5", "target-unparsed@D6", "cell-error@D7", "empty-required-cell@D7"]);
    expect(r.items.map((i) => i.status)).toEqual(["unknown", "unknown", "unknown", "unknown"]);
  });
  it("takes the worst KPI for the item, and its lowest rate", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "①2年度 10件\n②2年度 80%以上", "①9件 ②90%"]]));
    expect(r.items[0].kpis.map((k) => k.status)).toEqual(["mostly_achieved", "achieved"]);
    expect(r.items[0]).toMatchObject({ status: "mostly_achieved", rate: 0.9 });
  });
  it("reads a target followed by a bracketed restatement, and the actual after 実績", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 21区長/24区長（87.5%）", "目標を達成した。\n実績：23区長／24区長（95.8%）"]]));
    expect(r.items[0].kpis[0]).toMatchObject({ target: 21, denominator: 24, unit: "区長", actual: 23, status: "achieved" });
    expect(r.issues).toEqual([]);
  });
  it("applies the 概ね threshold from the config (1 = binary)", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件", "9件"]]), resolveConfig({ mostlyThreshold: 1 }));
    expect(r.items[0].status).toBe("not_achieved");
  });
  it("judges every item unknown when the self-assessment column is missing", () => {
    const r = judge(sheet([[TITLE], ["番号", "項目名", "目標達成水準"], [1, "A", "2年度 5件"]]));
    expect(r.items[0].status).toBe("unknown");
    expect(codes(r).filter((c) => c.startsWith("empty"))).toEqual([]);
  });
  it("reads the interim column in the interim phase", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件", ""]]), resolveConfig({ phase: "interim" }));
    expect(r.items[0].status).toBe("unknown"); // 中間 column holds "中間": no actual
    expect(codes(r)).toEqual(["actual-missing@F4"]);
  });
  it("never reads Shinchoku's own output columns as input", () => {
    const rows = [[TITLE], [...HEADER, "達成状況", "達成率"], [1, "A", "s", "2年度 5件", "p", "m", "5件", "n", "未達成", 0.1]];
    const r = judge(sheet(rows));
    expect(r.outputColumns).toEqual({ 達成状況: 9, 達成率: 10 });
    expect(r.lastInputColumn).toBe(8);
    expect(r.items[0].status).toBe("achieved");
  });
  it("shows cell text as typed while parsing markup", () => {
    const r = judge(progressSheet(TITLE, [[1, "<b>A</b><script>x</script>", "2年度 5件", "5件"]]));
    expect(r.items[0].title).toBe("<b>A</b><script>x</script>");
  });
});
