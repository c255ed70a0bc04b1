/** judge: the numeric KPI's mismatch checks, the 番号 checks and the fiscal-year sources, message by message. */
import { type Cell, DEFAULT_CONFIG, judge, resolveConfig, type SheetReport } from "../../src/core";
import { SheetJudge } from "../../src/core/judge";
import { HEADER, progressSheet, type Raw, sheet } from "../helpers/sheet";

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

// ---------------------------------------------------------------------------------------------
// Survivors of the core mutation run in judge.ts (helper-judge): line numbers as of 4296459.

const R5 = "令和5年度 進捗状況";
const row8 = (no: Raw, name: Raw, target: Raw, fin: Raw): Raw[] => [no, name, "状態", target, "計画", "中間", fin, "課題"];
const brief = (r: SheetReport) => r.items.map((i) => [i.row, i.status, i.kpis.map((k) => k.actual)]);

describe("SheetJudge: rows, widths, the header's search window", () => {
  it("rows pushed after the header was decided are judged with their sheet rows (151, 142, 144, 149)", () => {
    // origin row 20: the header search window is 10 rows, so the later items arrive after the decision.
    const items = Array.from({ length: 14 }, (_, k) => row8(k + 1, `項目${k + 1}`, "5年度 10件", `${k + 1}件`));
    const r = judge(sheet([[R5], HEADER, ...items], "Sheet1", { origin: { row: 20, col: 0 } }));
    expect(r.headerRow).toBe(22);
    expect(r.items.map((i) => i.row)).toEqual(Array.from({ length: 14 }, (_, k) => 23 + k));
    expect(r.items[13]).toMatchObject({ number: "14", rate: 1.4, status: "achieved" });
    expect(r.issues).toEqual([]);
  });
  it("the header is looked for in the sheet's first 30 rows only", () => {
    const blank = Array.from({ length: 29 }, () => [] as Raw[]);
    const at30 = judge(sheet([[R5], ...blank.slice(1), HEADER, row8(1, "A", "5年度 10件", "10件")]));
    expect(at30).toMatchObject({ recognized: true, headerRow: 30 });
    const at31 = judge(sheet([[R5], ...blank, HEADER, row8(1, "A", "5年度 10件", "10件")]));
    expect(at31.recognized).toBe(false);
    // A block that starts at sheet row 31 has no row of the window left.
    const late = judge(sheet([HEADER, row8(1, "A", "5年度 10件", "10件")], "R5", { origin: { row: 30, col: 0 } }));
    expect(late.recognized).toBe(false);
  });
  it("an unrecognised sheet's last input column is its widest row's (143, 302)", () => {
    expect(judge(sheet([["a", "b", "c", "d", "e"], ["a", "b"]])).lastInputColumn).toBe(5);
    expect(judge(sheet([["a"], ["a", "b", "c"], ["a", "b"]], "Sheet1", { origin: { row: 0, col: 2 } })).lastInputColumn).toBe(5);
    expect(judge(sheet([["a"], ["a", "b", "c"], ["a", "b"]])).issues.map((i) => [i.code, i.severity, i.message.includes("Sheet1")])).toEqual([["sheet-skipped", "info", true]]);
  });
  it("the last input column skips empty cells and Shinchoku's output columns (155, 157)", () => {
    const h = [...HEADER, "達成状況", "", "チェック結果"];
    const r = judge(sheet([[R5], h, [...row8(1, "A", "5年度 10件", "10件"), "達成", null, "OK"]]));
    expect(r.lastInputColumn).toBe(8);
    const wide = judge(sheet([[R5], h, [...row8(1, "A", "5年度 10件", "10件"), "達成", "メモ書き", "OK", null]]));
    expect(wide.lastInputColumn).toBe(10);
  });
  it("a requested sheet with no header is header-not-found naming the sheet (311)", () => {
    const r = judge(sheet([["a"]], "部会A"), DEFAULT_CONFIG, { requested: true });
    expect(r.issues.map((i) => [i.code, i.severity])).toEqual([["header-not-found", "error"]]);
    expect(r.issues[0].message).toContain("部会A");
    expect(r.issues[0].params).toEqual({ sheet: "部会A" });
  });
  it("a missing row (a hole in the cell array) reads as an empty row (77)", () => {
    const input = sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件"), [], row8(2, "B", "5年度 10件", "12件")]);
    (input.cells as unknown as (Cell[] | undefined)[])[3] = undefined;
    expect(brief(judge(input))).toEqual([[3, "achieved", [10]], [5, "achieved", [12]]]);
  });
  it("SheetJudge.makeIssue builds the same issue as judge does (164)", () => {
    const j = new SheetJudge("S", undefined, { row: 0, col: 0 });
    expect(j.makeIssue("cell-error", "warning", { row: 3, col: 2, column: "項目名" }, { value: "#N/A" })).toMatchObject({ code: "cell-error", severity: "warning", cell: "B3", row: 3, column: "項目名", params: { value: "#N/A", cell: "B3", column: "項目名" } });
    expect(j.makeIssue("fiscal-year-unknown", "error", {}, {})).toMatchObject({ cell: null, row: null, column: null });
    expect(j.makeIssue("fiscal-year-unknown", "error", { row: 3 }, {}).cell).toBeNull();
  });
});

describe("ProgressSink: where items start and continue (§1 v2)", () => {
  it("with neither 番号 nor 項目名, any filled standard cell starts an item (389, 390, 401)", () => {
    const h = ["めざすべき状態", "目標達成水準", "期末自己評価"];
    const r = judge(sheet([[R5], h, ["状態A", "5年度 10件", "10件"], [null, "5年度 5件", "4件"], [null, null, null, "メモ"], [null, null, "12件"]]));
    expect(r.layout).toBe("progress");
    expect(r.items.map((i) => [i.row, i.status])).toEqual([[3, "achieved"], [4, "mostly_achieved"], [6, "unknown"]]);
  });
  it("with 項目名 but no 番号 column, a row with only a target continues the item (389, 391, 401)", () => {
    const h = ["項目名", "目標達成水準", "期末自己評価"];
    const r = judge(sheet([[R5], h, ["A", "5年度 10件", "10件"], [null, "5年度 30%", "30%"], ["B", "5年度 5件", "5件"]]));
    expect(r.items.map((i) => [i.row, i.rows, i.kpis.length])).toEqual([[3, [3, 4], 2], [5, [5], 1]]);
  });
  it("with 番号 but no 項目名 column, a row with only a self-assessment continues the item (391, 401, 402)", () => {
    const h = ["番号", "目標達成水準", "期末自己評価"];
    const r = judge(sheet([[R5], h, [1, "①5年度 10件\n②5年度 20件", "①10件"], [null, null, "②25件"], [2, "5年度 5件", "5件"]]));
    expect(r.items.map((i) => [i.row, i.rows, i.kpis.map((k) => k.actual)])).toEqual([[3, [3, 4], [10, 25]], [5, [5], [5]]]);
  });
  it("a row with text only outside the target and self columns neither starts nor continues an item (392, 402, 403)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件"), [null, null, "状態の続き", null, "計画の続き"], row8(null, null, "5年度 30%", "30%")]));
    expect(r.items.map((i) => i.rows)).toEqual([[3, 5]]);
    expect(r.items[0].kpis.map((k) => k.actual)).toEqual([10, 30]);
  });
  it("an empty row ends the item (392)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件"), [], row8(null, null, "5年度 30%", "30%")]));
    expect(r.items.map((i) => i.rows)).toEqual([[3]]);
  });
  it("a row whose cells are blank text ends the item; continuation rows before it stay (338)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件"), row8(null, null, "5年度 30%", "30%"), [" ", "　", null, ""], row8(null, null, "5年度 40%", "40%")]));
    expect(r.items.map((i) => i.rows)).toEqual([[3, 4]]);
  });
  it("an error or number cell in a row is not blank: the row is kept as a continuation (338)", () => {
    const withError = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 10件\n②5年度 20件", "①10件"), [null, null, null, null, { error: "#N/A" }, null, "②20件"]]));
    expect(withError.items.map((i) => i.rows)).toEqual([[3, 4]]);
    expect(withError.issues.map((i) => [i.code, i.cell, i.column])).toEqual([["cell-error", "E4", "行動計画・取組内容"]]);
  });
});

describe("ProgressSink: an item's texts over several rows (§1 v2)", () => {
  // Two KPIs of one unit: an unmarked self-assessment value belongs to neither unless it takes a marker.
  const twoRows = (selfTop: Raw, selfBelow: Raw): Raw[][] => [[R5], HEADER, row8(1, "A", "①5年度 10件", selfTop), row8(null, null, "②5年度 20件", selfBelow)];
  it("a one-row self cell beside a one-marker target takes its marker (451, 455, 457)", () => {
    const r = judge(sheet(twoRows("12件", "25件")));
    expect(r.items[0].kpis.map((k) => [k.actual, k.status])).toEqual([[12, "achieved"], [25, "achieved"]]);
  });
  it("a self cell followed by a blank self cell of the item spans both rows: no marker is given (455)", () => {
    const r = judge(sheet(twoRows("12件", null)));
    expect(r.items[0].kpis.map((k) => k.actual)).toEqual([null, null]);
    expect(r.items[0].issues.map((i) => [i.code, i.cell])).toEqual([["actual-missing", "G3"], ["actual-missing", "G3"]]);
  });
  it("a self cell merged over the item's rows spans them even when a reader copies its text below (135-137, 452, 454)", () => {
    const input = sheet(twoRows("12件", "12件"));
    expect(judge(input).items[0].kpis.map((k) => k.actual)).toEqual([12, 12]);
    const merged = judge({ ...input, merges: ["G3:G4"] });
    expect(merged.items[0].kpis.map((k) => k.actual)).toEqual([null, 12]);
  });
  it("a merge over one row, or a range that is not one, changes nothing (137)", () => {
    const input = sheet(twoRows("12件", null));
    for (const merges of [["G3:H3"], ["G3"], ["G3:"], ["x:y"], ["G4:G3"]]) {
      expect(judge({ ...input, merges }).items[0].kpis.map((k) => k.actual)).toEqual([null, null]);
    }
  });
  it("a merge over three rows spans three; only its top cell is merged (137)", () => {
    const input = sheet([[R5], HEADER, row8(1, "A", "①5年度 10件", "12件"), row8(null, null, "②5年度 20件", "12件"), row8(null, null, "③5年度 30件", "31件")]);
    expect(judge(input).items[0].kpis.map((k) => k.actual)).toEqual([12, 12, 31]);
    expect(judge({ ...input, merges: ["G3:G5"] }).items[0].kpis.map((k) => k.actual)).toEqual([null, 12, 31]);
    expect(judge({ ...input, merges: ["G3:G4"] }).items[0].kpis.map((k) => k.actual)).toEqual([null, 12, 31]);
  });
  it("a merge beside another column of the sheet's origin is keyed by its sheet column (452)", () => {
    const input = sheet(twoRows("12件", "12件"), "Sheet1", { origin: { row: 0, col: 1 }, merges: ["H3:H4"] });
    expect(judge(input).items[0].kpis.map((k) => k.actual)).toEqual([null, 12]);
  });
  it("a self cell over two rows beside a two-marker target keeps its text as it stands (456, 457)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 10件\n②5年度 20件", "12件"), row8(null, null, "③5年度 5回", "5回")]));
    expect(r.items[0].kpis.map((k) => [k.id, k.actual])).toEqual([["1", null], ["2", null], ["3", 5]]);
  });
  it("a self cell that holds a marker takes none: its unmarked lead belongs to no KPI of two of a unit (451)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 10件", "実績は12件。②25件"), row8(null, null, "②5年度 20件", "備考なし")]));
    expect(r.items[0].kpis.map((k) => k.actual)).toEqual([null, 25]);
  });
  it("a self cell beside a blank target row takes no marker: its value goes to the item's one KPI (456)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", null, "12件"), row8(null, null, "5年度 10件", "備考")]));
    expect(r.items[0].kpis.map((k) => [k.id, k.actual, k.status])).toEqual([["1", 12, "achieved"]]);
    expect(r.items[0].kpis[0].evidence.actual).toEqual({ cell: "G3", text: "12件", words: "12件" });
  });
  it("the first row's blank target takes no marker; the next row's gets ① (434)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", null, null), row8(null, null, "5年度 20件", "20件")]));
    expect(r.items[0].kpis.map((k) => [k.id, k.actual])).toEqual([["1", 20]]);
  });
  it("a single-row item's unmarked self text is read as it stands (426, 430, 451)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "12件")]));
    expect(r.items[0].kpis[0].evidence.actual).toEqual({ cell: "G3", text: "12件", words: "12件" });
    expect(r.items[0].kpis[0].evidence.target).toMatchObject({ cell: "D3", text: "5年度 10件" });
  });
});

describe("ProgressSink: required cells, errors, the item's fields", () => {
  it("empty 番号, 項目名, target and self cells are each an error on the first row (465-467)", () => {
    const r = judge(sheet([[R5], HEADER, row8(null, "A", null, null), row8(1, null, "5年度 10件", "10件")]));
    expect(r.issues.map((i) => [i.code, i.severity, i.cell, i.column])).toEqual([
      ["empty-required-cell", "error", "A3", "番号"],
      ["empty-required-cell", "error", "D3", "目標達成水準"],
      ["empty-required-cell", "error", "G3", "期末自己評価"],
      ["empty-required-cell", "error", "B4", "項目名"],
    ]);
  });
  it("a column turned off draws no empty-required-cell (465)", () => {
    const config = resolveConfig({ columns: { 期末自己評価: "off", 項目名: "off" } });
    const r = judge(sheet([[R5], HEADER, row8(1, null, "5年度 10件", null)]), config);
    expect(r.issues.map((i) => i.code)).toEqual([]);
  });
  it("the interim phase requires its own self-assessment column (466)", () => {
    const config = resolveConfig({ phase: "interim" });
    const r = judge(sheet([[R5], HEADER, [1, "A", "状態", "5年度 10件", "計画", null, "10件", "課題"]]), config);
    expect(r.issues.map((i) => [i.code, i.cell, i.column])).toEqual([["empty-required-cell", "F3", "中間自己評価と下半期の方向性"]]);
    expect(r.items[0].status).toBe("not_entered");
  });
  it("a missing self-assessment column: no empty-required-cell for it, every item unknown (466, 608)", () => {
    const h = HEADER.map((x) => (x === "期末自己評価" ? "備考" : x));
    const r = judge(sheet([[R5], h, row8(1, "A", "5年度 10件", null)]));
    expect(r.items[0].status).toBe("unknown");
    expect(r.items[0].issues).toEqual([]);
  });
  it("cell errors of an item's rows name their canonical column, or none (420)", () => {
    const h = [...HEADER, "備考"];
    const r = judge(sheet([[R5], h, [...row8(1, "A", "5年度 10件", "10件"), { error: "#DIV/0!" }], [null, null, { error: "#REF!" }, "5年度 5件", null, null, "5件"]]));
    expect(r.issues.map((i) => [i.code, i.cell, i.column, i.params.value])).toEqual([
      ["cell-error", "I3", null, "#DIV/0!"],
      ["cell-error", "C4", "めざすべき状態", "#REF!"],
    ]);
  });
  it("an error cell with no text names its value (270)", () => {
    const input = sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件")]);
    input.cells[2][2] = { value: "#NAME?", kind: "error", text: "" };
    const r = judge(input);
    expect(r.issues.map((i) => [i.code, i.severity, i.cell, i.params.value])).toEqual([["cell-error", "warning", "C3", "#NAME?"]]);
    expect(r.issues[0].message).toContain("#NAME?");
  });
  it("the item's title is its 項目名 trimmed; rows lists its sheet rows (475, 479)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, " ごみ減量 ", "5年度 10件", "10件")]));
    expect(r.items[0]).toMatchObject({ title: "ごみ減量", number: "1", rows: [3], notes: [], grade: null });
  });
  it("a number cell of 番号 is read from its value; a text one NFKC-normalised and trimmed (278)", () => {
    const r = judge(sheet([[R5], HEADER, row8("　２ ", "A", "5年度 10件", "10件"), row8(2, "B", "5年度 10件", "10件")]));
    expect(r.items.map((i) => i.number)).toEqual(["2", "2"]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["duplicate-number", "A4"]]);
    const input = sheet([[R5], HEADER, row8(3, "A", "5年度 10件", "10件")]);
    input.cells[2][0] = { value: 3, kind: "number", text: "003" };
    expect(judge(input).items[0].number).toBe("3");
    const dup = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件"), row8(1, "B", "5年度 10件", "10件")], "Sheet1", { origin: { row: 0, col: 2 } }));
    expect(dup.issues.map((i) => i.cell)).toEqual(["C4"]);
  });
});

describe("kpi-table (§8)", () => {
  const kt = (header: Raw[], ...rows: Raw[][]) => judge(sheet([[R5], header, ...rows]));
  const issueRows = (r: SheetReport) => r.issues.map((i) => [i.code, i.severity, i.cell, i.row]);
  it("a lone bare number in text form is a value with no unit; other texts are not (826, 828, 829)", () => {
    const actualOf = (a: Raw) => kt(["指標名", "目標値", "実績値"], ["A", 100, a]).items[0].kpis[0];
    expect(actualOf("241")).toMatchObject({ actual: 241, actualUnit: null, rate: 2.41, status: "achieved" });
    expect(actualOf(" 241 ").actual).toBe(241);
    expect(actualOf("1,200").actual).toBe(1200);
    expect(actualOf("12.5").actual).toBe(12.5);
    expect(actualOf(".5").actual).toBe(0.5);
    for (const a of ["x241", "241x", "2 41", "ー", "調査なし"]) expect(actualOf(a)).toMatchObject({ actual: null, status: "unknown" });
    expect(actualOf("1,200").evidence.actual).toEqual({ cell: "C3", text: "1,200", words: "1,200" });
  });
  it("a dash or words with no value are actual-missing at the actual cell (826, 833)", () => {
    const r = kt(["指標名", "目標値", "実績値"], ["A", 100, "ー"], ["B", 100, "調査なし"]);
    expect(issueRows(r)).toEqual([["actual-missing", "warning", "C3", 3], ["actual-missing", "warning", "C4", 4]]);
    expect(r.issues.map((i) => i.column)).toEqual(["実績値", "実績値"]);
    expect(r.issues[0].params).toMatchObject({ kpi: "①" });
  });
  it("a pending word is actual-pending naming the word; the evidence keeps the cell's text (820-822)", () => {
    const r = kt(["指標名", "目標値", "実績値"], ["A", 100, " 未確定 "], ["B", 100, "－ 集計中"]);
    expect(issueRows(r)).toEqual([["actual-pending", "info", "C3", 3], ["actual-pending", "info", "C4", 4]]);
    expect(r.issues.map((i) => i.params.word)).toEqual(["未確定", "集計中"]);
    expect(r.items.map((i) => i.kpis[0].evidence.actual)).toEqual([{ cell: "C3", text: "未確定", words: "未確定" }, { cell: "C4", text: "－ 集計中", words: "集計中" }]);
    expect(r.items.map((i) => i.status)).toEqual(["unknown", "unknown"]);
  });
  it("an empty target with targets in other years' columns is target-year-missing at the target cell (783)", () => {
    const r = kt(["指標名", "目標値", "目標値（R6）", "実績値"], ["A", null, 120, 50]);
    expect(r.columns).toMatchObject({ 目標値: "B", 実績値: "D" });
    expect(issueRows(r)).toEqual([["target-year-missing", "warning", "B3", 3]]);
    expect(r.issues[0].params).toMatchObject({ kpis: "①", year: "令和5年度" });
    expect(r.issues[0].message).toContain("令和5年度");
    expect(r.items[0].status).toBe("unknown");
  });
  it("an empty target with no other year is kpi-row-incomplete naming the indicator (784)", () => {
    const r = kt(["指標名", "目標値", "目標値（R6）", "実績値"], ["相談件数", " ", null, 50]);
    expect(issueRows(r)).toEqual([["kpi-row-incomplete", "warning", "B3", 3]]);
    expect(r.issues[0].params).toMatchObject({ name: "相談件数", part: "target" });
    expect(r.issues[0].message).toContain("目標値が空欄");
  });
  it("a target with no value is target-unparsed at its cell (785)", () => {
    const r = kt(["指標名", "目標値", "実績値"], ["A", "検討中", 50]);
    expect(issueRows(r)).toEqual([["target-unparsed", "warning", "B3", 3]]);
    expect(r.issues[0].column).toBe("目標値");
    expect(r.issues[0].message).toContain("B3");
    expect(r.items[0].kpis[0].evidence.target).toEqual({ cell: "B3", text: "検討中", words: "検討中", year: 2023 });
  });
  it("no actual column for the year: actual-missing on the target's cell, the target still read (802, 803, 234)", () => {
    const r = kt(["指標名", "目標値", "実績値（R4）"], ["A", "100人", 90]);
    expect(r.columns["実績値"]).toBeUndefined();
    expect(issueRows(r)).toEqual([["actual-missing", "warning", "B3", 3]]);
    expect(r.issues[0].params).toMatchObject({ kpi: "①" });
    expect(r.items[0].kpis[0]).toMatchObject({ target: 100, unit: "人", direction: "higher", actual: null });
    expect(r.items[0].status).toBe("unknown");
  });
  it("no target column for the year: target-year-missing on the actual's cell (772, 773, 233)", () => {
    const r = kt(["指標名", "目標値（R4）", "実績値"], ["A", 100, 90]);
    expect(r.columns["目標値"]).toBeUndefined();
    expect(issueRows(r)).toEqual([["target-year-missing", "warning", "C3", 3]]);
    expect(r.issues[0].params).toMatchObject({ kpis: "①", year: "令和5年度" });
  });
  it("an unknown fiscal year leaves the KPI unjudged with no row issue (761, 767)", () => {
    const r = judge(sheet([["進捗"], ["指標名", "目標値", "実績値"], ["A", 100, 90]]));
    expect(r.fiscalYear).toBeNull();
    expect(r.items[0].status).toBe("unknown");
    expect(r.items[0].issues).toEqual([]);
  });
  it("an empty actual is empty-required-cell naming the actual column's header without blanks (808, 809, 882)", () => {
    const r = kt(["指標名", "目標値", "令和5年度\n実績 値"], ["A", 100, " "]);
    expect(issueRows(r)).toEqual([["empty-required-cell", "error", "C3", 3]]);
    expect(r.issues[0].column).toBe("令和5年度実績値");
    expect(r.items[0].status).toBe("not_entered");
    expect(r.items[0].kpis[0].status).toBe("not_entered");
  });
  it("cell errors name the column's header text, or none (866)", () => {
    const r = kt(["指標名", "目標値", "実績値", ""], ["A", 100, 100, { error: "#N/A" }], ["B", { error: "#REF!" }, 100]);
    expect(r.issues.filter((i) => i.code === "cell-error").map((i) => [i.cell, i.column])).toEqual([["D3", null], ["B4", "目標値"]]);
  });
  it("a row with a name but neither target nor actual is a heading; with either it is an item (862-864)", () => {
    const r = kt(["指標名", "目標値", "目標値（R6）", "実績値", "実績値（R6）"], ["基本目標1", null, null, null, null], ["A", null, 10, null, null], ["B", null, null, null, 5], [" ", 10, null, 10, null]);
    expect(r.items.map((i) => [i.row, i.title])).toEqual([[4, "A"], [5, "B"]]);
    expect(kt(["指標名", "目標値", "実績値"], ["  ", 10, 10]).items).toEqual([]);
  });
  it("the item takes its 番号, name and row; its number is checked (867, 868)", () => {
    const r = kt(["番号", "指標名", "目標値", "実績値"], [1, "A", 10, 10], [1, "B", 10, 10], ["x", "C", 10, 10]);
    expect(r.items.map((i) => [i.number, i.title, i.rows, i.notes])).toEqual([["1", "A", [3], []], ["1", "B", [4], []], ["x", "C", [5], []]]);
    expect(r.issues.map((i) => [i.code, i.cell, i.column])).toEqual([["duplicate-number", "A4", "番号"], ["invalid-number", "A5", "番号"]]);
  });
  it("a baseline from a number cell or a text cell decides the direction (873, 795)", () => {
    const r = kt(["指標名", "基準値", "目標値", "実績値"], ["A", 50, 40, 45], ["B", "50人", 40, 45], ["C", null, 40, 45], ["D", 40, 40, 45]);
    expect(r.items.map((i) => [i.kpis[0].direction, i.kpis[0].baseline])).toEqual([["lower", 50], ["lower", 50], ["higher", null], ["higher", 40]]);
  });
  it("direction: a zero target is lower whatever is said; else 方向性; else a value word (791-794)", () => {
    const r = kt(["指標名", "方向性", "目標値", "実績値"], ["A", "増加", 0, 0], ["B", "減少", 10, 8], ["C", "増加させ減少を防ぐ", 10, 8], ["D", "向上", "10件以下", 8], ["E", null, "10件以下", 8], ["F", "維持", 10, 10], ["G", null, "0件以上", 1]);
    expect(r.items.map((i) => i.kpis[0].direction)).toEqual(["lower", "lower", "higher", "higher", "lower", "higher", "higher"]);
  });
  it("the unit comes from the cell, else 単位, else the name's bracket (742, 797)", () => {
    const r = kt(["指標名", "単位", "目標値", "実績値"], ["A", " 件 ", 10, 10], ["B（人）", null, 10, 10], ["C（人）", "ｋｍ", 10, 10], ["D", "件", "10回", 10]);
    expect(r.items.map((i) => i.kpis[0].unit)).toEqual(["件", "人", "km", "回"]);
  });
  it("target evidence: the cell's text and the value's words (777-779)", () => {
    const r = kt(["指標名", "目標値", "実績値"], ["A", " 年間 100件以上 ", 120], ["B", 100, 120]);
    expect(r.items.map((i) => i.kpis[0].evidence.target)).toEqual([
      { cell: "B3", text: "年間 100件以上", words: "年間 100件以上", year: 2023 },
      { cell: "B4", text: "100", words: "100", year: 2023 },
    ]);
    expect(r.items[1].kpis[0].evidence.actual).toEqual({ cell: "C4", text: "120", words: "120" });
  });
  it("a date cell holds no value: a date actual is actual-missing, a date target target-unparsed (708, 816)", () => {
    const input = sheet([[R5], ["指標名", "目標値", "実績値"], ["A", 10, 10], ["B", 10, 10]]);
    input.cells[2][2] = { value: 45000, kind: "date", text: "2/24" };
    input.cells[3][1] = { value: 45000, kind: "date", text: "2/24" };
    const r = judge(input);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["actual-missing", "C3"], ["target-unparsed", "B4"]]);
  });
  it("a number cell that is not finite is no value (698)", () => {
    const input = sheet([[R5], ["指標名", "目標値", "実績値"], ["A", 10, 10]]);
    input.cells[2][2] = { value: Number.NaN, kind: "number", text: "NaN" };
    expect(judge(input).items[0].kpis[0].actual).toBeNull();
    const t = sheet([[R5], ["指標名", "目標値", "実績値"], ["A", 10, 10]]);
    t.cells[2][1] = { value: "10", kind: "number", text: "10" } as unknown as Cell;
    expect(judge(t).items[0].kpis[0]).toMatchObject({ target: 10, status: "achieved" });
  });
  it("a percent-format number cell reads as shown, other formats by value (699-701)", () => {
    const num = (value: number, text: string): Cell => ({ value, kind: "number", text });
    const input = sheet([[R5], ["指標名", "目標値", "実績値"], ["A", 1, 1], ["B", 1, 1], ["C", 1, 1], ["D", 1, 1]]);
    input.cells[2][1] = num(0.9, " 90 % ");
    input.cells[2][2] = num(0.925, "92.5%");
    input.cells[3][1] = num(1200, "1,200");
    input.cells[3][2] = num(1500, "1500.0");
    input.cells[4][1] = num(0.5, "50%増");
    input.cells[4][2] = num(0.6, ".6%");
    input.cells[5][1] = num(10, "10");
    input.cells[5][2] = num(12, "12 円");
    const r = judge(input);
    expect(r.items.map((i) => [i.kpis[0].target, i.kpis[0].actual, i.kpis[0].unit, i.kpis[0].actualUnit])).toEqual([
      [90, 92.5, "%", "%"],
      [1200, 1500, null, null],
      [0.5, 0.6, null, "%"],
      [10, 12, null, null],
    ]);
    expect(r.items[0].kpis[0].evidence).toMatchObject({ target: { text: "90 %", words: "90 %" }, actual: { words: "92.5%" } });
    expect(r.items[1].kpis[0].evidence.actual).toEqual({ cell: "C4", text: "1500.0", words: "1500.0" });
  });
});

describe("years-across (§8)", () => {
  const ya = (header: Raw[], ...rows: Raw[][]) => judge(sheet([[R5 + " 施策評価"], header, ...rows]));
  const H = ["番号", "指標名", "区分", "R4", "R5"];
  it("a new 番号 with no name starts a new indicator; the same 番号 continues it (922-928, 949)", () => {
    const r = ya(H, [1, "A", "目標", 10, 10], [null, null, "実績", 9, 12], [2, null, "目標", 5, 5], [2, null, "実績", 5, 4], [3, null, "目標", 8, 8], [null, null, "実績", 8, 8]);
    expect(r.items.map((i) => [i.row, i.rows, i.number, i.title, i.status])).toEqual([
      [3, [3, 4], "1", "A", "achieved"],
      [5, [5, 6], "2", "2", "mostly_achieved"],
      [7, [7, 8], "3", "3", "achieved"],
    ]);
  });
  it("the first indicator may start with a 番号 and no name; rows before any indicator are skipped (933, 934)", () => {
    const r = ya(H, [null, null, "目標", 10, 10], [1, null, "目標", 10, 10], [null, null, "実績", 9, 12]);
    expect(r.items.map((i) => [i.row, i.rows, i.title, i.status])).toEqual([[4, [4, 5], "1", "achieved"]]);
    expect(r.issues).toEqual([]);
  });
  it("a name repeated on the rows below continues the indicator; another name starts one (916, 922)", () => {
    const r = ya(H, [1, "A", "目標", 10, 10], [1, "A", "実績", 9, 12], [null, "B", "目標", 10, 10], [null, "B", "実績", 9, 8]);
    expect(r.items.map((i) => [i.row, i.rows, i.title])).toEqual([[3, [3, 4], "A"], [5, [5, 6], "B"]]);
  });
  it("a blank row inside an indicator is not one of its rows (932)", () => {
    const r = ya(H, [1, "A", "目標", 10, 10], [], [null, null, "実績", 9, 12], [], []);
    expect(r.items.map((i) => i.rows)).toEqual([[3, 5]]);
  });
  it("cell errors name the column's header text, or none (948)", () => {
    const r = ya([...H, ""], [1, "A", "目標", 10, 10, { error: "#N/A" }], [null, null, "実績", { error: "#REF!" }, 12]);
    expect(r.issues.map((i) => [i.code, i.cell, i.column])).toEqual([["cell-error", "F3", null], ["cell-error", "D4", "R4"]]);
  });
  it("a 基準値 column's first number is the baseline, from any row of the indicator (960)", () => {
    const h = ["指標名", "区分", "基準値", "R4", "R5"];
    const r = ya(h, ["A", "目標", null, 45, 40], ["A", "実績", 50, 42, 36], ["B", "目標", 50, 45, 40], ["B", "実績", 60, 42, 36]);
    expect(r.items.map((i) => [i.kpis[0].baseline, i.kpis[0].direction, i.status])).toEqual([[50, "lower", "achieved"], [50, "lower", "achieved"]]);
  });
  it("a 基準値 row's first numeric cell is the baseline (961-964)", () => {
    const r = ya(["指標名", "区分", "R3", "R4", "R5"], ["A", "基準値", null, "50件", 45], ["A", "目標", 48, 48, 48], ["A", "実績", 44, 44, 44]);
    expect(r.items[0].kpis[0]).toMatchObject({ baseline: 50, direction: "lower", target: 48, actual: 44, status: "achieved" });
    const none = ya(["指標名", "区分", "R3", "R4", "R5"], ["A", "基準値", null, "-", null], ["A", "目標", 48, 48, 48], ["A", "実績", 44, 44, 44]);
    expect(none.items[0].kpis[0]).toMatchObject({ baseline: null, direction: "higher", status: "mostly_achieved" });
    const first = ya(["指標名", "区分", "R3", "R4", "R5"], ["A", "基準値", 40, 50, null], ["A", "目標", 48, 48, 48], ["A", "実績", 44, 44, 44]);
    expect(first.items[0].kpis[0]).toMatchObject({ baseline: 40, direction: "higher" });
  });
  it("targets falling from the first numeric target cell to the last mean lower is better (970, 971)", () => {
    const h = ["指標名", "区分", "R4", "R5", "R6"];
    const falling = ya(h, ["A", "目標", 40, 38, null], ["A", "実績", 41, 39, null]);
    expect(falling.items[0].kpis[0]).toMatchObject({ direction: "lower", rate: 0.9744, status: "mostly_achieved" });
    const two = ya(["指標名", "区分", "R4", "R5"], ["A", "目標", 40, 38], ["A", "実績", 41, 39]);
    expect(two.items[0].kpis[0].direction).toBe("lower");
    const flat = ya(["指標名", "区分", "R4", "R5"], ["A", "目標", 40, 40], ["A", "実績", 41, 50]);
    expect(flat.items[0].kpis[0]).toMatchObject({ direction: "higher", status: "achieved" });
    const texts = ya(h, ["A", "目標", "40分", "38分", "36分"], ["A", "実績", 41, 39, null]);
    expect(texts.items[0].kpis[0].direction).toBe("lower");
    const one = ya(h, ["A", "目標", null, 38, null], ["A", "実績", 41, 39, null]);
    expect(one.items[0].kpis[0].direction).toBe("higher");
  });
  it("the year columns are read in column order whatever the header's order", () => {
    const r = ya(["指標名", "区分", "R6", "R4", "R5"], ["A", "目標", 36, 40, 38], ["A", "実績", null, 41, 39]);
    expect(r.items[0].kpis[0]).toMatchObject({ direction: "higher", target: 38, actual: 39 });
  });
  it("unit and direction come from the first row of the indicator that has them (974, 975)", () => {
    const r = ya(["指標名", "区分", "単位", "方向性", "R4", "R5"], ["A", "目標", null, null, 10, 10], ["A", "実績", "件", "減少", 9, 8]);
    expect(r.items[0].kpis[0]).toMatchObject({ unit: "件", direction: "lower", status: "achieved" });
  });
  it("no column for the year: target-year-missing on the first row, no target or actual read (979-984, 989)", () => {
    const r = ya(["指標名", "区分", "R3", "R4"], ["A", "目標", 10, 10], ["A", "実績", 9, 12]);
    expect(r.columns["年度"]).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.cell, i.row])).toEqual([["target-year-missing", null, 3]]);
    expect(r.items[0].kpis[0]).toMatchObject({ target: null, actual: null, status: "unknown" });
  });
  it("an empty target for the year: target-year-missing when other years have one, else kpi-row-incomplete (981)", () => {
    const r = ya(["指標名", "区分", "R4", "R5"], ["A", "目標", 10, null], ["A", "実績", 9, 12], ["B", "目標", null, null], ["B", "実績", 9, 12]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["target-year-missing", "D3"], ["kpi-row-incomplete", "D5"]]);
  });
  it("an empty actual for the year is empty-required-cell naming the year's header (982-984)", () => {
    const r = ya(["指標名", "区分", "R4", "令和 5年度"], ["A", "目標", 10, 10], ["A", "実績", 9, null]);
    expect(r.issues.map((i) => [i.code, i.cell, i.column])).toEqual([["empty-required-cell", "D4", "令和5年度"]]);
    expect(r.items[0].status).toBe("not_entered");
  });
  it("an indicator with no actual row, or no target row, says which (992)", () => {
    const r = ya(["指標名", "区分", "R4", "R5"], ["A", "目標", 10, 10], ["B", "実績", 10, 10]);
    expect(r.issues.map((i) => [i.code, i.params.part])).toEqual([["kpi-row-incomplete", "actual-row"], ["kpi-row-incomplete", "target-row"]]);
    expect(r.issues[0].message).toContain("実績の行");
    expect(r.issues[1].message).toContain("目標の行");
  });
  it("the target and actual evidence name the year column's cells (980, 983)", () => {
    const r = ya(["指標名", "区分", "R4", "R5"], ["A", "目標", 10, 10], ["A", "見込", 9, 9], ["A", "実績", 9, 12]);
    expect(r.items[0].kpis[0].evidence).toMatchObject({ target: { cell: "D3" }, actual: { cell: "D5" } });
  });
});

describe("judgeKpis: statuses, issues and evidence of an item's KPIs", () => {
  const one = (target: Raw, fin: Raw) => judge(sheet([[R5], HEADER, row8(1, "A", target, fin)]));
  it("a qualitative KPI's status follows its claim; only no claim notes it (536, 538, 584, 585)", () => {
    const cases: [string, string, string][] = [
      ["計画を改定し、目標を達成した。", "achieved", "affirm"],
      ["概ね達成した。", "mostly_achieved", "partial"],
      ["目標を達成できなかった。", "not_achieved", "deny"],
      ["検討を進めた。", "unknown", "none"],
    ];
    for (const [fin, status, claim] of cases) {
      const r = one("5年度 計画の改定", fin);
      expect(r.items[0].kpis[0]).toMatchObject({ kind: "qualitative", status, claim, direction: null, unit: null, denominator: null, target: "計画の改定", rate: null });
      expect(r.items[0].notes.length).toBe(status === "unknown" ? 1 : 0);
    }
    expect(one("5年度 計画の改定", "検討を進めた。").items[0].notes[0]).toContain("①");
  });
  it("a claim in the qualitative target's own words counts (536, 538)", () => {
    expect(one("5年度 新システムの導入", "新システムを導入した。").items[0].kpis[0]).toMatchObject({ status: "achieved", claim: "affirm" });
    expect(one("5年度 計画の改定", "計画の改定には至らなかった。").items[0].kpis[0]).toMatchObject({ status: "not_achieved", claim: "deny" });
  });
  it("a KPI with targets for other years only: its kind from them, no target, target-year-missing naming both KPIs (549, 557, 606)", () => {
    const r = one("①4年度 10件\n②4年度 計画の改定", "実施した。");
    expect(r.items[0].kpis.map((k) => [k.kind, k.target, k.status])).toEqual([["numeric", null, "unknown"], ["qualitative", null, "unknown"]]);
    expect(r.issues.map((i) => [i.code, i.severity, i.cell, i.column])).toEqual([["target-year-missing", "warning", "D3", "目標達成水準"]]);
    expect(r.issues[0].params).toMatchObject({ kpis: "①②", year: "令和5年度" });
  });
  it("a numeric KPI with an empty self cell is not_entered with no actual-missing (525, 576)", () => {
    const r = one("5年度 10件", null);
    expect(r.items[0].kpis[0]).toMatchObject({ status: "not_entered", claim: "none" });
    expect(r.items[0].status).toBe("not_entered");
    expect(r.issues.map((i) => i.code)).toEqual(["empty-required-cell"]);
  });
  it("no claim is 'none'; the claim's evidence is its phrase (562, 569)", () => {
    expect(one("5年度 10件", "10件").items[0].kpis[0].claim).toBe("none");
    const r = one("①5年度 10件\n②5年度 計画の改定", "①12件。目標①は達成した。計画の改定はできなかった。目標②は達成できなかった。");
    expect(r.items[0].kpis.map((k) => [k.claim, k.evidence.claim?.words])).toEqual([["affirm", "達成した"], ["deny", "達成できなかった"]]);
    expect(r.items[0].kpis[1].evidence.claim).toMatchObject({ cell: "G3", text: "目標②は達成できなかった。" });
  });
  it("no self-assessment column: KPIs stay unknown with no note or issue (574, 608)", () => {
    const h = HEADER.map((x) => (x === "期末自己評価" ? "備考" : x));
    const r = judge(sheet([[R5], h, row8(1, "A", "①5年度 計画の改定\n②5年度 10件", "改定した。")]));
    expect(r.items[0]).toMatchObject({ status: "unknown", notes: [], issues: [] });
    const empty = judge(sheet([[R5], h, row8(1, "A", "未定", null)]));
    expect(empty.items[0].status).toBe("unknown");
  });
  it("actual-missing and actual-pending name the KPI and the row of its marker (580, 581, 591, 596, 597, 355)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 10件", "①実績なし"), row8(null, null, "②5年度 20件", "②調査中")]));
    expect(r.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([["actual-missing", "warning", "G3"], ["actual-pending", "info", "G4"]]);
    expect(r.issues[0].params).toMatchObject({ kpi: "①" });
    expect(r.issues[1].params).toMatchObject({ kpi: "②", word: "調査中" });
    expect(r.items[0].kpis[1].evidence.actual).toMatchObject({ cell: "G4", words: "調査中" });
  });
  it("a claim at the very start of a continuation row's text is evidence on that row (355)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "12件"), row8(null, null, null, "達成した。")]));
    expect(r.items[0].rows).toEqual([3, 4]);
    expect(r.items[0].kpis[0].evidence.claim).toMatchObject({ cell: "G4", words: "達成した" });
  });
  it("a 前年度比 value is the actual only when the target is an amount against the previous year (533)", () => {
    expect(one("5年度 前年度から5%削減", "前年度比3.4%削減した。").items[0].kpis[0]).toMatchObject({ target: 5, actual: 3.4 });
    expect(one("5年度 比率 80%", "前年度比5%増。").items[0].kpis[0].actual).toBeNull();
    expect(one("5年度 前年度の水準 80%", "前年度比5%増。").items[0].kpis[0].actual).toBeNull();
  });
  it("a pending word at the very start of the text is still the actual's evidence (599)", () => {
    const r = one("5年度 80%", "集計中");
    expect(r.items[0].kpis[0].evidence.actual).toEqual({ cell: "G3", text: "集計中", words: "集計中" });
  });
  it("the self text's first cell is its first non-blank row's (527, 348, 358, 359)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 10件", null), row8(null, null, "②5年度 20件", "25件")]));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["actual-missing", "G4"]]);
    expect(r.items[0].kpis.map((k) => k.actual)).toEqual([null, 25]);
  });
  it("the target text's first cell is its first non-blank row's (346, 358, 359, 522)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", null, "10件"), row8(null, null, "4年度 10件", null)]));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["target-year-missing", "D4"]]);
    const unparsed = judge(sheet([[R5], HEADER, row8(1, "A", null, "10件"), row8(null, null, "未定", null)]));
    expect(unparsed.issues.map((i) => [i.code, i.severity, i.cell, i.column])).toEqual([["target-unparsed", "warning", "D4", "目標達成水準"]]);
  });
  it("with no target column there is no target issue on the items (482)", () => {
    const r = judge(sheet([[R5], ["番号", "項目名", "期末自己評価"], [1, "A", "達成した。"]]));
    expect(r.layout).toBe("progress");
    expect(r.items[0].issues).toEqual([]);
    expect(r.issues.filter((i) => i.code === "missing-column").map((i) => i.column)).toContain("目標達成水準");
  });
  it("a mismatch on a continuation row is reported on that row (603)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 10件", "①10件"), row8(null, null, "②5年度 20件", "②25回")]));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["unit-mismatch", "G4"]]);
  });
  it("the evidence of a KPI's target names the row of its marker (617, 619)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 10件", "①10件"), row8(null, null, "②5年度 20件", "②25件")]));
    expect(r.items[0].kpis.map((k) => k.evidence.target?.cell)).toEqual(["D3", "D4"]);
  });
});

describe("finishItem: the item's rate and grade (§9)", () => {
  const abcd = resolveConfig({ rubric: "abcd" });
  const item = (target: Raw, fin: Raw, config = abcd) => judge(sheet([[R5], HEADER, row8(1, "A", target, fin)]), config).items[0];
  it("the item's rate is its lowest numeric KPI rate; a KPI without a rate is passed over (670)", () => {
    expect(item("①5年度 10件\n②5年度 10人", "①9件 ②12人")).toMatchObject({ rate: 0.9 });
    expect(item("①5年度 10件\n②5年度 10人", "①12件 ②9人")).toMatchObject({ rate: 0.9 });
    expect(item("①5年度 10件\n②5年度 10人", "①9件 ②12回")).toMatchObject({ rate: 0.9, grade: null });
  });
  it("a rate equal to a band's min is in that band (676)", () => {
    expect(item("5年度 10件", "10件")).toMatchObject({ rate: 1, grade: "A" });
    expect(item("5年度 10件", "8件")).toMatchObject({ rate: 0.8, grade: "B" });
  });
  it("below every band the last one catches it (676)", () => {
    const config = resolveConfig({ rubric: { rateMethod: "gap", grades: [{ min: 1, label: "A" }, { min: 0, label: "C" }] } });
    const r = judge(sheet([[R5], ["指標名", "基準値", "目標値", "実績値"], ["A", 50, 60, 40]]), config);
    expect(r.items[0]).toMatchObject({ rate: -1, grade: "C" });
    // A config built by hand (not through resolveConfig) whose last band has a floor: still the last band.
    const raw = { ...DEFAULT_CONFIG, rubric: { ...DEFAULT_CONFIG.rubric, rateMethod: "gap" as const, grades: [{ min: 1, label: "A" }, { min: 0, label: "C" }] } };
    expect(judge(sheet([[R5], ["指標名", "基準値", "目標値", "実績値"], ["A", 50, 60, 40]]), raw).items[0]).toMatchObject({ rate: -1, grade: "C" });
  });
  it("no grade with a KPI without a rate, or an ungraded status (673, 674)", () => {
    expect(item("①5年度 10件\n②5年度 計画の改定", "①12件。計画を改定し、目標②を達成した。")).toMatchObject({ status: "achieved", rate: 1.2, grade: null });
    expect(item("5年度 10件", "目標を達成した。").grade).toBeNull();
    expect(item("5年度 10件", "12件", DEFAULT_CONFIG).grade).toBeNull();
  });
});

describe("odds and ends of judge.ts", () => {
  it("an error value in 番号 reads as empty: empty-required-cell, not an invalid number (63)", () => {
    const r = judge(sheet([[R5], HEADER, row8({ error: "#N/A" }, "A", "5年度 10件", "10件")]));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["cell-error", "A3"], ["empty-required-cell", "A3"]]);
    expect(r.items[0].number).toBe("");
  });
  it("a date in a KPI cell is filled in but holds no value (70)", () => {
    const input = sheet([[R5], HEADER, row8(1, "A", "5年度 2件", "x"), row8(2, "B", "x", "2件")]);
    input.cells[2][6] = { value: 45000, kind: "date", text: "2/2" };
    input.cells[3][3] = { value: 45000, kind: "date", text: "5年度 2/2" };
    const r = judge(input);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["actual-missing", "G3"], ["target-unparsed", "D4"]]);
  });
  it("an error cell's value is named by its text, else its value (270)", () => {
    const input = sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件")]);
    input.cells[2][2] = { value: 7, kind: "error", text: "#DIV/0!" } as unknown as Cell;
    expect(judge(input).issues[0].params.value).toBe("#DIV/0!");
  });
  it("an unrecognised sheet has an empty title and no items (303, 304)", () => {
    const r = judge(sheet([["令和5年度 メモ"], ["a", "b"]]));
    expect(r).toMatchObject({ recognized: false, title: "", items: [], columns: {}, outputColumns: {}, headerRow: null, layout: null });
  });
  it("a row with 番号 alone, or 項目名 alone, starts an item (391)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "10件"), row8(2, null, "5年度 5件", "5件"), row8(null, "C", "5年度 5件", "5件")]));
    expect(r.items.map((i) => [i.row, i.number, i.title])).toEqual([[3, "1", "A"], [4, "2", ""], [5, "", "C"]]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["empty-required-cell", "B4"], ["empty-required-cell", "A5"]]);
  });
  it("no 番号 column: no empty-required-cell or number check for it on the items (465)", () => {
    const r = judge(sheet([[R5], ["項目名", "目標達成水準", "期末自己評価"], ["A", "5年度 10件", "10件"]]));
    expect(r.items[0].issues).toEqual([]);
    expect(r.items[0].number).toBe("");
  });
  it("a 番号 outside the first column is addressed in its own column (280)", () => {
    const r = judge(sheet([[R5], ["指標名", "番号", "目標値", "実績値"], ["A", 1, 10, 10], ["B", 1, 10, 10]]));
    expect(r.issues.map((i) => [i.code, i.cell, i.column])).toEqual([["duplicate-number", "B4", "番号"]]);
  });
  it("a missing column turned off draws no missing-column (218)", () => {
    const h = HEADER.filter((x) => x !== "行動計画・取組内容");
    const rows = [[R5], h, [1, "A", "状態", "5年度 10件", "中間", "10件", "課題"]];
    expect(judge(sheet(rows)).issues.map((i) => [i.code, i.severity, i.column])).toEqual([["missing-column", "warning", "行動計画・取組内容"]]);
    expect(judge(sheet(rows), resolveConfig({ columns: { 行動計画・取組内容: "off" } })).issues).toEqual([]);
  });
  it("missing-column's similar header is quoted with its blanks folded (220)", () => {
    const h = [...HEADER];
    h[6] = " 期末  評価\n欄 ";
    const issue = judge(sheet([[R5], h, row8(1, "A", "5年度 10件", "10件")])).issues.find((i) => i.code === "missing-column" && i.column === "期末自己評価");
    expect(issue?.params).toMatchObject({ similar: "期末 評価 欄", similarCell: "G2" });
  });
  it("kpi-table columns are reported by role (226)", () => {
    const r = judge(sheet([[R5], ["番号", "指標名", "単位", "基準値", "方向性", "目標値", "実績値"], [1, "A", "件", 5, "増加", 10, 12]]));
    expect(r.columns).toEqual({ 番号: "A", 指標名: "B", 単位: "C", 基準値: "D", 方向性: "E", 目標値: "F", 実績値: "G" });
    expect(r.items[0].kpis[0]).toMatchObject({ id: "1", claim: "none", kind: "numeric", unit: "件", baseline: 5 });
  });
  it("years-across columns are reported by role, the year's column as 年度 (226, 238)", () => {
    const r = judge(sheet([[R5], ["番号", "指標名", "区分", "単位", "R4", "R5"], [1, "A", "目標", "件", 10, 10], [null, null, "実績", null, 9, 12]]));
    expect(r.columns).toEqual({ 番号: "A", 指標名: "B", 区分: "C", 単位: "D", 年度: "F" });
  });
  it("a kpi-table unit mismatch names KPI ① (839)", () => {
    const r = judge(sheet([[R5], ["指標名", "目標値", "実績値"], ["A", "10件", "9回"]]));
    expect(r.issues.map((i) => [i.code, i.cell, i.params.kpi])).toEqual([["unit-mismatch", "C3", "①"]]);
    expect(r.issues[0].message).toContain("①");
  });
  it("years-across: an empty 単位 column is no unit; duplicate 番号 are checked; notes start empty (843, 950, 951)", () => {
    const r = judge(sheet([[R5], ["番号", "指標名", "区分", "単位", "R4", "R5"], [1, "A", "目標", null, 10, 10], [null, null, "実績", null, 9, 12], [1, "B", "目標", null, 10, 10], [null, null, "実績", null, 9, 12]]));
    expect(r.items.map((i) => [i.kpis[0].unit, i.notes])).toEqual([[null, []], [null, []]]);
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["duplicate-number", "A5"]]);
  });
  it("years-across: issues on the year's cells name the year's header (980, 983)", () => {
    const r = judge(sheet([[R5], ["指標名", "区分", "R4", "R5"], ["A", "目標", 10, null], ["A", "実績", 9, 12], ["B", "目標", 10, 10], ["B", "実績", 9, "－"]]));
    expect(r.issues.map((i) => [i.code, i.cell, i.column])).toEqual([["target-year-missing", "D3", "R5"], ["actual-missing", "D6", "R5"]]);
  });
  it("years-across: a row before any indicator with neither name nor 番号 is skipped (933)", () => {
    const r = judge(sheet([[R5], ["番号", "指標名", "区分", "R4", "R5"], [null, null, "目標", 10, 10], [null, null, "実績", 10, 10]]));
    expect(r.items).toEqual([]);
  });
  it("kpi-table and years-across names are trimmed (861, 914, 915)", () => {
    expect(judge(sheet([[R5], ["指標名", "目標値", "実績値"], [" A ", 10, 10]])).items[0].title).toBe("A");
    const r = judge(sheet([[R5], ["番号", "指標名", "区分", "R4", "R5"], [" 1 ", " A ", "目標", 10, 10], [" ", "A ", "実績", 10, 10]]));
    expect(r.items.map((i) => [i.title, i.rows])).toEqual([["A", [3, 4]]]);
    const byNumber = judge(sheet([[R5], ["番号", "指標名", "区分", "R4", "R5"], [" 2 ", null, "目標", 10, 10], [null, null, "実績", 10, 10]]));
    expect(byNumber.items.map((i) => [i.title, i.number])).toEqual([["2", "2"]]);
  });
});

describe("a few more checks", () => {
  it("a target with no unit takes an actual with one: no unit mismatch (639)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10", "12件")]));
    expect(r.items[0].kpis[0]).toMatchObject({ unit: null, actualUnit: "件", rate: 1.2, status: "achieved" });
    expect(r.issues).toEqual([]);
  });
  it("only numeric KPIs compete for an unmarked actual: a qualitative KPI beside one numeric KPI takes none (529, 530)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "①5年度 計画の改定\n②5年度 10件", "実績12")]));
    expect(r.items[0].kpis.map((k) => [k.kind, k.actual, k.status])).toEqual([["qualitative", null, "unknown"], ["numeric", 12, "achieved"]]);
  });
  it("self-assessment-mismatch is a warning (657)", () => {
    const r = judge(sheet([[R5], HEADER, row8(1, "A", "5年度 10件", "目標を達成した。\n実績 6件")]));
    expect(r.issues.map((i) => [i.code, i.severity, i.cell])).toEqual([["self-assessment-mismatch", "warning", "G3"]]);
  });
  it("kpi-table: the actual's evidence text is the cell's trimmed (836)", () => {
    const r = judge(sheet([[R5], ["指標名", "目標値", "実績値"], ["A", 100, " 241 "]]));
    expect(r.items[0].kpis[0].evidence.actual).toEqual({ cell: "C3", text: "241", words: "241" });
  });
  it("kpi-table: a target or actual of blanks alone does not make a row an item (863, 864)", () => {
    const r = judge(sheet([[R5], ["指標名", "目標値", "実績値"], ["見出し", " ", null], ["見出し2", null, "　"], ["A", 10, 10]]));
    expect(r.items.map((i) => i.title)).toEqual(["A"]);
  });
  it("years-across: a 番号 of blanks is no 番号: the row continues the indicator (915)", () => {
    const r = judge(sheet([[R5], ["番号", "指標名", "区分", "R4", "R5"], [1, "A", "目標", 10, 10], ["  ", null, "実績", 9, 12]]));
    expect(r.items.map((i) => [i.rows, i.status])).toEqual([[[3, 4], "achieved"]]);
  });
});

// Found by the mutation audit: with no column for the fiscal year the issue has no cell, and its
// message began with "undefined". It names the row instead (§7: the cell may be null; the message
// must still say where and what to do).
describe("an issue without a cell names its row", () => {
  it("years-across and kpi-table sheets with no column for the year", () => {
    const across = judge(sheet([["令和5年度 施策評価"], ["指標名", "区分", "R3", "R4"], ["A", "目標", 10, 10], ["A", "実績", 9, 12]]));
    const table = judge(sheet([["令和5年度 施策評価"], ["指標名", "目標値（R4）", "実績値（R4）"], ["A", 10, 10]]));
    for (const report of [across, table]) {
      const issues = report.items.flatMap((i) => i.issues).filter((i) => i.cell === null);
      expect(issues.length).toBeGreaterThan(0);
      for (const i of issues) {
        expect(i.message).not.toContain("undefined");
        expect(i.message).toContain(`${i.row}行目`);
      }
    }
  });
});
