/**
 * Node-only fast path for checking without writing: ExcelJS's streaming reader parses rows
 * without building the whole workbook model, and each row is handed to a SheetJudge as it
 * arrives.
 */
import ExcelJS from "exceljs";
import { Readable } from "stream";
import { type Cell, type Config, type JudgeOptions, RECORD_SHEET, SheetJudge, type SheetReport } from "../core";
import { toCell } from "./cells";

/** Streams every worksheet (or only `only`) through a SheetJudge; reports in the workbook's tab order. */
export async function judgeStreaming(buffer: Buffer, fileName: string, config: Config, options: JudgeOptions, only?: string): Promise<{ reports: SheetReport[]; sheetNames: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  const done: { id: number; report: SheetReport }[] = [];
  const names: { id: number; name: string }[] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { id: number; name: string };
    if (sheet.name === RECORD_SHEET) {
      for await (const _row of sheet) void _row;
      continue;
    }
    names.push({ id: sheet.id, name: sheet.name });
    const wanted = only === undefined || sheet.name === only;
    const s = wanted ? new SheetJudge(sheet.name, fileName, { row: 0, col: 0 }, config, options) : null;
    let next = 1;
    for await (const row of sheet) {
      if (!s) continue;
      for (; next < row.number; next++) s.push([]);
      const values = row.values as unknown[];
      const out: Cell[] = new Array(Math.max(0, values.length - 1));
      for (let c = 1; c < values.length; c++) out[c - 1] = toCell(values[c] as ExcelJS.CellValue);
      s.push(out);
      next = row.number + 1;
    }
    if (s) done.push({ id: sheet.id, report: s.finish() });
  }
  const order = ((reader as unknown as { model?: { sheets?: { id: number }[] } }).model?.sheets ?? []).map((x) => x.id);
  const rank = (id: number) => order.indexOf(id);
  done.sort((a, b) => rank(a.id) - rank(b.id));
  names.sort((a, b) => rank(a.id) - rank(b.id));
  return { reports: done.map((d) => d.report), sheetNames: names.map((n) => n.name) };
}
