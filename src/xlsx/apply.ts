/** Applies the core's WritePlan to an ExcelJS worksheet, snapshotting what it replaces for undo. */
import type { DataValidation, Fill, Workbook, Worksheet } from "exceljs";
import { a1, parseA1, type CellSnapshot, emptyRecord, STATUS_LABELS, type UndoSheet, type WritePlan } from "../core";
import { plainValue } from "./cells";
import { readRecord, writeRecord } from "./record-store";

const STATUS_LIST = `"${Object.values(STATUS_LABELS.ja).join(",")}"`;
const STATUS_VALIDATION: DataValidation = {
  type: "list",
  allowBlank: true,
  formulae: [STATUS_LIST],
  showErrorMessage: true,
  errorTitle: "Shinchoku",
  error: "達成・概ね達成・未達成・判定不能・未入力 のいずれかを選んでください。",
};

/** ExcelJS keeps a worksheet's validations in a model keyed by address or range (not in its typings). */
interface ValidationModel {
  model: Record<string, DataValidation | undefined>;
  add(address: string, v: DataValidation): void;
  remove(address: string): void;
}
const validations = (ws: Worksheet): ValidationModel => (ws as unknown as { dataValidations: ValidationModel }).dataValidations;

function fillOf(ws: Worksheet, address: string): string | null {
  const fill = ws.getCell(address).fill as Fill | undefined;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") {
    const argb = (fill.fgColor as { argb?: string } | undefined)?.argb;
    return argb ?? null;
  }
  return null;
}

function setFill(ws: Worksheet, address: string, argb: string | null): void {
  const cell = ws.getCell(address);
  if (argb) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb } };
  else if (cell.fill) cell.fill = { type: "pattern", pattern: "none" };
}

/** Writes one plan; returns the undo snapshot of the cells it changed. */
export function applyPlan(ws: Worksheet, plan: WritePlan, previousWritten: Record<string, string | number | null> | null): UndoSheet {
  const snapshot: CellSnapshot[] = [];
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    snapshot.push({ address: c.address, value: plainValue(cell.value), fill: fillOf(ws, c.address), numFmt: cell.numFmt ?? null, bold: Boolean(cell.font?.bold), wrap: Boolean(cell.alignment?.wrapText) });
  }
  const widths = plan.columns.map((c) => ({ col: c.col, width: ws.getColumn(c.col).width ?? null }));
  for (const c of plan.cells) {
    const cell = ws.getCell(c.row, c.col);
    cell.value = c.value;
    setFill(ws, c.address, c.fill);
    if (c.numFmt) cell.numFmt = c.numFmt;
    if (c.bold) cell.font = { ...(cell.font ?? {}), bold: true };
    if (c.wrap) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical: "top" };
  }
  for (const c of plan.columns) ws.getColumn(c.col).width = c.width;
  let validationRange: string | null = null;
  if (plan.statusRange) {
    const { col, firstRow, lastRow } = plan.statusRange;
    validationRange = `${a1(firstRow, col)}:${a1(lastRow, col)}`;
    // One range entry (not one per cell): ExcelJS squeezes per-cell validations in O(n log n) with deep compares.
    for (let r = firstRow; r <= lastRow; r++) ws.getCell(r, col).dataValidation = undefined as never;
    validations(ws).add(validationRange, STATUS_VALIDATION);
  }
  return { sheet: ws.name, cells: snapshot, widths, written: previousWritten, validationRange };
}

/** Applies several sheets' plans as one run and records it (ownership + undo) in the workbook. */
export function applyRun(wb: Workbook, plans: WritePlan[]): void {
  const record = readRecord(wb) ?? emptyRecord();
  const undo: UndoSheet[] = [];
  for (const plan of plans) {
    const ws = wb.getWorksheet(plan.sheet);
    if (!ws) continue;
    undo.push(applyPlan(ws, plan, record.sheets[plan.sheet]?.written ?? null));
    record.sheets[plan.sheet] = { written: plan.written };
  }
  record.lastRun = { at: new Date().toISOString(), undo };
  writeRecord(wb, record);
}

/** Restores the cells of the last run exactly (values, fills, number formats, widths). False if none. */
export function undoLastRun(wb: Workbook): boolean {
  const record = readRecord(wb);
  if (!record || !record.lastRun) return false;
  for (const u of record.lastRun.undo) {
    const ws = wb.getWorksheet(u.sheet);
    if (!ws) continue;
    for (const s of u.cells) {
      const cell = ws.getCell(s.address);
      cell.value = s.value;
      setFill(ws, s.address, s.fill);
      cell.numFmt = s.numFmt ?? "General";
      if (cell.font?.bold !== Boolean(s.bold)) cell.font = { ...(cell.font ?? {}), bold: Boolean(s.bold) };
      if (Boolean(cell.alignment?.wrapText) !== Boolean(s.wrap)) cell.alignment = { ...(cell.alignment ?? {}), wrapText: Boolean(s.wrap) };
    }
    if (u.validationRange) {
      const dv = validations(ws);
      dv.remove(u.validationRange);
      for (const key of Object.keys(dv.model)) if (dv.model[key] && isWithin(key, u.validationRange)) dv.remove(key);
    }
    for (const w of u.widths) ws.getColumn(w.col).width = w.width ?? undefined;
    if (u.written) record.sheets[u.sheet] = { written: u.written };
    else delete record.sheets[u.sheet];
  }
  record.lastRun = null;
  writeRecord(wb, record);
  return true;
}

/** Whether a single-cell address lies within an A1:B2 range. */
function isWithin(address: string, range: string): boolean {
  const [a, b] = range.split(":");
  const p = parseA1(address);
  const from = parseA1(a);
  const to = parseA1(b ?? a);
  if (!p || !from || !to) return false;
  return p.row >= from.row && p.row <= to.row && p.col >= from.col && p.col <= to.col;
}
