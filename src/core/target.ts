/** Targets (§4): KPIs of a 目標達成水準 cell, with a target per fiscal year. */
import { findEveryYearTokens, findYearTokens, type YearToken } from "./fiscal-year";
import { RANGE, splitAtMarkers, toParseText } from "./normalize";
import type { Direction } from "./types";
import { canonicalUnit, findValues, type UnitList } from "./value";

export type YearTarget =
  | { kind: "numeric"; value: number; unit: string | null; denominator: number | null; direction: Direction; word: string | null; words: string }
  | { kind: "qualitative"; text: string };

/** A year's segment text, read into a target only when asked for (most years are never evaluated). */
export class YearSegment {
  private read: YearTarget | null | undefined;
  constructor(
    private readonly body: string,
    private readonly units: UnitList,
    /** The year token as written. */
    private readonly token: string,
    private readonly declaredUnit: string | null = null,
  ) {}
  /** The pair as written (year token and value), parse text: the evidence of the target. */
  get source(): string {
    return collapse(this.token + this.body);
  }
  get target(): YearTarget {
    if (this.read === undefined) this.read = readSegment(this.body, this.units, this.declaredUnit);
    return this.read ?? { kind: "qualitative", text: "" };
  }
  /** The words that decided the target: the value as written, or the qualitative text. */
  get words(): string {
    const t = this.target;
    return t.kind === "qualitative" ? t.text : t.words;
  }
}

export interface KpiTargets {
  id: string;
  /** The label line (indicator name), if any. */
  label: string;
  years: Map<number, YearSegment>;
  /** The target of every year with no pair of its own (毎年度 / 各年度 / 毎年), or null. */
  every: YearSegment | null;
  /** The unit the KPI declares (its label's bracket 「満足度（％）」, or a layout's 単位 column). */
  declaredUnit: string | null;
  /** The KPI's whole parse text. */
  text: string;
}

const BASELINE_LABEL = /(?:基準値?|現状値?|実績値?)\s*[:：]?\s*$/;
const BASELINE_LEAD = /^\s*[:：]?\s*(?:基準値?|現状値?|実績値?)/;
const YEAR_PREFIX = "(?:(?:令和|平成|昭和|[RrHhSs])?\\s*(?:\\d{1,4}|元)\\s*(?:年度)?(?:末時点|末|中)?\\s*)?";
const BRACKETED_BASELINE = new RegExp(`[(（【[]\\s*${YEAR_PREFIX}(?:基準値?|現状値?|実績値?)[^)）】\\]]*[)）】\\]]`, "g");
const BRACKET = /[(（]\s*([^()（）]{1,14}?)\s*[)）]/g;
const TRAILING = /[\s。、,.;；]+$/;
// With its era (令和2〜5年度): the era word belongs to the range too, not to the segment before it.
const RANGE_START_TAIL = new RegExp(`(?:(?:令和|平成|昭和|[RrHhSs])\\s*)?(?:\\d{1,4}|元)\\s*${RANGE}\\s*$`);
const RANGE_BEFORE = new RegExp(`(\\d{1,2}|元)\\s*(?:年度)?\\s*${RANGE}\\s*$`);
/** A unit declared at the end of a label: 「市民満足度（％）」, 「講座参加者数(人)」. */
const DECLARED_UNIT = /[(（]\s*([^()（）\d\s]{1,4})\s*[)）]\s*$/;

const WIDE_SPACE = /[\n\t\r\f\v\u3000\u00a0]| {2}/;
function collapse(text: string): string {
  return WIDE_SPACE.test(text) ? text.replace(/\s+/g, " ").trim() : text.trim();
}

/** The unit a label declares in its closing bracket, or null. */
export function declaredUnitOf(label: string): string | null {
  const t = label.trim();
  if (!t.endsWith(")") && !t.endsWith("）")) return null;
  const m = DECLARED_UNIT.exec(t.normalize("NFKC"));
  if (!m) return null;
  const u = m[1].trim();
  return /^(?:KPI|kpi|再掲|仮称|新規|累計|単年度|年間|目標|実績)$/.test(u) ? null : u;
}

/** Reads the KPIs of a target cell's parse text. `reference` resolves bare years. */
export function parseTargets(parseText: string, reference: number | null, units: UnitList, declaredUnit: string | null = null): KpiTargets[] {
  const parts = splitAtMarkers(parseText);
  const segments = parts.length > 1 ? parts.slice(1) : [{ id: "1", text: parts[0].text, start: 0 }];
  if (parts.length > 1 && findYearTokens(parts[0].text, reference).length > 0 && !segments.some((p) => p.id === "1")) {
    // Year pairs before the first marker form KPI 1 when no marker names it.
    segments.unshift({ id: "1", text: parts[0].text, start: 0 });
  }
  const kpis: KpiTargets[] = [];
  const byId = new Map<string, KpiTargets>();
  for (const seg of segments) {
    const id = seg.id ?? "1";
    let kpi = byId.get(id);
    if (!kpi) {
      kpi = { id, label: "", years: new Map(), every: null, declaredUnit, text: "" };
      kpis.push(kpi);
      byId.set(id, kpi);
    }
    kpi.text += (kpi.text ? "\n" : "") + seg.text;
    readYearPairs(seg.text, reference, units, kpi);
  }
  return kpis;
}

/** 「85%以上（R4）」 → 「R4 85%以上」: a value followed by a bracket holding only a year is that year's pair (v2 §3). */
function moveTrailingYears(text: string, reference: number | null, units: UnitList): string {
  if (!/[(（]/.test(text)) return text;
  let out = "";
  let last = 0;
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m !== null; m = BRACKET.exec(text)) {
    const content = m[1];
    const tokens = findYearTokens(content, reference);
    if (tokens.length !== 1 || tokens[0].start !== 0 || tokens[0].end !== content.length) continue;
    const before = text.slice(last, m.index).replace(/\s+$/, "");
    const values = findValues(before, units);
    const v = values[values.length - 1];
    if (!v || v.end !== before.length) continue;
    out += before.slice(0, v.start) + " " + content + " " + before.slice(v.start) + " ";
    last = m.index + m[0].length;
  }
  return last === 0 ? text : out + text.slice(last);
}

function readYearPairs(raw: string, reference: number | null, units: UnitList, kpi: KpiTargets): void {
  let text = raw;
  if (/[(（【[]/.test(text)) text = moveTrailingYears(text.replace(BRACKETED_BASELINE, " "), reference, units);
  const yearTokens = findYearTokens(text, reference);
  const everyTokens = findEveryYearTokens(text);
  let tokens: YearToken[] = everyTokens.length > 0 ? [...yearTokens, ...everyTokens].sort((a, b) => a.start - b.start) : yearTokens;
  if (everyTokens.length > 0) {
    // An every-year token is one only where a value follows it (「毎年開催する講座」 is words).
    tokens = tokens.filter((tok, t) => {
      if (tok.form !== "every") return true;
      const end = t + 1 < tokens.length ? tokens[t + 1].start : text.length;
      const target = readSegment(text.slice(tok.end, end).replace(TRAILING, ""), units, null);
      return target !== null && target.kind === "numeric";
    });
  }
  if (tokens.length === 0) {
    if (!kpi.label) kpi.label = text.trim();
    if (!kpi.declaredUnit) kpi.declaredUnit = declaredUnitOf(kpi.label);
    return;
  }
  if (!kpi.label) kpi.label = text.slice(0, tokens[0].start).trim();
  if (!kpi.declaredUnit) kpi.declaredUnit = declaredUnitOf(kpi.label);
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.year === null && tok.form !== "every") continue;
    const segEnd = t + 1 < tokens.length ? tokens[t + 1].start : text.length;
    let body = text.slice(tok.end, segEnd);
    // A range start (2〜5年度) belongs to the token after it; drop it from this segment's tail.
    if (body.indexOf(RANGE) >= 0) body = body.replace(RANGE_START_TAIL, "");
    if (body.replace(/\s+/g, "") === RANGE) continue; // 令和2年度〜令和5年度: the range start
    const before = text.slice(Math.max(0, tok.start - 12), tok.start);
    if (BASELINE_LABEL.test(before)) continue;
    if (BASELINE_LEAD.test(body)) continue; // R3実績 1,200件: a labelled baseline
    if (body.indexOf("→") >= 0 || body.indexOf("⇒") >= 0 || body.indexOf("->") >= 0) continue; // left of →: a baseline
    if (!/[^\s:：、,。.;；]/.test(body)) continue; // nothing after the year
    const trimmed = body.replace(TRAILING, "");
    const segment = new YearSegment(trimmed, units, text.slice(tok.start, tok.end), kpi.declaredUnit);
    if (tok.form === "every") {
      if (!kpi.every) kpi.every = segment;
      continue;
    }
    const years = rangeYears(text, tok.start, tok.year as number);
    for (const y of years) if (!kpi.years.has(y)) kpi.years.set(y, segment);
  }
}

/** 2〜5年度: the years a range token covers (the end year only without a range). */
function rangeYears(text: string, tokenStart: number, endYear: number): number[] {
  const before = text.slice(Math.max(0, tokenStart - 8), tokenStart);
  if (before.indexOf(RANGE) < 0) return [endYear];
  const m = RANGE_BEFORE.exec(before);
  if (!m) return [endYear];
  const a = m[1] === "元" ? 1 : Number(m[1]);
  // The start is in the same era as the end: shift back by the difference of era numbers.
  const endBare = /(\d{1,2}|元)\s*年度/.exec(text.slice(tokenStart, tokenStart + 8));
  if (!endBare) return [endYear];
  const b = endBare[1] === "元" ? 1 : Number(endBare[1]);
  if (a >= b || b - a > 20) return [endYear];
  const out: number[] = [];
  for (let y = endYear - (b - a); y <= endYear; y++) out.push(y);
  return out;
}

/** A year segment's target: numeric when it ends with a value, else its text. Null when empty. */
const TRAILING_NOTE = /\s*[(（][^()（）]{0,40}[)）]$/;

export function readSegment(body: string, units: UnitList, declaredUnit: string | null): YearTarget | null {
  let text = collapse(body.replace(/^[\s:：、,.]+/, ""));
  if (text === "") return null;
  const preferred = declaredUnit ? [declaredUnit] : undefined;
  // 「21区長/24区長（87.5%）」: a bracketed note right after a value restates it; the value decides.
  const note = TRAILING_NOTE.exec(text);
  if (note && note.index > 0) {
    const before = text.slice(0, note.index);
    const vs = findValues(before, units, preferred);
    if (vs.length > 0 && vs[vs.length - 1].end === before.length) text = before;
  }
  const values = findValues(text, units, preferred);
  const last = values[values.length - 1];
  if (last && last.end === text.length && !(text.slice(last.start - 1, last.start) === "/")) {
    if (last.unit !== null || last.denominator !== null || last.word !== null || isBareNumberEnd(text, last.start)) {
      const zero = last.value === 0 && last.word === null;
      return {
        kind: "numeric",
        value: last.value,
        unit: canonicalUnit(last.unit ?? declaredUnit),
        denominator: last.denominator,
        direction: zero ? "lower" : last.direction,
        word: last.word,
        words: text.slice(last.start, last.end),
      };
    }
  }
  return { kind: "qualitative", text };
}

function isBareNumberEnd(text: string, start: number): boolean {
  const prev = text[start - 1];
  return prev === undefined || /[\s:：、,(（]/.test(prev);
}

export interface TargetEvaluation {
  /** KPIs that name at least one year. */
  kpis: KpiTargets[];
  /** Each KPI's target for the evaluated year (undefined: none for that year). */
  forYear: Map<string, YearTarget | undefined>;
  /** The segment each target for the year was read from (the evidence). */
  segments: Map<string, YearSegment>;
  /** Ids of KPIs with targets but none for the evaluated year. */
  missingYear: string[];
  issue: "target-unparsed" | "target-year-missing" | null;
}

/** The segment of a KPI for a year: its own pair, else its every-year pair. */
export function segmentFor(k: KpiTargets, year: number | null): YearSegment | undefined {
  if (year === null) return undefined;
  return k.years.get(year) ?? k.every ?? undefined;
}

/** The targets of a 目標達成水準 cell's raw text for one fiscal year (§4). */
export function evaluateTargets(raw: string, year: number | null, reference: number | null, units: UnitList, declaredUnit: string | null = null): TargetEvaluation {
  return evaluateParsedTargets(toParseText(raw), year, reference, units, declaredUnit);
}

/** The same, on parse text already made (§2). */
export function evaluateParsedTargets(parse: string, year: number | null, reference: number | null, units: UnitList, declaredUnit: string | null = null): TargetEvaluation {
  const empty: TargetEvaluation = { kpis: [], forYear: new Map(), segments: new Map(), missingYear: [], issue: null };
  if (parse.trim() === "") return empty;
  const kpis = parseTargets(parse, reference, units, declaredUnit).filter((k) => k.years.size > 0 || k.every !== null);
  if (kpis.length === 0) return { ...empty, issue: "target-unparsed" };
  const segments = new Map<string, YearSegment>();
  for (const k of kpis) {
    const seg = segmentFor(k, year);
    if (seg) segments.set(k.id, seg);
  }
  const forYear = new Map<string, YearTarget | undefined>(kpis.map((k) => [k.id, segments.get(k.id)?.target]));
  const missingYear = year === null ? [] : kpis.filter((k) => !forYear.get(k.id)).map((k) => k.id);
  return { kpis, forYear, segments, missingYear, issue: missingYear.length > 0 ? "target-year-missing" : null };
}
