/** Version 2 of the grammar through judge() and plan(): layouts, items over rows, rubrics, evidence, messages. */
import { DEFAULT_CONFIG, itemCheckText, judge, plan, resolveConfig, type SheetReport } from "../../src/core";
import { HEADER, sheet } from "../helpers/sheet";

const R5 = "令和5年度 進捗状況";
const rowOf = (no: unknown, name: unknown, target: unknown, fin: unknown) => [no, name, "状態", target, "計画", "中間", fin, "課題"] as (string | number | null)[];
const statuses = (r: SheetReport) => r.items.map((i) => [i.row, i.status, i.rate]);

describe("progress: items over several rows (§1 v2)", () => {
  it("judges every KPI row of an item; unmarked row texts take the next marker", () => {
    const r = judge(sheet([[R5], HEADER, rowOf(1, "ごみ減量", "5年度 100件以上", "120件"), rowOf(null, null, "5年度 30%以上", "27.6%"), rowOf(2, "B", "5年度 5件", "5件")]));
    expect(statuses(r)).toEqual([[3, "mostly_achieved", 0.92], [5, "achieved", 1]]);
    expect(r.items[0].rows).toEqual([3, 4]);
    expect(r.items[0].kpis.map((k) => [k.id, k.target, k.actual])).toEqual([["1", 100, 120], ["2", 30, 27.6]]);
    expect(r.issues).toEqual([]);
  });
  it("a blank row ends the item; a continuation row draws no empty 番号/項目名 issue", () => {
    const r = judge(sheet([[R5], HEADER, rowOf(1, "A", "5年度 10件", "10件"), [], rowOf(null, null, "5年度 30%", "30%")]));
    expect(r.items).toHaveLength(1);
    expect(r.items[0].kpis).toHaveLength(1);
    expect(r.issues).toEqual([]);
  });
  it("a self-assessment cell merged over the item's rows is read as one text", () => {
    const input = sheet([[R5], HEADER, rowOf(1, "A", "①件数 5年度 10件", "①12件 ②25%。いずれも目標を達成した。"), rowOf(null, null, "②率 5年度 30%", null)]);
    const r = judge({ ...input, merges: ["A3:A4", "B3:B4", "G3:G4"] });
    expect(r.items[0].kpis.map((k) => [k.actual, k.status, k.claim])).toEqual([[12, "achieved", "affirm"], [25, "mostly_achieved", "affirm"]]);
    expect(r.items[0].issues.map((i) => i.code)).toEqual(["self-assessment-mismatch"]);
  });
  it("without merges, a one-row self cell beside a one-marker target takes that marker", () => {
    const r = judge(sheet([[R5], HEADER, rowOf(1, "A", "①相談件数 5年度 10件", "12件"), rowOf(null, null, "②解決件数 5年度 30件", "31件")]));
    expect(r.items[0].kpis.map((k) => k.actual)).toEqual([12, 31]);
    expect(r.items[0].kpis[1].evidence.actual).toEqual({ cell: "G4", text: "②31件", words: "31件" });
  });
});

describe("headers (§1 v2)", () => {
  it("ignores の: 「期末の自己評価」 is 期末自己評価", () => {
    const h = [...HEADER];
    h[6] = "期末の自己評価";
    const r = judge(sheet([[R5], h, rowOf(1, "A", "5年度 10件", "10件")]));
    expect(r.columns["期末自己評価"]).toBe("G");
    expect(r.items[0].status).toBe("achieved");
  });
  it("missing-column names the header that resembles it, and how to add it as an alias", () => {
    const h = [...HEADER];
    h[6] = "期末評価欄";
    const r = judge(sheet([[R5], h, rowOf(1, "A", "5年度 10件", "10件")]));
    const issue = r.issues.find((i) => i.code === "missing-column" && i.column === "期末自己評価");
    expect(issue?.message).toContain("期末評価欄");
    expect(issue?.message).toContain("G2");
    expect(issue?.message).toContain('"期末自己評価": ["期末評価欄"]');
  });
  it("an undetermined item never shows OK: it names the missing self-assessment column", () => {
    const h = [...HEADER];
    h[6] = "メモ";
    const input = sheet([[R5], h, rowOf(1, "A", "5年度 10件", "10件")]);
    const r = judge(input);
    expect(r.items[0].status).toBe("unknown");
    expect(itemCheckText(r.items[0], r, DEFAULT_CONFIG)).toContain("期末自己評価");
    const p = plan(r, input, DEFAULT_CONFIG);
    expect(p.ok && p.plan.cells.find((c) => c.address === "L3")?.value).not.toBe("OK");
  });
  it("an undetermined qualitative KPI with no claim says so", () => {
    const r = judge(sheet([[R5], HEADER, rowOf(1, "A", "5年度 計画の改定", "検討を進めた。")]));
    expect(r.items[0].status).toBe("unknown");
    expect(itemCheckText(r.items[0], r, DEFAULT_CONFIG)).toContain("達成を示す記述がありません");
  });
});

describe("targets and actuals through judge (§§4–6 v2)", () => {
  it("a zero target is at most 0", () => {
    const r = judge(sheet([[R5], HEADER, rowOf(1, "A", "5年度 重大事故 0件", "0件"), rowOf(2, "B", "5年度 重大事故 0件", "2件")]));
    expect(r.items.map((i) => [i.status, i.rate, i.kpis[0].direction])).toEqual([["achieved", null, "lower"], ["not_achieved", null, "lower"]]);
  });
  it("a pending actual is actual-pending (info), unknown, and its evidence names the word", () => {
    const r = judge(sheet([[R5], HEADER, rowOf(1, "A", "5年度 80%", "満足度調査は集計中である。")]));
    expect(r.items[0].status).toBe("unknown");
    expect(r.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([["actual-pending", "info", "G3"]]);
    expect(r.items[0].kpis[0].evidence.actual).toMatchObject({ cell: "G3", words: "集計中" });
  });
  it("evidence: target pair with its year, the actual's sentence, the claim phrase", () => {
    const r = judge(sheet([[R5], HEADER, rowOf(1, "A", "①満足度\n4年度 70% 5年度 75%", "＜①＞目標75%に対し実績78%。目標①は達成した。")]));
    expect(r.items[0].kpis[0].evidence).toEqual({
      target: { cell: "D3", text: "5年度 75%", words: "75%", year: 2023 },
      actual: { cell: "G3", text: "①目標75%に対し実績78%。", words: "78%" },
      claim: { cell: "G3", text: "目標①は達成した。", words: "達成した" },
    });
  });
});

describe("kpi-table and years-across (§8)", () => {
  it("kpi-table with target and actual columns per year (two-row header, merged 目標値 over R4 R5)", () => {
    const r = judge(sheet([
      ["総合戦略 KPI（令和2年度～令和6年度）進捗（令和5年度）"],
      ["No.", "指標名", "単位", "目標値", "", "実績値", ""],
      ["", "", "", "R4", "R5", "R4", "R5"],
      [1, "移住者数", "人", 100, 120, 90, 130],
      ["", "基本目標2 安心して暮らせるまち"],
      [2, "待機児童数", "人", 5, 0, 3, 1],
    ]));
    expect(r.layout).toBe("kpi-table");
    expect(r.fiscalYear).toBe(2023);
    expect(r.headerRow).toBe(3);
    expect(r.columns).toMatchObject({ 目標値: "E", 実績値: "G" });
    expect(r.items.map((i) => [i.row, i.status, i.kpis[0].target, i.kpis[0].actual, i.kpis[0].direction])).toEqual([
      [4, "achieved", 120, 130, "higher"],
      [6, "not_achieved", 0, 1, "lower"],
    ]);
  });
  it("kpi-table: a percent-format number cell reads as shown", () => {
    const pct = (v: number, text: string) => ({ value: v, kind: "number" as const, text });
    const input = sheet([[R5], ["指標", "目標値", "実績値"], ["収納率", "98.5%", null]]);
    input.cells[2][2] = pct(0.981, "98.1%");
    const r = judge(input);
    expect(r.items[0].kpis[0]).toMatchObject({ target: 98.5, actual: 98.1, unit: "%", actualUnit: "%", status: "mostly_achieved" });
  });
  it("kpi-table: an empty target with no other year is kpi-row-incomplete; a dash actual is actual-missing", () => {
    const r = judge(sheet([[R5], ["指標", "目標値", "実績値"], ["A", null, 5], ["B", 10, "－"]]));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["kpi-row-incomplete", "B3"], ["actual-missing", "C4"]]);
    expect(r.items.map((i) => i.status)).toEqual(["unknown", "unknown"]);
  });
  it("years-across with 年度 merged above the years and a kind column told by its cells", () => {
    const r = judge(sheet([
      [R5 + " 施策評価"],
      ["指標名", "", "年度", "", ""],
      ["", "", "R4", "R5", "R6"],
      ["相談件数（件）", "目標値", 100, 110, 120],
      ["相談件数（件）", "実績値", 95, 99, null],
      ["待ち時間（分）", "目標", 30, 28, 26],
      ["", "実績", 31, "集計中", null],
    ]));
    expect(r.layout).toBe("years-across");
    expect(r.columns["年度"]).toBe("D");
    expect(r.items.map((i) => [i.row, i.status, i.kpis[0].target, i.kpis[0].actual, i.kpis[0].unit])).toEqual([
      [4, "achieved", 110, 99, "件"].map((x, k) => (k === 1 ? "mostly_achieved" : x)),
      [6, "unknown", 28, null, "分"],
    ]);
    expect(r.issues.map((i) => i.code)).toEqual(["actual-pending"]);
  });
  it("years-across: an indicator without an actual row is kpi-row-incomplete", () => {
    const r = judge(sheet([[R5], ["指標名", "区分", "R4", "R5"], ["A", "目標値", 1, 2]]));
    expect(r.issues.map((i) => i.code)).toEqual(["kpi-row-incomplete"]);
  });
  it("a forced layout wins", () => {
    const input = sheet([[R5], ["指標名", "区分", "目標値", "実績値", "R4", "R5"], ["A", "目標値", 5, 6, 1, 2]]);
    expect(judge(input).layout).toBe("kpi-table");
    expect(judge(input, resolveConfig({ layout: "years-across" })).layout).toBe("years-across");
  });
  it("role aliases from the config name columns", () => {
    const input = sheet([[R5], ["施策指標", "到達目標", "到達実績"], ["A", 10, 12]]);
    expect(judge(input).recognized).toBe(false);
    const r = judge(input, resolveConfig({ aliases: { name: ["施策指標"], target: ["到達目標"], actual: ["到達実績"] } }));
    expect(r.layout).toBe("kpi-table");
    expect(r.items[0].status).toBe("achieved");
  });
});

describe("rubrics (§9)", () => {
  const input = sheet([[R5], ["指標名", "基準値", "目標値", "実績値"], ["A", 50, 60, 57], ["B", 50, 60, 66], ["C", 50, 60, 40]]);
  it("abcd grades the item's rate and writes the grade beside the label", () => {
    const config = resolveConfig({ rubric: "abcd" });
    const r = judge(input, config);
    expect(r.items.map((i) => [i.rate, i.grade])).toEqual([[0.95, "B"], [1.1, "A"], [0.6667, "C"]]);
    const p = plan(r, input, config);
    expect(p.ok && p.plan.cells.filter((c) => c.col === 5 && c.row > 2).map((c) => c.value)).toEqual(["概ね達成（B）", "達成（A）", "未達成（C）"]);
  });
  it("binary makes 概ね impossible, whatever threshold is given beside it", () => {
    expect(judge(input, resolveConfig({ rubric: "binary" })).items.map((i) => i.status)).toEqual(["not_achieved", "achieved", "not_achieved"]);
    expect(resolveConfig({ rubric: "binary", mostlyThreshold: 0.8 }).mostlyThreshold).toBe(1);
    expect(resolveConfig({ rubric: "abcd", mostlyThreshold: 0.9 }).mostlyThreshold).toBe(0.9);
  });
  it("an object rubric: labels, grades and the gap rate against the baseline", () => {
    const config = resolveConfig({ rubric: { labels: { achieved: "順調", mostly_achieved: "おおむね順調", not_achieved: "努力を要する" }, rateMethod: "gap", grades: [{ min: 1, label: "A" }, { min: 0.5, label: "B" }, { min: 0, label: "C" }] } });
    const r = judge(input, config);
    expect(r.items.map((i) => [i.rate, i.status, i.grade])).toEqual([[0.7, "not_achieved", "B"], [1.6, "achieved", "A"], [-1, "not_achieved", "C"]]);
    const p = plan(r, input, config);
    expect(p.ok && p.plan.cells.filter((c) => c.col === 5 && c.row > 2).map((c) => c.value)).toEqual(["努力を要する（B）", "順調（A）", "努力を要する（C）"]);
    // A second run owns what the first wrote.
    expect(DEFAULT_CONFIG.rubric.name).toBe("default");
  });
  it("refuses unknown keys and bad values with clear messages", () => {
    expect(() => resolveConfig({ rubrik: "abcd" })).toThrow(/不明な項目「rubrik」/);
    expect(() => resolveConfig({ rubric: "abc" })).toThrow(/rubric は "default" \/ "binary" \/ "abcd"/);
    expect(() => resolveConfig({ rubric: { grade: [] } })).toThrow(/rubric の不明な項目「grade」/);
    expect(() => resolveConfig({ rubric: { grades: [{ min: 0.5, label: "B" }, { min: 1, label: "A" }] } })).toThrow(/min の大きい順/);
    expect(() => resolveConfig({ layout: "table" })).toThrow(/layout は "progress" \/ "kpi-table" \/ "years-across"/);
    expect(() => resolveConfig({ aliases: { nam: ["x"] } })).toThrow(/標準の列でも役割/);
  });
});

describe("layouts: headers as offices write them", () => {
  it("years-across: years as bare numbers under a merged title cell, names copied down", () => {
    const r = judge(sheet([
      ["令和5年度 施策評価"],
      ["指標名", "区分", "実績・目標の推移", "", ""],
      ["", "", 2022, 2023, 2024],
      ["待機児童数（人）", "目標", 10, 5, 0],
      ["待機児童数（人）", "実績", 12, 4, null],
    ]));
    expect(r.layout).toBe("years-across");
    expect(r.columns["年度"]).toBe("D");
    expect(r.items.map((i) => [i.row, i.rows, i.status, i.kpis[0].direction, i.kpis[0].rate])).toEqual([[4, [4, 5], "achieved", "lower", 1.25]]);
  });
  it("kpi-table: 「R5目標」「R5実績」 and 「令和5年度\\n目標値」 headers", () => {
    const a = judge(sheet([[R5], ["指標名", "R4目標", "R5目標", "R4実績", "R5実績"], ["A", 1, 10, 1, 9]]));
    expect(a.items[0].kpis[0]).toMatchObject({ target: 10, actual: 9, rate: 0.9 });
    const b = judge(sheet([[R5], ["KPI", "令和5年度\n目標値", "令和5年度\n実績値"], ["A", "80%以上", "84%"]]));
    expect(b.items[0]).toMatchObject({ status: "achieved", rate: 1.05 });
  });
  it("kpi-table: targets only for other years' columns give target-year-missing", () => {
    const r = judge(sheet([[R5], ["指標名", "目標値（R7）", "実績値（R5）"], ["A", 100, 90]]));
    expect(r.items[0].status).toBe("unknown");
    expect(r.issues.map((i) => i.code)).toEqual(["target-year-missing"]);
  });
});

describe("Shinchoku's own sheets", () => {
  it("the 判定集計 summary sheet is never read as input, whatever it holds", () => {
    const input = sheet([[R5], ["指標名", "目標値", "実績値"], ["A", 10, 12]], "判定集計");
    const r = judge(input);
    expect(r.recognized).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(["sheet-skipped"]);
    expect(judge({ ...input, sheetName: "KPI" }).recognized).toBe(true);
  });
});
