/** Behaviour that mutation testing of src/core found unpinned (claim.ts, fiscal-year.ts, judge.ts, actual.ts, header.ts, layout.ts, plan.ts, value.ts), pinned one survivor at a time. */
import { CLAIM_LABELS, STATUS_LABELS, findClaims, findYearTokens, judge, plan, resolveConfig, toParseText } from "../../src/core";
import { findActuals } from "../../src/core/actual";
import type { ClaimHit } from "../../src/core/claim";
import { DEFAULT_UNITS } from "../../src/core/config";
import { UnitList, findValues } from "../../src/core/value";
import { eraYear, titleYear } from "../../src/core/fiscal-year";
import { cell, progressSheet, sheet } from "../helpers/sheet";

const TITLE = "令和2年度 市政改革プラン3.0 進捗状況";
const claims = (text: string, ids = ["1", "2"], qual: Record<string, string> = {}) => Object.fromEntries(findClaims(toParseText(text), ids, new Map(Object.entries(qual))));
const hitsOf = (raw: string, ids: string[], qual: Record<string, string> = {}) => {
  const text = toParseText(raw);
  const hits: ClaimHit[] = [];
  findClaims(text, ids, new Map(Object.entries(qual)), hits);
  return hits.map((h) => [h.claim, text.slice(h.start, h.end), h.ids]);
};

describe("claims: own words, ともに, 計画どおり", () => {
  // claim.ts:174 `end > o.start` → `>=` / `true`, `&&` → `||`: a phrase that ends where (or before)
  // a qualitative target's own words begin is not part of that own-words claim; it covers its group.
  it("a claim phrase before an own-words claim still covers its own marker group", () => {
    const Q = { 2: "計画の策定" };
    expect(claims("①を達成した計画の策定を完了した。", ["1", "2"], Q)).toEqual({ 1: "affirm", 2: "affirm" });
    expect(claims("①は達成できなかったが、計画の策定を完了した。", ["1", "2"], Q)).toEqual({ 1: "deny", 2: "affirm" });
  });

  // claim.ts:161 the ともに branch emptied / `idx === G_ALL` → false: the word would be read as an
  // affirming phrase that covers the group and resets it, so the real claim after it covered every KPI.
  it("ともに covers the marker groups before it (one or two), not the KPIs outside them", () => {
    expect(claims("①と②はともに達成した。", ["1", "2", "3"])).toEqual({ 1: "affirm", 2: "affirm", 3: "none" });
    expect(claims("①②いずれも達成できなかった。", ["1", "2", "3"])).toEqual({ 1: "deny", 2: "deny", 3: "none" });
    // and with two groups, both (claim.ts:162 `all = true` → `false`)
    expect(claims("①は件数、②は率で、ともに達成した。", ["1", "2", "3"])).toEqual({ 1: "affirm", 2: "affirm", 3: "none" });
  });

  // claim.ts:171 `if (verb)` → `false` / `true`, `+=` → `-=`: the plan phrase's hit runs up to its verb, if any.
  it("a 計画どおり hit runs through the verb that decides it", () => {
    expect(hitsOf("①は計画どおり実施した。", ["1", "2"])).toEqual([["affirm", "計画どおり実施", ["1"]]]);
    expect(hitsOf("概ね予定通り策定した。", ["1"])).toEqual([["partial", "概ね予定通り策定", ["1"]]]);
    expect(hitsOf("概ね計画どおり。", ["1"])).toEqual([["partial", "概ね計画どおり", ["1"]]]);
  });

  // claim.ts:173 `if (claim === null) continue` → `if (false)`: a plan phrase that claims nothing
  // (a future plan) is no hit and does not end the marker group before it.
  it("a 計画どおり phrase that claims nothing leaves the marker group to the next claim", () => {
    expect(claims("①は計画どおり実施する予定で、一部は既に達成した。")).toEqual({ 1: "affirm", 2: "none" });
    expect(hitsOf("①は計画どおり実施する予定で、一部は既に達成した。", ["1", "2"])).toEqual([["affirm", "達成した", ["1"]]]);
  });

  // claim.ts:142 (no coverage): the hit of an own-words claim, in the parse text's offsets (a second
  // sentence, so the sentence's start counts), covering that KPI only.
  it("an own-words claim is a hit over the target's words and what follows, for its KPI only", () => {
    expect(hitsOf("①は達成した。その後、計画の策定を完了した。", ["1", "2"], { 2: "計画の策定" })).toEqual([
      ["affirm", "達成した", ["1"]],
      ["affirm", "計画の策定を完了した", ["2"]],
    ]);
    expect(hitsOf("取組を進めた。\n結果として新庁舎の設計は延期した", ["1"], { 1: "基本方針の決定、新庁舎の設計" })).toEqual([["deny", "新庁舎の設計は延期した", ["1"]]]);
  });
});

describe("fiscal year", () => {
  // fiscal-year.ts:100 `era === "昭和"` → false: 昭和N年度 is an era year, not a bare N.
  it("昭和N年度 is read in the 昭和 era", () => {
    expect(findYearTokens("昭和63年度 実績", 2020)).toEqual([{ start: 0, end: 6, year: eraYear("昭和", 63), form: "era" }]);
    expect(titleYear("昭和63年度 進捗状況")).toBe(eraYear("昭和", 63));
  });
});

describe("self-assessment mismatch message", () => {
  // judge.ts:657 (the issue's fields and message) and 661 `"-"` → `""` (a missing rate).
  it("names the KPI, the claim, the status and the rate as a percentage", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 10件以上", "目標を達成した。\n実績 6件"]]));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: "self-assessment-mismatch", severity: "warning", cell: "G4" });
    const msg = r.issues[0].message;
    expect(msg).toContain(`目標①を「${CLAIM_LABELS.ja.affirm}」`);
    expect(msg).toContain(`${STATUS_LABELS.ja.not_achieved}（60.0%）`);
  });
  it("a mismatch without a rate (a lower-is-better zero target) shows - for the rate", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "2年度 0件以下", "目標を達成した。\n実績 3件"]]));
    expect(r.items[0].kpis[0]).toMatchObject({ rate: null, status: "not_achieved", claim: "affirm" });
    expect(r.issues.map((i) => i.code)).toEqual(["self-assessment-mismatch"]);
    expect(r.issues[0].message).toContain(`${STATUS_LABELS.ja.not_achieved}（-）`);
  });
});

// The last open survivors of docs/mutation-survivors.md (helper C, 2026-11-26).

/** The one KPI of a progress item with this target and self-assessment (a FY2020 sheet). */
const kpiOf = (target: string, self: string) => judge(progressSheet(TITLE, [[1, "A", target, self]])).items[0].kpis[0];
/** findActuals over a raw cell text for one KPI: [value, unit] or undefined. */
const actualOf = (raw: string, unit: string | null, againstPreviousYear = false) => {
  const f = findActuals(toParseText(raw), [{ id: "1", unit, againstPreviousYear }], 2020, 2020, new UnitList(DEFAULT_UNITS)).get("1");
  return f === undefined || f === "pending" ? f : [f.value, f.unit];
};

describe("actuals: the 前年度比 exception and the labels before a value (actual.ts:121-124)", () => {
  // Was a bug: a value more than 24 characters after its bracket's 前年度比 label was left out before the
  // §5 exception for a target against the previous year was applied.
  it("a value far inside a 前年度比 bracket is the actual of a KPI whose target is against the previous year", () => {
    const self = "紙の使用量（前年度比：全庁でペーパーレス会議を徹底した結果として 3.4%削減）";
    expect(kpiOf("2年度 前年度から5%削減", self)).toMatchObject({ target: 5, actual: 3.4 });
    // for any other KPI the bracket's value is still left out
    expect(kpiOf("2年度 削減率 5%", self)).toMatchObject({ target: 5, actual: null });
  });
  it("a label is found however many blanks stand between it and the value", () => {
    const pad = "\u3000".repeat(30);
    expect(actualOf(`目標${pad}80件、今回 70件`, "件")).toEqual([70, "件"]);
    expect(actualOf(`実績：${pad}80件、前年同期 70件`, "件")).toEqual([80, "件"]);
    // and through a month of two digits (the pre-scan steps back over all of 12月)
    expect(actualOf("実績値：12月末：80件、前年同期 70件", "件")).toEqual([80, "件"]);
  });
});

describe("actuals: 実績 with a month or a bracket before the value (actual.ts:136-143)", () => {
  // Was a bug: the code's own example 「実績（12月末時点）：80件」 read as a plain value (the month skip did
  // not step back over the opening bracket; §5: 実績 takes the separators of 目標, （ among them).
  it("実績（12月末時点）：80件 and 実績（80件） are 実績's values", () => {
    expect(kpiOf("2年度 100件以上", "実績（12月末時点）：80件、前年同期 70件")).toMatchObject({ actual: 80 });
    expect(kpiOf("2年度 100件以上", "実績（80件）、前年同期 70件")).toMatchObject({ actual: 80 });
  });
  // actual.ts:140 `&&` → `||` and its left operand → true: only a dated month (N月, then 末 or 時点)
  // may stand between 実績 and its value; anything else between them is not a separator (§5), so the
  // value is a plain one, and with another plain value beside it there is no actual.
  it("a month with no number (毎月) does not join 実績 to the value", () => {
    expect(kpiOf("2年度 100件以上", "実績（毎月）5件、年間 60件")).toMatchObject({ actual: null });
  });
  it("a number with another word (3点) does not join 実績 to the value", () => {
    expect(kpiOf("2年度 100件以上", "実績（3点）80件、前年同期 70件")).toMatchObject({ actual: null });
  });
});

describe("claims about a target's own words: a target ending in 。 (claim.ts:68)", () => {
  // Was a latent bug: the whole key kept the 。, which no sentence holds (sentences split at 。), and a
  // one-piece target has no last-phrase key, so its own words were never found.
  it("a one-piece qualitative target ending in 。 is found in a sentence that repeats it", () => {
    expect(claims("研修会の開催を終えた。", ["1"], { 1: "研修会の開催。" })).toEqual({ 1: "affirm" });
    expect(claims("研修を終えた。", ["1"], { 1: "研修。" })).toEqual({ 1: "affirm" });
    expect(claims("研修会の開催は延期した。", ["1"], { 1: "研修会の開催、" })).toEqual({ 1: "deny" });
  });
  it("a target made only of punctuation has no own words", () => {
    expect(claims("研修を終えた。", ["1"], { 1: "。" })).toEqual({ 1: "none" });
    expect(claims("研修を終えた。", ["1"], { 1: " 、。" })).toEqual({ 1: "none" });
  });
});

describe("numbers glued to a word (value.ts:137)", () => {
  // `s[i] === ","` → false / "": the digits of a code (A1, R2) run on through a thousands comma: 「A1,234件」
  // holds one number, 1,234 (§4: digits with , separators), glued to A, so no value — not 234件.
  it("A1,234件 holds no value", () => {
    expect(findValues("A1,234件", new UnitList(DEFAULT_UNITS))).toEqual([]);
    expect(kpiOf("2年度 100件以上", "受付番号A1,234件まで処理")).toMatchObject({ actual: null, status: "unknown" });
  });
});

describe("a kpi-table actual cell holding a number as text (judge.ts:830-831)", () => {
  // the bare-number fallback: `\.?` → `\.` and the comma remover's "" → another string. A text that
  // findValues does not read as one value (a comma out of place) is still a plain number (§8: "a plain
  // number is a value with no unit"; §4: digits with , separators).
  it("「1,2345」 typed in the actual cell is 12345", () => {
    const r = judge(sheet([["令和5年度 KPI進捗"], ["指標名", "目標値", "実績値"], ["A", 10000, "1,2345"]]));
    expect(r.layout).toBe("kpi-table");
    expect(r.items[0]).toMatchObject({ status: "achieved", rate: 1.2345 });
    expect(r.items[0].kpis[0]).toMatchObject({ target: 10000, actual: 12345 });
  });
});

describe("two-row headers: a banner word over the year cells (layout.ts:124)", () => {
  // `r.role === "target" || …` → true: a name word (成果指標) merged over the year columns is a banner,
  // not 「成果指標(R4)」; like 「年度」 above R3…R6 (§8), it leaves those cells the year cells.
  it("成果指標 over R4 and R5 leaves the year columns of a years-across sheet", () => {
    const r = judge(sheet([["令和5年度 施策評価"], ["指標名", "区分", "成果指標", "成果指標"], [null, null, "R4", "R5"], ["A", "目標", 10, 10], ["A", "実績", 9, 12]]));
    expect(r.layout).toBe("years-across");
    expect(r.items.map((i) => [i.title, i.status, i.rate])).toEqual([["A", "achieved", 1.2]]);
  });
});

describe("ownership of a written rate (plan.ts:128)", () => {
  // `Math.abs(a - b) < 1e-9` → `<=`: the tolerance absorbs float noise in a read-back, and a recorded
  // rate changed by hand, however little, is the user's: 1e-9 typed over a written 0 is refused.
  it("a rate of 0 changed to 0.000000001 by hand is not overwritten", () => {
    const config = resolveConfig({ rubric: { rateMethod: "gap" } });
    const input = sheet([["令和5年度 KPI進捗"], ["指標名", "基準値", "目標値", "実績値"], ["A", 50, 80, 50]]);
    const first = plan(judge(input, config), input, config);
    if (!first.ok) throw new Error(first.error.message);
    const rate = first.plan.cells.find((c) => c.value === 0);
    expect(rate).toBeDefined();
    const cells = input.cells.map((row) => [...row]);
    for (const c of first.plan.cells) {
      while (cells[c.row - 1].length < c.col) cells[c.row - 1].push(cell(null));
      cells[c.row - 1][c.col - 1] = cell(c.value);
    }
    const written = { ...input, cells, written: first.plan.written };
    const again = plan(judge(written, config), written, config);
    expect(again.ok).toBe(true);
    cells[rate!.row - 1][rate!.col - 1] = cell(0.000000001);
    const changed = plan(judge(written, config), written, config);
    expect(changed.ok ? null : changed.error).toMatchObject({ code: "overwrite-refused", cell: rate!.address });
  });
});

// The two open bugs of docs/mutation-survivors.md (helper B, 2026-11-26).

describe("a marker's actual is read with its own KPI's unit preferred (actual.ts:189, §5)", () => {
  // Was a bug: ①'s declared unit 万人 was preferred over the whole text, so 「②5万人」 read 5 万人 for a
  // KPI counted in 人 (a unit mismatch, unknown); §5 reads it 50,000人.
  it("「②5万人」 is 50,000人 for a KPI in 人 while ① declares 万人", () => {
    const units = new UnitList(DEFAULT_UNITS);
    const kpis = [
      { id: "1", unit: "万人", againstPreviousYear: false },
      { id: "2", unit: "人", againstPreviousYear: false },
    ];
    const found = findActuals(toParseText("①1,150万人\n②5万人"), kpis, 2020, 2020, units);
    expect(found.get("1")).toMatchObject({ value: 1150, unit: "万人" });
    expect(found.get("2")).toMatchObject({ value: 50000, unit: "人" });
    // and for a KPI with no unit of its own: 万 is a multiplier there
    const noUnit = findActuals(toParseText("①1,150万人\n②5万人"), [kpis[0], { id: "2", unit: null, againstPreviousYear: false }], 2020, 2020, units);
    expect(noUnit.get("2")).toMatchObject({ value: 50000, unit: "人" });
  });
  it("checked through judge: ② is achieved with 50,000人 against 40,000人", () => {
    const r = judge(progressSheet(TITLE, [[1, "A", "①観光客数（万人） 2年度 1,000\n②宿泊者数 2年度 40,000人", "①1,150万人\n②5万人"]]));
    expect(r.items[0].kpis.map((k) => [k.id, k.target, k.actual, k.status])).toEqual([
      ["1", 1000, 1150, "achieved"],
      ["2", 40000, 50000, "achieved"],
    ]);
  });
});

describe("years-across: a new 番号 begins an indicator even when its name repeats (judge.ts:924, §8)", () => {
  const ya = (...rows: (string | number | null)[][]) => judge(sheet([["令和5年度 施策評価"], ["番号", "指標名", "区分", "R4", "R5"], ...rows]));
  // Was a bug: (1, 相談件数) then (2, 相談件数) were merged into one indicator and 2 was dropped silently.
  it("(1, 相談件数) and (2, 相談件数) are two indicators", () => {
    const r = ya([1, "相談件数", "目標", 10, 10], [1, "相談件数", "実績", 9, 12], [2, "相談件数", "目標", 5, 5], [2, "相談件数", "実績", 5, 4]);
    expect(r.items.map((i) => [i.row, i.rows, i.number, i.title, i.status])).toEqual([
      [3, [3, 4], "1", "相談件数", "achieved"],
      [5, [5, 6], "2", "相談件数", "mostly_achieved"],
    ]);
    expect(r.issues).toEqual([]);
  });
  it("rows without 番号 under one continue it, named or not", () => {
    const r = ya([1, "相談件数", "目標", 10, 10], [null, "相談件数", "実績", 9, 12], [2, "相談件数", "目標", 5, 5], [null, null, "実績", 5, 4]);
    expect(r.items.map((i) => [i.rows, i.number, i.status])).toEqual([
      [[3, 4], "1", "achieved"],
      [[5, 6], "2", "mostly_achieved"],
    ]);
  });
  it("a 番号 repeated after another still gives duplicate-number", () => {
    const r = ya([1, "相談件数", "目標", 10, 10], [1, "相談件数", "実績", 9, 12], [2, "相談件数", "目標", 5, 5], [1, "相談件数", "実績", 5, 4]);
    expect(r.items.map((i) => i.rows)).toEqual([[3, 4], [5], [6]]);
    expect(r.issues.concat(...r.items.map((i) => i.issues)).map((i) => [i.code, i.row])).toContainEqual(["duplicate-number", 6]);
  });
});

// Private-use characters are where Japanese municipal systems put 外字 (gaiji: rare kanji of names and places),
// and U+E000 is the first of them. The parse text's marker and range tokens were U+E000–U+E002, so a gaiji there
// read as a marker: the text after it was cut off or taken for another KPI's.
describe("外字 (private-use characters) in a cell are text like any other", () => {
  it("a gaiji U+E000–U+E002 in the self-assessment neither starts a marker nor a range: the actual is read", () => {
    for (const gaiji of ["\uE000", "\uE001", "\uE002"]) {
      const k = kpiOf("2年度 10件以上", `${gaiji}田地区の相談を進め、実績 12件。`);
      expect({ gaiji: gaiji.codePointAt(0)!.toString(16), actual: k.actual, status: k.status }).toEqual({ gaiji: gaiji.codePointAt(0)!.toString(16), actual: 12, status: "achieved" });
    }
    const two = judge(progressSheet(TITLE, [[1, "A", "①2年度 10件以上\n②2年度 5回以上", "①\uE000田地区 12件\n②説明会 3回"]])).items[0].kpis;
    expect(two.map((k) => [k.id, k.actual, k.status])).toEqual([["1", 12, "achieved"], ["2", 3, "not_achieved"]]);
  });

  it("a stray noncharacter like the parse text's own marker tokens cannot open one", () => {
    const k = kpiOf("2年度 10件以上", "\uFDD02\uFDD1地区の相談 実績 12件");
    expect([k.actual, k.status]).toEqual([12, "achieved"]);
    expect(toParseText("a\uFDD0b\uFDD1c")).toBe("abc");
  });

  it("the gaiji stays in what the user sees (evidence text), and the parse text keeps it", () => {
    expect(toParseText("\uE000田 12件")).toContain("\uE000田");
    const k = kpiOf("2年度 10件以上", "\uE000田地区 実績 12件");
    expect(k.evidence?.actual?.text).toContain("\uE000田地区");
  });
});

// claim.ts:66 (survivors of the CI run at f2a61da): the punctuation around a qualitative target is trimmed as
// whole runs at both ends, and only there — a 、 inside the target is part of its words.
describe("a qualitative target's own words: punctuation trimmed at its ends only", () => {
  // ① is denied; the second sentence repeats ②'s own words, so it covers ② alone (③ stays none). Without them
  // found, the sentence's 完了した would cover every KPI its marker-free sentence reaches, ③ too.
  const own = (target2: string) => claims("①は達成できなかった。研修会の開催、周知を完了した。", ["1", "2", "3"], { 2: target2 });
  it("a target with a 、 inside (and a last phrase too short to be a key) is found with its 、", () => {
    expect(own("研修会の開催、周知")).toEqual({ 1: "deny", 2: "affirm", 3: "none" });
  });

  it("runs of punctuation or blanks at either end are trimmed whole (「、、…」, 「…。 」 as a cell often ends)", () => {
    expect(own("、、研修会の開催、周知")).toEqual({ 1: "deny", 2: "affirm", 3: "none" });
    expect(own("研修会の開催、周知。 ")).toEqual({ 1: "deny", 2: "affirm", 3: "none" });
  });
});
