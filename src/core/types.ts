/** Shared data shapes of the core: what adapters read in and what the core hands back. */

export type CellKind = "text" | "number" | "boolean" | "date" | "error" | "empty";

/** One input cell as an adapter reads it. `text` is what the user sees (rich text joined). */
export interface Cell {
  value: string | number | boolean | null;
  kind: CellKind;
  text: string;
}

export interface SheetInput {
  sheetName: string;
  fileName?: string;
  /** Cells of the used range, row-major; cells[0][0] sits at sheet row origin.row+1, column origin.col+1. */
  cells: Cell[][];
  origin: { row: number; col: number };
  /**
   * What Shinchoku last wrote into this sheet (A1 address → value), as stored by the adapter.
   * Absent when the adapter has no record: the plan then trusts only values that look like its own.
   */
  written?: Record<string, WrittenValue>;
  /**
   * Merged ranges (A1, e.g. "A3:A4"), when the adapter knows them. Optional: without them a merge's
   * covered cells simply read empty, and a self-assessment cell followed by empty cells of the same
   * item is taken to span them.
   */
  merges?: string[];
}

/** The three sheet layouts of kpi-grammar §8 (v2). */
export type Layout = "progress" | "kpi-table" | "years-across";
export const LAYOUTS: readonly Layout[] = ["progress", "kpi-table", "years-across"];

export type WrittenValue = string | number | null;

export type Severity = "error" | "warning" | "info";
export type Phase = "final" | "interim";

export type StatusCode = "achieved" | "mostly_achieved" | "not_achieved" | "unknown" | "not_entered";
export const STATUS_CODES: readonly StatusCode[] = ["achieved", "mostly_achieved", "not_achieved", "unknown", "not_entered"];

export type IssueCode =
  | "header-not-found"
  | "sheet-skipped"
  | "missing-column"
  | "duplicate-column"
  | "empty-required-cell"
  | "duplicate-number"
  | "invalid-number"
  | "fiscal-year-unknown"
  | "target-unparsed"
  | "target-year-missing"
  | "actual-missing"
  | "denominator-mismatch"
  | "unit-mismatch"
  | "self-assessment-mismatch"
  | "cell-error"
  | "actual-pending"
  | "kpi-row-incomplete";

export interface Issue {
  code: IssueCode;
  severity: Severity;
  cell: string | null;
  row: number | null;
  column: string | null;
  message: string;
  /** Parameters the message was built from, for re-rendering in another language. */
  params: Record<string, string | number>;
}

export type Direction = "higher" | "lower";

export interface NumericValue {
  value: number;
  unit: string | null;
  denominator: number | null;
}

export type Claim = "affirm" | "deny" | "partial" | "none";

/** Where a verdict's words came from: the cell, its text around them, and the deciding words. */
export interface EvidencePart {
  /** A1 address of the cell, or null. */
  cell: string | null;
  /** The words around the deciding ones (one sentence or line, as the user wrote it; markers shown as ①). */
  text: string;
  /** The deciding words, a substring of `text` (to be marked, e.g. in bold). */
  words: string;
  /** For a target: the fiscal year it is the target of (null: every year / no year named). */
  year?: number | null;
}

/** The exact words that decided one KPI's verdict; null where none was read. */
export interface Evidence {
  target: EvidencePart | null;
  actual: EvidencePart | null;
  claim: EvidencePart | null;
}

export interface KpiResult {
  id: string;
  kind: "numeric" | "qualitative" | "none";
  direction: Direction | null;
  unit: string | null;
  /** number for numeric, the target text for qualitative, null when the year has no target. */
  target: number | string | null;
  actual: number | null;
  denominator: number | null;
  actualDenominator: number | null;
  actualUnit: string | null;
  claim: Claim;
  rate: number | null;
  status: StatusCode;
  /** The KPI's baseline (基準値), when the sheet gives one. */
  baseline: number | null;
  /** The words that decided this verdict and the cells they came from. */
  evidence: Evidence;
}

export interface ItemResult {
  row: number;
  /** Every sheet row of the item (an item may span several rows; its output is written on the first). */
  rows: number[];
  number: string;
  title: string;
  status: StatusCode;
  rate: number | null;
  kpis: KpiResult[];
  issues: Issue[];
  /** Why an item judged unknown is unknown, where no issue says it (Japanese, for チェック結果). */
  notes: string[];
  /** The rubric's grade (§9), or null. */
  grade: string | null;
}

export interface SheetReport {
  sheet: string;
  recognized: boolean;
  /** The layout the header row was read as (§8), or null when the sheet was not recognised. */
  layout: Layout | null;
  fiscalYear: number | null;
  fiscalYearSource: "setting" | "title" | "sheet" | "file" | null;
  phase: Phase;
  headerRow: number | null;
  /** canonical name → column letter, for the input columns found. */
  columns: Record<string, string>;
  /** Output columns already present in the sheet: header text → column number (1-based). */
  outputColumns: Record<string, number>;
  /** Last column (1-based) holding input, i.e. not one of Shinchoku's output columns. */
  lastInputColumn: number;
  title: string;
  items: ItemResult[];
  issues: Issue[];
}

export type StatusCounts = Record<StatusCode, number>;
