/** Targets (§4): KPIs of a 目標達成水準 cell, with a target per fiscal year. */
import { findYearTokens } from "./fiscal-year";
import { RANGE, splitAtMarkers, toParseText } from "./normalize";
import type { Direction } from "./types";
import { canonicalUnit, findValues, type UnitList } from "./value";

export type YearTarget =
  | { kind: "numeric"; value: number; unit: string | null; denominator: number | null; direction: Direction }
  | { kind: "qualitative"; text: string };

/** A year's segment text, read into a target only when asked for (most years are never evaluated). */
export class YearSegment {
  private read: YearTarget | undefined;
  constructor(
    private readonly body: string,
    private readonly units: UnitList,
  ) {}
  get target(): YearTarget {
    if (this.read === undefined) this.read = readSegment(this.body, this.units) as YearTarget;
    return this.read;
  }
}

export interface KpiTargets {
  id: string;
  /** The label line (indicator name), if any. */
  label: string;
  years: Map<number, YearSegment>;
}

const BASELINE_LABEL = /(?:基準値?|現状値?|実績値?)\s*[:：]?\s*$/;
const BRACKETED_BASELINE = /[(（【[]\s*(?:基準値?|現状値?|実績値?)[^)）】\]]*[)）】\]]/g;
const ARROW = /→|⇒|->/;
const TRAILING = /[\s。、,.;；]+$/;
const RANGE_START_TAIL = new RegExp(`(?:\\d{1,4}|元)\\s*${RANGE}\\s*$`);
const RANGE_BEFORE = new RegExp(`(\\d{1,2}|元)\\s*(?:年度)?\\s*${RANGE}\\s*$`);

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Reads the KPIs of a target cell's parse text. `reference` resolves bare years. */
export function parseTargets(parseText: string, reference: number | null, units: UnitList): KpiTargets[] {
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
      kpi = { id, label: "", years: new Map() };
      kpis.push(kpi);
      byId.set(id, kpi);
    }
    readYearPairs(seg.text, reference, units, kpi);
  }
  return kpis;
}

function readYearPairs(text: string, reference: number | null, units: UnitList, kpi: KpiTargets): void {
  const tokens = findYearTokens(text, reference);
  if (tokens.length === 0) {
    if (!kpi.label) kpi.label = text.trim();
    return;
  }
  if (!kpi.label) kpi.label = text.slice(0, tokens[0].start).trim();
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (tok.year === null) continue;
    const segEnd = t + 1 < tokens.length ? tokens[t + 1].start : text.length;
    let body = text.slice(tok.end, segEnd);
    // A range start (2〜5年度) belongs to the token after it; drop it from this segment's tail.
    if (body.indexOf(RANGE) >= 0) body = body.replace(RANGE_START_TAIL, "");
    if (body.replace(/\s+/g, "") === RANGE) continue; // 令和2年度〜令和5年度: the range start
    const before = text.slice(Math.max(0, tok.start - 12), tok.start);
    if (BASELINE_LABEL.test(before)) continue;
    if (ARROW.test(body)) continue; // left of →: a baseline
    if (/[(（【[]/.test(body)) body = body.replace(BRACKETED_BASELINE, " ");
    if (!/[^\s:：、,。.;；]/.test(body)) continue; // nothing after the year
    const segment = new YearSegment(body.replace(TRAILING, ""), units);
    const years = rangeYears(text, tok.start, tok.year);
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

function readSegment(body: string, units: UnitList): YearTarget | null {
  let text = collapse(body.replace(/^[\s:：、,]+/, ""));
  if (text === "") return null;
  // 「21区長/24区長（87.5%）」: a bracketed note right after a value restates it; the value decides.
  const note = TRAILING_NOTE.exec(text);
  if (note && note.index > 0) {
    const before = text.slice(0, note.index);
    const vs = findValues(before, units);
    if (vs.length > 0 && vs[vs.length - 1].end === before.length) text = before;
  }
  const values = findValues(text, units);
  const last = values[values.length - 1];
  if (last && last.end === text.length && !(text.slice(last.start - 1, last.start) === "/")) {
    if (last.unit !== null || last.denominator !== null || last.word !== null || isBareNumberEnd(text, last.start)) {
      return {
        kind: "numeric",
        value: last.value,
        unit: canonicalUnit(last.unit),
        denominator: last.denominator,
        direction: last.direction,
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
  /** Ids of KPIs with targets but none for the evaluated year. */
  missingYear: string[];
  issue: "target-unparsed" | "target-year-missing" | null;
}

/** The targets of a 目標達成水準 cell's raw text for one fiscal year (§4). */
export function evaluateTargets(raw: string, year: number | null, reference: number | null, units: UnitList): TargetEvaluation {
  const empty: TargetEvaluation = { kpis: [], forYear: new Map(), missingYear: [], issue: null };
  if (raw.trim() === "") return empty;
  const kpis = parseTargets(toParseText(raw), reference, units).filter((k) => k.years.size > 0);
  if (kpis.length === 0) return { ...empty, issue: "target-unparsed" };
  const forYear = new Map<string, YearTarget | undefined>(kpis.map((k) => [k.id, year === null ? undefined : k.years.get(year)?.target]));
  const missingYear = year === null ? [] : kpis.filter((k) => !forYear.get(k.id)).map((k) => k.id);
  return { kpis, forYear, missingYear, issue: missingYear.length > 0 ? "target-year-missing" : null };
}
