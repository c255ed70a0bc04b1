/** Fiscal years (§3): era and Gregorian forms, bare years resolved against a reference year. */

export type Era = "昭和" | "平成" | "令和";
const ERA_START: Record<Era, number> = { 昭和: 1925, 平成: 1988, 令和: 2018 };
const ERA_MAX: Record<Era, number> = { 昭和: 64, 平成: 31, 令和: 99 };
const LETTER_ERA: Record<string, Era> = { s: "昭和", h: "平成", r: "令和" };

export interface YearToken {
  start: number;
  end: number;
  /** Resolved Gregorian start year, or null for a bare year with no reference. */
  year: number | null;
  /** "era" (令和2年度, R2), "gregorian" (2020年度) or "bare" (2年度). */
  form: "era" | "gregorian" | "bare";
  bare?: number;
}

export function eraOf(year: number): Era {
  if (year >= 2019) return "令和";
  if (year >= 1989) return "平成";
  return "昭和";
}

export function eraYear(era: Era, n: number): number {
  return ERA_START[era] + n;
}

/** The reading of a bare year (2年度) closest to the reference year, among 昭和/平成/令和. */
export function resolveBareYear(n: number, reference: number): number {
  let best: number | null = null;
  for (const era of ["令和", "平成", "昭和"] as Era[]) {
    if (n < 1 || n > ERA_MAX[era]) continue;
    const y = eraYear(era, n);
    if (best === null || Math.abs(y - reference) < Math.abs(best - reference)) best = y;
  }
  return best ?? n;
}

// Applied to parse text (NFKC already done). Alternatives, longest first:
//  1 era name + number + 年度       2 R/H/S letter form (+ optional 年度, not 年 alone)
//  3 four-digit + 年度               4 bare number + 年度
const YEAR_RE = /(令和|平成|昭和)\s*(元|\d{1,2})\s*年度|(?<![A-Za-z])([RrHhSs])(\d{1,2})(?!\d)(?:\s*年度|(?!\s*年))|(?<!\d)((?:19|20)\d{2})\s*年度|(?<![\d.])(元|\d{1,2})\s*年度/g;

/** Every year token in the text, in order. `reference` resolves bare years (null: left unresolved). */
export function findYearTokens(text: string, reference: number | null): YearToken[] {
  const out: YearToken[] = [];
  if (text.indexOf("年") < 0 && !/[RrHhSs]\d/.test(text)) return out;
  YEAR_RE.lastIndex = 0;
  for (let m = YEAR_RE.exec(text); m !== null; m = YEAR_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]) {
      const n = m[2] === "元" ? 1 : Number(m[2]);
      out.push({ start, end, year: eraYear(m[1] as Era, n), form: "era" });
    } else if (m[3]) {
      out.push({ start, end, year: eraYear(LETTER_ERA[m[3].toLowerCase()], Number(m[4])), form: "era" });
    } else if (m[5]) {
      out.push({ start, end, year: Number(m[5]), form: "gregorian" });
    } else if (m[6]) {
      const n = m[6] === "元" ? 1 : Number(m[6]);
      out.push({ start, end, year: reference === null ? null : resolveBareYear(n, reference), form: "bare", bare: n });
    }
  }
  return out;
}

/** The first year named in a text (a title, a sheet or file name); bare years only with a reference. */
export function firstYear(text: string, reference: number | null = null): number | null {
  for (const t of findYearTokens(text.normalize("NFKC"), reference)) if (t.year !== null) return t.year;
  return null;
}

/** Display form: 2020 → 令和2年度. */
export function fiscalYearLabel(year: number): string {
  const era = eraOf(year);
  const n = year - ERA_START[era];
  return `${era}${n === 1 ? "元" : n}年度`;
}
