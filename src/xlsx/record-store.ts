/** Stores the core's ShinchokuRecord in a very hidden worksheet of an ExcelJS workbook. */
import type { Workbook } from "exceljs";
import { decodeRecord, encodeRecord, RECORD_SHEET, type ShinchokuRecord } from "../core";

export function readRecord(wb: Workbook): ShinchokuRecord | null {
  const ws = wb.getWorksheet(RECORD_SHEET);
  if (!ws) return null;
  const chunks: string[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v !== "string") break;
    chunks.push(v);
  }
  return chunks.length > 0 ? decodeRecord(chunks) : null;
}

export function writeRecord(wb: Workbook, record: ShinchokuRecord): void {
  const existing = wb.getWorksheet(RECORD_SHEET);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(RECORD_SHEET, { state: "veryHidden" });
  encodeRecord(record).forEach((chunk, i) => {
    ws.getCell(i + 1, 1).value = chunk;
  });
}
