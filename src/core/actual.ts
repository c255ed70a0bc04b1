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
const LABELS_BEFORE = /(前年度比|前年比|対前年度|前年度|昨年度|前回|基準値?|現状値?|達成率|進捗率|目標比)(?:は|の|[:：]|\s)*$/;
const RESTATED = /目標値?(?:は|の|[:：(（]|である|とする|\s)*$/;
const JISSEKI_BEFORE = /実績値?(?:は|の|[:：)）】\]」]|である|とする|\s)*(?:\d{1,2}月末?(?:時点)?\s*[:：]?\s*)?$/;
const LABEL_BRACKET = /^[(（【[]\s*(?:前年度比|前年比|対前年度|前年度|昨年度|前回|基準値?|現状値?|達成率|進捗率|目標比)/;
const PREVIOUS_BEFORE_JISSEKI = /(?:前年度|昨年度|前回|前年)\s*$/;

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

  /** How a value reads: after 実績 of the evaluated year (or none), a plain value, or one left out. */
  classify(v: ValueMatch, offset: number, kpi: KpiShape | null): ValueClass {
    const start = v.start + offset;
    const before = this.text.slice(Math.max(0, start - 24), start);
    if (RESTATED.test(before)) return "left-out";
    const label = LABELS_BEFORE.exec(before);
    if (label && !(kpi?.againstPreviousYear && (label[1] === "前年度比" || label[1] === "前年比"))) return "left-out";
    const br = this.bracketAt(start);
    if (br) {
      const inner = this.text.slice(br[0], br[1]);
      if (!(kpi?.againstPreviousYear && /^[(（【[]\s*前年度?比/.test(inner))) return "left-out";
    }
    const after = this.text.slice(v.end + offset).replace(/^\s+/, "");
    if (after.startsWith("から") || after.startsWith("より")) return "left-out";
    const j = JISSEKI_BEFORE.exec(before);
    if (j) {
      const lead = before.slice(0, j.index);
      if (PREVIOUS_BEFORE_JISSEKI.test(lead)) return "left-out";
      const tokens = findYearTokens(lead.slice(-12), this.reference);
      const last = tokens[tokens.length - 1];
      if (last && last.end === Math.min(12, lead.length) && last.year !== null && this.year !== null && last.year !== this.year) return "left-out";
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

  // (1) The KPI's own marker text: after 実績 first, else the first value with its unit, else the first.
  for (const k of kpis) {
    const own = markerParts.get(k.id);
    if (!own) continue;
    const vals = own.flatMap((p) => reader.values(p.text, p.start, k, prefOf(k))).filter((x) => x.cls !== "left-out");
    const pick = vals.find((x) => x.cls === "jisseki") ?? (k.unit !== null ? vals.find((x) => sameUnit(x.v.unit, k.unit)) : undefined) ?? vals[0];
    if (pick) found.set(k.id, toFound(pick.v, pick.offset));
  }
  if (found.size === kpis.length) return found;

  // (2) Unmarked values: after 実績 / 実績値 / 〇年度実績, or alone on their own line.
  const allUnits = [...new Set(kpis.map((k) => k.unit).filter((u): u is string => u !== null))];
  const candidates: FoundActual[] = [];
  for (const x of reader.values(parseText, 0, kpis.length === 1 ? kpis[0] : null, allUnits.length > 0 ? allUnits : undefined)) {
    if (x.cls === "jisseki") candidates.push(toFound(x.v, 0));
  }
  let offset = 0;
  for (const line of parseText.split("\n")) {
    const lead = /^[\s・●○◆◇■□\-*]*/.exec(line)?.[0].length ?? 0;
    const body = line.slice(lead).replace(/[\s。]+$/, "");
    if (body !== "" && /^[\d.,-]/.test(body)) {
      const values = findValues(body, units, allUnits.length > 0 ? allUnits : undefined);
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
      const vals = own
        .flatMap((p) => reader.values(p.text, p.start, k, prefOf(k)))
        .filter((x) => x.cls !== "left-out" && (k.unit === null ? x.v.unit === null : sameUnit(x.v.unit, k.unit)));
      if (vals.length === 1) {
        found.set(k.id, toFound(vals[0].v, vals[0].offset));
        continue;
      }
    }
    if (own.some((p) => PENDING.test(p.text))) found.set(k.id, "pending");
  }
  return found;
}
