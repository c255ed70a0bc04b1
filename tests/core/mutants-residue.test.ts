/**
 * Survivors of the full core mutation run (91.57 %) that an audit of every survivor found killable
 * (docs/mutation-survivors.md). Each test names the mutant it kills; each was seen failing on it by hand.
 */
import { judge } from "../../src/core";
import { DEFAULT_CONFIG, resolveConfig } from "../../src/core/config";
import { findActuals } from "../../src/core/actual";
import { findClaims } from "../../src/core/claim";
import { findEveryYearTokens, findYearTokens } from "../../src/core/fiscal-year";
import { HeaderMatcher } from "../../src/core/header";
import { declaredUnitOf, parseTargets } from "../../src/core/target";
import { toParseText } from "../../src/core/normalize";
import { UnitList, findValues } from "../../src/core/value";
import type { Cell } from "../../src/core/types";
import { HEADER, progressSheet, sheet } from "../helpers/sheet";

const U = new UnitList(DEFAULT_CONFIG.units);
/** The claim per KPI of a self-assessment text, with qualitative targets by id. */
const claims = (text: string, ids: string[], qual: Record<string, string> = {}) => Object.fromEntries(findClaims(toParseText(text), ids, new Map(Object.entries(qual))));

describe("claims about a qualitative target's own words (§5)", () => {
  // claim.ts:66 `whole.length >= 2` → `> 2`: a two-character target is a key too.
  it("a two-character target repeated with 終えた is affirmed", () => {
    expect(claims("策定を終えた。", ["1"], { 1: "策定" })).toEqual({ 1: "affirm" });
  });

  // claim.ts:69 `last.length >= 4` → `> 4`: a last phrase of exactly four characters is a key.
  it("the target's last phrase of four characters, repeated alone, is affirmed", () => {
    expect(claims("研修開催を終えた。", ["1"], { 1: "市民講座、研修開催" })).toEqual({ 1: "affirm" });
  });

  // claim.ts:67 `.filter(Boolean)` removed: a target ending in a separator keeps its last phrase as a key.
  it("the last phrase of a target that ends in 。 is a key", () => {
    expect(claims("研修会の開催を終えた。", ["1"], { 1: "市民講座、研修会の開催。" })).toEqual({ 1: "affirm" });
  });

  // claim.ts:87 the trailing-blank regex without `$`: offsets in the sentence and in its trimmed body agree.
  it("a blank earlier in the sentence does not shift the words read after the target", () => {
    expect(claims("今年度 研修済み。", ["1"], { 1: "研修" })).toEqual({ 1: "affirm" });
  });

  // claim.ts:87 `/[\s]+$/` → `/[\s]$/` and `""` → "Stryker was here!": trailing blanks before 。 do not hide a denial.
  it("blanks after できなかった do not hide the denial", () => {
    expect(claims("研修を実施できなかった  。", ["1"], { 1: "研修を実施" })).toEqual({ 1: "deny" });
    expect(claims("研修を実施できなかった 。", ["1"], { 1: "研修を実施" })).toEqual({ 1: "deny" });
  });

  // claim.ts:91 `indexOf(last character) < 0` → `<= 0`: the key's last character may first occur at offset 0.
  it("a target whose last character also begins the sentence is found", () => {
    expect(claims("会員向けの研修会をした。", ["1"], { 1: "研修会" })).toEqual({ 1: "affirm" });
  });

  // claim.ts:94 `idx < 0` → false: a sentence holding the target's first and last characters but not the target claims nothing about it.
  it("a sentence about other words (研究会) says nothing about the target 研修会", () => {
    expect(claims("研究会を開催できなかった。", ["1"], { 1: "研修会" })).toEqual({ 1: "none" });
  });
});

describe("fiscal-year tokens", () => {
  // fiscal-year.ts:48 `ch === " "` → false, `"\t"` → "": blanks between the number and 年度 are skipped.
  it("reads a year with a space or a tab before 年度", () => {
    expect(findYearTokens("令和2 年度", null).map((t) => t.year)).toEqual([2020]);
    expect(findYearTokens("令和2\t年度", null).map((t) => t.year)).toEqual([2020]);
  });

  // fiscal-year.ts:117 `indexOf("各年度") < 0` → `<= 0`: 各年度 at the very start is an every-year token.
  it("各年度 at the start of the text is an every-year token", () => {
    expect(findEveryYearTokens("各年度10件").map((t) => t.form)).toEqual(["every"]);
  });
});

describe("values", () => {
  // value.ts:66 `best === null` → true: of the preferred units starting at a value, the longest wins, in any order.
  it("the longest preferred unit wins whatever its place in the list", () => {
    expect(findValues("3万人", U, ["万人", "万"]).map((v) => [v.value, v.unit])).toEqual([[3, "万人"]]);
  });

  // value.ts:173 `next === "日"` → true: only 月…日 is a date; a number after 月 with another unit is a value.
  it("a count right after 毎月 is a value", () => {
    expect(findValues("毎月10件", U).map((v) => [v.value, v.unit])).toEqual([[10, "件"]]);
  });
});

describe("header output columns", () => {
  // header.ts:22 the output-header map emptied. The matcher is built inside the test, so the mutation
  // run's per-test coverage ties the constructor's mutants to it.
  it("a fresh matcher recognises the four output headers", () => {
    const m = new HeaderMatcher(resolveConfig({}));
    expect(["達成状況", "達成率", "判定根拠", "チェック結果"].map((h) => m.outputOf(h))).toEqual(["達成状況", "達成率", "判定根拠", "チェック結果"]);
  });
});

describe("actuals", () => {
  const one = (text: string) => findActuals(toParseText(text), [{ id: "1", unit: "件", againstPreviousYear: false }], 2020, 2020, U).get("1");
  // actual.ts:124 the label-bracket test forced false: a value inside a 前年度比 bracket is left out
  // (§5 rule (b)) even when the label is more than 24 characters before it.
  it("a value far inside a 前年度比 bracket is left out, so the value before it is the actual", () => {
    expect(one("120件（前年度比で見ると、わずかながら増加しており、おおむね順調に推移し 5件増）")).toMatchObject({ value: 120, unit: "件" });
  });

  // actual.ts:230 `.replace(/[\s。]+$/, "")` → "Stryker was here!": a value alone on its line, ending in 。, is the actual.
  it("a value alone on its line with a closing 。 is the actual, beside another value in a sentence", () => {
    expect(one("増加数は 5件\n120件。")).toMatchObject({ value: 120, unit: "件" });
  });
});

const TITLE = "令和2年度 市政改革プラン3.0 進捗状況";
const R5 = "令和5年度 進捗状況";
const num = (value: number, text: string): Cell => ({ value, kind: "number", text });

describe("the sheet's title (§3)", () => {
  // judge.ts:186–190: the title is the non-empty, non-error cells above the header, trimmed, joined by one blank.
  it("is the title row's text alone, with a blank row before the header", () => {
    expect(judge(progressSheet(TITLE, [[1, "A", "2年度 10件", "10件"]])).title).toBe(TITLE);
  });
  it("leaves out error and blank cells, trims each cell and joins cells and rows with one blank", () => {
    const r = judge(sheet([[" 令和2年度 ", { error: "#N/A" }, "  ", "市政改革プラン"], ["進捗状況"], HEADER, [1, "A", "状態", "2年度 10件", "計画", "中間", "10件", "課題"]]));
    expect(r.title).toBe("令和2年度 市政改革プラン 進捗状況");
    expect(r.fiscalYear).toBe(2020);
  });
});

describe("番号 (§1)", () => {
  const numberIssues = (r: ReturnType<typeof judge>) => r.issues.filter((i) => i.code.endsWith("-number")).map((i) => [i.code, i.params.number]);
  // judge.ts:280 the number-cell test forced true: a text 番号 is read NFKC-normalised and trimmed.
  it("a full-width １ is the number 1", () => {
    const r = judge(progressSheet(TITLE, [["１", "A", "2年度 10件", "10件"]]));
    expect(r.items[0].number).toBe("1");
    expect(numberIssues(r)).toEqual([]);
  });
  // judge.ts:280 `&&` → `||`: a date cell is not a number, whatever its serial.
  it("a date in the 番号 column is an invalid number named by its text", () => {
    const input = progressSheet(TITLE, [[1, "A", "2年度 10件", "10件"]]);
    input.cells[3][0] = { value: 45000, kind: "date", text: "2023/3/15" };
    expect(numberIssues(judge(input))).toEqual([["invalid-number", "2023/3/15"]]);
  });
  // judge.ts:283 the number-key regex without `^` / `$`: 1-1 and 1-2 are two numbers, not one.
  it("hierarchical numbers 1-1 and 1-2 are invalid but not duplicates", () => {
    const r = judge(progressSheet(TITLE, [["1-1", "A", "2年度 10件", "10件"], ["1-2", "B", "2年度 10件", "10件"]]));
    expect(numberIssues(r)).toEqual([["invalid-number", "1-1"], ["invalid-number", "1-2"]]);
  });
});

describe("items over several rows (§1 v2)", () => {
  // judge.ts:340 isBlankRow's text test forced true: a row with only a target and a self-assessment continues the item.
  it("a row with only target and self-assessment text continues the item", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "①2年度 10件", "①実績 12件"], ["", "", "②2年度 5件", "②実績 6件"]]));
    expect(r.items.map((i) => [i.rows, i.kpis.map((k) => [k.id, k.actual])])).toEqual([[[4, 5], [["1", 12], ["2", 6]]]]);
  });
});

describe("claim evidence", () => {
  // judge.ts:571 `&&` → `||`: a KPI's claim evidence is the sentence that claims it, not the last one with the same claim.
  it("each KPI's claim evidence is its own sentence", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "①2年度 10件以上 ②2年度 5件以上", "①は達成した。②も達成した。\n実績 ①12件 ②6件"]]));
    const texts = r.items[0].kpis.map((k) => k.evidence.claim?.text);
    expect(texts[0]).toContain("①は達成した");
    expect(texts[0]).not.toContain("②");
    expect(texts[1]).toContain("②も達成した");
  });
});

describe("kpi-table and years-across rows (§8)", () => {
  // judge.ts:701–702: a percent-format cell with two decimals reads as shown, with unit %.
  it("a percent cell 98.25% is 98.25 %", () => {
    const input = sheet([[R5], ["指標", "目標値", "実績値"], ["収納率", null, 99]]);
    input.cells[2][1] = num(0.9825, "98.25%");
    expect(judge(input).items[0].kpis[0]).toMatchObject({ target: 98.25, unit: "%" });
  });
  // judge.ts:701 (a bug the audit found): a percent cell whose format shows the minus as ▲ (0%;"▲"0%) or −
  // is read as shown, a negative percentage, like one shown 「-5%」 — not as −0.05 with no unit.
  it("a percent cell shown ▲5% or −5% is −5 %, as one shown -5%", () => {
    for (const shown of ["-5%", "▲5%", "\u22125%"]) {
      const input = sheet([[R5], ["指標", "目標値", "実績値"], ["増減率", 10, null]]);
      input.cells[2][2] = num(-0.05, shown);
      expect([shown, judge(input).items[0].kpis[0].evidence.actual?.text]).toEqual([shown, shown]);
      const t = sheet([[R5], ["指標", "目標値", "実績値"], ["増減率", null, 3]]);
      t.cells[2][1] = num(-0.05, shown);
      expect([shown, judge(t).items[0].kpis[0]]).toMatchObject([shown, { target: -5, unit: "%" }]);
    }
  });
  // judge.ts:703 words `cell.text.trim() || String(cell.value)` → `String(cell.value)`: the evidence shows the cell as shown.
  it("a number cell's evidence words are its text as shown (12.50, not 12.5)", () => {
    const input = sheet([[R5], ["指標", "目標値", "実績値"], ["A", 10, null]]);
    input.cells[2][2] = num(12.5, "12.50");
    expect(judge(input).items[0].kpis[0].evidence.actual).toMatchObject({ text: "12.50", words: "12.50" });
  });
  // judge.ts:823 `circled("1")` → `circled("")`: the pending issue names KPI ①.
  it("a pending actual in a kpi-table row is reported for KPI ①", () => {
    const r = judge(sheet([[R5], ["指標", "目標値", "実績値"], ["A", 10, "集計中"]]));
    expect(r.issues).toEqual([expect.objectContaining({ code: "actual-pending", severity: "info", cell: "C3", params: expect.objectContaining({ kpi: "①", word: "集計中" }) })]);
  });
  // judge.ts:771 the kpi-row-incomplete issue: severity, row and the cell of the year's target.
  it("an indicator without an actual row is kpi-row-incomplete at its target cell for the year", () => {
    const r = judge(sheet([[R5], ["指標名", "区分", "R4", "R5"], ["A", "目標値", 1, 2]]));
    expect(r.issues).toEqual([expect.objectContaining({ code: "kpi-row-incomplete", severity: "warning", row: 3, cell: "D3" })]);
  });
  // judge.ts:957 the baseline-row test forced true: without a 基準 row or column there is no baseline.
  it("an indicator with only 目標 and 実績 rows has no baseline", () => {
    const r = judge(sheet([[R5], ["指標名", "区分", "R4", "R5"], ["A", "目標値", 1, 2], ["A", "実績値", 1, 2]]));
    expect(r.items[0].kpis[0]).toMatchObject({ baseline: null, target: 2, actual: 2, status: "achieved" });
  });
  // layout.ts:79 「方向」 → direction emptied: a 方向 column tells the direction.
  it("a 方向 column saying 減少 makes the KPI lower-is-better", () => {
    const r = judge(sheet([[R5], ["指標名", "目標値", "実績値", "方向"], ["待機児童数", 10, 8, "減少"]]));
    expect(r.columns["方向性"]).toBe("D");
    expect(r.items[0].kpis[0]).toMatchObject({ direction: "lower", status: "achieved" });
  });
});

describe("more of the row layouts and the claim evidence", () => {
  // judge.ts:571 the claim test forced true: the evidence is a hit with the KPI's own (ranking) claim.
  it("a KPI both denied and affirmed shows the denial that decides its claim", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "上半期は①を達成できなかった。下半期に①を達成した。"]]));
    expect(r.items[0].kpis[0].claim).toBe("deny");
    expect(r.items[0].kpis[0].evidence.claim?.text).toContain("達成できなかった");
  });
  // judge.ts:798 `input.baseline === null` forced: falling targets make a KPI lower-is-better only without a baseline.
  it("falling targets above a baseline stay higher-is-better", () => {
    const r = judge(sheet([[R5], ["指標名", "区分", "基準値", "R4", "R5"], ["A", "目標値", 10, 30, 20], ["A", "実績値", null, 25, 22]]));
    expect(r.items[0].kpis[0]).toMatchObject({ baseline: 10, target: 20, actual: 22, direction: "higher", status: "achieved" });
  });
  // layout.ts:80 「年度」 / 「年度別」 emptied from the extra header words: a row of 指標名 / 区分 / 年度 over the years is a header row.
  it("年度 or 年度別 over the year columns makes a two-row years-across header", () => {
    for (const word of ["年度", "年度別"]) {
      const r = judge(sheet([[R5], ["指標名", "区分", word, "", ""], ["", "", "R4", "R5", "備考"], ["A", "目標値", 1, 2, ""], ["A", "実績値", 1, 2, ""]]));
      expect([word, r.layout, r.columns["年度"], r.items[0]?.status]).toEqual([word, "years-across", "D", "achieved"]);
    }
  });
  // judge.ts:744 `unitText.trim()` → `unitText`: a unit cell holding a lone blank declares nothing; the name's bracket does.
  it("a blank unit cell leaves the unit to the name's bracket", () => {
    const r = judge(sheet([[R5], ["指標名", "目標値", "実績値", "単位"], ["参加者数（人）", 100, 90, " "]]));
    expect(r.items[0].kpis[0]).toMatchObject({ unit: "人", target: 100, actual: 90 });
  });
  // judge.ts:976–977 without `.trim()`: the unit and direction come from the first row that really holds one.
  it("years-across: a blank unit or direction cell on the 目標 row does not hide the 実績 row's", () => {
    const r = judge(sheet([[R5], ["指標名", "区分", "単位", "方向性", "R4", "R5"], ["A", "目標値", " ", " ", 8, 8], ["A", "実績値", "件", "減少", 9, 7]]));
    expect(r.items[0].kpis[0]).toMatchObject({ unit: "件", direction: "lower", target: 8, actual: 7, status: "achieved" });
  });
  // judge.ts:621 `parts.length > 0` forced: KPI 1 read from the text before the first marker has no marker part.
  it("an item over two rows whose first KPI has no marker is judged, not thrown on", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件 ②2年度 5件", "実績 ①12件 ②6件 ③3件"], ["", "", "③2年度 3件", ""]]));
    expect(r.items[0].kpis.map((k) => [k.id, k.target, k.evidence.target?.cell])).toEqual([["1", 10, "D4"], ["2", 5, "D4"], ["3", 3, "D5"]]);
  });
});

describe("targets (§3)", () => {
  const years = (text: string) => parseTargets(toParseText(text), 2020, U).map((k) => [k.id, [...k.years.entries()].map(([y, seg]) => [y, seg.target.kind === "numeric" ? seg.target.value : seg.target.text])]);
  // target.ts:114 the blank after a moved pair removed: 「3（R4）」 moved before 5年度 must not glue 3 to 5.
  it("a bare value with its year in brackets, followed by another year's pair", () => {
    expect(years("3（R4）5年度 10件")).toEqual([["1", [[2022, 3], [2023, 10]]]]);
  });
  // target.ts:169 `indexOf(RANGE) < 0` → `<= 0`: a look-back window that starts with an earlier range's 〜 still finds its own range.
  it("a range whose 8-character look-back begins with another range's 〜", () => {
    expect(years("1〜2年度、 3〜5年度 10件")).toEqual([["1", [[2021, 10], [2022, 10], [2023, 10]]]]);
  });
  // target.ts:69 the `)` pre-check: a label ending in an enclosed character (㈱, NFKC (株)) declares no unit.
  it("a label ending in ㈱ declares no unit; one ending in （人） does", () => {
    expect(declaredUnitOf("委託先数㈱")).toBeNull();
    expect(declaredUnitOf("参加者数（人）")).toBe("人");
  });
});

describe("actuals and years-across rows, more", () => {
  // actual.ts:83 the label-bracket regex ending in "not a closing bracket": an unclosed 前年度比 bracket does not swallow the lines after it.
  it("an unclosed 前年度比 bracket leaves the 実績 value on the next line alone", () => {
    const got = findActuals(toParseText("（前年度比 5件増\n実績 120件"), [{ id: "1", unit: "件", againstPreviousYear: false }], 2020, 2020, U).get("1");
    expect(got).toMatchObject({ value: 120, unit: "件" });
  });
  // judge.ts:926 the current 番号 untrimmed: a name-less row with the same 番号 (blanks aside) continues the indicator.
  it("a name-less 実績 row with the indicator's 番号 continues it, blanks around the number aside", () => {
    const r = judge(sheet([[R5], ["番号", "指標名", "区分", "R4", "R5"], [" 1 ", "A", "目標値", 1, 2], ["1", "", "実績値", 1, 2]]));
    expect(r.items.map((i) => [i.rows, i.status])).toEqual([[[3, 4], "achieved"]]);
  });
});

describe("decimals and 番号 texts", () => {
  // judge.ts:283 `(?:\.0+)?` → `(?:\.0)?`: a 番号 text 1.00 is the number 1.
  it("a 番号 written 1.00 is the number 1: valid, and a duplicate of 1", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件", "10件"], ["1.00", "B", "2年度 10件", "10件"]]));
    expect(r.issues.filter((i) => i.code.endsWith("-number")).map((i) => [i.code, i.params.number, i.params.firstRow])).toEqual([["duplicate-number", "1.00", 4]]);
  });
  // judge.ts:830 `\d+` → `\d`: a text actual with two digits after a leading dot (.55) is 0.55.
  it("a text actual .55 is 0.55", () => {
    const r = judge(sheet([[R5], ["指標", "目標値", "実績値"], ["A", 0.5, ".55"]]));
    expect(r.items[0].kpis[0]).toMatchObject({ target: 0.5, actual: 0.55, status: "achieved" });
  });
});

describe("direction and baseline sources (§8)", () => {
  // judge.ts:797 `input.baseline !== null` forced true: with no baseline, `target < null` would call a
  // negative target lower-is-better. No baseline and no direction word leaves a negative target higher.
  it("a negative target with no baseline and no direction word stays higher-is-better", () => {
    const r = judge(sheet([["令和5年度 進捗"], ["指標", "目標値", "実績値"], ["収支", -5, -3]]));
    expect(r.items[0].kpis[0]).toMatchObject({ target: -5, actual: -3, baseline: null, direction: "higher" });
  });

  // judge.ts:963 `baseline === null` forced true: the 基準値 column wins over a 基準 row's first year.
  it("years-across: the 基準値 column wins over a 基準 row, so the falling target is lower-is-better", () => {
    const r = judge(sheet([
      ["令和5年度 進捗"],
      ["指標名", "区分", "基準値", "R4", "R5"],
      ["A", "基準", null, 50, null],
      ["A", "目標", 100, 80, 80],
      ["A", "実績", null, 75, 70],
    ]));
    expect(r.layout).toBe("years-across");
    expect(r.items.map((i) => [i.status, i.kpis[0].baseline, i.kpis[0].direction])).toEqual([["achieved", 100, "lower"]]);
  });
});
