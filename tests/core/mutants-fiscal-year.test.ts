/** Fiscal-year tokens: each expectation pins one branch of src/core/fiscal-year.ts (found by mutation testing). */
import { eraYear, findEveryYearTokens, findYearTokens, firstYear, fiscalYearLabel, resolveBareYear, titleYear } from "../../src/core/fiscal-year";

const years = (text: string, ref: number | null = 2020) => findYearTokens(text, ref).map((t) => [text.slice(t.start, t.end), t.year, t.form]);

describe("eras and bare years", () => {
  it("era years and labels (元 for the first)", () => {
    expect([eraYear("令和", 1), eraYear("平成", 1), eraYear("昭和", 1)]).toEqual([2019, 1989, 1926]);
    expect([fiscalYearLabel(2019), fiscalYearLabel(2020), fiscalYearLabel(1989), fiscalYearLabel(1990), fiscalYearLabel(1988)]).toEqual(["令和元年度", "令和2年度", "平成元年度", "平成2年度", "昭和63年度"]);
  });
  it("a bare year is the reading closest to the reference, within each era's range", () => {
    expect(resolveBareYear(2, 2020)).toBe(2020);
    expect(resolveBareYear(30, 2020)).toBe(2018); // 平成30 (2018) is closer than 令和30 (2048)
    expect(resolveBareYear(31, 2019)).toBe(2019); // 平成31 = 令和元
    expect(resolveBareYear(32, 2020)).toBe(2050); // past 平成's 31: 令和32, not 平成32 (2020)
    expect(resolveBareYear(63, 1990)).toBe(1988); // 昭和63
    expect(resolveBareYear(65, 1990)).toBe(2083); // past 昭和's 64
    expect(resolveBareYear(0, 2020)).toBe(0);
    expect(resolveBareYear(100, 2020)).toBe(100);
    expect(resolveBareYear(10, 2003)).toBe(1998); // 平成10 (1998) beats 令和10 (2028) and 昭和10 (1935)
  });
});

describe("findYearTokens", () => {
  it("letter forms: R2, r2年度, H30, S63, with 末/中/末時点; R6.3 and R2年3月 are dates", () => {
    expect(years("R2 10件")).toEqual([["R2", 2020, "era"]]);
    expect(years("r2年度 10件")).toEqual([["r2年度", 2020, "era"]]);
    expect(years("H30 と S63")).toEqual([["H30", 2018, "era"], ["S63", 1988, "era"]]);
    expect(years("R4 年度末 80%")).toEqual([["R4 年度末", 2022, "era"]]);
    expect(years("R4末時点 80%")).toEqual([["R4末時点", 2022, "era"]]);
    expect(years("R4中 80%")).toEqual([["R4中", 2022, "era"]]);
    expect(years("R6.3 実施")).toEqual([]);
    expect(years("R2年3月 実施")).toEqual([]);
    expect(years("R4. 10件")).toEqual([["R4.", 2022, "era"]]);
    expect(years("AR2 10件")).toEqual([]);
    expect(years("R123 10件")).toEqual([]);
  });
  it("年度 forms: era names, four digits, bare numbers, 元; with blanks", () => {
    expect(years("令和2年度 10件")).toEqual([["令和2年度", 2020, "era"]]);
    expect(years("平成 30 年度末 5件")).toEqual([["平成 30 年度末", 2018, "era"]]);
    expect(years("令和元年度")).toEqual([["令和元年度", 2019, "era"]]);
    expect(years("元年度", 2019)).toEqual([["元年度", 2019, "bare"]]);
    expect(years("2020年度 10件")).toEqual([["2020年度", 2020, "gregorian"]]);
    expect(years("1899年度 2100年度")).toEqual([]);
    expect(years("1900年度")).toEqual([["1900年度", 1900, "gregorian"]]);
    expect(years("2099年度")).toEqual([["2099年度", 2099, "gregorian"]]);
    expect(years("1.2020年度")).toEqual([]);
    expect(years("3年度中")).toEqual([["3年度中", 2021, "bare"]]);
    expect(years("3年度", null)).toEqual([["3年度", null, "bare"]]);
    expect(years("123年度")).toEqual([]);
    expect(years("1.5年度")).toEqual([]);
    expect(years("年度")).toEqual([]);
    expect(years("\t2 年度")).toEqual([["2 年度", 2020, "bare"]]);
  });
  it("tokens come in text order when letter and 年度 forms mix", () => {
    expect(years("3年度 R4 5年度")).toEqual([["3年度", 2021, "bare"], ["R4", 2022, "era"], ["5年度", 2023, "bare"]]);
    expect(findYearTokens("2年度 5件", 2020)[0]).toMatchObject({ bare: 2 });
  });
  it("every-year tokens, not before の", () => {
    expect(findEveryYearTokens("毎年度 5件 各年度の 毎年 3件").map((t) => t.start)).toEqual([0, 12]);
    expect(findEveryYearTokens("5件")).toEqual([]);
  });
});

describe("titleYear and firstYear", () => {
  it("a title's last year outside a range", () => {
    expect(titleYear("令和2年度～令和4年度 プラン 令和3年度 進捗")).toBe(2021);
    expect(titleYear("令和2年度 - 令和4年度 プラン")).toBeNull();
    expect(titleYear("令和2年度 令和3年度")).toBe(2022 - 1);
    expect(titleYear("プラン（令和2年度～令和4年度）")).toBeNull();
    expect(titleYear("令和２年度")).toBe(2020);
    expect(titleYear("3年度")).toBeNull();
  });
  it("firstYear: the first resolved year; bare ones only with a reference", () => {
    expect(firstYear("R3 と R4")).toBe(2021);
    expect(firstYear("3年度")).toBeNull();
    expect(firstYear("3年度", 2020)).toBe(2021);
    expect(firstYear("３年度 令和４年度")).toBe(2022);
  });
});
