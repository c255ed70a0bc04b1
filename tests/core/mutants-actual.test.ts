/** Survivors of the core mutation run in value.ts and actual.ts, killed through their exported functions. */
import { ActualReader, findActuals, type KpiShape } from "../../src/core/actual";
import { DEFAULT_UNITS } from "../../src/core/config";
import { toParseText } from "../../src/core/normalize";
import { UnitList, canonicalUnit, findValues, type ValueMatch } from "../../src/core/value";

const U = new UnitList(DEFAULT_UNITS);
/** Each value read as [its text, value, unit, denominator, word]. */
const read = (s: string, preferred?: readonly string[], units: UnitList = U) =>
  findValues(s, units, preferred).map((v) => [s.slice(v.start, v.end), v.value, v.unit, v.denominator, v.word]);
const numbers = (s: string, preferred?: readonly string[]) => findValues(s, U, preferred).map((v) => v.value);

describe("canonicalUnit", () => {
  it("spells パーセント as % and every か所 variant as か所, other units and null unchanged", () => {
    expect(canonicalUnit(null)).toBeNull();
    expect(canonicalUnit("パーセント")).toBe("%");
    for (const u of ["ヵ所", "ヶ所", "カ所", "箇所"]) expect(canonicalUnit(u)).toBe("か所");
    expect(canonicalUnit("か所")).toBe("か所");
    expect(canonicalUnit("件")).toBe("件");
    expect(canonicalUnit("")).toBe("");
  });
});

describe("UnitList", () => {
  it("finds the longest unit at a position, whatever the order given", () => {
    expect(new UnitList(["区", "区長"]).at("区長", 0)).toBe("区長");
    expect(new UnitList(["区長", "区"]).at("区長", 0)).toBe("区長");
    expect(new UnitList(["区", "区長", "所属"]).at("23区の", 2)).toBe("区");
    expect(new UnitList(["区", "区長"]).at("人", 0)).toBeNull();
  });
  it("drops empty units and normalises them (NFKC)", () => {
    const list = new UnitList(["", "件", "ｋｍ"]);
    expect(list.at("5", 1)).toBeNull();
    expect(list.at("", 0)).toBeNull();
    expect(list.at("件", 0)).toBe("件");
    expect(list.at("km", 0)).toBe("km");
  });
});

describe("findValues: numbers", () => {
  // value.ts:82 the digit checks around the comma (`j + 1` → `j - 1`, `j + 4` → `j - 4`)
  it("reads , as a thousands separator only before exactly three digits", () => {
    expect(read("1,234件")).toEqual([["1,234件", 1234, "件", null, null]]);
    expect(numbers("1,2345")).toEqual([1, 2345]);
    expect(numbers("1,x23")).toEqual([1]);
  });
  it("a decimal point needs a digit after it", () => {
    expect(read("3.5%")).toEqual([["3.5%", 3.5, "%", null, null]]);
    expect(read("約3.")).toEqual([["3", 3, null, null, null]]);
    expect(read("約3.件")).toEqual([["3", 3, null, null, null]]);
  });
  it("万 and 億 are multipliers unless they begin a unit", () => {
    expect(read("1万6069人")).toEqual([["1万6069人", 16069, "人", null, null]]);
    expect(read("2億")).toEqual([["2億", 2e8, null, null, null]]);
    expect(read("3万")).toEqual([["3万", 30000, null, null, null]]);
    expect(read("5万円")).toEqual([["5万円", 5, "万円", null, null]]);
    expect(read("2億円")).toEqual([["2億円", 2, "億円", null, null]]);
    // the part after 万 must be below 1万
    expect(numbers("1万20000人")).toEqual([20000]);
    expect(numbers("1万10000人")).toEqual([10000]);
    expect(numbers("1万9999人")).toEqual([19999]);
  });
  it("a preferred unit is tried before the multipliers, the longest first", () => {
    expect(read("1,150万人", ["万人"])).toEqual([["1,150万人", 1150, "万人", null, null]]);
    expect(read("1,150万人", ["万", "万人"])).toEqual([["1,150万人", 1150, "万人", null, null]]);
    expect(read("1,150万人")).toEqual([["1,150万人", 11500000, "人", null, null]]);
    expect(read("5件", ["人"])).toEqual([["5件", 5, "件", null, null]]);
    expect(read("3万", [""])).toEqual([["3万", 30000, null, null, null]]);
    expect(read("3万", [])).toEqual([["3万", 30000, null, null, null]]);
  });
  it("blanks (space, tab, ideographic space) may stand between a number and its unit", () => {
    expect(read("5 件")).toEqual([["5 件", 5, "件", null, null]]);
    expect(read("5\t件")).toEqual([["5\t件", 5, "件", null, null]]);
    expect(read("5\u3000件")).toEqual([["5\u3000件", 5, "件", null, null]]);
  });
});

describe("findValues: what is not a value", () => {
  // value.ts:136-137 the skip of a digit run after a letter, its bound and its , and . tests
  it("a digit run after a letter or a decimal point (R2, H30, A4) is skipped whole", () => {
    expect(read("H30 5件")).toEqual([["5件", 5, "件", null, null]]);
    expect(read("A4 5件")).toEqual([["5件", 5, "件", null, null]]);
    expect(read("A1,234 5件")).toEqual([["5件", 5, "件", null, null]]);
    expect(read("A1.5 5件")).toEqual([["5件", 5, "件", null, null]]);
  });
  it("ordinals (第2, 3回目) are not values, nor a part of their number", () => {
    expect(read("第3回")).toEqual([]);
    expect(read("第12")).toEqual([]);
    expect(read("3回目")).toEqual([]);
  });
  it("counts of years, months, 次 and 期 are not values", () => {
    expect(read("3 年 4 月 5 次 6 期")).toEqual([]);
    expect(read("3 か月")).toEqual([]);
    expect(read("2 ヵ年")).toEqual([]);
    expect(read("3か所")).toEqual([["3か所", 3, "か所", null, null]]);
  });
  it("the day of a date and the hour of a time are not values", () => {
    expect(read("4月1日")).toEqual([]);
    expect(read("1日")).toEqual([["1日", 1, "日", null, null]]);
    expect(numbers("10:30")).not.toContain(10);
    expect(numbers("10:")).toEqual([10]);
    expect(numbers("5 67")).toEqual([5, 67]);
  });
  it("a bare number glued to a word is not a value; one standing apart is", () => {
    expect(read("3つ")).toEqual([]);
    expect(read("3、")).toEqual([["3", 3, null, null, null]]);
    expect(read("3 個")).toEqual([["3", 3, null, null, null]]);
    expect(read("5以上")).toEqual([["5以上", 5, null, null, "以上"]]);
  });
});

describe("findValues: unknown units before a value word", () => {
  it("a word of one to three letters before 以上 is a unit", () => {
    expect(read("3駅以上")).toEqual([["3駅以上", 3, "駅", null, "以上"]]);
    expect(read("5駅 以上")).toEqual([["5駅 以上", 5, "駅", null, "以上"]]);
    expect(read("5kWh以上")).toEqual([["5kWh以上", 5, "kWh", null, "以上"]]);
    expect(read("5abcd以上")).toEqual([]);
    expect(read("5a1以上")).toEqual([]);
    expect(read("3四半期以上")).toEqual([]);
  });
});

describe("findValues: denominators, words, signs", () => {
  it("a denominator takes no unit or the value's own", () => {
    expect(read("23区長/24区長")).toEqual([["23区長/24区長", 23, "区長", 24, null]]);
    expect(read("3/4")).toEqual([["3/4", 3, null, 4, null]]);
    expect(read("5件/6")).toEqual([["5件/6", 5, "件", 6, null]]);
    expect(read("5件/6人")).toEqual([
      ["5件", 5, "件", null, null],
      ["6人", 6, "人", null, null],
    ]);
    expect(read("5件/月")).toEqual([["5件", 5, "件", null, null]]);
  });
  it("value words give the direction", () => {
    const dir = (s: string) => findValues(s, U).map((v: ValueMatch) => v.direction);
    expect(dir("5未満 5以下 5超 5削減")).toEqual(["lower", "lower", "higher", "higher"]);
  });
  it("a minus sign makes a value negative unless it follows a letter or digit", () => {
    expect(read("-5件")).toEqual([["-5件", -5, "件", null, null]]);
    expect(read("-534")).toEqual([["-534", -534, null, null, null]]);
    expect(read("a-5件")).toEqual([["5件", 5, "件", null, null]]);
    expect(read("5-3件")).toEqual([
      ["5", 5, null, null, null],
      ["3件", 3, "件", null, null],
    ]);
  });
});

/** Each value of a text as [its text, class], read by an ActualReader over the same text. */
const classes = (t: string, kpi: KpiShape | null = null, year: number | null = 2020, reference: number | null = 2020) =>
  new ActualReader(t, year, reference, U).values(t, 0, kpi, undefined).map((x) => [t.slice(x.v.start, x.v.end), x.cls]);
const APY: KpiShape = { id: "1", unit: "%", againstPreviousYear: true };
/** findActuals over a raw cell text: each KPI's actual as [its text in the parse text, value, unit, denominator] or "pending". */
const actuals = (raw: string, kpis: KpiShape[], year: number | null = 2020, reference: number | null = 2020) => {
  const text = toParseText(raw);
  const found = findActuals(text, kpis, year, reference, U);
  return Object.fromEntries([...found].map(([id, f]) => [id, f === "pending" ? f : [text.slice(f.start, f.end), f.value, f.unit, f.denominator]]));
};
const kpi = (id: string, unit: string | null, againstPreviousYear?: boolean): KpiShape => ({ id, unit, againstPreviousYear });

describe("ActualReader.classify: starting points and restated targets", () => {
  it("a value followed by から or より (blanks between allowed) is a starting point, left out", () => {
    expect(classes("71%から74.5%")).toEqual([["71%", "left-out"], ["74.5%", "plain"]]);
    expect(classes("71%より74.5%")).toEqual([["71%", "left-out"], ["74.5%", "plain"]]);
    expect(classes("71% から 74.5%")).toEqual([["71%", "left-out"], ["74.5%", "plain"]]);
    expect(classes("71%\tから 74.5%")).toEqual([["71%", "left-out"], ["74.5%", "plain"]]);
    expect(classes("71%\u3000から 74.5%")).toEqual([["71%", "left-out"], ["74.5%", "plain"]]);
  });
  it("a value with no label is plain", () => {
    expect(classes("80件")).toEqual([["80件", "plain"]]);
    expect(classes("達成に向け 80件")).toEqual([["80件", "plain"]]);
  });
  it("目標 and 目標値 restate the target, with である/とする between too", () => {
    expect(classes("目標値 80%")).toEqual([["80%", "left-out"]]);
    expect(classes("目標である80%")).toEqual([["80%", "left-out"]]);
    expect(classes("目標とする 80%")).toEqual([["80%", "left-out"]]);
  });
});

describe("ActualReader.classify: labels of sentence rule (b)", () => {
  it("values right after 前年度, 基準 … are left out", () => {
    expect(classes("前年度の71%")).toEqual([["71%", "left-out"]]);
    expect(classes("基準値 70%、今回 80%")).toEqual([["70%", "left-out"], ["80%", "plain"]]);
  });
  it("前年度比 and 前年比 values are kept for a KPI whose target is against the previous year, other labels are not", () => {
    expect(classes("前年度比3.4%削減", APY)).toEqual([["3.4%削減", "plain"]]);
    expect(classes("前年比3.4%", APY)).toEqual([["3.4%", "plain"]]);
    expect(classes("前年度比3.4%削減")).toEqual([["3.4%削減", "left-out"]]);
    expect(classes("前年度5%", APY)).toEqual([["5%", "left-out"]]);
    expect(classes("達成率 102%", APY)).toEqual([["102%", "left-out"]]);
  });
  it("values inside a bracket that begins with a label are left out, also far from the label", () => {
    expect(classes("（前年度比で 5%増）")).toEqual([["5%", "left-out"]]);
    expect(classes("（前年度比で、ここに長い説明がありますがとにかく合計で 5%増）")).toEqual([["5%", "left-out"]]);
    expect(classes("（前年度比で 5%増）80% （基準値は 3%）")).toEqual([["5%", "left-out"], ["80%", "plain"], ["3%", "left-out"]]);
    expect(classes("（前年度比で 5%増）80% （基準値は 3%）、（前回では 2%）")).toEqual([["5%", "left-out"], ["80%", "plain"], ["3%", "left-out"], ["2%", "left-out"]]);
    expect(classes("参加 80%（目安）")).toEqual([["80%", "plain"]]);
  });
  // actual.ts:131-133 the bracket exception: `inner`, its regex and the `!(… && …)` test
  it("a bracket beginning with 前年度比/前年比 keeps its values for a KPI against the previous year", () => {
    expect(classes("（前年度比で 5%増）", APY)).toEqual([["5%", "plain"]]);
    expect(classes("全体では（前年度比では 5%増）", APY)).toEqual([["5%", "plain"]]);
    expect(classes("（ 前年度比では 5%増）", APY)).toEqual([["5%", "plain"]]);
    expect(classes("（前年比では 5%増）", APY)).toEqual([["5%", "plain"]]);
    expect(classes("（基準値では 5%増）", APY)).toEqual([["5%", "left-out"]]);
  });
});

describe("ActualReader.classify: 実績", () => {
  it("実績 and 実績値 with separators", () => {
    expect(classes("実績:80件")).toEqual([["80件", "jisseki"]]);
    expect(classes("実績値は82.1%")).toEqual([["82.1%", "jisseki"]]);
    expect(classes("目標である80%、実績値は82.1%")).toEqual([["80%", "left-out"], ["82.1%", "jisseki"]]);
  });
  // actual.ts:42-44 isDigitAt, 138-142 the month skip
  it("a month (12月末時点) may stand between 実績 and the value", () => {
    expect(classes("実績 12月末時点:80件")).toEqual([["80件", "jisseki"]]);
    expect(classes("実績12月末:80件")).toEqual([["80件", "jisseki"]]);
    expect(classes("実績12月:80件")).toEqual([["80件", "jisseki"]]);
    expect(classes("実績10月:80件")).toEqual([["80件", "jisseki"]]);
    expect(classes("実績9月:80件")).toEqual([["80件", "jisseki"]]);
    expect(classes("実績 3月時点 80件")).toEqual([["80件", "jisseki"]]);
  });
  it("実績 after 前年度/昨年度/前回 (blanks between allowed) is left out", () => {
    expect(classes("前年度実績 78.0%")).toEqual([["78.0%", "left-out"]]);
    expect(classes("前年度 実績 78.0%")).toEqual([["78.0%", "left-out"]]);
    expect(classes("前回\t実績 78.0%")).toEqual([["78.0%", "left-out"]]);
    expect(classes("昨年度\u3000実績 78.0%")).toEqual([["78.0%", "left-out"]]);
  });
  it("実績 right after a year other than the evaluated one is left out", () => {
    expect(classes("元年度実績 85% 2年度実績 90%")).toEqual([["85%", "left-out"], ["90%", "jisseki"]]);
    expect(classes("R4実績 78%", null, 2023)).toEqual([["78%", "left-out"]]);
    expect(classes("R4 実績 78%", null, 2023)).toEqual([["78%", "left-out"]]);
    expect(classes("R4年度に開始、実績 78%", null, 2023)).toEqual([["78%", "jisseki"]]);
    // no evaluated year, or a year that cannot be resolved: nothing to compare
    expect(classes("2年度実績 90%", null, null, 2020)).toEqual([["90%", "jisseki"]]);
    expect(classes("2年度実績 90%", null, 2020, null)).toEqual([["90%", "jisseki"]]);
  });
});

describe("findActuals: a KPI's marker text", () => {
  it("no KPIs, no actuals", () => {
    expect(actuals("実績 5件", [])).toEqual({});
  });
  it("after 実績 first, else the first value with the KPI's unit, else the first value", () => {
    expect(actuals("①参加 90件、実績 84件", [kpi("1", "件")])).toEqual({ 1: ["84件", 84, "件", null] });
    expect(actuals("①3人、5件", [kpi("1", "件")])).toEqual({ 1: ["5件", 5, "件", null] });
    expect(actuals("①3人、5件", [kpi("1", null)])).toEqual({ 1: ["3人", 3, "人", null] });
  });
  it("a marker that comes back adds its text to the KPI's", () => {
    expect(actuals("①5件 ②3回 ①補足あり", [kpi("1", "件"), kpi("2", "回")])).toEqual({ 1: ["5件", 5, "件", null], 2: ["3回", 3, "回", null] });
  });
  it("a KPI against the previous year reads its own text with its own exception and unit", () => {
    expect(actuals("①前年度比3.4%削減 ②5件", [APY, kpi("2", "件")])).toEqual({ 1: ["3.4%削減", 3.4, "%", null], 2: ["5件", 5, "件", null] });
    expect(actuals("①前年度比3.4%削減", [APY])).toEqual({ 1: ["3.4%削減", 3.4, "%", null] });
    expect(actuals("①71%から74.5%に上昇", [APY])).toEqual({ 1: ["74.5%", 74.5, "%", null] });
    expect(actuals("①前年度の 71%から 74.5%に上昇", [APY])).toEqual({ 1: ["74.5%", 74.5, "%", null] });
    expect(actuals("①1,150万人", [kpi("1", "万人", true)])).toEqual({ 1: ["1,150万人", 1150, "万人", null] });
  });
});

describe("findActuals: unmarked values after 実績 or alone on a line", () => {
  it("a 実績 value read with the single KPI's exception and the KPIs' units", () => {
    expect(actuals("（前年度比 実績 3.4%削減）、全体で 50%", [APY])).toEqual({ 1: ["3.4%削減", 3.4, "%", null] });
    expect(actuals("実績 1,150万人、うち市内 300万人", [kpi("1", "万人", true)])).toEqual({ 1: ["1,150万人", 1150, "万人", null] });
    expect(actuals("実績 1,150万人、うち市内 300万人", [kpi("1", "万人")])).toEqual({ 1: ["1,150万人", 1150, "万人", null] });
  });
  it("the first candidate in text order wins", () => {
    expect(actuals("80件\n実績 90件", [kpi("1", "件")])).toEqual({ 1: ["80件", 80, "件", null] });
    expect(actuals("実績 5件\n実績 7件", [kpi("1", "件")])).toEqual({ 1: ["5件", 5, "件", null] });
  });
  // actual.ts:225-234 the line scan: lead, body, the trailing-blank regex, offsets
  it("a value alone on its line (after a list mark, trailing blanks and 。 dropped)", () => {
    const more = "\n（うち新規 3件）";
    expect(actuals("説明会を開催した。\n12件" + more, [kpi("1", "件")])).toEqual({ 1: ["12件", 12, "件", null] });
    expect(actuals("説明会を開催した。\n・12件" + more, [kpi("1", "件")])).toEqual({ 1: ["12件", 12, "件", null] });
    expect(actuals("説明会を開催した。\n12 件" + more, [kpi("1", "件")])).toEqual({ 1: ["12 件", 12, "件", null] });
    expect(actuals("説明会を開催した。\n12件。 " + more, [kpi("1", "件")])).toEqual({ 1: ["12件", 12, "件", null] });
    expect(actuals("説明会を開催した。\n0件" + more, [kpi("1", "件")])).toEqual({ 1: ["0件", 0, "件", null] });
    expect(actuals("説明会を開催した。\n9件" + more, [kpi("1", "件")])).toEqual({ 1: ["9件", 9, "件", null] });
    expect(actuals("来場は\n1,150万人\nうち市内 300万人", [kpi("1", "万人")])).toEqual({ 1: ["1,150万人", 1150, "万人", null] });
  });
  // Found by the mutation audit: "-" was always taken for a bullet, so ▲3件 alone on its line read as 3.
  // (A typed "-3" at a line start is the degraded marker form "- N" of §2; ▲ becomes "-" after markers.)
  it("a ▲ value alone on its line stays negative (§4); a '- ' bullet is still a bullet", () => {
    const more = "\n（うち新規 3件）";
    expect(actuals("説明会を開催した。\n▲3件" + more, [kpi("1", "件")])).toEqual({ 1: ["-3件", -3, "件", null] });
    expect(actuals("説明会を開催した。\n・▲3件" + more, [kpi("1", "件")])).toEqual({ 1: ["-3件", -3, "件", null] });
    expect(actuals("説明会を開催した。\n- 120件" + more, [kpi("1", "件")])).toEqual({ 1: ["120件", 120, "件", null] });
  });
  it("a line holding more than the value is no candidate", () => {
    const more = "\n（うち新規 3件）";
    expect(actuals("5件 7件", [kpi("1", "件")])).toEqual({});
    expect(actuals("5件です" + more, [kpi("1", "件")])).toEqual({});
    expect(actuals("5つ 3件" + more, [kpi("1", "件")])).toEqual({});
    expect(actuals("5つ", [kpi("1", "件")])).toEqual({});
  });
  // actual.ts:174 sameUnit, 238-244 ownerOf and the first candidate winning
  it("an unmarked value belongs to the one KPI, or the only KPI with its unit", () => {
    expect(actuals("実績 5人", [kpi("1", "件"), kpi("2", "人")])).toEqual({ 2: ["5人", 5, "人", null] });
    expect(actuals("実績 5人、うち市内 3人", [kpi("1", "件"), kpi("2", "人")])).toEqual({ 2: ["5人", 5, "人", null] });
    expect(actuals("実績 5件", [kpi("1", "件"), kpi("2", "件")])).toEqual({});
    expect(actuals("実績 5円", [kpi("1", "件"), kpi("2", "人")])).toEqual({});
    expect(actuals("実績 5", [kpi("1", null), kpi("2", "件")])).toEqual({});
  });
});

describe("findActuals: a value inside a sentence, and pending actuals", () => {
  // actual.ts:252-255 `alone` and the unit filter
  it("the one value with the KPI's unit (or none, for a KPI with no unit) in its text", () => {
    expect(actuals("達成度は 5 で、件数は 3件", [kpi("1", null)])).toEqual({ 1: ["5", 5, null, null] });
    expect(actuals("説明会で 5件 開催", [kpi("1", "件"), kpi("2", "人")])).toEqual({ 1: ["5件", 5, "件", null] });
    expect(actuals("説明会で 5件 開催", [kpi("1", "件"), kpi("2", "件")])).toEqual({});
    expect(actuals("説明会で 5 回開催", [kpi("1", null), kpi("2", null)])).toEqual({});
  });
  it("集計中 in the KPI's text makes it pending, but never overrides an actual found", () => {
    expect(actuals("①3人、集計中 ②", [kpi("1", "件"), kpi("2", "回")])).toEqual({ 1: ["3人", 3, "人", null] });
    expect(actuals("①集計中 ②3回 ①補足", [kpi("1", "件"), kpi("2", "回")])).toEqual({ 1: "pending", 2: ["3回", 3, "回", null] });
  });
});
