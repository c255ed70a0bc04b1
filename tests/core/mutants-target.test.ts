/** Survivors of the core mutation run in target.ts, header.ts and claim.ts, killed by direct unit tests. */
import { DEFAULT_CONFIG } from "../../src/core/config";
import { findClaims, type ClaimHit } from "../../src/core/claim";
import { HeaderMatcher, resemblingHeader } from "../../src/core/header";
import { toParseText } from "../../src/core/normalize";
import { YearSegment, declaredUnitOf, evaluateParsedTargets, evaluateTargets, parseTargets, readSegment, segmentFor } from "../../src/core/target";
import { UnitList } from "../../src/core/value";

const units = new UnitList(DEFAULT_CONFIG.units);
const R = 2022; // reference year: 令和4年度
/** KPIs of a raw target cell: id, label and per year the segment's source. */
const kpisOf = (raw: string, reference: number | null = R, declared: string | null = null) => parseTargets(toParseText(raw), reference, units, declared);
const yearsOf = (raw: string, reference: number | null = R) => kpisOf(raw, reference).map((k) => [k.id, [...k.years].map(([y, s]) => [y, s.words])]);

describe("target.ts: YearSegment", () => {
  // :27 (no coverage) the empty segment reads as an empty qualitative target
  it("an empty body is an empty qualitative target", () => {
    const s = new YearSegment("", units, "R4");
    expect(s.target).toEqual({ kind: "qualitative", text: "" });
    expect(s.words).toBe("");
  });
  // :26 `this.read === undefined` → true: the target is read once
  it("reads its target once", () => {
    const s = new YearSegment(" 10件", units, "R4");
    expect(s.target).toBe(s.target);
  });
  // :62 collapse: runs of blanks become one space and the ends are trimmed
  it("its source collapses wide spacing and trims", () => {
    expect(new YearSegment("  10件\n以上 ", units, "R4").source).toBe("R4 10件 以上");
    expect(new YearSegment(" 10件 ", units, "R4").source).toBe("R4 10件");
  });
});

describe("target.ts: declaredUnitOf", () => {
  it("reads the unit in a label's closing bracket", () => {
    expect(declaredUnitOf("市民満足度（％）")).toBe("%");
    // :67 label.trim() → label
    expect(declaredUnitOf("参加者数(人) ")).toBe("人");
  });
  // :70 `if (!m)` → false: a bracket the unit pattern refuses (digits) is no unit, not a crash
  it("a bracket holding digits declares no unit", () => {
    expect(declaredUnitOf("満足度(123)")).toBeNull();
  });
  // :72 the anchors of the note-word list: only a bracket that is exactly a note word is refused
  it("refuses exactly the note words, not units that contain them", () => {
    expect(declaredUnitOf("参加者数(累計)")).toBeNull();
    expect(declaredUnitOf("利用者数(人/年間)")).toBe("人/年間");
    expect(declaredUnitOf("件数(年間件数)")).toBe("年間件数");
  });
});

describe("target.ts: parseTargets", () => {
  // :79 and :81 (no coverage): year pairs before the first marker form KPI 1 when no marker names it
  it("year pairs before the markers form KPI 1 when no ① follows", () => {
    expect(yearsOf("R4年度 10件 ②R4年度 20件")).toEqual([["1", [[2022, "10件"]]], ["2", [[2022, "20件"]]]]);
  });
  it("text without a year before the markers is no KPI", () => {
    expect(yearsOf("指標 ②R4年度 20件")).toEqual([["2", [[2022, "20件"]]]]);
  });
  it("with a ① marker, the text before the markers is not KPI 1", () => {
    expect(yearsOf("R4年度 10件 ①R4年度 20件 ②R4年度 30件")).toEqual([["1", [[2022, "20件"]]], ["2", [[2022, "30件"]]]]);
    // :78 parts.slice(1) → parts: the words before the first marker are no KPI's label
    const [k] = kpisOf("指標名 ①R4年度 10件");
    expect(k).toMatchObject({ id: "1", label: "", text: "R4年度 10件" });
  });
  // :88, :89, :93: segments of one marker join into one KPI, their texts on separate lines
  it("two segments with the same marker are one KPI", () => {
    const ks = kpisOf("①R3年度 20件 ①R4年度 30件");
    expect(ks).toHaveLength(1);
    expect(ks[0].text).toBe("R3年度 20件 \nR4年度 30件");
    expect([...ks[0].years.keys()]).toEqual([2021, 2022]);
  });
  // :135 the label of a KPI without years: its first text, trimmed
  it("a KPI without years is labelled by its first text", () => {
    const ks = kpisOf("① 指標A ①指標B");
    expect(ks.map((k) => k.label)).toEqual(["指標A"]);
    expect(kpisOf("市民満足度（％）")[0]).toMatchObject({ label: "市民満足度(%)", declaredUnit: "%" });
  });
  // :139 the label is the text before the first year, trimmed, and kept once set
  it("the label is the text before the first year", () => {
    expect(kpisOf("指標A R4年度 10件")[0].label).toBe("指標A");
    expect(kpisOf("①指標A ①R4年度 10件")[0].label).toBe("指標A");
  });
  // :136, :140 a declared unit given by the caller is kept over the label's
  it("a unit declared by the caller wins over the label's", () => {
    expect(kpisOf("市民満足度(%)", R, "件")[0].declaredUnit).toBe("件");
    expect(kpisOf("市民満足度(%) R4年度 80", R, "件")[0].declaredUnit).toBe("件");
    expect(kpisOf("市民満足度(%) R4年度 80")[0].declaredUnit).toBe("%");
  });
  // :143 a bare year without a reference year names no year
  it("a bare year with no reference year is skipped", () => {
    expect(yearsOf("4年度 10件", null)).toEqual([["1", []]]);
    expect(yearsOf("4年度 10件")).toEqual([["1", [[2022, "10件"]]]]);
  });
  // :161 the first pair of a year wins; :157 the first every-year pair wins
  it("the first pair of a year wins", () => {
    expect(yearsOf("R4年度 10件 R4年度 20件")).toEqual([["1", [[2022, "10件"]]]]);
    expect(kpisOf("毎年 10件、各年度 20件")[0].every?.words).toBe("10件");
  });
  // :128, :131 only every-year tokens need a value after them; a year with words keeps them
  it("an every-year word counts only before a value", () => {
    const [k] = kpisOf("R4年度 調査を実施 毎年度 10件");
    expect(k.years.get(2022)?.target).toEqual({ kind: "qualitative", text: "調査を実施" });
    expect(k.every?.words).toBe("10件");
    expect(kpisOf("R4年度 10件 毎年度")[0].every).toBeNull();
  });
  // :149-151: a labelled baseline year is no target
  it("a baseline year (labelled before or after the year) is skipped", () => {
    expect(yearsOf("実績 R3年度 12件 R5年度 20件")).toEqual([["1", [[2023, "20件"]]]]);
    expect(yearsOf("R3実績 1,200件 R5年度 1,500件")).toEqual([["1", [[2023, "1,500件"]]]]);
  });
  // :152 the year left of an arrow is a baseline, the arrow written in three ways
  it("the year before →, ⇒ or -> is a baseline", () => {
    for (const a of ["→", "⇒", "->"]) {
      expect(yearsOf(`R3年度${a}R5年度 20件`)).toEqual([["1", [[2023, "20件"]]]]);
      expect(yearsOf(`R3年度 10件${a}R5年度 20件`)).toEqual([["1", [[2023, "20件"]]]]);
    }
  });
  // :121 a bracketed baseline note is taken out, leaving a blank in its place
  it("a bracketed baseline note is not part of the pair", () => {
    const [k] = kpisOf("R5年度（基準値）20件");
    expect(k.years.get(2023)?.source).toBe("R5年度 20件");
    expect(yearsOf("R4年度 10件（基準値）R5年度 20件")).toEqual([["1", [[2022, "10件"], [2023, "20件"]]]]);
  });
  // :153 a year with nothing after it is no pair
  it("a year followed only by punctuation is no pair", () => {
    expect(yearsOf("R4年度： R5年度 20件")).toEqual([["1", [[2023, "20件"]]]]);
  });
});

describe("target.ts: year ranges", () => {
  // :147 the range start is dropped from the tail of the segment before
  it("a range start after a value is not part of that value", () => {
    expect(yearsOf("R2年度 10件、3〜5年度 20件")).toEqual([["1", [[2020, "10件"], [2021, "20件"], [2022, "20件"], [2023, "20件"]]]]);
    // :147 `>= 0` → `> 0`: also when the segment itself starts with 〜 (R2年度〜: from R2 on)
    expect(yearsOf("R2年度〜 10件、3〜5年度 20件")[0][1]).toContainEqual([2020, "10件"]);
  });
  // :148 令和2年度〜令和5年度: the first year is the range start, not a pair with 〜
  it("a range of two full years covers both and the years between", () => {
    const all = [[2020, "10件"], [2021, "10件"], [2022, "10件"], [2023, "10件"]];
    expect(yearsOf("令和2年度〜令和5年度 10件")).toEqual([["1", all]]);
    expect(yearsOf("令和2年度 〜 令和5年度 10件")).toEqual([["1", all]]);
  });
  // :166-178 (no coverage) rangeYears
  it("a range covers its years, the start in the era of the end", () => {
    expect(yearsOf("令和2〜5年度 10件")[0][1]).toEqual([[2020, "10件"], [2021, "10件"], [2022, "10件"], [2023, "10件"]]);
    expect((yearsOf("令和2〜12年度 5件")[0][1] as unknown[]).map((p) => (p as unknown[])[0])).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect((yearsOf("令和2〜5 年度 10件")[0][1] as unknown[]).length).toBe(4);
    expect(yearsOf("令和元〜3年度 5件")[0][1]).toEqual([[2019, "5件"], [2020, "5件"], [2021, "5件"]]);
  });
  it("the end year of the range is read from the range token, not from an earlier year", () => {
    expect((yearsOf("R1年度 3件、令和2〜5年度 10件")[0][1] as unknown[]).map((p) => (p as unknown[])[0])).toEqual([2019, 2020, 2021, 2022, 2023]);
  });
  it("a range up to 20 years long is read, a longer one is the end year only", () => {
    const k20 = kpisOf("令和1〜令和21年度 5件")[0];
    expect([...k20.years.keys()]).toEqual(Array.from({ length: 21 }, (_, i) => 2019 + i));
    const k21 = kpisOf("令和1〜令和22年度 5件")[0];
    expect([...k21.years.keys()]).toEqual([2040]);
  });
  it("a reversed or unreadable range is the end year only", () => {
    expect(yearsOf("令和5〜3年度 5件")).toEqual([["1", [[2021, "5件"]]]]);
    expect(yearsOf("平成30〜令和元年度 5件")).toEqual([["1", [[2019, "5件"]]]]);
    expect(yearsOf("目標〜R5年度 20件")).toEqual([["1", [[2023, "20件"]]]]);
    expect(yearsOf("R2〜R5 10件")).toEqual([["1", [[2023, "10件"]]]]);
  });
});

describe("target.ts: a year in brackets after the value (moveTrailingYears)", () => {
  it("85%以上（R5） is the pair of R5", () => {
    const [k] = kpisOf("指標 85%以上（R5）");
    // :102, :113 the words before the value stay the label
    expect(k.label).toBe("指標");
    expect([...k.years].map(([y, s]) => [y, s.source])).toEqual([[2023, "R5 85%以上"]]);
    expect(kpisOf("85%以上（R5）")[0].label).toBe("");
    // :109 blanks before the bracket
    expect(yearsOf("85%以上 （R5）")).toEqual([["1", [[2023, "85%以上"]]]]);
    expect(yearsOf("85%以上  （R5）")).toEqual([["1", [[2023, "85%以上"]]]]);
    expect(kpisOf("指標 85%以上 （R5）")[0]).toMatchObject({ label: "指標" });
    expect(yearsOf("指標 85%以上 （R5）")).toEqual([["1", [[2023, "85%以上"]]]]);
    // :113 the year is set apart from the words before the value
    expect(kpisOf("満足度85%以上（R5）")[0]).toMatchObject({ label: "満足度" });
    expect(yearsOf("満足度85%以上（R5）")).toEqual([["1", [[2023, "85%以上"]]]]);
    expect(yearsOf("10件以上(R4)20件以上(R5)")).toEqual([["1", [[2022, "10件以上"], [2023, "20件以上"]]]]);
  });
  // :108, :112 a bracket with more than a year, or not right after a value, is left alone
  it("a bracket with more than the year, or after no value, does not move the value", () => {
    for (const raw of ["85%以上（目標R5）", "85%以上（R5まで）", "85%以上の達成（R5）", "10件以上。（R5）", "目標（R5）"]) {
      const t = kpisOf(raw)[0].years.get(2023)?.target;
      expect(t?.kind).not.toBe("numeric");
    }
  });
});

describe("target.ts: readSegment", () => {
  const read = (body: string, declared: string | null = null) => readSegment(body, units, declared);
  // :187 empty → null
  it("an empty body is no target", () => {
    expect(read("")).toBeNull();
    expect(read(" ：、")).toBeNull();
  });
  // :186 every leading separator is dropped
  it("leading separators are dropped", () => {
    expect(read(":、調査")).toEqual({ kind: "qualitative", text: "調査" });
  });
  // :188 the declared unit is preferred (1.5万人 declared in 万人 is 1.5 万人, not 15000 人)
  it("a declared unit is read before the multipliers", () => {
    expect(read("1.5万人", "万人")).toMatchObject({ kind: "numeric", value: 1.5, unit: "万人" });
    expect(read("10", "人")).toMatchObject({ kind: "numeric", value: 10, unit: "人" });
  });
  // :191, :194 a bracketed note after a value restates it; other brackets are words
  it("a trailing bracket counts as a note only after a value", () => {
    expect(read("21区長/24区長（87.5%）")).toMatchObject({ kind: "numeric", value: 21, denominator: 24, words: "21区長/24区長" });
    expect(read("調査の実施（年2回）")).toEqual({ kind: "qualitative", text: "調査の実施（年2回）" });
    expect(read("10件の調査（年2回）")).toEqual({ kind: "qualitative", text: "10件の調査（年2回）" });
  });
  // :198 the value must end the text, and not be the right side of a slash
  it("a value that does not end the text, or follows a slash, is no numeric target", () => {
    expect(read("10件の調査")).toMatchObject({ kind: "qualitative" });
    expect(read("10件")).toMatchObject({ kind: "numeric", value: 10, unit: "件" });
    expect(read("目標/24区長")).toMatchObject({ kind: "qualitative" });
  });
  // :199 a value needs a unit, a denominator, a value word or to stand alone
  it("a number glued to a word needs a unit, a denominator or a value word", () => {
    expect(read("目標10")).toEqual({ kind: "qualitative", text: "目標10" });
    expect(read("目標10件")).toMatchObject({ kind: "numeric", value: 10, unit: "件" });
    expect(read("目標12/20")).toMatchObject({ kind: "numeric", value: 12, denominator: 20, unit: null });
    expect(read("目標10以上")).toMatchObject({ kind: "numeric", value: 10, word: "以上", unit: null });
    // :217 (no coverage) a bare number after a blank stands alone
    expect(read("目標 10")).toMatchObject({ kind: "numeric", value: 10, unit: null, words: "10" });
    expect(read("目標:10")).toMatchObject({ kind: "numeric", value: 10 });
  });
  // :200 zero is lower-is-better only without a value word
  it("a zero target is lower-is-better unless a value word says otherwise", () => {
    expect(read("0件")).toMatchObject({ direction: "lower" });
    expect(read("0件以上")).toMatchObject({ direction: "higher" });
  });
});

describe("target.ts: segmentFor and evaluateParsedTargets", () => {
  // :234 no year: no segment, even with an every-year pair
  it("no evaluated year has no segment", () => {
    const [k] = kpisOf("毎年度 10件");
    expect(segmentFor(k, null)).toBeUndefined();
    expect(segmentFor(k, 2022)?.words).toBe("10件");
  });
  // :246 a blank cell is empty, not unparsed
  it("a blank cell is no target and no issue", () => {
    expect(evaluateTargets("  \n ", 2022, R, units)).toMatchObject({ kpis: [], issue: null });
    expect(evaluateTargets("調査の実施", 2022, R, units).issue).toBe("target-unparsed");
  });
  // :252, :255 the missing years
  it("names the KPIs with no target for the year", () => {
    const ev = evaluateTargets("①R4年度 10件 ②R5年度 20件", 2022, R, units);
    expect([...ev.segments.keys()]).toEqual(["1"]);
    expect(ev.missingYear).toEqual(["2"]);
    expect(ev.issue).toBe("target-year-missing");
  });
  it("with no evaluated year, nothing is missing", () => {
    const ev = evaluateParsedTargets(toParseText("①R4年度 10件 ②R5年度 20件"), null, R, units);
    expect(ev.missingYear).toEqual([]);
    expect(ev.issue).toBeNull();
    expect(ev.segments.size).toBe(0);
  });
});

describe("header.ts: resemblingHeader", () => {
  const K = "期末自己評価"; // six characters: a header must share four in order
  it("finds the header sharing the most characters in order, at least two thirds", () => {
    expect(resemblingHeader(K, ["備考", "期末評価"], new Set())).toBe(1);
    // :138 need = ceil(2/3 × 6) = 4: three shared characters are not enough
    expect(resemblingHeader(K, ["期末自"], new Set())).toBeNull();
    // :144 `score >= need` forced / `||`: two shared characters are not enough either
    expect(resemblingHeader(K, ["期末", "評価"], new Set())).toBeNull();
    // :126 characters must be in order (the same characters reversed share one)
    expect(resemblingHeader(K, ["価評己自末期"], new Set())).toBeNull();
    expect(resemblingHeader(K, ["期末自己評価"], new Set([0]))).toBeNull();
  });
  it("the best score wins; on a tie, the first", () => {
    expect(resemblingHeader(K, ["期末自評", "期末自己評価欄"], new Set())).toBe(1);
    // :144 `score > bestScore` forced: a later, weaker match does not replace a better one
    expect(resemblingHeader(K, ["期末自己評価欄", "期末自評"], new Set())).toBe(0);
    // :144 `>=`: a tie keeps the first
    expect(resemblingHeader(K, ["期末の評価", "自己評価(期末)", "備考"], new Set())).toBe(0);
  });
  // :142 texts longer than 60 characters are not headers
  it("ignores texts over 60 characters", () => {
    expect(resemblingHeader(K, ["期末" + "x".repeat(54) + "自己評価"], new Set())).toBe(0);
    expect(resemblingHeader(K, ["期末" + "x".repeat(55) + "自己評価"], new Set())).toBeNull();
  });
});

describe("header.ts: HeaderMatcher", () => {
  const m = new HeaderMatcher(DEFAULT_CONFIG);
  const found = (rows: string[][], firstRow = 1, matcher = m) => {
    const h = matcher.find(rows, firstRow);
    return h && { row: h.rowIndex, first: h.firstRowIndex, columns: Object.fromEntries(h.columns), outputs: Object.fromEntries(h.outputs) };
  };
  // :22 output headers are recognised
  it("recognises the output headers, the first of a repeated one", () => {
    expect(m.outputOf("達成率")).toBe("達成率");
    expect(found([["番号", "項目名", "目標達成水準", "達成状況", "達成状況"]])?.outputs).toEqual({ 達成状況: 3 });
  });
  // :43 a bracket after a name compared without の
  it("a name with の followed by a bracket is that column", () => {
    expect(m.canonicalOf("期末の自己評価(R4)")).toBe("期末自己評価");
    expect(m.canonicalOf("期末自己評価（令和4年度）")).toBe("期末自己評価");
  });
  // :114, :115 (:115 return no coverage): the row below is no header row when it holds an item's number or title
  it("a row below with an item's number or title is an item, not the header's second row", () => {
    expect(found([["番号", "項目名", "目標達成水準", "中間"], ["1", "", "", "自己評価"]])).toMatchObject({ row: 0, first: 0 });
    expect(found([["項目名", "目標達成水準", "期末自己評価", "中間"], ["取組A", "", "", "自己評価"]])).toMatchObject({ row: 0, first: 0 });
  });
  it("a row below that adds columns continues the header", () => {
    expect(found([["番号", "項目名", "目標達成水準", "中間"], ["", "", "", "自己評価"]])).toEqual({
      row: 1, first: 0, outputs: {},
      columns: { 番号: [0], 項目名: [1], 目標達成水準: [2], 中間自己評価と下半期の方向性: [3] },
    });
  });
  // :98 a row below that adds no column does not continue the header
  it("a row below that adds no column is not part of the header", () => {
    expect(found([["番号", "項目名", "目標達成水準"], ["", "", "R4年度 10件"]])).toMatchObject({ row: 0, first: 0 });
  });
  // :80 per column, a header cell above a non-header text below is kept
  it("keeps the upper header cell over words below it", () => {
    expect(found([["番号", "項目名", "目標達成水準", "中間"], ["", "", "令和4年度", "自己評価"]])?.columns).toEqual({ 番号: [0], 項目名: [1], 目標達成水準: [2], 中間自己評価と下半期の方向性: [3] });
    // :80 the two texts joined may be an output header
    expect(found([["番号", "項目名", "目標達成水準", "中間", "達成"], ["", "", "", "自己評価", "率"]])?.outputs).toEqual({ 達成率: 4 });
  });
  // :74 the lower row may be wider than the upper one
  it("reads a lower row wider than the upper one", () => {
    expect(found([["番号", "項目名", "中間"], ["", "", "自己評価", "目標達成水準"]])).toMatchObject({
      row: 1, first: 0, columns: { 番号: [0], 項目名: [1], 中間自己評価と下半期の方向性: [2], 目標達成水準: [3] },
    });
  });
  // :104 a pair of rows with exactly three names is a header; a lower row that is a header on its own is one alone
  it("a two-row header needs three names, and a lower row with three is a header by itself", () => {
    expect(found([["番号", "項目名", "中"], ["", "", "間自己評価"]])).toMatchObject({ row: 1, first: 0, columns: { 中間自己評価と下半期の方向性: [2] } });
    expect(found([["番号", "中"], ["項目名", "", "目標達成水準", "期末自己評価"]])).toMatchObject({ row: 1, first: 1 });
  });
  // :90, :102 only sheet rows 1..30 are searched, both rows of a two-row header included
  it("searches the sheet rows up to 30 only", () => {
    expect(found([["x"], ["番号", "項目名", "目標達成水準"]], 30)).toBeNull();
    expect(found([["x"], ["番号", "項目名", "目標達成水準"]], 29)).toMatchObject({ row: 1 });
    expect(found([["x"], ["番号", "項目名", "中"], ["", "", "間自己評価"]], 29)).toBeNull();
    expect(found([["x"], ["番号", "項目名", "中"], ["", "", "間自己評価"]], 28)).toMatchObject({ row: 2, first: 1 });
  });

  describe("with configured aliases", () => {
    const withAliases = (extra: Partial<Record<keyof typeof DEFAULT_CONFIG.aliases, string[]>>) => {
      const aliases = { ...DEFAULT_CONFIG.aliases };
      for (const [k, v] of Object.entries(extra)) aliases[k as keyof typeof aliases] = [...aliases[k as keyof typeof aliases], ...(v ?? [])];
      return new HeaderMatcher({ ...DEFAULT_CONFIG, aliases });
    };
    // :29 longer names are tried first: 目標(KPI) is the alias, not 目標 followed by a bracket
    it("the longest name that matches wins", () => {
      expect(withAliases({ 番号: ["目標"] }).canonicalOf("目標(KPI)")).toBe("目標達成水準");
    });
    // :35, :36, :37 an exact match, or a name then a bracket, comes before the comparison without の
    it("a match as written wins over one without の", () => {
      const mm = withAliases({ 期末自己評価: ["目標値"], 中間自己評価と下半期の方向性: ["目標の値"] });
      expect(mm.canonicalOf("目標値")).toBe("期末自己評価");
      expect(mm.canonicalOf("目標値(R4)")).toBe("期末自己評価");
      expect(mm.canonicalOf("目標の値")).toBe("中間自己評価と下半期の方向性");
    });
    // :80 the two texts joined win over the lower text alone
    it("a split header name joined wins over its lower half", () => {
      const mm = withAliases({ 期末自己評価: ["評価"] });
      expect(found([["番号", "項目名", "目標達成水準", "中間"], ["", "", "", "評価"]], 1, mm)?.columns).toEqual({ 番号: [0], 項目名: [1], 目標達成水準: [2], 中間自己評価と下半期の方向性: [3] });
    });
  });
});

describe("claim.ts: findClaims", () => {
  const claims = (text: string, ids: string[], qual: Record<string, string> = {}) => Object.fromEntries(findClaims(toParseText(text), ids, new Map(Object.entries(qual))));
  const hitsOf = (raw: string, ids: string[], qual: Record<string, string> = {}) => {
    const text = toParseText(raw);
    const hits: ClaimHit[] = [];
    findClaims(text, ids, new Map(Object.entries(qual)), hits);
    return hits.map((h) => [h.claim, text.slice(h.start, h.end), h.ids]);
  };
  const Q = { 1: "計画の策定" };

  // :99 the deny ending may end up to 15 characters after the target's words
  it("an own-words deny ends within 15 characters after the words", () => {
    expect(claims("計画の策定は" + "あ".repeat(10) + "ので実施できなかった", ["1"], Q)).toEqual({ 1: "deny" }); // 15 characters between
    expect(claims("計画の策定は" + "あ".repeat(11) + "ので実施できなかった", ["1"], Q)).toEqual({ 1: "none" }); // 16
  });
  // :100 a deny ending wins over an affirm word right after the target's words
  it("「…を完了できなかった」 is a deny, not an affirm", () => {
    expect(claims("計画の策定を完了できなかった。", ["1"], Q)).toEqual({ 1: "deny" });
    expect(hitsOf("計画の策定を完了できなかった。", ["1"], Q)).toEqual([["deny", "計画の策定を完了できなかった", ["1"]]]);
  });
  // :101 the target's words without a claim after them are no own-words claim and do not hide the claim that follows
  it("the target's words with no claim of their own leave the other claims alone", () => {
    expect(claims("計画の策定について①は達成した。", ["1", "2"], { 2: "計画の策定" })).toEqual({ 1: "affirm", 2: "none" });
    // :84 no own-words hit when there is none
    expect(hitsOf("①は達成した。", ["1", "2"], { 2: "計画の策定" })).toEqual([["affirm", "達成した", ["1"]]]);
  });
  // :145 the pre-check: 完了 or 通り at the very start of a sentence, 通り as the only key word
  it("finds claim phrases at the start of a sentence and with 通り", () => {
    expect(claims("完了した。", ["1"])).toEqual({ 1: "affirm" });
    expect(claims("計画通り実施した。", ["1"])).toEqual({ 1: "affirm" });
    expect(hitsOf("通り沿いの施設整備は計画通り実施した。", ["1"])).toEqual([["affirm", "計画通り実施", ["1"]]]);
    // a line break inside 従来どおり: the next sentence starts with どおり and still holds 計画どおり
    expect(claims("従来\nどおりの手順で、計画どおり実施した。", ["1"])).toEqual({ 1: "affirm" });
  });
  // :182 after a claim, a claim with no marker before it covers every KPI
  it("a second claim with no marker of its own covers every KPI", () => {
    expect(claims("①は達成できなかったが、全体として達成した。", ["1", "2"])).toEqual({ 1: "deny", 2: "affirm" });
    expect(hitsOf("①は達成できなかったが、全体として達成した。", ["1", "2"])).toEqual([["deny", "達成できなかった", ["1"]], ["affirm", "達成した", ["1", "2"]]]);
  });
  // :183 ともに counts for its claim only: the next claim covers its last group
  it("ともに does not carry over to the next claim", () => {
    expect(claims("①②ともに達成したが、③は件数、④は率で達成できなかった。", ["1", "2", "3", "4"])).toEqual({ 1: "affirm", 2: "affirm", 3: "none", 4: "deny" });
  });
});

// Found by the mutation audit: a range start with its era (令和2〜5年度) left the era word in the segment
// before it, so R1's 「3件、令和」 was no longer a value (the code drops a range start from that tail).
describe("a year range after another year's target", () => {
  it("takes the range start with its era out of the segment before it", () => {
    const [k] = kpisOf("R1年度 3件、令和2〜5年度 10件");
    expect(segmentFor(k, 2019)?.words).toBe("3件");
    expect(evaluateTargets("R1年度 3件、令和2〜5年度 10件", 2019, R, units).forYear.get("1")).toMatchObject({ kind: "numeric", value: 3 });
    expect(evaluateTargets("R1年度 3件、令和2〜5年度 10件", 2021, R, units).forYear.get("1")).toMatchObject({ kind: "numeric", value: 10 });
    expect(evaluateTargets("R1年度 3件、2〜5年度 10件", 2019, R, units).forYear.get("1")).toMatchObject({ kind: "numeric", value: 3 });
  });
});
