/** Claims phrase by phrase and the rules that spread them over KPIs (found by mutation testing). */
import { findClaims, toParseText } from "../../src/core";
import type { ClaimHit } from "../../src/core/claim";

const claims = (text: string, ids = ["1", "2"], qual: Record<string, string> = {}) => Object.fromEntries(findClaims(toParseText(text), ids, new Map(Object.entries(qual))));

describe("phrases", () => {
  it.each([
    "達成することはできなかった", "達成することができなかった", "達成できなかった", "達成できていない", "達成していない", "達成されなかった",
    "達成できず", "未達成", "達成に至らなかった", "達成には至らなかった", "達成に至っていない", "達成には至っていない", "達成に至らず", "達成には至らず",
  ])("%s denies", (p) => expect(claims(`目標を${p}。`)).toEqual({ 1: "deny", 2: "deny" }));
  it.each(["一部達成", "概ね達成", "おおむね達成"])("%s is partial", (p) => expect(claims(`目標を${p}。`)).toEqual({ 1: "partial", 2: "partial" }));
  it.each(["達成した", "達成できた", "達成している", "達成しました", "達成となった", "達成することができた", "完了した"])("%s affirms", (p) =>
    expect(claims(`目標を${p}。`)).toEqual({ 1: "affirm", 2: "affirm" }));
  it("no phrase: none", () => expect(claims("取組を進めた。達成感がある")).toEqual({ 1: "none", 2: "none" }));
});

describe("計画どおり and its kin, judged by what follows", () => {
  it.each([
    ["計画どおり実施した。", "affirm"],
    ["予定通り完了した。", "affirm"],
    ["スケジュールどおり開始した。", "affirm"],
    ["計画どおりに進まなかった。", "deny"],
    ["計画どおり進んでいない。", "deny"],
    ["計画どおり実施できなかった。", "deny"],
    ["計画どおり策定されなかった。", "deny"],
    ["計画どおり実施する。", "none"],
    ["計画どおり実施予定。", "none"],
    ["概ね計画どおり実施した。", "partial"],
    ["おおむね、計画どおり実施した。", "partial"],
    ["概ね計画どおり。", "partial"],
    ["計画どおり。", "none"],
    ["計画どおりの内容で説明を受けたので実施した。", "none"],
  ])("%s → %s", (text, want) => expect(claims(text, ["1"])).toEqual({ 1: want }));
});

describe("which KPIs a claim covers", () => {
  it("the last marker group before it in its sentence", () => {
    expect(claims("①は達成した。②は達成できなかった。")).toEqual({ 1: "affirm", 2: "deny" });
    expect(claims("①は未達成だが、②は達成した。")).toEqual({ 1: "deny", 2: "affirm" });
    expect(claims("①は概ね、②は達成した。")).toEqual({ 1: "none", 2: "affirm" });
  });
  it("markers written together form one group: ①②, ①・②, ①及び②, ①と②, ①、②", () => {
    for (const join of ["", "・", "及び", "および", "と", "、", " ", "並びに"]) expect([join, claims(`①${join}②を達成した。`)]).toEqual([join, { 1: "affirm", 2: "affirm" }]);
    expect(claims("①を説明し、②を達成した。")).toEqual({ 1: "none", 2: "affirm" });
  });
  it("ともに/いずれも/すべて/全て take every group of the sentence", () => {
    for (const all of ["ともに", "いずれも", "すべて", "全て"]) expect(claims(`①は件数、②は率で、${all}達成した。`)).toEqual({ 1: "affirm", 2: "affirm" });
    expect(claims("①は件数、②は率で達成した。①は未達成。")).toEqual({ 1: "deny", 2: "affirm" });
  });
  it("no marker before it: every KPI; a stronger claim wins (deny > partial > affirm)", () => {
    expect(claims("達成した。概ね達成。", ["1"])).toEqual({ 1: "partial" });
    expect(claims("達成できなかった。達成した。", ["1"])).toEqual({ 1: "deny" });
    expect(claims("概ね達成。達成した。", ["1"])).toEqual({ 1: "partial" });
    expect(claims("①を達成した。", ["1"])).toEqual({ 1: "affirm" });
    expect(claims("③を達成した。", ["1"])).toEqual({ 1: "none" });
  });
  it("sentences end at 。！？!? and line breaks", () => {
    for (const end of ["。", "！", "？", "!", "?", "\n"]) expect([end, claims(`①を説明した${end}達成した。`)]).toEqual([end, { 1: "affirm", 2: "affirm" }]);
  });
});

describe("a qualitative target's own words", () => {
  const Q = { 1: "計画の策定" };
  it("repeated and then done or not done", () => {
    expect(claims("計画を策定した", ["1"], Q)).toEqual({ 1: "affirm" });
    expect(claims("計画の策定が完了", ["1"], Q)).toEqual({ 1: "affirm" });
    expect(claims("計画策定済み", ["1"], Q)).toEqual({ 1: "affirm" });
    expect(claims("計画の策定には至らなかった", ["1"], Q)).toEqual({ 1: "deny" });
    expect(claims("計画の策定は延期した", ["1"], Q)).toEqual({ 1: "deny" });
    expect(claims("計画の策定に向けて関係課と協議を重ねたが結論には至らなかった", ["1"], Q)).toEqual({ 1: "none" });
    expect(claims("計画の策定を進める", ["1"], Q)).toEqual({ 1: "none" });
    expect(claims("計画を策定した", ["1"], {})).toEqual({ 1: "none" });
  });
  it("the target's last phrase of four or more characters counts too", () => {
    const q = { 1: "基本方針の決定、新庁舎の設計" };
    expect(claims("新庁舎の設計を終えた", ["1"], q)).toEqual({ 1: "affirm" });
    expect(claims("設計を終えた", ["1"], { 1: "方針、設計" })).toEqual({ 1: "none" });
    expect(claims("Aした", ["1"], { 1: "A" })).toEqual({ 1: "none" });
  });
  it("the phrase that ends an own-words claim covers that KPI only", () => {
    expect(claims("計画の策定は達成できなかった。", ["1", "2"], Q)).toEqual({ 1: "deny", 2: "none" });
  });
});

it("hits: each phrase with its offsets and the KPIs it covers", () => {
  const text = toParseText("①は達成した。②は概ね達成。");
  const hits: ClaimHit[] = [];
  findClaims(text, ["1", "2"], new Map(), hits);
  expect(hits.map((h) => [h.claim, text.slice(h.start, h.end), h.ids])).toEqual([
    ["affirm", "達成した", ["1"]],
    ["partial", "概ね達成", ["2"]],
  ]);
});
