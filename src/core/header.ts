/** Header-row detection and column mapping (§1). */
import { CANONICAL_COLUMNS, type CanonicalColumn, type Config } from "./config";
import { OUTPUT_HEADERS, type OutputHeader } from "./messages";
import { headerKey, normalizeHeader } from "./normalize";

export const HEADER_SEARCH_ROWS = 30;
const OPENING_BRACKETS = "([【〔<《「{";

export interface HeaderMatch {
  /** Index into the cells array of the (last) header row: items start below it. */
  rowIndex: number;
  /** Index of the first header row (a header may be split over two rows): titles are above it. */
  firstRowIndex: number;
  /** canonical → column indexes (into the row) matching it, in order. */
  columns: Map<CanonicalColumn, number[]>;
  /** Output column header → column index. */
  outputs: Map<OutputHeader, number>;
}

export class HeaderMatcher {
  private readonly names: { key: string; loose: string; canonical: CanonicalColumn }[] = [];
  private readonly outputKeys = new Map<string, OutputHeader>(OUTPUT_HEADERS.map((h) => [normalizeHeader(h), h]));

  constructor(config: Config) {
    for (const c of CANONICAL_COLUMNS) {
      this.names.push({ key: normalizeHeader(c), loose: headerKey(c), canonical: c });
      for (const alias of config.aliases[c] ?? []) this.names.push({ key: normalizeHeader(alias), loose: headerKey(alias), canonical: c });
    }
    this.names.sort((a, b) => b.key.length - a.key.length);
  }

  canonicalOf(text: string): CanonicalColumn | null {
    const key = normalizeHeader(text);
    if (key === "") return null;
    for (const n of this.names) {
      if (key === n.key) return n.canonical;
      if (key.startsWith(n.key) && OPENING_BRACKETS.includes(key[n.key.length])) return n.canonical;
    }
    // v2: compared again with the particle の removed from both sides.
    const loose = key.replace(/の/g, "");
    for (const n of this.names) {
      if (loose === n.loose) return n.canonical;
      if (loose.startsWith(n.loose) && OPENING_BRACKETS.includes(loose[n.loose.length])) return n.canonical;
    }
    return null;
  }

  outputOf(text: string): OutputHeader | null {
    return this.outputKeys.get(normalizeHeader(text)) ?? null;
  }

  private matchRow(texts: readonly string[]): { columns: Map<CanonicalColumn, number[]>; outputs: Map<OutputHeader, number> } {
    const columns = new Map<CanonicalColumn, number[]>();
    const outputs = new Map<OutputHeader, number>();
    for (let c = 0; c < texts.length; c++) {
      const t = texts[c];
      if (!t) continue;
      const out = this.outputOf(t);
      if (out) {
        if (!outputs.has(out)) outputs.set(out, c);
        continue;
      }
      const canonical = this.canonicalOf(t);
      if (canonical) columns.set(canonical, [...(columns.get(canonical) ?? []), c]);
    }
    return { columns, outputs };
  }

  /**
   * A header split over two rows (「自己評価」 over 「中間」「期末」, or words broken across rows): per
   * column, the lower row's text alone or the two texts joined.
   */
  private matchTwoRows(upper: readonly string[], lower: readonly string[]): { columns: Map<CanonicalColumn, number[]>; outputs: Map<OutputHeader, number> } {
    const width = Math.max(upper.length, lower.length);
    const texts: string[] = [];
    for (let c = 0; c < width; c++) {
      // A cell past the end of its row is undefined: it is falsy below and joins as "".
      const u = upper[c];
      const l = lower[c];
      const joined = [u, l].join("");
      texts.push(l && this.canonicalOf(joined) ? joined : l && (this.canonicalOf(l) || this.outputOf(l)) ? l : u && (this.canonicalOf(u) || this.outputOf(u)) ? u : joined);
    }
    return this.matchRow(texts);
  }

  /**
   * The header row: the first row among sheet rows 1..30 in which at least three canonical
   * names match (or, split over two rows, the pair). `firstRow` is the sheet row of texts[0].
   */
  find(texts: readonly (readonly string[])[], firstRow: number): HeaderMatch | null {
    const limit = Math.min(texts.length, HEADER_SEARCH_ROWS - firstRow + 1);
    for (let r = 0; r < limit; r++) {
      const single = this.matchRow(texts[r]);
      const next = r + 1 < texts.length ? texts[r + 1] : null;
      if (single.columns.size >= 3) {
        // The row below continues the header when it names columns this row lacks and holds no item.
        if (next && this.continues(single, next)) {
          const pair = this.matchTwoRows(texts[r], next);
          if (pair.columns.size > single.columns.size) return { rowIndex: r + 1, firstRowIndex: r, ...pair };
        }
        return { rowIndex: r, firstRowIndex: r, ...single };
      }
      if (next && r + 1 < limit) {
        const pair = this.matchTwoRows(texts[r], next);
        if (pair.columns.size >= 3 && this.matchRow(next).columns.size < 3) return { rowIndex: r + 1, firstRowIndex: r, ...pair };
      }
    }
    return null;
  }

  private continues(single: { columns: Map<CanonicalColumn, number[]> }, next: readonly string[]): boolean {
    const idOf = (c: CanonicalColumn) => single.columns.get(c)?.[0];
    const numberCol = idOf("番号");
    const titleCol = idOf("項目名");
    if (numberCol !== undefined && next[numberCol]) return false;
    if (titleCol !== undefined && next[titleCol]) return false;
    return next.some(Boolean);
  }
}

/** Length of the longest common subsequence (characters shared in order). */
function lcs(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The header cell that most resembles a missing canonical column (§1 v2): sharing the most
 * characters in order, at least two thirds of the canonical name's. Index into `texts`, or null.
 */
export function resemblingHeader(canonical: string, texts: readonly string[], taken: ReadonlySet<number>): number | null {
  const key = normalizeHeader(canonical);
  const need = Math.ceil((key.length * 2) / 3);
  let best: number | null = null;
  let bestScore = 0;
  texts.forEach((t, i) => {
    if (!t || taken.has(i) || t.length > 60) return;
    const score = lcs(key, normalizeHeader(t));
    if (score >= need && score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}
