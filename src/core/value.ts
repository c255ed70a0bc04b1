/** Values of the KPI grammar (§4): number, unit from a closed list, optional denominator and value word. */
import { MARK_OPEN, RANGE } from "./normalize";
import type { Direction } from "./types";

/** What may follow a bare number that stands apart: a blank, punctuation, an arrow, a marker or a range. */
const AFTER_VALUE = new RegExp(`[\\s、。,.)\\]）】」/・;:：→⇒${MARK_OPEN}${RANGE}-]`);

export interface ValueMatch {
  start: number;
  end: number;
  value: number;
  unit: string | null;
  denominator: number | null;
  /** The value word that followed (以上, 以下 …), or null. */
  word: string | null;
  direction: Direction;
}

const LOWER_WORDS = ["以下", "以内", "未満"];
const HIGHER_WORDS = ["以上", "超", "達成", "削減"];
const VALUE_WORDS = [...LOWER_WORDS, ...HIGHER_WORDS];
/** Value words that make an unknown word of one to three characters before them a unit (3駅以上). */
const UNIT_MAKING_WORDS = ["以上", "以下", "以内", "未満", "超"];
/** Characters an unknown unit word may hold: letters (kana, kanji, latin), never digits or punctuation. */
const WORD_CHAR = /^[\p{L}]$/u;
const NOT_UNIT_WORD = /年|月|四半期|以|未|超|目標|実績/;

/** Canonical spelling of a unit, so that パーセント and % compare equal. */
export function canonicalUnit(unit: string | null): string | null {
  if (unit === null) return null;
  if (unit === "パーセント") return "%";
  if (unit === "ヵ所" || unit === "ヶ所" || unit === "カ所" || unit === "箇所") return "か所";
  return unit;
}

export class UnitList {
  private readonly sorted: string[];
  /** Units by their first character code, longest first (one lookup instead of a scan of the list). */
  private readonly byFirst = new Map<number, string[]>();
  constructor(units: readonly string[]) {
    this.sorted = [...new Set(units.map((u) => u.normalize("NFKC")))].filter((u) => u !== "").sort((a, b) => b.length - a.length);
    for (const u of this.sorted) {
      const c = u.charCodeAt(0);
      const list = this.byFirst.get(c);
      if (list) list.push(u);
      else this.byFirst.set(c, [u]);
    }
  }
  /** The longest unit starting at position i, or null. */
  at(s: string, i: number): string | null {
    const list = this.byFirst.get(s.charCodeAt(i));
    if (!list) return null;
    for (const u of list) if (s.startsWith(u, i)) return u;
    return null;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (ch: string | undefined): boolean => ch === " " || ch === "\t" || ch === "\u3000";

interface NumberScan {
  value: number;
  end: number;
}

/** The first of `preferred` (units a KPI declares or was read with) that starts at j, or null. */
function preferredAt(s: string, j: number, preferred: readonly string[] | undefined): string | null {
  if (!preferred || preferred.length === 0) return null;
  let best: string | null = null;
  for (const u of preferred) if (u !== "" && s.startsWith(u, j) && (best === null || u.length > best.length)) best = u;
  return best;
}

/**
 * Digits with `,` thousands separators and decimals, then 万/億 multipliers (1万6069 = 16069).
 * A preferred unit right after the digits (万人 declared by the KPI) is tried before the multipliers.
 */
function scanNumber(s: string, i: number, units: UnitList, preferred?: readonly string[]): NumberScan | null {
  let j = i;
  let text = "";
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (isDigit(c)) {
      text += s[j];
      j++;
    } else if (s[j] === "," && isDigit(s.charCodeAt(j + 1)) && isDigit(s.charCodeAt(j + 2)) && isDigit(s.charCodeAt(j + 3)) && !isDigit(s.charCodeAt(j + 4)) && text.length > 0) {
      j++;
    } else break;
  }
  if (text === "") return null;
  if (s[j] === "." && isDigit(s.charCodeAt(j + 1))) {
    text += ".";
    j++;
    while (j < s.length && isDigit(s.charCodeAt(j))) text += s[j++];
  }
  let value = Number(text);
  if (preferredAt(s, skipSpaces(s, j), preferred) !== null) return { value, end: j };
  // 万 / 億 as multipliers unless they begin a unit (万円, 億円).
  for (;;) {
    const ch = s[j];
    if ((ch === "万" || ch === "億") && units.at(s, j) === null) {
      const mult = ch === "万" ? 1e4 : 1e8;
      value *= mult;
      j++;
      if (isDigit(s.charCodeAt(j))) {
        const rest = scanNumber(s, j, units);
        if (rest && rest.value < mult) {
          value += rest.value;
          j = rest.end;
        }
      }
      continue;
    }
    break;
  }
  return { value, end: j };
}

function skipSpaces(s: string, j: number): number {
  while (isSpace(s[j])) j++;
  return j;
}

/**
 * Every value in a parse text, in order. Numbers that are part of dates, years, ordinals
 * (第2, 1年目, 3回目) or counts of years/months are not values.
 */
export function findValues(s: string, units: UnitList, preferred?: readonly string[]): ValueMatch[] {
  const out: ValueMatch[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) {
      i++;
      continue;
    }
    const prev = s[i - 1];
    // A digit run that continues a word (R2, H30, A4) or follows a decimal point is not a value.
    if (prev !== undefined && (/[A-Za-z.]/.test(prev))) {
      while (i < n && (isDigit(s.charCodeAt(i)) || s[i] === "," || s[i] === ".")) i++;
      continue;
    }
    const num = scanNumber(s, i, units, preferred);
    if (!num) {
      i++;
      continue;
    }
    const m = readValueAfter(s, i, num, units, preferred);
    if (m) {
      out.push(m);
      i = m.end;
    } else i = Math.max(num.end, i + 1);
  }
  return out;
}

/** An unknown word of one to three letters right before 以上/以下/以内/未満/超 (3駅以上 → 駅), or null. */
function unknownUnitAt(s: string, j: number): string | null {
  for (let k = 1; k <= 3 && j + k <= s.length; k++) {
    if (!WORD_CHAR.test(s[j + k - 1])) return null;
    const word = s.slice(j, j + k);
    if (NOT_UNIT_WORD.test(word)) return null;
    const w = skipSpaces(s, j + k);
    if (UNIT_MAKING_WORDS.some((v) => s.startsWith(v, w))) return word;
  }
  return null;
}

function readValueAfter(s: string, start: number, num: NumberScan, units: UnitList, preferred?: readonly string[]): ValueMatch | null {
  const prev = s[start - 1];
  if (prev === "第") return null;
  let j = skipSpaces(s, num.end);
  const next = s[j];
  if (next === "年" || next === "月" || next === "次" || next === "期") return null;
  if (/^(?:か|カ|ヵ|ヶ|ケ|箇)[年月]/.test(s.slice(j, j + 2))) return null;
  if (next === "日" && s[start - 1] === "月") return null;
  if (next === ":" && isDigit(s.charCodeAt(j + 1))) return null;
  const unit = preferredAt(s, j, preferred) ?? units.at(s, j) ?? unknownUnitAt(s, j);
  if (unit !== null) {
    if (s[j + unit.length] === "目") return null; // 3回目, 2本目: ordinals
    j += unit.length;
  } else j = num.end;
  let end = j;
  let denominator: number | null = null;
  let k = skipSpaces(s, end);
  if (s[k] === "/") {
    k = skipSpaces(s, k + 1);
    const den = isDigit(s.charCodeAt(k)) ? scanNumber(s, k, units, preferred) : null;
    if (den) {
      let d = skipSpaces(s, den.end);
      const denUnit = preferredAt(s, d, preferred) ?? units.at(s, d);
      if (denUnit === null || denUnit === unit) {
        if (denUnit !== null) d += denUnit.length;
        else d = den.end;
        denominator = den.value;
        end = d;
      }
    }
  }
  let word: string | null = null;
  const w = skipSpaces(s, end);
  for (const candidate of VALUE_WORDS) {
    if (s.startsWith(candidate, w)) {
      word = candidate;
      end = w + candidate.length;
      break;
    }
  }
  if (unit === null && denominator === null && word === null) {
    // A bare number must stand apart: "3つ", "24区中" style counts glued to words are not values.
    const after = s[num.end];
    if (after !== undefined && !AFTER_VALUE.test(after)) return null;
  }
  const negative = s[start - 1] === "-" && !/[0-9A-Za-z]/.test(s[start - 2] ?? "");
  return {
    start: negative ? start - 1 : start,
    end,
    value: negative ? -num.value : num.value,
    unit,
    denominator,
    word,
    direction: word !== null && LOWER_WORDS.includes(word) ? "lower" : "higher",
  };
}
