/** judge(): a sheet's cells in, a report out (§§1–9). Pure and total: never throws on any input. */
import { type ActualFinding, findActuals, type KpiShape } from "./actual";
import { a1, columnLetter, parseA1 } from "./address";
import { itemStatus, rateOf } from "./attainment";
import { type ClaimHit, findClaims } from "./claim";
import { CANONICAL_COLUMNS, type CanonicalColumn, type Config, DEFAULT_CONFIG } from "./config";
import { firstYear, fiscalYearLabel, titleYear } from "./fiscal-year";
import { HeaderMatcher, resemblingHeader } from "./header";
import { type ColumnRole, findLayoutHeader, kindOf, type LayoutHeader, resolveYear, type RoleHeader } from "./layout";
import { CLAIM_LABELS, issueMessage, SHEET_TEXT, STATUS_LABELS } from "./messages";
import { circled, displayText, excerpt, MARK_CLOSE, MARK_OPEN, splitAtMarkers, toParseText } from "./normalize";
import { declaredUnitOf, evaluateParsedTargets, readSegment, type YearSegment } from "./target";
import type { Cell, Evidence, EvidencePart, Issue, IssueCode, ItemResult, KpiResult, Layout, Severity, SheetInput, SheetReport } from "./types";
import { canonicalUnit, UnitList } from "./value";

export interface JudgeOptions {
  /** The sheet was asked for by name: a missing header is an error, not a skip. */
  requested?: boolean;
}

const EMPTY: Cell = { value: null, kind: "empty", text: "" };
/** The name of the summary sheet the add-in writes (判定集計). */
export const OWN_SUMMARY_SHEET = "判定集計";
const NON_BLANK = /\S/;

export function selfAssessmentColumn(config: Config): CanonicalColumn {
  return config.phase === "final" ? "期末自己評価" : "中間自己評価と下半期の方向性";
}

interface Where {
  row?: number | null;
  col?: number | null;
  column?: string | null;
}

function makeIssue(code: IssueCode, severity: Severity, where: Where, params: Record<string, string | number>): Issue {
  const cell = where.row && where.col ? a1(where.row, where.col) : null;
  // With no cell (a sheet with no column for the year), the message names the row instead.
  const place = cell ?? (where.row ? `${where.row}行目` : null);
  const all = { ...params, ...(place ? { cell: place } : {}), ...(where.column ? { column: where.column } : {}) };
  return { code, severity, cell, row: where.row ?? null, column: where.column ?? null, message: issueMessage(code, all), params: all };
}

const unitCache = new WeakMap<readonly string[], UnitList>();
function unitsOf(config: Config): UnitList {
  let u = unitCache.get(config.units);
  if (!u) {
    u = new UnitList(config.units);
    unitCache.set(config.units, u);
  }
  return u;
}

const matcherCache = new WeakMap<Config, HeaderMatcher>();
function matcherOf(config: Config): HeaderMatcher {
  let m = matcherCache.get(config);
  if (!m) {
    m = new HeaderMatcher(config);
    matcherCache.set(config, m);
  }
  return m;
}

/** Text of a cell for parsing: error values count as empty. */
const parseable = (c: Cell | undefined): string => (!c || c.kind === "error" || c.kind === "empty" ? "" : c.text);

/**
 * Text of a KPI cell. A date (Excel turns a typed 「2/24」 into one) is filled in but holds no
 * value or year of the grammar: it reads as a word, so it is neither empty nor a number.
 */
const DATE_WORD = "（日付）";
const kpiText = (c: Cell | undefined): string => (c && c.kind === "date" ? DATE_WORD : parseable(c));
const PENDING_WORD = /集計中|調査中|未確定|確定前|未公表|調査未実施/;
const EMPTY_EVIDENCE = (): Evidence => ({ target: null, actual: null, claim: null });

/** Judges one sheet. */
export function judge(input: SheetInput, config: Config = DEFAULT_CONFIG, options: JudgeOptions = {}): SheetReport {
  const j = new SheetJudge(input.sheetName, input.fileName, input.origin, config, options, input.merges);
  for (const row of input.cells) j.push(row ?? []);
  return j.finish();
}

interface HeaderState {
  layout: Layout;
  header: LayoutHeader;
  headerRow: number;
  outputIdx: Set<number>;
  outputs: Map<string, number>;
  columns: Record<string, string>;
  title: string;
  fiscalYear: number | null;
  source: SheetReport["fiscalYearSource"];
  reference: number | null;
  issues: Issue[];
  sink: RowSink;
}

interface RowSink {
  push(row: Cell[], sheetRow: number): void;
  flush(): void;
}

interface PendingRow {
  row: Cell[];
  sheetRow: number;
}

/**
 * The same judgement, fed row by row (so that rows can be judged while a file is still being
 * read). Rows are pushed in order, starting at the sheet row origin.row + 1.
 */
export class SheetJudge {
  readonly firstRow: number;
  readonly firstCol: number;
  private readonly headRows: Cell[][] = [];
  private readonly headLimit: number;
  private state: HeaderState | null | undefined; // undefined: not decided yet; null: no header
  private rowIndex = 0;
  private width = 0;
  private lastInput = -1;
  readonly items: ItemResult[] = [];
  readonly seenNumbers = new Map<string, number>();
  /** Merged ranges: top-left "row,col" → number of rows it spans. */
  readonly mergedRows = new Map<string, number>();

  constructor(
    private readonly sheetName: string,
    private readonly fileName: string | undefined,
    origin: { row: number; col: number },
    readonly config: Config = DEFAULT_CONFIG,
    private readonly options: JudgeOptions = {},
    merges?: readonly string[],
  ) {
    this.firstRow = origin.row + 1;
    this.firstCol = origin.col + 1;
    this.headLimit = Math.max(0, 30 - this.firstRow + 1);
    for (const range of merges ?? []) {
      const [from, to] = String(range).split(":").map((x) => parseA1(x));
      if (from && to && to.row > from.row) this.mergedRows.set(`${from.row},${from.col}`, to.row - from.row + 1);
    }
  }

  push(row: Cell[]): void {
    const r = this.rowIndex++;
    if (row.length > this.width) this.width = row.length;
    if (this.state === undefined) {
      this.headRows.push(row);
      if (this.headRows.length >= this.headLimit) this.decideHeader();
      return;
    }
    if (this.state === null) return;
    this.trackLastInput(row, this.state.outputIdx);
    if (r > this.state.headerRow - this.firstRow) this.state.sink.push(row, this.firstRow + r);
  }

  private trackLastInput(row: Cell[], outputIdx: Set<number>): void {
    for (let c = row.length - 1; c > this.lastInput; c--) {
      const cell = row[c];
      if (cell && cell.kind !== "empty" && !outputIdx.has(c)) {
        this.lastInput = c;
        break;
      }
    }
  }

  makeIssue(code: IssueCode, severity: Severity, where: Where, params: Record<string, string | number>): Issue {
    return makeIssue(code, severity, where, params);
  }

  private decideHeader(): void {
    const { config } = this;
    // The summary sheet Shinchoku writes itself is never read as input (§8).
    if (this.sheetName === OWN_SUMMARY_SHEET) {
      this.state = null;
      return;
    }
    const texts = this.headRows.slice(0, this.headLimit).map((r) => r.map((c) => parseable(c)));
    const header = findLayoutHeader(texts, this.firstRow, config, matcherOf(config), config.layout);
    if (!header) {
      this.state = null;
      return;
    }
    const headerRow = this.firstRow + header.rowIndex;
    const issues: Issue[] = [];
    // Title and fiscal year (§3).
    const title = this.headRows
      .slice(0, header.firstRowIndex)
      .map((r) => r.filter((c) => c && c.kind !== "empty" && c.kind !== "error").map((c) => c.text.trim()).filter(Boolean).join(" "))
      .filter(Boolean)
      .join(" ");
    const fromTitle = titleYear(title);
    let fiscalYear: number | null = null;
    let source: SheetReport["fiscalYearSource"] = null;
    if (config.fiscalYear !== null) [fiscalYear, source] = [config.fiscalYear, "setting"];
    else if (fromTitle !== null) [fiscalYear, source] = [fromTitle, "title"];
    else {
      const fromSheet = firstYear(this.sheetName);
      if (fromSheet !== null) [fiscalYear, source] = [fromSheet, "sheet"];
      else {
        const fromFile = this.fileName ? firstYear(this.fileName.replace(/^.*[\\/]/, "")) : null;
        if (fromFile !== null) [fiscalYear, source] = [fromFile, "file"];
      }
    }
    if (fiscalYear === null) issues.push(makeIssue("fiscal-year-unknown", "error", {}, {}));
    const reference = fromTitle ?? fiscalYear;
    const columns: Record<string, string> = {};
    const letter = (idx: number): string => columnLetter(this.firstCol + idx);
    let sink: RowSink;
    if (header.layout === "progress") {
      const colOf = new Map<CanonicalColumn, number>();
      for (const [canonical, idxs] of header.columns) {
        colOf.set(canonical, idxs[0]);
        for (const dup of idxs.slice(1)) issues.push(makeIssue("duplicate-column", "warning", { row: headerRow, col: this.firstCol + dup, column: canonical }, {}));
      }
      const headerTexts = texts[header.rowIndex] ?? [];
      const taken = new Set<number>([...colOf.values(), ...header.outputs.values()]);
      for (const canonical of CANONICAL_COLUMNS) {
        if (colOf.has(canonical)) continue;
        const sev = config.columns[canonical][config.phase];
        if (sev === "off") continue;
        const similar = resemblingHeader(canonical, headerTexts, taken);
        const params: Record<string, string> = similar === null ? {} : { similar: headerTexts[similar].replace(/\s+/g, " ").trim(), similarCell: a1(headerRow, this.firstCol + similar) };
        issues.push(makeIssue("missing-column", sev, { column: canonical }, params));
      }
      for (const [canonical, idx] of colOf) columns[canonical] = letter(idx);
      sink = new ProgressSink(this, colOf, fiscalYear, reference);
    } else {
      const labels: Record<ColumnRole, string> = { number: "番号", name: "指標名", target: "目標値", actual: "実績値", unit: "単位", baseline: "基準値", direction: "方向性", kind: "区分" };
      for (const [role, idx] of header.roles) columns[labels[role]] = letter(idx);
      const pick = (list: { col: number; year: { year: number | null; bare: number | null } | null }[]): number | undefined =>
        (list.find((x) => x.year !== null && resolveYear(x.year, reference) === fiscalYear) ?? list.find((x) => x.year === null))?.col;
      if (header.layout === "kpi-table") {
        const t = pick(header.targets);
        const a = pick(header.actuals);
        if (t !== undefined) columns[labels.target] = letter(t);
        if (a !== undefined) columns[labels.actual] = letter(a);
        sink = new KpiTableSink(this, header, t, a, fiscalYear, reference);
      } else {
        const y = header.years.find((x) => resolveYear(x.year, reference) === fiscalYear)?.col;
        if (y !== undefined) columns["年度"] = letter(y);
        sink = new YearsAcrossSink(this, header, y, fiscalYear, reference);
      }
    }
    const state: HeaderState = {
      layout: header.layout,
      header,
      headerRow,
      outputIdx: new Set(header.outputs.values()),
      outputs: header.outputs,
      columns,
      title,
      fiscalYear,
      source,
      reference,
      issues,
      sink,
    };
    this.state = state;
    this.headRows.forEach((row, r) => {
      this.trackLastInput(row, state.outputIdx);
      if (r > header.rowIndex) state.sink.push(row, this.firstRow + r);
    });
    this.headRows.length = 0;
  }

  /** cell-error issues of a row (output columns aside). */
  cellErrors(row: Cell[], sheetRow: number, columnOf: (c: number) => string | null, out: Issue[] = []): Issue[] {
    const outputIdx = this.state ? this.state.outputIdx : new Set<number>();
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell && cell.kind === "error" && !outputIdx.has(c)) {
        out.push(makeIssue("cell-error", "warning", { row: sheetRow, col: this.firstCol + c, column: columnOf(c) }, { value: cell.text || String(cell.value) }));
      }
    }
    return out;
  }

  /** duplicate-number / invalid-number of an item's 番号 cell; returns the number's text. */
  checkNumber(cell: Cell, sheetRow: number, idx: number | undefined, issues: Issue[]): string {
    const numberText = cell.kind === "number" && typeof cell.value === "number" ? String(cell.value) : parseable(cell).normalize("NFKC").trim();
    if (idx !== undefined && numberText !== "") {
      const where = { row: sheetRow, col: this.firstCol + idx, column: "番号" };
      const key = /^\d+(?:\.0+)?$/.test(numberText) ? String(Number(numberText)) : numberText;
      const first = this.seenNumbers.get(key);
      if (first !== undefined) issues.push(makeIssue("duplicate-number", "error", where, { number: numberText, firstRow: first }));
      else this.seenNumbers.set(key, sheetRow);
      if (!/^[1-9]\d*$/.test(key)) issues.push(makeIssue("invalid-number", "warning", where, { number: numberText }));
    }
    return numberText;
  }

  finish(): SheetReport {
    if (this.state === undefined) this.decideHeader();
    const base: SheetReport = {
      sheet: this.sheetName,
      recognized: false,
      layout: null,
      fiscalYear: null,
      fiscalYearSource: null,
      phase: this.config.phase,
      headerRow: null,
      columns: {},
      outputColumns: {},
      lastInputColumn: this.firstCol + this.width - 1,
      title: "",
      items: [],
      issues: [],
    };
    const st = this.state;
    if (!st) {
      base.issues.push(
        this.options.requested
          ? makeIssue("header-not-found", "error", {}, { sheet: this.sheetName })
          : makeIssue("sheet-skipped", "info", {}, { sheet: this.sheetName }),
      );
      return base;
    }
    st.sink.flush();
    const outputColumns: Record<string, number> = {};
    for (const [h, idx] of st.outputs) outputColumns[h] = this.firstCol + idx;
    const issues = [...st.issues];
    for (const i of this.items) for (const x of i.issues) issues.push(x);
    return {
      ...base,
      recognized: true,
      layout: st.layout,
      fiscalYear: st.fiscalYear,
      fiscalYearSource: st.source,
      headerRow: st.headerRow,
      columns: st.columns,
      outputColumns,
      lastInputColumn: this.lastInput < 0 ? this.firstCol - 1 : this.firstCol + this.lastInput,
      title: st.title,
      items: this.items,
      issues,
    };
  }
}

const isBlankRow = (row: Cell[]): boolean => row.every((c) => !c || c.kind === "empty" || (c.kind === "text" && !NON_BLANK.test(c.text)));
const hasMarker = (parse: string): boolean => parse.indexOf(MARK_OPEN) >= 0;
const markerIds = (parse: string): string[] => splitAtMarkers(parse).slice(1).map((p) => p.id as string);
const token = (id: number | string): string => `${MARK_OPEN}${id}${MARK_CLOSE}`;

/** A joined text (one line per row) and the sheet row each offset came from. */
class JoinedText {
  text = "";
  private readonly spans: { start: number; row: number }[] = [];
  add(part: string, row: number): void {
    if (part === "") return;
    if (this.text !== "") this.text += "\n";
    this.spans.push({ start: this.text.length, row });
    this.text += part;
  }
  rowAt(offset: number): number | null {
    let row: number | null = null;
    for (const s of this.spans) if (s.start <= offset) row = s.row;
    return row;
  }
  firstRow(): number | null {
    return this.spans.length > 0 ? this.spans[0].row : null;
  }
  get rows(): number {
    return this.spans.length;
  }
}

/** §1: items of one or more rows, target and self-assessment columns. */
class ProgressSink implements RowSink {
  private pending: PendingRow[] = [];
  private readonly selfCol: CanonicalColumn;

  constructor(
    private readonly j: SheetJudge,
    private readonly colOf: Map<CanonicalColumn, number>,
    private readonly fiscalYear: number | null,
    private readonly reference: number | null,
  ) {
    this.selfCol = selfAssessmentColumn(j.config);
  }

  private at(row: Cell[], canonical: CanonicalColumn): Cell {
    const idx = this.colOf.get(canonical);
    return idx === undefined ? EMPTY : (row[idx] ?? EMPTY);
  }

  push(row: Cell[], sheetRow: number): void {
    const numberIdx = this.colOf.get("番号");
    const titleIdx = this.colOf.get("項目名");
    const starts =
      numberIdx === undefined && titleIdx === undefined
        ? [...this.colOf.values()].some((i) => NON_BLANK.test(parseable(row[i])))
        : NON_BLANK.test(parseable(this.at(row, "番号"))) || NON_BLANK.test(parseable(this.at(row, "項目名")));
    if (!starts && (row.length === 0 || isBlankRow(row))) {
      this.flush();
      return;
    }
    if (starts) {
      this.flush();
      this.pending = [{ row, sheetRow }];
      return;
    }
    if (this.pending.length > 0 && (numberIdx !== undefined || titleIdx !== undefined)) {
      const continues = NON_BLANK.test(kpiText(this.at(row, "目標達成水準"))) || NON_BLANK.test(kpiText(this.at(row, this.selfCol)));
      if (continues) this.pending.push({ row, sheetRow });
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.j.items.push(this.judgeItem(rows));
  }

  private judgeItem(rows: PendingRow[]): ItemResult {
    const { j, colOf } = this;
    const config = j.config;
    const first = rows[0];
    const sheetRow = first.sheetRow;
    const issues: Issue[] = [];
    const canonicalAt = (c: number): string | null => [...colOf.entries()].find(([, i]) => i === c)?.[0] ?? null;
    for (const r of rows) j.cellErrors(r.row, r.sheetRow, canonicalAt, issues);
    const where = (idx: number, column: string | null, row = sheetRow): Where => ({ row, col: j.firstCol + idx, column });
    const targetIdx = colOf.get("目標達成水準");
    const selfIdx = colOf.get(this.selfCol);
    // Target and self-assessment texts of the item's rows (§1 v2).
    const multi = rows.length > 1;
    const target = new JoinedText();
    const targetParses = rows.map((r) => toParseText(kpiText(this.at(r.row, "目標達成水準"))));
    const rowMarker = new Map<number, string[]>();
    if (multi) {
      const used = new Set<string>(targetParses.flatMap(markerIds));
      let next = 1;
      targetParses.forEach((p, i) => {
        if (!NON_BLANK.test(p)) return;
        if (!hasMarker(p)) {
          while (used.has(String(next))) next++;
          used.add(String(next));
          targetParses[i] = token(next) + p;
        }
        rowMarker.set(i, markerIds(targetParses[i]));
      });
    }
    targetParses.forEach((p, i) => target.add(p, rows[i].sheetRow));
    let self: JoinedText | null = null;
    if (selfIdx !== undefined) {
      self = new JoinedText();
      const selfParses = rows.map((r) => toParseText(kpiText(this.at(r.row, this.selfCol))));
      selfParses.forEach((p, i) => {
        if (!NON_BLANK.test(p)) return;
        let text = p;
        if (multi && !hasMarker(p)) {
          const merged = j.mergedRows.get(`${rows[i].sheetRow},${j.firstCol + selfIdx}`);
          let span = 1;
          if (merged !== undefined) span = merged;
          else for (let k = i + 1; k < rows.length && !NON_BLANK.test(selfParses[k]); k++) span++;
          const ids = rowMarker.get(i) ?? [];
          if (span === 1 && ids.length === 1) text = token(ids[0]) + p;
        }
        self?.add(text, rows[i].sheetRow);
      });
    }
    // Required cells: 番号 and 項目名 on the first row; target and self-assessment over the item.
    for (const canonical of ["番号", "項目名", "目標達成水準", this.selfCol] as CanonicalColumn[]) {
      const idx = colOf.get(canonical);
      if (idx === undefined || config.columns[canonical][config.phase] === "off") continue;
      const empty = !NON_BLANK.test(canonical === "目標達成水準" ? target.text : canonical === this.selfCol ? (self?.text ?? "") : parseable(this.at(first.row, canonical)));
      if (empty) issues.push(makeIssue("empty-required-cell", "error", where(idx, canonical), {}));
    }
    const number = j.checkNumber(this.at(first.row, "番号"), sheetRow, colOf.get("番号"), issues);
    const item: ItemResult = {
      row: sheetRow,
      rows: rows.map((r) => r.sheetRow),
      number,
      title: parseable(this.at(first.row, "項目名")).trim(),
      status: "unknown",
      rate: null,
      kpis: [],
      issues,
      notes: [],
      grade: null,
    };
    const cellOf = (idx: number | undefined, column: string, row: number | null): Where | null => (idx === undefined ? null : where(idx, column, row ?? sheetRow));
    judgeKpis(item, {
      target,
      targetCell: (row) => cellOf(targetIdx, "目標達成水準", row),
      self,
      selfCell: (row) => cellOf(selfIdx, this.selfCol, row),
      selfColumn: this.selfCol,
      fiscalYear: this.fiscalYear,
      reference: this.reference,
      config,
      units: unitsOf(config),
    });
    return item;
  }
}

interface KpiContext {
  target: JoinedText;
  targetCell: (row: number | null) => Where | null;
  /** null: the self-assessment column is missing. */
  self: JoinedText | null;
  selfCell: (row: number | null) => Where | null;
  selfColumn: string;
  fiscalYear: number | null;
  reference: number | null;
  config: Config;
  units: UnitList;
}

const PREVIOUS_YEAR_AMOUNT = /前年度?|前年/;
const AMOUNT_WORD = /削減|増|減|比/;

function addressOf(w: Where | null): string | null {
  return w && w.row && w.col ? a1(w.row, w.col) : null;
}

function judgeKpis(item: ItemResult, ctx: KpiContext): void {
  const { config, units, fiscalYear } = ctx;
  const evaluation = evaluateParsedTargets(ctx.target.text, fiscalYear, ctx.reference, units);
  const firstTargetCell = ctx.targetCell(ctx.target.firstRow());
  if (evaluation.issue === "target-unparsed" && firstTargetCell) item.issues.push(makeIssue("target-unparsed", "warning", firstTargetCell, {}));
  const kpis = evaluation.kpis;
  const selfText = ctx.self ? ctx.self.text : null;
  const selfEmpty = selfText !== null && !NON_BLANK.test(selfText);
  const selfParse = selfText ?? "";
  const firstSelfCell = ctx.selfCell(ctx.self?.firstRow() ?? null);
  const yearTargets = evaluation.forYear;
  const shapes: KpiShape[] = kpis
    .filter((k) => yearTargets.get(k.id)?.kind === "numeric")
    .map((k) => {
      const t = yearTargets.get(k.id);
      return { id: k.id, unit: t && t.kind === "numeric" ? t.unit : null, againstPreviousYear: PREVIOUS_YEAR_AMOUNT.test(k.text) && AMOUNT_WORD.test(k.text) };
    });
  const qualitative = new Map<string, string>();
  for (const k of kpis) {
    const t = yearTargets.get(k.id);
    if (t && t.kind === "qualitative") qualitative.set(k.id, t.text);
  }
  const hasSelf = selfText !== null && !selfEmpty;
  const actuals: Map<string, ActualFinding> = hasSelf ? findActuals(selfParse, shapes, fiscalYear, ctx.reference, units) : new Map();
  const hits: ClaimHit[] = [];
  const claims = hasSelf ? findClaims(selfParse, kpis.map((k) => k.id), qualitative, hits) : new Map();
  const selfCellAt = (offset: number): Where | null => ctx.selfCell(ctx.self?.rowAt(offset) ?? null) ?? firstSelfCell;

  for (const k of kpis) {
    const t = yearTargets.get(k.id);
    const seg = evaluation.segments.get(k.id);
    const firstKind = t ? t.kind : ([...k.years.values()][0]?.target.kind ?? k.every?.target.kind ?? "qualitative");
    const evidence = EMPTY_EVIDENCE();
    if (seg) evidence.target = targetEvidence(seg, ctx, k.id, fiscalYear);
    const result: KpiResult = {
      id: k.id,
      kind: t ? t.kind : firstKind,
      direction: t && t.kind === "numeric" ? t.direction : null,
      unit: t && t.kind === "numeric" ? t.unit : null,
      target: t ? (t.kind === "numeric" ? t.value : t.text) : null,
      actual: null,
      denominator: t && t.kind === "numeric" ? t.denominator : null,
      actualDenominator: null,
      actualUnit: null,
      claim: claims.get(k.id) ?? "none",
      rate: null,
      status: "unknown",
      baseline: null,
      evidence,
    };
    let hit: ClaimHit | undefined;
    if (result.claim !== "none") for (let h = hits.length - 1; h >= 0 && !hit; h--) if (hits[h].claim === result.claim && hits[h].ids.includes(k.id)) hit = hits[h];
    if (hit) {
      evidence.claim = excerpt(selfParse, hit.start, hit.end, 80, addressOf(selfCellAt(hit.start)));
    }
    item.kpis.push(result);
    if (selfText === null || !t) continue;
    if (selfEmpty) {
      result.status = "not_entered";
      continue;
    }
    const selfCellOfKpi = (): Where | null => {
      const parts = splitAtMarkers(selfParse).filter((p) => p.id === k.id);
      return parts.length > 0 ? selfCellAt(parts[0].start) : firstSelfCell;
    };
    if (t.kind === "qualitative") {
      result.status = result.claim === "affirm" ? "achieved" : result.claim === "partial" ? "mostly_achieved" : result.claim === "deny" ? "not_achieved" : "unknown";
      if (result.status === "unknown") item.notes.push(SHEET_TEXT.noClaim(circled(k.id)));
      continue;
    }
    const actual = actuals.get(k.id);
    if (actual === undefined) {
      const cell = selfCellOfKpi();
      if (cell) item.issues.push(makeIssue("actual-missing", "warning", cell, { kpi: circled(k.id) }));
      continue;
    }
    if (actual === "pending") {
      const cell = selfCellOfKpi();
      const word = PENDING_WORD.exec(selfParse)?.[0] ?? "集計中";
      if (cell) item.issues.push(makeIssue("actual-pending", "info", cell, { kpi: circled(k.id), word }));
      const at = selfParse.indexOf(word);
      if (at >= 0) evidence.actual = excerpt(selfParse, at, at + word.length, 80, addressOf(selfCellAt(at)));
      continue;
    }
    evidence.actual = excerpt(selfParse, actual.start, actual.end, 80, addressOf(selfCellAt(actual.start)));
    decideNumeric(item, result, t, actual, selfCellAt(actual.start) ?? firstSelfCell, config, k.id);
  }
  if (evaluation.missingYear.length > 0 && firstTargetCell && fiscalYear !== null) {
    item.issues.push(makeIssue("target-year-missing", "warning", firstTargetCell, { kpis: evaluation.missingYear.map(circled).join(""), year: fiscalYearLabel(fiscalYear) }));
  }
  if (selfText === null) item.status = "unknown";
  else if (selfEmpty) item.status = "not_entered";
  else item.status = itemStatus(item.kpis.map((k) => k.status));
  finishItem(item, config);
}

function targetEvidence(seg: YearSegment, ctx: KpiContext, id: string, year: number | null): EvidencePart {
  // The row the KPI's marker stands on (for an item over several rows), else the first.
  let row = ctx.target.firstRow();
  if (ctx.target.rows > 1) {
    const parts = splitAtMarkers(ctx.target.text).filter((p) => p.id === id);
    if (parts.length > 0) row = ctx.target.rowAt(parts[0].start);
  }
  const text = displayText(seg.source);
  const words = displayText(seg.words);
  return { cell: addressOf(ctx.targetCell(row)), text, words: text.includes(words) ? words : text, year };
}

/** Rate, status and the mismatch checks of a numeric KPI with its actual. */
function decideNumeric(
  item: ItemResult,
  result: KpiResult,
  t: { value: number; unit: string | null; denominator: number | null; direction: "higher" | "lower" },
  actual: { value: number; unit: string | null; denominator: number | null },
  selfCell: Where | null,
  config: Config,
  id: string,
): void {
  result.actual = actual.value;
  result.actualDenominator = actual.denominator;
  result.actualUnit = actual.unit;
  if (actual.unit !== null && t.unit !== null && canonicalUnit(actual.unit) !== canonicalUnit(t.unit)) {
    if (selfCell) item.issues.push(makeIssue("unit-mismatch", "warning", selfCell, { kpi: circled(id), actual: actual.unit, target: t.unit }));
    return;
  }
  if (actual.denominator !== null && t.denominator !== null && actual.denominator !== t.denominator && selfCell) {
    item.issues.push(makeIssue("denominator-mismatch", "warning", selfCell, { kpi: circled(id), actual: actual.denominator, target: t.denominator }));
  }
  const { rate, status } = rateOf(
    { direction: t.direction, target: t.value, actual: actual.value, targetDenominator: t.denominator, actualDenominator: actual.denominator, baseline: result.baseline },
    config.mostlyThreshold,
    config.rubric.rateMethod,
  );
  result.rate = rate;
  result.status = status;
  if (status === "unknown") item.notes.push(SHEET_TEXT.nonPositive(circled(id)));
  const contradicts = (result.claim === "affirm" && status !== "achieved" && status !== "unknown") || (result.claim === "deny" && status === "achieved");
  if (contradicts && selfCell) {
    item.issues.push(
      makeIssue("self-assessment-mismatch", "warning", selfCell, {
        kpi: circled(id),
        claim: CLAIM_LABELS.ja[result.claim as "affirm" | "deny"],
        status: STATUS_LABELS.ja[status],
        rate: rate === null ? "-" : `${(rate * 100).toFixed(1)}%`,
      }),
    );
  }
}

/** The item's rate (its lowest numeric KPI rate) and grade (§9). */
function finishItem(item: ItemResult, config: Config): void {
  let lowest: number | null = null;
  for (const k of item.kpis) if (k.kind === "numeric" && k.rate !== null && (lowest === null || k.rate < lowest)) lowest = k.rate;
  item.rate = lowest;
  const grades = config.rubric.grades;
  const graded = item.status === "achieved" || item.status === "mostly_achieved" || item.status === "not_achieved";
  if (grades && graded && item.rate !== null && item.kpis.length > 0 && item.kpis.every((k) => k.rate !== null)) {
    const rate = item.rate;
    item.grade = (grades.find((g) => rate >= g.min) ?? grades[grades.length - 1]).label;
  }
}

// ---------------------------------------------------------------------------------------------
// kpi-table and years-across (§8): one numeric KPI per item, from a target cell and an actual cell.

const DIRECTION_HIGHER = /増加|増|上昇|向上|拡大|維持/;
const DIRECTION_LOWER = /減少|減|低下|縮小|削減/;
const DASH_ONLY = /^[\s－\-―ー‐—]*$/;

interface CellValue {
  value: number;
  unit: string | null;
  denominator: number | null;
  word: string | null;
  direction: "higher" | "lower";
  words: string;
}

/** A number cell as shown: a percent-format cell (text 「98.1%」, or 「▲5%」 where ▲ is the minus, §4) is 98.1 with unit %. */
function numberCellValue(cell: Cell): CellValue | null {
  if (cell.kind !== "number" || typeof cell.value !== "number" || !Number.isFinite(cell.value)) return null;
  const pct = /^\s*([-\u2212▲]?)([\d,]*\.?\d+)\s*%\s*$/.exec(cell.text);
  if (pct) return { value: (pct[1] ? -1 : 1) * Number(pct[2].replace(/,/g, "")), unit: "%", denominator: null, word: null, direction: "higher", words: cell.text.trim() };
  return { value: cell.value, unit: null, denominator: null, word: null, direction: "higher", words: cell.text.trim() || String(cell.value) };
}

function readTargetCell(cell: Cell, units: UnitList, declared: string | null): CellValue | null {
  const n = numberCellValue(cell);
  if (n) return n;
  const text = parseable(cell);
  if (text.trim() === "" || cell.kind === "date") return null;
  const parse = toParseText(text);
  const t = readSegment(parse, units, declared);
  if (!t || t.kind !== "numeric") return null;
  return { value: t.value, unit: t.unit, denominator: t.denominator, word: t.word, direction: t.direction, words: displayText(parse).trim() };
}

interface RowKpiInput {
  item: ItemResult;
  name: string;
  targetCell: Cell | null;
  targetWhere: Where | null;
  /** Targets exist in other years' columns or cells. */
  otherYearTargets: boolean;
  actualCell: Cell | null;
  actualWhere: Where | null;
  actualHeader: string;
  unitText: string;
  baseline: number | null;
  directionText: string;
  /** Direction from the run of targets across years (years-across), when nothing else says it. */
  fallingTargets: boolean;
  noYearColumn: boolean;
  noTargetColumn: boolean;
  noActualColumn: boolean;
  incomplete: "target-row" | "actual-row" | null;
  fiscalYear: number | null;
  reference: number | null;
  config: Config;
}

function judgeRowKpi(input: RowKpiInput): void {
  const { item, config } = input;
  const units = unitsOf(config);
  const declared = input.unitText.trim() !== "" ? input.unitText.trim().normalize("NFKC") : declaredUnitOf(input.name);
  const evidence = EMPTY_EVIDENCE();
  const kpi: KpiResult = {
    id: "1",
    kind: "numeric",
    direction: null,
    unit: null,
    target: null,
    actual: null,
    denominator: null,
    actualDenominator: null,
    actualUnit: null,
    claim: "none",
    rate: null,
    status: "unknown",
    baseline: input.baseline,
    evidence,
  };
  item.kpis.push(kpi);
  const yearLabel = input.fiscalYear === null ? "" : fiscalYearLabel(input.fiscalYear);
  const firstCell = input.targetWhere ?? input.actualWhere ?? { row: item.row, col: null, column: null };
  const done = (): void => {
    item.status = itemStatus(item.kpis.map((k) => k.status));
    finishItem(item, config);
  };
  if (input.fiscalYear === null) return done();
  if (input.incomplete) {
    item.issues.push(makeIssue("kpi-row-incomplete", "warning", { row: item.row, col: firstCell.col ?? null }, { name: input.name, part: input.incomplete }));
    return done();
  }
  if (input.noYearColumn || input.noTargetColumn) {
    item.issues.push(makeIssue("target-year-missing", "warning", { row: item.row, col: firstCell.col ?? null }, { kpis: circled("1"), year: yearLabel }));
    return done();
  }
  const target = input.targetCell ? readTargetCell(input.targetCell, units, declared) : null;
  if (input.targetCell && input.targetWhere) {
    const text = input.targetCell.text.trim();
    if (text) evidence.target = { cell: addressOf(input.targetWhere), text, words: target?.words && text.includes(target.words) ? target.words : text, year: input.fiscalYear };
  }
  if (!target) {
    const empty = !input.targetCell || parseable(input.targetCell).trim() === "";
    if (empty && input.otherYearTargets) item.issues.push(makeIssue("target-year-missing", "warning", input.targetWhere ?? {}, { kpis: circled("1"), year: yearLabel }));
    else if (empty) item.issues.push(makeIssue("kpi-row-incomplete", "warning", input.targetWhere ?? {}, { name: input.name, part: "target" }));
    else item.issues.push(makeIssue("target-unparsed", "warning", input.targetWhere ?? {}, {}));
    return done();
  }
  // Direction (§8): zero target → lower; else 方向性; else a value word; else below the baseline → lower; else higher.
  let direction: "higher" | "lower" = "higher";
  const dirText = input.directionText.normalize("NFKC");
  if (target.value === 0 && target.word === null) direction = "lower";
  else if (DIRECTION_LOWER.test(dirText) && !/増加|上昇|向上|拡大/.test(dirText)) direction = "lower";
  else if (DIRECTION_HIGHER.test(dirText)) direction = "higher";
  else if (target.word !== null) direction = target.direction;
  else if (input.baseline !== null && target.value < input.baseline) direction = "lower";
  else if (input.baseline === null && input.fallingTargets) direction = "lower";
  const unit = canonicalUnit(target.unit ?? declared);
  kpi.direction = direction;
  kpi.unit = unit;
  kpi.target = target.value;
  kpi.denominator = target.denominator;
  if (input.noActualColumn) {
    item.issues.push(makeIssue("actual-missing", "warning", { row: item.row, col: firstCell.col ?? null }, { kpi: circled("1") }));
    return done();
  }
  const actualCell = input.actualCell ?? EMPTY;
  const actualText = parseable(actualCell);
  if (actualText.trim() === "") {
    item.issues.push(makeIssue("empty-required-cell", "error", { ...(input.actualWhere ?? {}), column: input.actualHeader }, {}));
    kpi.status = "not_entered";
    item.status = "not_entered";
    finishItem(item, config);
    return;
  }
  let actual: { value: number; unit: string | null; denominator: number | null; words: string } | null = numberCellValue(actualCell);
  if (!actual && actualCell.kind !== "date") {
    const parse = toParseText(actualText);
    const found = findActuals(parse, [{ id: "1", unit }], input.fiscalYear, input.reference, units).get("1");
    if (found === "pending") {
      const word = PENDING_WORD.exec(parse)?.[0] ?? actualText.trim();
      item.issues.push(makeIssue("actual-pending", "info", input.actualWhere ?? {}, { kpi: circled("1"), word }));
      evidence.actual = { cell: addressOf(input.actualWhere), text: actualText.trim(), words: word };
      return done();
    }
    if (found) actual = { value: found.value, unit: found.unit, denominator: found.denominator, words: displayText(parse.slice(found.start, found.end)) };
    else if (!DASH_ONLY.test(actualText)) {
      // A lone bare number in text form (「241」) is a value with no unit.
      const bare = /^\s*(-?[\d,]*\.?\d+)\s*$/.exec(parse);
      if (bare) actual = { value: Number(bare[1].replace(/,/g, "")), unit: null, denominator: null, words: bare[1] };
    }
  }
  if (!actual) {
    item.issues.push(makeIssue("actual-missing", "warning", input.actualWhere ?? {}, { kpi: circled("1") }));
    return done();
  }
  const text = actualText.trim();
  evidence.actual = { cell: addressOf(input.actualWhere), text, words: text.includes(actual.words) ? actual.words : text };
  const actualUnit = actual.unit === null ? null : canonicalUnit(actual.unit);
  decideNumeric(item, kpi, { value: target.value, unit, denominator: target.denominator, direction }, { value: actual.value, unit: actualUnit === unit ? actualUnit : actualUnit, denominator: actual.denominator }, input.actualWhere, config, "1");
  done();
}

const cellOr = (row: Cell[] | undefined, idx: number | undefined): Cell => (row === undefined || idx === undefined ? EMPTY : (row[idx] ?? EMPTY));

/** §8 kpi-table: one row per KPI. */
class KpiTableSink implements RowSink {
  constructor(
    private readonly j: SheetJudge,
    private readonly header: RoleHeader,
    private readonly targetCol: number | undefined,
    private readonly actualCol: number | undefined,
    private readonly fiscalYear: number | null,
    private readonly reference: number | null,
  ) {}

  flush(): void {}

  push(row: Cell[], sheetRow: number): void {
    const { j, header } = this;
    const role = (r: ColumnRole): number | undefined => header.roles.get(r);
    const name = parseable(cellOr(row, role("name"))).trim();
    if (name === "") return;
    const anyTarget = header.targets.some((t) => parseable(cellOr(row, t.col)).trim() !== "");
    const anyActual = header.actuals.some((a) => parseable(cellOr(row, a.col)).trim() !== "");
    if (!anyTarget && !anyActual) return; // a heading (基本目標1 …), not an item
    const issues: Issue[] = j.cellErrors(row, sheetRow, (c) => header.texts[c] || null);
    const number = j.checkNumber(cellOr(row, role("number")), sheetRow, role("number"), issues);
    const item: ItemResult = { row: sheetRow, rows: [sheetRow], number, title: name, status: "unknown", rate: null, kpis: [], issues, notes: [], grade: null };
    const where = (idx: number | undefined, column: string | null): Where | null => (idx === undefined ? null : { row: sheetRow, col: j.firstCol + idx, column });
    const targetCell = this.targetCol === undefined ? null : cellOr(row, this.targetCol);
    const otherYearTargets = header.targets.some((t) => t.col !== this.targetCol && parseable(cellOr(row, t.col)).trim() !== "");
    const baselineCell = cellOr(row, role("baseline"));
    const baseline = numberCellValue(baselineCell)?.value ?? readTargetCell(baselineCell, unitsOf(j.config), null)?.value ?? null;
    judgeRowKpi({
      item,
      name,
      targetCell,
      targetWhere: where(this.targetCol, this.targetCol === undefined ? null : header.texts[this.targetCol]),
      otherYearTargets,
      actualCell: this.actualCol === undefined ? null : cellOr(row, this.actualCol),
      actualWhere: where(this.actualCol, this.actualCol === undefined ? null : header.texts[this.actualCol]),
      actualHeader: this.actualCol === undefined ? "実績値" : header.texts[this.actualCol].replace(/\s+/g, ""),
      unitText: parseable(cellOr(row, role("unit"))),
      baseline,
      directionText: parseable(cellOr(row, role("direction"))),
      fallingTargets: false,
      noYearColumn: false,
      noTargetColumn: this.targetCol === undefined,
      noActualColumn: this.actualCol === undefined,
      incomplete: null,
      fiscalYear: this.fiscalYear,
      reference: this.reference,
      config: j.config,
    });
    j.items.push(item);
  }
}

/** §8 years-across: an indicator over a 目標 row and a 実績 row, fiscal years across. */
class YearsAcrossSink implements RowSink {
  private pending: PendingRow[] = [];
  /** The name of the indicator being read; null before the first and after one begun by a 番号 alone. */
  private lastName: string | null = null;

  constructor(
    private readonly j: SheetJudge,
    private readonly header: RoleHeader,
    private readonly yearCol: number | undefined,
    private readonly fiscalYear: number | null,
    private readonly reference: number | null,
  ) {}

  push(row: Cell[], sheetRow: number): void {
    const { header } = this;
    const name = parseable(cellOr(row, header.roles.get("name"))).trim();
    const number = parseable(cellOr(row, header.roles.get("number"))).trim();
    if (name !== "" && name !== this.lastName) {
      this.flush();
      this.pending = [{ row, sheetRow }];
      this.lastName = name;
      return;
    }
    if (number !== "" && this.pending.length > 0) {
      // A 番号 with no name or the current name: a new indicator only if the 番号 differs from the
      // current one (§8: a row with a 番号 begins an indicator; (1, 相談件数) then (2, 相談件数) are two).
      const current = parseable(cellOr(this.pending[0].row, header.roles.get("number"))).trim();
      if (number !== current) {
        this.flush();
        this.pending = [{ row, sheetRow }];
        this.lastName = name === "" ? null : name;
        return;
      }
    }
    if (this.pending.length > 0 && !isBlankRow(row)) this.pending.push({ row, sheetRow });
    else if (this.pending.length === 0 && number !== "") {
      this.pending = [{ row, sheetRow }];
      this.lastName = name;
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    const { j, header } = this;
    const first = rows[0];
    const sheetRow = first.sheetRow;
    const role = (r: ColumnRole): number | undefined => header.roles.get(r);
    const issues: Issue[] = [];
    for (const r of rows) issues.push(...j.cellErrors(r.row, r.sheetRow, (c) => header.texts[c] || null));
    const name = parseable(cellOr(first.row, role("name"))).trim() || parseable(cellOr(first.row, role("number"))).trim();
    const number = j.checkNumber(cellOr(first.row, role("number")), sheetRow, role("number"), issues);
    const item: ItemResult = { row: sheetRow, rows: rows.map((r) => r.sheetRow), number, title: name, status: "unknown", rate: null, kpis: [], issues, notes: [], grade: null };
    const kindOfRow = (r: PendingRow) => kindOf(parseable(cellOr(r.row, role("kind"))));
    const targetRow = rows.find((r) => kindOfRow(r) === "target");
    const actualRow = rows.find((r) => kindOfRow(r) === "actual");
    const baselineRow = rows.find((r) => kindOfRow(r) === "baseline");
    const units = unitsOf(j.config);
    const yearCols = [...header.years].sort((a, b) => a.col - b.col);
    let baseline: number | null = null;
    const baselineCol = role("baseline");
    if (baselineCol !== undefined) for (const r of rows) baseline ??= numberCellValue(cellOr(r.row, baselineCol))?.value ?? null;
    if (baseline === null && baselineRow) {
      for (const y of yearCols) {
        const v = numberCellValue(cellOr(baselineRow.row, y.col)) ?? readTargetCell(cellOr(baselineRow.row, y.col), units, null);
        if (v) {
          baseline = v.value;
          break;
        }
      }
    }
    const targetValues = targetRow ? yearCols.map((y) => numberCellValue(cellOr(targetRow.row, y.col)) ?? readTargetCell(cellOr(targetRow.row, y.col), units, null)).filter((v): v is CellValue => v !== null) : [];
    const falling = targetValues.length >= 2 && targetValues[targetValues.length - 1].value < targetValues[0].value;
    const yc = this.yearCol;
    const where = (r: PendingRow | undefined, idx: number | undefined, column: string | null): Where | null => (r === undefined || idx === undefined ? null : { row: r.sheetRow, col: j.firstCol + idx, column });
    const unitText = parseable(cellOr(rows.find((r) => parseable(cellOr(r.row, role("unit"))).trim() !== "")?.row, role("unit")));
    const directionText = parseable(cellOr(rows.find((r) => parseable(cellOr(r.row, role("direction"))).trim() !== "")?.row, role("direction")));
    judgeRowKpi({
      item,
      name,
      targetCell: targetRow && yc !== undefined ? cellOr(targetRow.row, yc) : null,
      targetWhere: where(targetRow, yc, yc === undefined ? null : header.texts[yc]),
      otherYearTargets: targetValues.length > 0,
      actualCell: actualRow && yc !== undefined ? cellOr(actualRow.row, yc) : null,
      actualWhere: where(actualRow, yc, yc === undefined ? null : header.texts[yc]),
      actualHeader: yc === undefined ? "実績値" : header.texts[yc].replace(/\s+/g, ""),
      unitText,
      baseline,
      directionText,
      fallingTargets: falling,
      noYearColumn: yc === undefined,
      noTargetColumn: false,
      noActualColumn: false,
      incomplete: !targetRow ? "target-row" : !actualRow ? "actual-row" : null,
      fiscalYear: this.fiscalYear,
      reference: this.reference,
      config: j.config,
    });
    j.items.push(item);
  }
}

