/** Reads worksheets of an ExcelJS workbook as the core's SheetInput. */
import type { Workbook, Worksheet } from "exceljs";
import { type Cell, parseA1, RECORD_SHEET, type SheetInput } from "../core";
import { toCell } from "./cells";
import { readRecord } from "./record-store";

/** The worksheets a user sees and Shinchoku may check (its own record sheet excluded). */
export function progressCandidates(wb: Workbook): Worksheet[] {
  return wb.worksheets.filter((ws) => ws.name !== RECORD_SHEET);
}

/**
 * The cells a merge covers besides its top-left one. ExcelJS repeats the top-left value in them;
 * Excel (and so the Office.js gateway) shows them empty, and so must this reader: a header
 * merged over two columns is one column, a 番号 merged over two rows is one item.
 */
function mergedFollowers(ws: Worksheet): Set<string> {
  const out = new Set<string>();
  const merges = (ws.model as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [from, to] = range.split(":").map((x) => parseA1(x));
    if (!from || !to) continue;
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) out.add(`${r},${c}`);
  }
  return out;
}

export function readSheet(ws: Worksheet, fileName: string | undefined, written?: SheetInput["written"]): SheetInput {
  const cells: Cell[][] = [];
  const followers = mergedFollowers(ws);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as unknown[];
    const out: Cell[] = new Array(Math.max(0, values.length - 1));
    for (let c = 1; c < values.length; c++) out[c - 1] = toCell(values[c] as never);
    for (let c = 0; c < out.length; c++) if (!out[c] || (followers.size > 0 && followers.has(`${rowNumber},${c + 1}`))) out[c] = toCell(undefined);
    cells[rowNumber - 1] = out;
  });
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  return { sheetName: ws.name, fileName, cells, origin: { row: 0, col: 0 }, ...(written ? { written } : {}) };
}

export function readWorkbookSheets(wb: Workbook, fileName: string | undefined): SheetInput[] {
  const record = readRecord(wb);
  return progressCandidates(wb).map((ws) => readSheet(ws, fileName, record?.sheets[ws.name]?.written));
}
