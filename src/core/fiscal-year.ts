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

const LETTER_RE = /(?<![A-Za-z])([RrHhSs])(\d{1,2})(?!\d)/g;
const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
const isBlank = (ch: string | undefined): boolean => ch === " " || ch === "\t";

/**
 * Every year token in the text, in order (applied to parse text, NFKC done). Forms: era name +
 * number + 年度; R/H/S letter + number (+ 年度, but not 年 alone: R2年3月 is a date); a
 * four-digit year + 年度; a bare number or 元 + 年度. `reference` resolves bare years.
 * Written as a scan from each 年度 backwards: much faster than one alternation regex.
 */
export function findYearTokens(text: string, reference: number | null): YearToken[] {
  const out: YearToken[] = [];
  const hasLetter = /[RrHhSs]\d/.test(text);
  if (hasLetter) {
    LETTER_RE.lastIndex = 0;
    for (let m = LETTER_RE.exec(text); m !== null; m = LETTER_RE.exec(text)) {
      let j = m.index + m[0].length;
      while (isBlank(text[j])) j++;
      let end = m.index + m[0].length;
      if (text.startsWith("年度", j)) end = j + 2;
      else if (text[j] === "年") continue;
      out.push({ start: m.index, end, year: eraYear(LETTER_ERA[m[1].toLowerCase()], Number(m[2])), form: "era" });
    }
  }
  for (let idx = text.indexOf("年度"); idx >= 0; idx = text.indexOf("年度", idx + 2)) {
    let j = idx - 1;
    while (isBlank(text[j])) j--;
    const numEnd = j + 1;
    let n: number;
    let numStart: number;
    if (text[j] === "元") {
      n = 1;
      numStart = j;
    } else {
      while (j >= 0 && isDigitCode(text.charCodeAt(j))) j--;
      numStart = j + 1;
      const digits = numEnd - numStart;
      if (digits === 0) continue;
      n = Number(text.slice(numStart, numEnd));
      if (digits === 4) {
        if (n >= 1900 && n <= 2099 && text[j] !== ".") out.push({ start: numStart, end: idx + 2, year: n, form: "gregorian" });
        continue;
      }
      if (digits > 2 || text[j] === ".") continue;
    }
    if (hasLetter && /[RrHhSs]/.test(text[numStart - 1] ?? "")) continue; // R2年度: taken as a letter form
    let k = numStart - 1;
    while (isBlank(text[k])) k--;
    const era = text.slice(k - 1, k + 1);
    if (era === "令和" || era === "平成" || era === "昭和") {
      out.push({ start: k - 1, end: idx + 2, year: eraYear(era as Era, n), form: "era" });
    } else {
      out.push({ start: numStart, end: idx + 2, year: reference === null ? null : resolveBareYear(n, reference), form: "bare", bare: n });
    }
  }
  if (hasLetter) out.sort((a, b) => a.start - b.start);
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
