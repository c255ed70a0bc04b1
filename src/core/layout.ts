/** Header rows of the kpi-table and years-across layouts (§8 v2), and the layout decision. */
import { type Config, ROLE_WORDS, type Role, ROLES } from "./config";
import { findYearTokens, resolveBareYear } from "./fiscal-year";
import { type HeaderMatch, HeaderMatcher, HEADER_SEARCH_ROWS } from "./header";
import type { OutputHeader } from "./messages";
import { headerKey } from "./normalize";
import type { Layout } from "./types";

/** A fiscal year named in a header cell: resolved, or a bare year (5年度) resolved later against the title's year. */
export interface YearRef {
  year: number | null;
  bare: number | null;
}

export function resolveYear(ref: YearRef, reference: number | null): number | null {
  if (ref.year !== null) return ref.year;
  if (ref.bare !== null && reference !== null) return resolveBareYear(ref.bare, reference);
  return null;
}

export type ColumnRole = Role | "number";

export interface RoleHeader {
  layout: "kpi-table" | "years-across";
  rowIndex: number;
  firstRowIndex: number;
  /** The header text read for each column (two header rows joined). */
  texts: string[];
  /** Single-column roles: the first column of each. */
  roles: Map<ColumnRole, number>;
  /** kpi-table: target and actual columns, each with its year (null: no year, the evaluated one). */
  targets: { col: number; year: YearRef | null }[];
  actuals: { col: number; year: YearRef | null }[];
  /** years-across: the fiscal-year columns. */
  years: { col: number; year: YearRef }[];
  outputs: Map<OutputHeader, number>;
}

export type LayoutHeader = ({ layout: "progress" } & HeaderMatch) | RoleHeader;

/** Kind words of a years-across row (§8). */
export const KIND_TARGET = ["目標", "目標値", "計画", "計画値", "単年度目標値"];
export const KIND_ACTUAL = ["実績", "実績値"];
export const KIND_BASELINE = ["基準値", "基準", "現状値", "現状", "策定時"];
const KIND_OTHER = ["見込", "見込値", "見込み", "達成率", "進捗率", "評価", "達成度", "差", "差異"];
const ALL_KINDS = new Set([...KIND_TARGET, ...KIND_ACTUAL, ...KIND_BASELINE, ...KIND_OTHER].map(headerKey));

export function kindOf(text: string): "target" | "actual" | "baseline" | "other" | null {
  const k = headerKey(text);
  if (k === "") return null;
  if (KIND_TARGET.some((w) => headerKey(w) === k)) return "target";
  if (KIND_ACTUAL.some((w) => headerKey(w) === k)) return "actual";
  if (KIND_BASELINE.some((w) => headerKey(w) === k)) return "baseline";
  return ALL_KINDS.has(k) ? "other" : null;
}

const BRACKETS = /[()（）[\]【】〔〕]/g;

/** A header cell that is exactly one fiscal year (「R4」, 「令和4年度」, 「2022年度」, 「4年度末」). */
export function yearCell(text: string): YearRef | null {
  const key = headerKey(text).replace(BRACKETS, "");
  if (key === "" || key.length > 12) return null;
  // A header cell holding a bare Gregorian year (2022) or an era year without 年度 (令和4) is a year too.
  if (/^(?:19|20)\d\d$/.test(key)) return { year: Number(key), bare: null };
  const era = /^(令和|平成)(\d{1,2}|元)$/.exec(key);
  if (era) return { year: (era[1] === "令和" ? 2018 : 1988) + (era[2] === "元" ? 1 : Number(era[2])), bare: null };
  const tokens = findYearTokens(key, null);
  if (tokens.length !== 1 || tokens[0].start !== 0 || tokens[0].end !== key.length) return null;
  return { year: tokens[0].year, bare: tokens[0].bare ?? null };
}

export class RoleMatcher {
  private readonly words = new Map<string, ColumnRole>();
  readonly extra = new Set<string>();

  constructor(config: Config) {
    for (const w of ["番号", ...config.aliases.番号]) this.words.set(headerKey(w), "number");
    for (const role of ROLES) for (const w of [...config.roleAliases[role], ...ROLE_WORDS[role]]) if (!this.words.has(headerKey(w))) this.words.set(headerKey(w), role);
    this.words.set(headerKey("方向"), "direction");
    for (const w of ["年度", "年度別", "推移", "区分"]) this.extra.add(headerKey(w));
  }

  /** The role of a header cell, with the year it is tagged with (「令和4年度目標値」, 「目標値（R4）」). */
  roleOf(text: string): { role: ColumnRole; year: YearRef | null } | null {
    const key = headerKey(text);
    if (key === "") return null;
    const direct = this.words.get(key) ?? this.words.get(key.replace(BRACKETS, ""));
    if (direct) return { role: direct, year: null };
    const tokens = findYearTokens(key, null);
    if (tokens.length !== 1) return null;
    const t = tokens[0];
    const rest = (key.slice(0, t.start) + key.slice(t.end)).replace(BRACKETS, "");
    const role = this.words.get(rest);
    if (role === "target" || role === "actual" || role === "baseline") return { role, year: { year: t.year, bare: t.bare ?? null } };
    return null;
  }

  /** Whether a row holds only header words and fiscal years (a second header row), not one lone year. */
  isHeaderWordsRow(row: readonly string[], canonical: HeaderMatcher): boolean {
    const filled = row.filter((t) => t && t.trim() !== "");
    if (filled.length === 0) return false;
    if (filled.length === 1 && yearCell(filled[0])) return false;
    return filled.every((t) => yearCell(t) !== null || this.roleOf(t) !== null || canonical.canonicalOf(t) !== null || this.extra.has(headerKey(t)) || kindOf(t) !== null || canonical.outputOf(t) !== null);
  }
}

/** Two header rows read together (§8 two-row headers). */
function joinRows(upper: readonly string[], lower: readonly string[], roles: RoleMatcher): string[] {
  const width = Math.max(upper.length, lower.length);
  const out: string[] = [];
  let carried = "";
  for (let c = 0; c < width; c++) {
    let u = (upper[c] ?? "").trim();
    const l = (lower[c] ?? "").trim();
    const ly = l ? yearCell(l) : null;
    // A header merged over several columns reads empty after its first: carry it over the years below it.
    if (!u && ly && carried && c > 0 && yearCell(lower[c - 1] ?? "")) u = carried;
    carried = u;
    if (!l) out.push(u);
    else if (!u) out.push(l);
    else if (ly) {
      // 「目標値」 over 「R4」 is the column 「目標値（R4）」; any other word over a year (年度, 推移 …) leaves the year.
      const r = roles.roleOf(u);
      out.push(r && (r.role === "target" || r.role === "actual" || r.role === "baseline") && r.year === null ? `${u}(${l})` : l);
    }
    else if (roles.roleOf(l)) out.push(l);
    else out.push(u + l);
  }
  return out;
}

function readRoles(texts: readonly string[], below: readonly (readonly string[])[], roles: RoleMatcher, canonical: HeaderMatcher): Omit<RoleHeader, "rowIndex" | "firstRowIndex" | "layout"> & { kpi: boolean; across: boolean } {
  const found = new Map<ColumnRole, number>();
  const targets: RoleHeader["targets"] = [];
  const actuals: RoleHeader["actuals"] = [];
  const years: RoleHeader["years"] = [];
  const outputs = new Map<OutputHeader, number>();
  texts.forEach((t, c) => {
    if (!t) return;
    const out = canonical.outputOf(t);
    if (out) {
      if (!outputs.has(out)) outputs.set(out, c);
      return;
    }
    const y = yearCell(t);
    if (y) {
      years.push({ col: c, year: y });
      return;
    }
    const r = roles.roleOf(t);
    if (!r) return;
    if (r.role === "target") targets.push({ col: c, year: r.year });
    else if (r.role === "actual") actuals.push({ col: c, year: r.year });
    if (!found.has(r.role) && (r.year === null || (r.role !== "target" && r.role !== "actual"))) found.set(r.role, c);
  });
  // A kind column may be told by its cells: 目標値 / 実績値 … below the header.
  if (!found.has("kind") && years.length >= 2) {
    const width = texts.length;
    for (let c = 0; c < width && !found.has("kind"); c++) {
      if (years.some((y) => y.col === c)) continue;
      const cells = below.map((r) => r[c] ?? "").filter((t) => t.trim() !== "");
      const kinds = cells.map(kindOf);
      if (cells.length >= 2 && kinds.includes("target") && kinds.includes("actual") && kinds.filter((k) => k !== null).length * 2 >= cells.length) found.set("kind", c);
    }
  }
  if (found.get("name") === found.get("kind") && found.has("kind")) found.delete("name");
  const kpi = found.has("name") && targets.length > 0 && actuals.length > 0;
  const across = years.length >= 2 && found.has("name") && found.has("kind");
  return { texts: [...texts], roles: found, targets, actuals, years, outputs, kpi, across };
}

/**
 * The header row and layout (§8): progress (three canonical names, 目標達成水準 among them), else a
 * kpi-table, else years-across, else progress without 目標達成水準. `force` skips the others.
 */
export function findLayoutHeader(texts: readonly (readonly string[])[], firstRow: number, config: Config, canonical: HeaderMatcher, force: Layout | null): LayoutHeader | null {
  const roles = new RoleMatcher(config);
  const limit = Math.min(texts.length, HEADER_SEARCH_ROWS - firstRow + 1);
  const progress = force === null || force === "progress" ? canonical.find(texts, firstRow) : null;
  const progressRow = progress ? progress.firstRowIndex : Number.POSITIVE_INFINITY;
  const strongProgress = progress !== null && progress.columns.has("目標達成水準") && (progress.columns.has("期末自己評価") || progress.columns.has("中間自己評価と下半期の方向性"));
  if (force === "progress") return progress ? { layout: "progress", ...progress } : null;
  for (let r = 0; r < limit && r <= progressRow; r++) {
    if (r === progressRow && strongProgress) break;
    const row = texts[r];
    if (!row.some(Boolean)) continue;
    const candidates: { rowIndex: number; firstRowIndex: number; texts: string[] }[] = [];
    const next = r + 1 < texts.length ? texts[r + 1] : null;
    // Two header rows: one holds only header words and years, and neither is a title (one cell).
    const filled = (x: readonly string[]): number => x.filter((t) => t && t.trim() !== "").length;
    if (next && filled(row) >= 2 && filled(next) >= 2 && (roles.isHeaderWordsRow(next, canonical) || roles.isHeaderWordsRow(row, canonical))) {
      candidates.push({ rowIndex: r + 1, firstRowIndex: r, texts: joinRows(row, next, roles) });
    }
    candidates.push({ rowIndex: r, firstRowIndex: r, texts: [...row] });
    for (const cand of candidates) {
      const got = readRoles(cand.texts, texts.slice(cand.rowIndex + 1, cand.rowIndex + 31), roles, canonical);
      const { kpi, across, ...rest } = got;
      if (kpi && force !== "years-across") return { layout: "kpi-table", rowIndex: cand.rowIndex, firstRowIndex: cand.firstRowIndex, ...rest };
      if (across && force !== "kpi-table") return { layout: "years-across", rowIndex: cand.rowIndex, firstRowIndex: cand.firstRowIndex, ...rest };
    }
  }
  if (force !== null) return null;
  return progress ? { layout: "progress", ...progress } : null;
}
