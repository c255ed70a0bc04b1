/**
 * Node-only fast path for checking without writing: ExcelJS's streaming reader parses rows
 * without building the whole workbook model (about twice as fast as a full load).
 */
import ExcelJS from "exceljs";
import { Readable } from "stream";
import { type Cell, RECORD_SHEET, type SheetInput } from "../core";
import { toCell } from "./cells";

interface StreamedSheet {
  id: number;
  name: string;
  cells: Cell[][];
}

export async function readSheetsStreaming(buffer: Buffer, fileName: string | undefined): Promise<SheetInput[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: StreamedSheet[] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { id: number; name: string };
    const cells: Cell[][] = [];
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const out: Cell[] = new Array(Math.max(0, values.length - 1));
      for (let c = 1; c < values.length; c++) out[c - 1] = toCell(values[c] as ExcelJS.CellValue);
      cells[row.number - 1] = out;
    }
    for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
    if (sheet.name !== RECORD_SHEET) sheets.push({ id: sheet.id, name: sheet.name, cells });
  }
  const order = ((reader as unknown as { model?: { sheets?: { id: number }[] } }).model?.sheets ?? []).map((s) => s.id);
  sheets.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return sheets.map((s) => ({ sheetName: s.name, fileName, cells: s.cells, origin: { row: 0, col: 0 } }));
}
