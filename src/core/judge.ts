/** judge(): a sheet's cells in, a report out (§§1–7). Pure and total: never throws on any input. */
import { findActuals } from "./actual";
import { a1, columnLetter } from "./address";
import { itemStatus, rateOf } from "./attainment";
import { findClaims } from "./claim";
import { CANONICAL_COLUMNS, type CanonicalColumn, type Config, DEFAULT_CONFIG } from "./config";
import { firstYear, fiscalYearLabel } from "./fiscal-year";
import { HeaderMatcher } from "./header";
import { CLAIM_LABELS, issueMessage, STATUS_LABELS } from "./messages";
import { circled, toParseText } from "./normalize";
import { evaluateTargets } from "./target";
import type { Cell, Issue, IssueCode, ItemResult, KpiResult, Severity, SheetInput, SheetReport } from "./types";
import { UnitList } from "./value";

export interface JudgeOptions {
  /** The sheet was asked for by name: a missing header is an error, not a skip. */
  requested?: boolean;
}

const EMPTY: Cell = { value: null, kind: "empty", text: "" };

export function selfAssessmentColumn(config: Config): CanonicalColumn {
  return config.phase === "final" ? "期末自己評価" : "中間自己評価と下半期の方向性";
}

function makeIssue(code: IssueCode, severity: Severity, where: { row?: number | null; col?: number | null; column?: string | null }, params: Record<string, string | number>): Issue {
  const cell = where.row && where.col ? a1(where.row, where.col) : null;
  const all = { ...params, ...(cell ? { cell } : {}), ...(where.column ? { column: where.column } : {}) };
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

/** Judges one sheet. */
export function judge(input: SheetInput, config: Config = DEFAULT_CONFIG, options: JudgeOptions = {}): SheetReport {
  const j = new SheetJudge(input.sheetName, input.fileName, input.origin, config, options);
  for (const row of input.cells) j.push(row ?? []);
  return j.finish();
}

interface HeaderState {
  headerRow: number;
  colOf: Map<CanonicalColumn, number>;
  outputIdx: Set<number>;
  outputs: Map<string, number>;
  title: string;
  fiscalYear: number | null;
  source: SheetReport["fiscalYearSource"];
  reference: number | null;
  selfCol: CanonicalColumn;
  requiredCells: CanonicalColumn[];
  issues: Issue[];
}

/**
 * The same judgement, fed row by row (so that rows can be judged while a file is still being
 * read). Rows are pushed in order, starting at the sheet row origin.row + 1.
 */
export class SheetJudge {
  private readonly firstRow: number;
  private readonly firstCol: number;
  private readonly headRows: Cell[][] = [];
  private readonly headLimit: number;
  private state: HeaderState | null | undefined; // undefined: not decided yet; null: no header
  private rowIndex = 0;
  private width = 0;
  private lastInput = -1;
  private readonly items: ItemResult[] = [];
  private readonly seenNumbers = new Map<string, number>();

  constructor(
    private readonly sheetName: string,
    private readonly fileName: string | undefined,
    origin: { row: number; col: number },
    private readonly config: Config = DEFAULT_CONFIG,
    private readonly options: JudgeOptions = {},
  ) {
    this.firstRow = origin.row + 1;
    this.firstCol = origin.col + 1;
    this.headLimit = Math.max(0, 30 - this.firstRow + 1);
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
    if (r > this.state.headerRow - this.firstRow) this.judgeRow(row, r, this.state);
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

  private decideHeader(): void {
    const { config } = this;
    const header = matcherOf(config).find(this.headRows.slice(0, this.headLimit).map((r) => r.map((c) => parseable(c))), this.firstRow);
    if (!header) {
      this.state = null;
      return;
    }
    const headerRow = this.firstRow + header.rowIndex;
    const issues: Issue[] = [];
    const colOf = new Map<CanonicalColumn, number>();
    for (const [canonical, idxs] of header.columns) {
      colOf.set(canonical, idxs[0]);
      for (const dup of idxs.slice(1)) {
        issues.push(makeIssue("duplicate-column", "warning", { row: headerRow, col: this.firstCol + dup, column: canonical }, {}));
      }
    }
    // Title and fiscal year (§3).
    const title = this.headRows
      .slice(0, header.firstRowIndex)
      .map((r) => r.filter((c) => c && c.kind !== "empty" && c.kind !== "error").map((c) => c.text.trim()).filter(Boolean).join(" "))
      .filter(Boolean)
      .join(" ");
    const titleYear = firstYear(title);
    let fiscalYear: number | null = null;
    let source: SheetReport["fiscalYearSource"] = null;
    if (config.fiscalYear !== null) [fiscalYear, source] = [config.fiscalYear, "setting"];
    else if (titleYear !== null) [fiscalYear, source] = [titleYear, "title"];
    else {
      const fromSheet = firstYear(this.sheetName);
      if (fromSheet !== null) [fiscalYear, source] = [fromSheet, "sheet"];
      else {
        const fromFile = this.fileName ? firstYear(this.fileName.replace(/^.*[\\/]/, "")) : null;
        if (fromFile !== null) [fiscalYear, source] = [fromFile, "file"];
      }
    }
    if (fiscalYear === null) issues.push(makeIssue("fiscal-year-unknown", "error", {}, {}));
    const selfCol = selfAssessmentColumn(config);
    for (const canonical of CANONICAL_COLUMNS) {
      if (colOf.has(canonical)) continue;
      const sev = config.columns[canonical][config.phase];
      if (sev !== "off") issues.push(makeIssue("missing-column", sev, { column: canonical }, {}));
    }
    const state: HeaderState = {
      headerRow,
      colOf,
      outputIdx: new Set(header.outputs.values()),
      outputs: header.outputs,
      title,
      fiscalYear,
      source,
      reference: titleYear ?? fiscalYear,
      selfCol,
      requiredCells: ["番号", "項目名", "目標達成水準", selfCol],
      issues,
    };
    this.state = state;
    this.headRows.forEach((row, r) => {
      this.trackLastInput(row, state.outputIdx);
      if (r > header.rowIndex) this.judgeRow(row, r, state);
    });
    this.headRows.length = 0;
  }

  private judgeRow(row: Cell[], r: number, st: HeaderState): void {
    if (row.length === 0) return;
    const { config } = this;
    const { colOf } = st;
    const sheetRow = this.firstRow + r;
    const numberIdx = colOf.get("番号");
    const titleIdx = colOf.get("項目名");
    const at = (idx: number | undefined): Cell => (idx === undefined ? EMPTY : (row[idx] ?? EMPTY));
    const isItem =
      numberIdx === undefined && titleIdx === undefined
        ? [...colOf.values()].some((i) => parseable(row[i]).trim() !== "")
        : parseable(at(numberIdx)).trim() !== "" || parseable(at(titleIdx)).trim() !== "";
    if (!isItem) return;
    const itemIssues: Issue[] = [];
    const where = (idx: number, column: string | null) => ({ row: sheetRow, col: this.firstCol + idx, column });
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell && cell.kind === "error" && !st.outputIdx.has(c)) {
        const canonical = [...colOf.entries()].find(([, i]) => i === c)?.[0] ?? null;
        itemIssues.push(makeIssue("cell-error", "warning", where(c, canonical), { value: cell.text || String(cell.value) }));
      }
    }
    for (const canonical of st.requiredCells) {
      const idx = colOf.get(canonical);
      if (idx === undefined || config.columns[canonical][config.phase] === "off") continue;
      if (parseable(at(idx)).trim() === "") itemIssues.push(makeIssue("empty-required-cell", "error", where(idx, canonical), {}));
    }
    const numberCell = at(numberIdx);
    const numberText = numberCell.kind === "number" && typeof numberCell.value === "number" ? String(numberCell.value) : parseable(numberCell).normalize("NFKC").trim();
    if (numberIdx !== undefined && numberText !== "") {
      const key = /^\d+(?:\.0+)?$/.test(numberText) ? String(Number(numberText)) : numberText;
      const first = this.seenNumbers.get(key);
      if (first !== undefined) itemIssues.push(makeIssue("duplicate-number", "error", where(numberIdx, "番号"), { number: numberText, firstRow: first }));
      else this.seenNumbers.set(key, sheetRow);
      if (!/^[1-9]\d*$/.test(key)) itemIssues.push(makeIssue("invalid-number", "warning", where(numberIdx, "番号"), { number: numberText }));
    }
    const item: ItemResult = {
      row: sheetRow,
      number: numberText,
      title: parseable(at(titleIdx)).trim(),
      status: "unknown",
      rate: null,
      kpis: [],
      issues: itemIssues,
    };
    const targetIdx = colOf.get("目標達成水準");
    const selfIdx = colOf.get(st.selfCol);
    judgeKpis(item, {
      targetText: kpiText(at(targetIdx)),
      targetCell: targetIdx === undefined ? null : where(targetIdx, "目標達成水準"),
      selfText: selfIdx === undefined ? null : kpiText(at(selfIdx)),
      selfCell: selfIdx === undefined ? null : where(selfIdx, st.selfCol),
      fiscalYear: st.fiscalYear,
      reference: st.reference,
      config,
      units: unitsOf(config),
    });
    this.items.push(item);
  }

  finish(): SheetReport {
    if (this.state === undefined) this.decideHeader();
    const base: SheetReport = {
      sheet: this.sheetName,
      recognized: false,
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
    const columns: Record<string, string> = {};
    for (const [canonical, idx] of st.colOf) columns[canonical] = columnLetter(this.firstCol + idx);
    const outputColumns: Record<string, number> = {};
    for (const [h, idx] of st.outputs) outputColumns[h] = this.firstCol + idx;
    const issues = [...st.issues];
    for (const i of this.items) for (const x of i.issues) issues.push(x);
    return {
      ...base,
      recognized: true,
      fiscalYear: st.fiscalYear,
      fiscalYearSource: st.source,
      headerRow: st.headerRow,
      columns,
      outputColumns,
      lastInputColumn: this.lastInput < 0 ? this.firstCol - 1 : this.firstCol + this.lastInput,
      title: st.title,
      items: this.items,
      issues,
    };
  }
}

interface KpiContext {
  targetText: string;
  targetCell: { row: number; col: number; column: string | null } | null;
  selfText: string | null;
  selfCell: { row: number; col: number; column: string | null } | null;
  fiscalYear: number | null;
  reference: number | null;
  config: Config;
  units: UnitList;
}

function judgeKpis(item: ItemResult, ctx: KpiContext): void {
  const { config, units, fiscalYear } = ctx;
  const evaluation = evaluateTargets(ctx.targetText, fiscalYear, ctx.reference, units);
  if (evaluation.issue === "target-unparsed" && ctx.targetCell) item.issues.push(makeIssue("target-unparsed", "warning", ctx.targetCell, {}));
  const kpis = evaluation.kpis;
  const missingYear = evaluation.missingYear;
  const selfEmpty = ctx.selfText !== null && ctx.selfText.trim() === "";
  const selfParse = ctx.selfText ? toParseText(ctx.selfText) : "";
  const yearTargets = evaluation.forYear;
  const shapes = kpis.map((k) => {
    const t = yearTargets.get(k.id);
    return { id: k.id, unit: t && t.kind === "numeric" ? t.unit : null };
  });
  const numericShapes = shapes.filter((s) => yearTargets.get(s.id)?.kind === "numeric");
  const actuals = ctx.selfText && !selfEmpty ? findActuals(selfParse, numericShapes, fiscalYear, ctx.reference, units) : new Map();
  const claims = ctx.selfText && !selfEmpty ? findClaims(selfParse, kpis.map((k) => k.id)) : new Map();

  for (const k of kpis) {
    const t = yearTargets.get(k.id);
    const firstKind = t ? t.kind : ([...k.years.values()][0]?.target.kind ?? "qualitative");
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
    };
    item.kpis.push(result);
    if (ctx.selfText === null || !t) continue;
    if (selfEmpty) {
      result.status = "not_entered";
      continue;
    }
    const selfCell = ctx.selfCell;
    if (t.kind === "qualitative") {
      result.status = result.claim === "affirm" ? "achieved" : result.claim === "partial" ? "mostly_achieved" : result.claim === "deny" ? "not_achieved" : "unknown";
      continue;
    }
    const actual = actuals.get(k.id);
    if (!actual) {
      if (selfCell) item.issues.push(makeIssue("actual-missing", "warning", selfCell, { kpi: circled(k.id) }));
      continue;
    }
    result.actual = actual.value;
    result.actualDenominator = actual.denominator;
    result.actualUnit = actual.unit;
    if (actual.unit !== null && t.unit !== null && actual.unit !== t.unit) {
      if (selfCell) item.issues.push(makeIssue("unit-mismatch", "warning", selfCell, { kpi: circled(k.id), actual: actual.unit, target: t.unit }));
      continue;
    }
    if (actual.denominator !== null && t.denominator !== null && actual.denominator !== t.denominator && selfCell) {
      item.issues.push(makeIssue("denominator-mismatch", "warning", selfCell, { kpi: circled(k.id), actual: actual.denominator, target: t.denominator }));
    }
    const { rate, status } = rateOf(
      { direction: t.direction, target: t.value, actual: actual.value, targetDenominator: t.denominator, actualDenominator: actual.denominator },
      config.mostlyThreshold,
    );
    result.rate = rate;
    result.status = status;
    const contradicts = (result.claim === "affirm" && status !== "achieved" && status !== "unknown") || (result.claim === "deny" && status === "achieved");
    if (contradicts && selfCell) {
      item.issues.push(
        makeIssue("self-assessment-mismatch", "warning", selfCell, {
          kpi: circled(k.id),
          claim: CLAIM_LABELS.ja[result.claim as "affirm" | "deny"],
          status: STATUS_LABELS.ja[status],
          rate: rate === null ? "-" : `${(rate * 100).toFixed(1)}%`,
        }),
      );
    }
  }
  if (missingYear.length > 0 && ctx.targetCell && fiscalYear !== null) {
    item.issues.push(makeIssue("target-year-missing", "warning", ctx.targetCell, { kpis: missingYear.map(circled).join(""), year: fiscalYearLabel(fiscalYear) }));
  }

  if (ctx.selfText === null) item.status = "unknown";
  else if (selfEmpty) item.status = "not_entered";
  else item.status = itemStatus(item.kpis.map((k) => k.status));
  const rates = item.kpis.filter((k) => k.kind === "numeric" && k.rate !== null).map((k) => k.rate as number);
  item.rate = rates.length > 0 ? rates.reduce((a, b) => Math.min(a, b)) : null;
}
