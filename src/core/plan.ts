/** plan(): the cells Shinchoku writes for a report — the same for every adapter. */
import { a1 } from "./address";
import { selfAssessmentColumn } from "./judge";
import { OUTPUT_HEADERS, type OutputHeader, SHEET_TEXT, STATUS_LABELS } from "./messages";
import { circled } from "./normalize";
import type { Cell, ItemResult, KpiResult, SheetInput, SheetReport, StatusCode, WrittenValue } from "./types";
import { STATUS_CODES } from "./types";
import type { Config } from "./config";

/** One fill per status: light tints of the Okabe–Ito palette, distinct in print and for colour-blind readers. */
export const STATUS_FILLS: Record<StatusCode, string> = {
  achieved: "FFB3D7F0", // blue tint
  mostly_achieved: "FFFBE8A6", // yellow tint
  not_achieved: "FFF5C09A", // vermillion/orange tint
  unknown: "FFDDDDDD", // grey
  not_entered: "FFEBC7DC", // reddish-purple tint
};
export const HEADER_FILL = "FFE7E6E6";
export const RATE_FORMAT = "0.0%";
export const OUTPUT_WIDTHS: Record<OutputHeader, number> = { 達成状況: 10, 達成率: 9, 判定根拠: 42, チェック結果: 50 };

export interface PlannedCell {
  row: number;
  col: number;
  address: string;
  /** null clears the cell. */
  value: WrittenValue;
  /** ARGB fill, or null for none. */
  fill: string | null;
  numFmt: string | null;
  bold: boolean;
  wrap: boolean;
}

export interface WritePlan {
  sheet: string;
  headerRow: number;
  columns: { header: OutputHeader; col: number; width: number }[];
  cells: PlannedCell[];
  /** Current values of every cell the plan writes (for undo). */
  previous: { address: string; value: WrittenValue }[];
  /** The ownership record to store after applying: address → value Shinchoku wrote. */
  written: Record<string, WrittenValue>;
  /** Status cells (for a list data validation of the five labels). */
  statusRange: { col: number; firstRow: number; lastRow: number } | null;
}

export interface PlanRefusal {
  code: "overwrite-refused" | "not-a-progress-sheet";
  cell: string | null;
  message: string;
}

export type PlanResult = { ok: true; plan: WritePlan } | { ok: false; error: PlanRefusal };

const LABELS = new Set(Object.values(STATUS_LABELS.ja));

/** The word written into 達成状況 for an item: the rubric's label, with its grade (「概ね達成（B）」). */
export function statusText(item: ItemResult, config: Config): string {
  const label = config.rubric?.labels[item.status] ?? STATUS_LABELS.ja[item.status];
  return item.grade ? `${label}（${item.grade}）` : label;
}

/** Whether a 達成状況 value is one of the labels Shinchoku writes (any rubric's, with a grade or not). */
function isStatusLabel(value: unknown, config: Config): boolean {
  if (typeof value !== "string") return false;
  const base = value.replace(/（[^（）]{1,12}）$/, "");
  return LABELS.has(base) || (config.rubric !== undefined && Object.values(config.rubric.labels).includes(base));
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}
function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** 判定根拠 text of one KPI, e.g. 「①23/21区長 109.5% 達成」. */
export function kpiSummary(k: KpiResult): string {
  const label = STATUS_LABELS.ja[k.status];
  const id = circled(k.id);
  if (k.target === null) return `${id}${SHEET_TEXT.noTarget} ${label}`;
  if (k.kind === "qualitative") return `${id}${SHEET_TEXT.qualitative} ${label}`;
  const unit = k.unit ?? "";
  const target = typeof k.target === "number" ? formatNumber(k.target) : k.target;
  if (k.actual === null) return `${id}目標${target}${unit} ${k.evidence?.actual ? SHEET_TEXT.pendingActual : SHEET_TEXT.noActual} ${label}`;
  const actualUnit = k.actualUnit !== null && k.actualUnit !== k.unit ? k.actualUnit : "";
  const ratio = `${formatNumber(k.actual)}${actualUnit}/${target}${unit}`;
  return k.rate === null ? `${id}${ratio} ${label}` : `${id}${ratio} ${formatRate(k.rate)} ${label}`;
}

export function itemSummary(item: ItemResult, report: SheetReport, config: Config): string {
  const selfCol = selfAssessmentColumn(config);
  if ((report.layout ?? "progress") === "progress" && !(selfCol in report.columns)) return SHEET_TEXT.columnMissing(selfCol);
  if (item.status === "not_entered") return SHEET_TEXT.notEntered(selfCol);
  if (item.kpis.length === 0) return SHEET_TEXT.noKpi;
  return item.kpis.map(kpiSummary).join(" ");
}

/**
 * チェック結果: the item's issues, or 「OK」 — but an item judged 判定不能 always names why (§6 v2):
 * its issues, the notes of its KPIs, and the sheet-level cause (fiscal year, self-assessment column).
 */
export function itemCheckText(item: ItemResult, report?: SheetReport, config?: Config): string {
  const lines = item.issues.map((i) => i.message);
  if (item.status === "unknown") {
    for (const n of item.notes ?? []) if (!lines.includes(n)) lines.push(n);
    if (report) {
      if (report.fiscalYear === null) lines.push(SHEET_TEXT.noFiscalYear);
      const selfCol = selfAssessmentColumn(config ?? ({ phase: report.phase } as Config));
      if ((report.layout ?? "progress") === "progress" && !(selfCol in report.columns)) lines.push(SHEET_TEXT.noSelfColumn(selfCol));
    }
    if (lines.length === 0) lines.push(SHEET_TEXT.undetermined);
  }
  return lines.length === 0 ? SHEET_TEXT.ok : lines.join("\n");
}

const cellAt = (input: SheetInput, row: number, col: number): Cell | undefined =>
  input.cells[row - input.origin.row - 1]?.[col - input.origin.col - 1];

function currentValue(cell: Cell | undefined): WrittenValue | boolean {
  if (!cell || cell.kind === "empty" || cell.value === null || cell.value === "") return null;
  if (cell.kind === "error" || cell.kind === "date") return cell.text || String(cell.value);
  return cell.value;
}

const same = (a: WrittenValue | boolean, b: WrittenValue): boolean =>
  typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-9 : a === b;

/** Whether a value found in an output cell is one Shinchoku could have written there. */
function looksOwn(header: OutputHeader, value: WrittenValue | boolean, statusInRow: WrittenValue | boolean, isHeader: boolean, config: Config): boolean {
  if (isHeader) return value === header;
  switch (header) {
    case "達成状況":
      return isStatusLabel(value, config);
    case "達成率":
      return typeof value === "number";
    default:
      return typeof value === "string" && isStatusLabel(statusInRow, config);
  }
}

/** Plans the write for a judged sheet, refusing if it would overwrite a cell Shinchoku did not write. */
export function plan(report: SheetReport, input: SheetInput, config: Config): PlanResult {
  if (!report.recognized || report.headerRow === null) {
    return { ok: false, error: { code: "not-a-progress-sheet", cell: null, message: `シート「${report.sheet}」は進捗状況シートではないため、書き込みません。` } };
  }
  const headerRow = report.headerRow;
  let next = report.lastInputColumn + 1;
  for (const col of Object.values(report.outputColumns)) next = Math.max(next, col + 1);
  const columns = OUTPUT_HEADERS.map((header) => {
    const existing = report.outputColumns[header];
    const col = existing ?? next++;
    return { header, col, width: OUTPUT_WIDTHS[header] };
  });
  const colOf = Object.fromEntries(columns.map((c) => [c.header, c.col])) as Record<OutputHeader, number>;

  const cells: PlannedCell[] = [];
  const put = (row: number, header: OutputHeader, value: WrittenValue, extra: Partial<PlannedCell> = {}): void => {
    const col = colOf[header];
    cells.push({ row, col, address: a1(row, col), value, fill: null, numFmt: null, bold: false, wrap: false, ...extra });
  };
  for (const c of columns) put(headerRow, c.header, c.header, { fill: HEADER_FILL, bold: true, wrap: true });
  const itemRows = new Set<number>();
  for (const item of report.items) {
    itemRows.add(item.row);
    put(item.row, "達成状況", statusText(item, config), { fill: STATUS_FILLS[item.status] });
    put(item.row, "達成率", item.rate, { numFmt: RATE_FORMAT });
    put(item.row, "判定根拠", itemSummary(item, report, config), { wrap: true });
    put(item.row, "チェック結果", itemCheckText(item, report, config), { wrap: true });
  }
  /** Whether Shinchoku wrote this value here: by its record, else by the look of the value. */
  const isOwn = (address: string, row: number, header: OutputHeader, cur: WrittenValue | boolean): boolean =>
    input.written
      ? address in input.written && same(cur, input.written[address])
      : looksOwn(header, cur, currentValue(cellAt(input, row, colOf["達成状況"])), row === headerRow, config);
  // Stale results in rows that are no longer items: cleared when they are Shinchoku's own.
  const lastRow = input.origin.row + input.cells.length;
  for (let row = headerRow + 1; row <= lastRow; row++) {
    if (itemRows.has(row)) continue;
    for (const c of columns) {
      const addr = a1(row, c.col);
      const cur = currentValue(cellAt(input, row, c.col));
      if (cur === null) continue;
      const own = isOwn(addr, row, c.header, cur);
      if (own) put(row, c.header, null, { fill: null });
    }
  }

  const previous: WritePlan["previous"] = [];
  for (const cell of cells) {
    const cur = currentValue(cellAt(input, cell.row, cell.col));
    if (cur !== null) {
      const header = columns.find((c) => c.col === cell.col)?.header as OutputHeader;
      const own = isOwn(cell.address, cell.row, header, cur);
      if (!own) {
        return {
          ok: false,
          error: {
            code: "overwrite-refused",
            cell: cell.address,
            message: `${cell.address} には Shinchoku が書いていない内容（「${String(cur).slice(0, 40)}」）があるため、書き込みを中止しました。そのセルの内容を別の場所へ移すか消してから、もう一度実行してください。`,
          },
        };
      }
    }
    previous.push({ address: cell.address, value: typeof cur === "boolean" ? String(cur) : cur });
  }
  const written: Record<string, WrittenValue> = {};
  for (const cell of cells) if (cell.value !== null) written[cell.address] = cell.value;
  const statusRows = report.items.map((i) => i.row);
  return {
    ok: true,
    plan: {
      sheet: report.sheet,
      headerRow,
      columns,
      cells,
      previous,
      written,
      statusRange: statusRows.length > 0 ? { col: colOf["達成状況"], firstRow: statusRows[0], lastRow: statusRows[statusRows.length - 1] } : null,
    },
  };
}

export function countStatuses(items: readonly ItemResult[]): Record<StatusCode, number> {
  const counts = Object.fromEntries(STATUS_CODES.map((s) => [s, 0])) as Record<StatusCode, number>;
  for (const i of items) counts[i.status]++;
  return counts;
}
