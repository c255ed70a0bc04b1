/** Header-row detection and column mapping (§1). */
import { CANONICAL_COLUMNS, type CanonicalColumn, type Config } from "./config";
import { OUTPUT_HEADERS, type OutputHeader } from "./messages";
import { normalizeHeader } from "./normalize";

export const HEADER_SEARCH_ROWS = 30;
const OPENING_BRACKETS = "([【〔<《「{";

export interface HeaderMatch {
  /** Index into the cells array of the header row. */
  rowIndex: number;
  /** canonical → column indexes (into the row) matching it, in order. */
  columns: Map<CanonicalColumn, number[]>;
  /** Output column header → column index. */
  outputs: Map<OutputHeader, number>;
}

export class HeaderMatcher {
  private readonly names: { key: string; canonical: CanonicalColumn }[] = [];
  private readonly outputKeys = new Map<string, OutputHeader>(OUTPUT_HEADERS.map((h) => [normalizeHeader(h), h]));

  constructor(config: Config) {
    for (const c of CANONICAL_COLUMNS) {
      this.names.push({ key: normalizeHeader(c), canonical: c });
      for (const alias of config.aliases[c] ?? []) this.names.push({ key: normalizeHeader(alias), canonical: c });
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
    return null;
  }

  outputOf(text: string): OutputHeader | null {
    return this.outputKeys.get(normalizeHeader(text)) ?? null;
  }

  /**
   * The header row: the first row among sheet rows 1..30 in which at least three canonical
   * names match. `firstRow` is the sheet row number of texts[0].
   */
  find(texts: readonly (readonly string[])[], firstRow: number): HeaderMatch | null {
    const limit = Math.min(texts.length, HEADER_SEARCH_ROWS - firstRow + 1);
    for (let r = 0; r < limit; r++) {
      const row = texts[r];
      const columns = new Map<CanonicalColumn, number[]>();
      const outputs = new Map<OutputHeader, number>();
      for (let c = 0; c < row.length; c++) {
        const t = row[c];
        if (!t) continue;
        const out = this.outputOf(t);
        if (out) {
          if (!outputs.has(out)) outputs.set(out, c);
          continue;
        }
        const canonical = this.canonicalOf(t);
        if (canonical) columns.set(canonical, [...(columns.get(canonical) ?? []), c]);
      }
      if (columns.size >= 3) return { rowIndex: r, columns, outputs };
    }
    return null;
  }
}
