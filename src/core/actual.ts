/** Actuals (§5): the values of a self-assessment cell, assigned to the item's KPIs. */
import { findYearTokens } from "./fiscal-year";
import { splitAtMarkers } from "./normalize";
import { canonicalUnit, findValues, type UnitList, type ValueMatch } from "./value";

export interface KpiShape {
  id: string;
  unit: string | null;
  /** The KPI's target is an amount against the previous year (前年度から5%削減): 前年度比 values count. */
  againstPreviousYear?: boolean;
}

/** An actual found in the parse text, with where it stands (for the evidence). */
export interface FoundActual {
  value: number;
  unit: string | null;
  denominator: number | null;
  start: number;
  end: number;
}

/** A found actual, or "pending" (集計中 …: not in yet, v2 §5). */
export type ActualFinding = FoundActual | "pending";

const PENDING = /集計中|調査中|未確定|確定前|未公表|調査未実施/;
/** Labels whose value is never the actual (sentence rule (b)); 前年度比/前年比 aside, see below. */
const LABEL_BRACKET = /^[(（【[]\s*(?:前年度比|前年比|対前年度|前年度|昨年度|前回|基準値?|現状値?|達成率|進捗率|目標比)/;

/** Characters that begin one of the labels (目標, 前年度, 基準, 実績 …). */
/** Character codes (no one-character strings are made while scanning). */
const codes = (chars: string): Set<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const LABEL_FIRST = codes("目前昨基現達進実対");
const WHITE = " \t\u3000\n";
const RESTATE_SEPS = codes("はの:：(（" + WHITE);
const RESTATE_WORDS = ["である", "とする"];
const LABEL_SEPS = codes("はの:：" + WHITE);
const JISSEKI_SEPS = codes("はの:：(（)）】]」" + WHITE);
/**
 * Every character the separators, である/とする and a month (12月末時点) may put between a label and its
 * value; a label ends on none of them. Digits count only before 月 or another digit (see classify).
 */
const GAP = codes("はの:：(（)）】]」" + WHITE + "であるとす" + "月末時点");
/** Labels whose value is never the actual (sentence rule (b)), longest first. */
const LABELS = ["前年度比", "対前年度", "前年比", "前年度", "昨年度", "前回", "基準値", "基準", "現状値", "現状", "達成率", "進捗率", "目標比"];
const PREVIOUS = ["前年度", "昨年度", "前回", "前年"];
const LINE_LEAD = codes(" \t\u3000・●○◆◇■□-*");
const isDigitAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** The index before the separators (single characters or words) that end text[..i]. */
function skipBack(text: string, i: number, chars: ReadonlySet<number>, words?: readonly string[]): number {
  for (;;) {
    if (i > 0 && chars.has(text.charCodeAt(i - 1))) {
      i--;
      continue;
    }
    const w = words?.find((x) => text.endsWith(x, i));
    if (w) {
      i -= w.length;
      continue;
    }
    return i;
  }
}

type ValueClass = "jisseki" | "plain" | "left-out";

const toFound = (v: ValueMatch, offset: number): FoundActual => ({
  value: v.value,
  unit: canonicalUnit(v.unit),
  denominator: v.denominator,
  start: v.start + offset,
  end: v.end + offset,
});

interface Located {
  v: ValueMatch;
  offset: number;
  cls: ValueClass;
}

/** Ranges of brackets whose content begins with a label of sentence rule (b): their values are left out. */
function labelBrackets(s: string): [number, number][] {
  const out: [number, number][] = [];
  if (!/[(（【[]/.test(s)) return out;
  const re = /[(（【[][^()（）【】[\]]*[)）】\]]/g;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) if (LABEL_BRACKET.test(m[0])) out.push([m.index, m.index + m[0].length]);
  return out;
}

export class ActualReader {
  private readonly brackets: [number, number][];
  constructor(
    private readonly text: string,
    private readonly year: number | null,
    private readonly reference: number | null,
    private readonly units: UnitList,
  ) {
    this.brackets = labelBrackets(text);
  }

  /** The label bracket holding offset i (brackets do not nest: binary search), or null. */
  private bracketAt(i: number): [number, number] | null {
    let lo = 0;
    let hi = this.brackets.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.brackets[mid];
      if (i <= a) hi = mid - 1;
      else if (i >= b) lo = mid + 1;
      else return this.brackets[mid];
    }
    return null;
  }

  /** Whether a value at offset i stands in a label bracket (rule (b)), unless the KPI's 前年度比 exception keeps it. */
  private leftOutByBracket(i: number, kpi: KpiShape | null): boolean {
    const br = this.bracketAt(i);
    if (!br) return false;
    const inner = this.text.slice(br[0], br[1]);
    return !(kpi?.againstPreviousYear && /^[(（【[]\s*前年度?比/.test(inner));
  }

  /** How a value reads: after 実績 of the evaluated year (or none), a plain value, or one left out. */
  classify(v: ValueMatch, offset: number, kpi: KpiShape | null): ValueClass {
    const text = this.text;
    const start = v.start + offset;
    let k = v.end + offset;
    while (text[k] === " " || text[k] === "\t" || text[k] === "\u3000") k++;
    if (text.startsWith("から", k) || text.startsWith("より", k)) return "left-out";
    // Labels are read backwards from the value (no end-anchored patterns, no slices). Every label ends
    // where the run of GAP characters before the value begins, and is at most four characters long: with
    // no label character in those four, no label below can match.
    let g = start;
    while (g > 0 && (GAP.has(text.charCodeAt(g - 1)) || (isDigitAt(text, g - 1) && (text[g] === "月" || isDigitAt(text, g))))) g--;
    const from = Math.max(0, g - 4);
    let any = false;
    for (let i = from; i < start && !any; i++) any = LABEL_FIRST.has(text.charCodeAt(i));
    if (!any) return this.brackets.length > 0 && this.leftOutByBracket(start, kpi) ? "left-out" : "plain";
    const r = skipBack(text, start, RESTATE_SEPS, RESTATE_WORDS);
    if (text.endsWith("目標", r) || text.endsWith("目標値", r)) return "left-out";
    const l = skipBack(text, start, LABEL_SEPS);
    const label = LABELS.find((w) => text.endsWith(w, l));
    if (label && !(kpi?.againstPreviousYear && (label === "前年度比" || label === "前年比"))) return "left-out";
    if (this.leftOutByBracket(start, kpi)) return "left-out";
    let j = skipBack(text, start, JISSEKI_SEPS, RESTATE_WORDS);
    // 「実績（12月末時点）：」: a month between the label and the value.
    let m = j;
    if (text.endsWith("時点", m)) m -= 2;
    if (text[m - 1] === "末") m--;
    if (text[m - 1] === "月" && isDigitAt(text, m - 2)) {
      m -= 2;
      while (isDigitAt(text, m - 1)) m--;
      j = skipBack(text, m, JISSEKI_SEPS, RESTATE_WORDS);
    }
    const jl = text.endsWith("実績値", j) ? 3 : text.endsWith("実績", j) ? 2 : 0;
    if (jl > 0) {
      let leadEnd = j - jl;
      while (text[leadEnd - 1] === " " || text[leadEnd - 1] === "\t" || text[leadEnd - 1] === "\u3000") leadEnd--;
      if (PREVIOUS.some((w) => text.endsWith(w, leadEnd))) return "left-out";
      const lead = text.slice(Math.max(0, leadEnd - 12), leadEnd);
      const tokens = findYearTokens(lead, this.reference);
      const last = tokens[tokens.length - 1];
      if (last && last.end === lead.length && last.year !== null && this.year !== null && last.year !== this.year) return "left-out";
      return "jisseki";
    }
    return "plain";
  }

  values(part: string, offset: number, kpi: KpiShape | null, preferred: readonly string[] | undefined): Located[] {
    return findValues(part, this.units, preferred).map((v) => ({ v, offset, cls: this.classify(v, offset, kpi) }));
  }
}

/**
 * Finds the actual of each KPI. `year` is the evaluated fiscal year (so 元年度実績 on a FY2020
 * sheet is skipped), `reference` resolves bare years.
 */
export function findActuals(parseText: string, kpis: readonly KpiShape[], year: number | null, reference: number | null, units: UnitList): Map<string, ActualFinding> {
  const found = new Map<string, ActualFinding>();
  if (kpis.length === 0) return found;
  const reader = new ActualReader(parseText, year, reference, units);
  const parts = splitAtMarkers(parseText);
  const prefOf = (k: KpiShape): string[] | undefined => (k.unit ? [k.unit] : undefined);
  const sameUnit = (a: string | null, b: string | null): boolean => a !== null && b !== null && canonicalUnit(a) === canonicalUnit(b);
  const markerParts = new Map<string, { text: string; start: number }[]>();
  for (const p of parts) {
    if (p.id === null) continue;
    const list = markerParts.get(p.id);
    if (list) list.push(p);
    else markerParts.set(p.id, [p]);
  }

  // Every KPI's unit, preferred when the whole text is read (undefined when no KPI has one).
  const unitSet = new Set<string>();
  for (const k of kpis) if (k.unit !== null) unitSet.add(k.unit);
  const allUnits = unitSet.size > 0 ? [...unitSet] : undefined;
  // Values of the whole text, classified once, when that is each KPI's own reading: every KPI has the same
  // unit, or none has one (§5: a KPI's own unit is preferred when its actual is read; with ① in 万人 and ②
  // in 人, 「②5万人」 is 50,000人 for ②), and no KPI's 前年度比 exception applies. Else each KPI's parts are
  // read with its own unit (the parts share the text out, so this costs about one pass too).
  const perKpi = kpis.some((k) => k.againstPreviousYear) || unitSet.size > 1 || (unitSet.size === 1 && kpis.some((k) => k.unit === null));
  let all: Located[] | null = null;
  const valuesIn = (p: { text: string; start: number }, k: KpiShape, out: Located[] = []): Located[] => {
    if (perKpi) {
      for (const x of reader.values(p.text, p.start, k, prefOf(k))) out.push(x);
      return out;
    }
    all ??= reader.values(parseText, 0, null, allUnits);
    const end = p.start + p.text.length;
    // Values are in text order: binary search the part's first one (no scan per part).
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].v.start < p.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < all.length && all[i].v.start < end; i++) out.push(all[i]);
    return out;
  };

  // (1) The KPI's own marker text: after 実績 first, else the first value with its unit, else the first.
  for (const k of kpis) {
    const own = markerParts.get(k.id);
    if (!own) continue;
    const vals: Located[] = [];
    for (const p of own) for (const x of valuesIn(p, k)) if (x.cls !== "left-out") vals.push(x);
    const pick = vals.find((x) => x.cls === "jisseki") ?? (k.unit !== null ? vals.find((x) => sameUnit(x.v.unit, k.unit)) : undefined) ?? vals[0];
    if (pick) found.set(k.id, toFound(pick.v, pick.offset));
  }
  if (found.size === kpis.length) return found;

  // (2) Unmarked values: after 実績 / 実績値 / 〇年度実績, or alone on their own line.
  const candidates: FoundActual[] = [];
  if (parseText.indexOf("実績") >= 0) {
    const list = perKpi ? reader.values(parseText, 0, kpis.length === 1 ? kpis[0] : null, allUnits) : valuesIn({ text: parseText, start: 0 }, kpis[0]);
    for (const x of list) if (x.cls === "jisseki") candidates.push(toFound(x.v, x.offset));
  }
  let offset = 0;
  for (const line of parseText.split("\n")) {
    let lead = 0;
    // "-" is a bullet, but "-3件" (▲3件) is a negative value (§4): a minus right before a digit stays.
    while (lead < line.length && LINE_LEAD.has(line.charCodeAt(lead)) && !(line.charCodeAt(lead) === 45 && isDigitAt(line, lead + 1))) lead++;
    const c = line.charCodeAt(lead);
    const body = (c >= 48 && c <= 57) || c === 46 || c === 44 || c === 45 ? line.slice(lead).replace(/[\s。]+$/, "") : "";
    if (body !== "") {
      const values = findValues(body, units, allUnits);
      if (values.length === 1 && values[0].start === 0 && values[0].end === body.length) candidates.push(toFound(values[0], offset + lead));
    }
    offset += line.length + 1;
  }
  candidates.sort((a, b) => a.start - b.start);
  const ownerOf = (unit: string | null): KpiShape | undefined => {
    if (kpis.length === 1) return kpis[0];
    const same = kpis.filter((k) => sameUnit(k.unit, unit));
    return same.length === 1 ? same[0] : undefined;
  };
  for (const c of candidates) {
    const owner = ownerOf(c.unit);
    if (owner && !found.has(owner.id)) found.set(owner.id, c);
  }
  if (found.size === kpis.length) return found;

  // (3) A value inside a sentence, and (4) pending actuals.
  for (const k of kpis) {
    if (found.has(k.id)) continue;
    const own = markerParts.get(k.id) ?? [{ text: parts[0].text, start: 0 }];
    const alone = kpis.length === 1 || (k.unit !== null && kpis.filter((x) => sameUnit(x.unit, k.unit)).length === 1);
    if (alone) {
      const vals: Located[] = [];
      for (const p of own) for (const x of valuesIn(p, k)) if (x.cls !== "left-out" && (k.unit === null ? x.v.unit === null : sameUnit(x.v.unit, k.unit))) vals.push(x);
      if (vals.length === 1) {
        found.set(k.id, toFound(vals[0].v, vals[0].offset));
        continue;
      }
    }
    if (own.some((p) => PENDING.test(p.text))) found.set(k.id, "pending");
  }
  return found;
}
