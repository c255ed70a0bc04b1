/**
 * Turns a cell's text into the parse text of the grammar (§2): markup stripped, item markers
 * replaced by tokens, NFKC, range and minus signs unified. What users see is never this text.
 */

/**
 * Marker token: MARK_OPEN + id digits + MARK_CLOSE. Unicode noncharacters, "permanently reserved for internal
 * use" (Unicode §23.7): NFKC leaves them, and no text a user types holds them. (Private-use characters will not
 * do: Japanese municipal systems put 外字 there, from U+E000 on.) A stray marker character in a cell is dropped
 * (MARKER_CHARS), so it cannot open a token; a stray range character reads as the range it stands for.
 */
export const MARK_OPEN = "\uFDD0";
export const MARK_CLOSE = "\uFDD1";
/** Range marker (〜 ～ ~). */
export const RANGE = "\uFDD2";
const MARKER_CHARS = /[\uFDD0\uFDD1]/g;

const BREAK_TAGS = new Set(["p", "br", "li"]);
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Removes tags (`<` + letter, `/` or `!` … `>`) in one linear pass; <p>, <br>, <li> become line breaks. */
export function stripMarkup(text: string): string {
  if (text.indexOf("<") < 0) return decodeEntities(text);
  let out = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf("<", i);
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    const isTagStart = (next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 47 || next === 33;
    if (!isTagStart) {
      out += text.slice(i, lt + 1);
      i = lt + 1;
      continue;
    }
    const gt = text.indexOf(">", lt + 1);
    if (gt < 0) break; // no closing '>' anywhere after: the rest is text
    out += text.slice(i, lt);
    const m = /^<\/?([A-Za-z][A-Za-z0-9]*)/.exec(text.slice(lt, Math.min(gt + 1, lt + 12)));
    const name = m ? m[1].toLowerCase() : "";
    const closing = text.charCodeAt(lt + 1) === 47;
    if (BREAK_TAGS.has(name) && (!closing || name !== "br")) out += "\n";
    i = gt + 1;
  }
  out += text.slice(i);
  return decodeEntities(out);
}

export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,6});/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
      return String.fromCodePoint(code);
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const token = (id: number): string => `${MARK_OPEN}${id}${MARK_CLOSE}`;

function circledValue(ch: string): number | null {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2460 && c <= 0x2473) return c - 0x2460 + 1; // ①..⑳
  if (c >= 0x2474 && c <= 0x2487) return c - 0x2474 + 1; // ⑴..⒇
  return null;
}

const DIGIT_CLASS = "[0-9０-９]";
const toAscii = (s: string): string => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
// <①>, ＜①＞, < - 1 >, ＜1＞: bracketed markers.
const BRACKETED = new RegExp(`[<＜][ \\t　]*(?:[-－‐][ \\t　]*)?(${DIGIT_CLASS}{1,2}|[\\u2460-\\u2487])[ \\t　]*[>＞]`, "g");
// (1) / （1）
const PAREN = new RegExp(`[(（](${DIGIT_CLASS}{1,2})[)）]`, "g");
// "- N": the degraded form, only at a line start, after 目標/指標, or right after another marker.
const DASH = new RegExp(`[-－‐][ \\t　]*(${DIGIT_CLASS}{1,2})(?![0-9０-９.,．，%％])`, "g");

/** Replaces item markers (§2 step 2) by marker tokens. */
const ANY_MARKER_CHAR = /[<＜\u2460-\u2487(（\-－‐]/;

export function tokenizeMarkers(text: string): string {
  if (!ANY_MARKER_CHAR.test(text)) return text;
  let s = text;
  if (/[<＜]/.test(s)) s = s.replace(BRACKETED, (_w, d: string) => token(circledValue(d) ?? Number(toAscii(d))));
  if (/[\u2460-\u2487]/.test(s)) s = s.replace(/[\u2460-\u2487]/g, (ch) => token(circledValue(ch) ?? 0));
  if (/[(（]/.test(s)) s = s.replace(PAREN, (_w, d: string) => token(Number(toAscii(d))));
  if (/[-－‐]/.test(s)) {
    let lastMarkerEnd = -1;
    s = s.replace(DASH, (whole, d: string, offset: number, all: string) => {
      let j = offset - 1;
      while (j >= 0 && (all[j] === " " || all[j] === "\t" || all[j] === "\u3000")) j--;
      const atLineStart = j < 0 || all[j] === "\n";
      const afterWord = j >= 1 && (all.slice(j - 1, j + 1) === "目標" || all.slice(j - 1, j + 1) === "指標");
      const afterMarker = all[j] === MARK_CLOSE || j + 1 === lastMarkerEnd;
      if (!(atLineStart || afterWord || afterMarker)) return whole;
      lastMarkerEnd = offset + whole.length;
      return token(Number(toAscii(d)));
    });
  }
  return s;
}

/**
 * Characters NFKC leaves alone in any context: ASCII, common Japanese punctuation, hiragana,
 * katakana and unified ideographs (no combining marks, no compatibility forms). A text made
 * only of them skips the normalisation (most cells: it is a large share of the parse time).
 */
const NEEDS_NFKC = /[^\u0000-\u007f\u3001-\u3029\u3030-\u3035\u3041-\u3096\u30a1-\u30fa\u30fb-\u30fe\u4e00-\u9fff\ue000-\ue002]/;

/** Full parse text of §2. Never throws; lone surrogates are kept as they are. */
export function toParseText(raw: string): string {
  let s = stripMarkup(raw);
  if (s.search(MARKER_CHARS) >= 0) s = s.replace(MARKER_CHARS, "");
  if (s.indexOf("\r") >= 0) s = s.replace(/\r\n?/g, "\n");
  s = tokenizeMarkers(s);
  if (NEEDS_NFKC.test(s)) s = s.normalize("NFKC");
  if (/[〜～~]/.test(s)) s = s.replace(/[〜～~]/g, RANGE);
  if (/[−▲]/.test(s)) s = s.replace(/[−▲]/g, "-");
  return s;
}

/** Header text normalisation (§1): NFKC, no white space, spelling variants unified. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/向けた/g, "むけた")
    .replace(/取り組み/g, "取組")
    .replace(/取り組/g, "取組")
    .replace(/目指す/g, "めざす");
}

/** The id of a marker token at the start of `s`, or null. */
export function markerIdAt(s: string, i: number): { id: string; end: number } | null {
  if (s[i] !== MARK_OPEN) return null;
  const close = s.indexOf(MARK_CLOSE, i + 1);
  if (close < 0) return null;
  return { id: s.slice(i + 1, close), end: close + 1 };
}

/** Splits parse text at markers: [{id|null, text}], the first part being the text before any marker. */
export function splitAtMarkers(s: string): { id: string | null; text: string; start: number }[] {
  const parts: { id: string | null; text: string; start: number }[] = [];
  let i = s.indexOf(MARK_OPEN);
  parts.push({ id: null, text: i < 0 ? s : s.slice(0, i), start: 0 });
  while (i >= 0) {
    const m = markerIdAt(s, i);
    if (!m) break;
    const next = s.indexOf(MARK_OPEN, m.end);
    parts.push({ id: m.id, text: next < 0 ? s.slice(m.end) : s.slice(m.end, next), start: m.end });
    i = next;
  }
  return parts;
}

/** Display form of a marker id: 1 → ①. */
export function circled(id: string): string {
  const n = Number(id);
  return Number.isInteger(n) && n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `(${id})`;
}

/** Header text compared without the particle の (§1 v2: 「期末の自己評価」 matches 期末自己評価). */
export function headerKey(raw: string): string {
  return normalizeHeader(raw).replace(/の/g, "");
}

/** Parse text shown to people again: marker tokens as ①, range markers as 〜. Slices between them, no regex. */
export function displayText(parse: string): string {
  let m = parse.indexOf(MARK_OPEN);
  let r = parse.indexOf(RANGE);
  if (m < 0 && r < 0) return parse;
  let out = "";
  let i = 0;
  while (m >= 0 || r >= 0) {
    if (r >= 0 && (m < 0 || r < m)) {
      out += parse.slice(i, r) + "〜";
      i = r + 1;
      r = parse.indexOf(RANGE, i);
      if (m >= 0 && m < i) m = parse.indexOf(MARK_OPEN, i);
      continue;
    }
    const mk = markerIdAt(parse, m);
    if (mk) {
      out += parse.slice(i, m) + circled(mk.id);
      i = mk.end;
    } else {
      out += parse.slice(i, m + 1);
      i = m + 1;
    }
    m = parse.indexOf(MARK_OPEN, i);
    if (r >= 0 && r < i) r = parse.indexOf(RANGE, i);
  }
  return out + parse.slice(i);
}

/** 。！？!? and the line break, as character codes. */
const isSentenceEnd = (c: number): boolean => c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 33 || c === 63;

/** The sentence (or line) of parse text around [start, end), shown as text, with the words it holds. */
export function excerpt(parse: string, start: number, end: number, max = 80, cell: string | null = null): { cell: string | null; text: string; words: string } {
  let a = start;
  while (a > 0 && start - a < max) {
    const c = parse.charCodeAt(a - 1);
    if (c === 10 || isSentenceEnd(c)) break;
    a--;
  }
  let b = end;
  while (b < parse.length && b - end < max) {
    const c = parse.charCodeAt(b);
    if (c === 10) break;
    b++;
    if (isSentenceEnd(c)) break;
  }
  const text = displayText(parse.slice(a, b)).trim();
  const words = displayText(parse.slice(start, end)).trim();
  return { cell, text: text.includes(words) ? text : words, words };
}
