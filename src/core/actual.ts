/** Actuals (§5): the values of a self-assessment cell, assigned to the item's KPIs. */
import { findYearTokens } from "./fiscal-year";
import { splitAtMarkers } from "./normalize";
import { canonicalUnit, findValues, type UnitList, type ValueMatch } from "./value";
import type { NumericValue } from "./types";

export interface KpiShape {
  id: string;
  unit: string | null;
}

const toNumeric = (v: ValueMatch): NumericValue => ({ value: v.value, unit: canonicalUnit(v.unit), denominator: v.denominator });

const JISSEKI = /実績値?/g;

/**
 * Finds the actual of each KPI. `year` is the evaluated fiscal year (so 元年度実績 on a FY2020
 * sheet is skipped), `reference` resolves bare years.
 */
export function findActuals(parseText: string, kpis: readonly KpiShape[], year: number | null, reference: number | null, units: UnitList): Map<string, NumericValue> {
  const found = new Map<string, NumericValue>();
  const parts = splitAtMarkers(parseText);
  const ids = new Set(kpis.map((k) => k.id));
  for (const part of parts) {
    if (part.id === null || !ids.has(part.id) || found.has(part.id)) continue;
    const values = findValues(part.text, units);
    if (values.length > 0) found.set(part.id, toNumeric(values[0]));
  }
  if (found.size === kpis.length) return found;

  // Unmarked values: after 実績 / 実績値 / 〇年度実績, or alone on their own line.
  const candidates: { at: number; value: NumericValue }[] = [];
  JISSEKI.lastIndex = 0;
  for (let m = JISSEKI.exec(parseText); m !== null; m = JISSEKI.exec(parseText)) {
    const yearBefore = findYearTokens(parseText.slice(Math.max(0, m.index - 10), m.index), reference);
    const last = yearBefore[yearBefore.length - 1];
    const namedYear = last && last.end === Math.min(10, m.index) ? last.year : null;
    if (namedYear !== null && year !== null && namedYear !== year) continue;
    let j = m.index + m[0].length;
    const rest = parseText.slice(j, j + 200);
    const lead = /^[\s:：)）】\]」]*(?:\d{1,2}月末?(?:時点)?\s*[:：]?\s*)?/.exec(rest);
    j += lead ? lead[0].length : 0;
    const values = findValues(parseText.slice(j, j + 120), units);
    if (values.length > 0 && values[0].start === 0) candidates.push({ at: j, value: toNumeric(values[0]) });
  }
  let offset = 0;
  for (const line of parseText.split("\n")) {
    const body = line.replace(/^[\s・●○◆◇■□\-*]+/, "").replace(/[\s。]+$/, "");
    if (body !== "" && /^[\d.,-]/.test(body)) {
      const values = findValues(body, units);
      if (values.length === 1 && values[0].start === 0 && values[0].end === body.length) {
        candidates.push({ at: offset, value: toNumeric(values[0]) });
      }
    }
    offset += line.length + 1;
  }
  candidates.sort((a, b) => a.at - b.at);
  for (const c of candidates) {
    let owner: KpiShape | undefined;
    if (kpis.length === 1) owner = kpis[0];
    else {
      const sameUnit = kpis.filter((k) => k.unit !== null && k.unit === c.value.unit);
      if (sameUnit.length === 1) owner = sameUnit[0];
    }
    if (owner && !found.has(owner.id)) found.set(owner.id, c.value);
  }
  return found;
}
