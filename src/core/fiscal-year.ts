/** Fiscal years (§3): era and Gregorian forms, bare years resolved against a reference year. */
import { RANGE } from "./normalize";

/** A range between two years in a title: a range mark or a dash, with blanks around it. */
const RANGE_BETWEEN = new RegExp(`^\\s*[${RANGE}\\-ー－]\\s*$`);

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
  form: "era" | "gregorian" | "bare" | "every";
  bare?: number;
}

/** Year tokens may end in 末, 末時点 or 中 (令和4年度末 80%): the suffix belongs to the token. */
function suffixEnd(text: string, end: number): number {
  if (text.startsWith("末時点", end)) return end + 3;
  if (text[end] === "末" || text[end] === "中") return end + 1;
  return end;
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
      if (text.startsWith("年度", j)) end = suffixEnd(text, j + 2);
      else if (text[j] === "年") continue;
      else if (text[j] === ".") {
        // R6.3 is a date (令和6年3月); R4. before a value is a year token.
        if (isDigitCode(text.charCodeAt(j + 1))) continue;
        end = j + 1;
      } else end = suffixEnd(text, end);
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
        if (n >= 1900 && n <= 2099 && text[j] !== ".") out.push({ start: numStart, end: suffixEnd(text, idx + 2), year: n, form: "gregorian" });
        continue;
      }
      if (digits > 2 || text[j] === ".") continue;
    }
    if (hasLetter && /[RrHhSs]/.test(text[numStart - 1] ?? "")) continue; // R2年度: taken as a letter form
    let k = numStart - 1;
    while (isBlank(text[k])) k--;
    const era = text.slice(k - 1, k + 1);
    if (era === "令和" || era === "平成" || era === "昭和") {
      out.push({ start: k - 1, end: suffixEnd(text, idx + 2), year: eraYear(era as Era, n), form: "era" });
    } else {
      out.push({ start: numStart, end: suffixEnd(text, idx + 2), year: reference === null ? null : resolveBareYear(n, reference), form: "bare", bare: n });
    }
  }
  if (hasLetter) out.sort((a, b) => a.start - b.start);
  return out;
}

const EVERY_YEAR = /毎年度|各年度|毎年/g;

/**
 * Every-year tokens (v2 §3): 毎年度, 各年度, 毎年 not followed by の. Whether a value follows is
 * decided by the caller (a token whose segment holds no value is words, not a token).
 */
export function findEveryYearTokens(text: string): YearToken[] {
  if (text.indexOf("毎年") < 0 && text.indexOf("各年度") < 0) return [];
  const out: YearToken[] = [];
  EVERY_YEAR.lastIndex = 0;
  for (let m = EVERY_YEAR.exec(text); m !== null; m = EVERY_YEAR.exec(text)) {
    const end = m.index + m[0].length;
    if (text[end] === "の") continue;
    out.push({ start: m.index, end, year: null, form: "every" });
  }
  return out;
}

/**
 * The year a title names (v2 §3): years joined by a range marker name a plan's period and are
 * skipped; of the rest, the last one.
 */
export function titleYear(title: string): number | null {
  const text = title.normalize("NFKC").replace(/[〜～~]/g, RANGE);
  const tokens = findYearTokens(text, null);
  const inRange = new Set<number>();
  for (let t = 0; t + 1 < tokens.length; t++) {
    const between = text.slice(tokens[t].end, tokens[t + 1].start);
    if (RANGE_BETWEEN.test(between)) {
      inRange.add(t);
      inRange.add(t + 1);
    }
  }
  let year: number | null = null;
  tokens.forEach((tok, t) => {
    if (!inRange.has(t) && tok.year !== null) year = tok.year;
  });
  return year;
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
