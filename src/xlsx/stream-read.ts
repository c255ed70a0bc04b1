/**
 * Node-only fast path for checking without writing: ExcelJS's streaming reader parses rows
 * without building the whole workbook model, and each row is handed to a SheetJudge as it
 * arrives. (Judging in a worker thread was measured slower: cloning the report back costs more
 * than the overlap saves.)
 */
import ExcelJS from "exceljs";
import { Readable } from "stream";
import { type Cell, type Config, type JudgeOptions, RECORD_SHEET, SheetJudge, type SheetReport } from "../core";
import { toCell } from "./cells";

/** Where rows of one sheet go: judged here, or posted to a worker. */
export interface RowSink {
  push(row: Cell[]): void;
  finish(): Promise<SheetReport>;
}

export type SinkFactory = (sheetName: string) => RowSink;

export function localSink(fileName: string, config: Config, options: JudgeOptions): SinkFactory {
  return (sheetName) => {
    const j = new SheetJudge(sheetName, fileName, { row: 0, col: 0 }, config, options);
    return { push: (row) => j.push(row), finish: async () => j.finish() };
  };
}

/** Streams every worksheet (or only `only`) through sinks; reports in the workbook's tab order. */
export async function judgeStreaming(buffer: Buffer, sink: SinkFactory, only?: string): Promise<{ reports: SheetReport[]; sheetNames: string[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "ignore",
  });
  const pending: { id: number; name: string; report: Promise<SheetReport> }[] = [];
  const names: { id: number; name: string }[] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<ExcelJS.Row> & { id: number; name: string };
    if (sheet.name === RECORD_SHEET) {
      for await (const _row of sheet) void _row;
      continue;
    }
    names.push({ id: sheet.id, name: sheet.name });
    const wanted = only === undefined || sheet.name === only;
    const s = wanted ? sink(sheet.name) : null;
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
    if (s) pending.push({ id: sheet.id, name: sheet.name, report: s.finish() });
  }
  const order = ((reader as unknown as { model?: { sheets?: { id: number }[] } }).model?.sheets ?? []).map((x) => x.id);
  const rank = (id: number) => order.indexOf(id);
  pending.sort((a, b) => rank(a.id) - rank(b.id));
  names.sort((a, b) => rank(a.id) - rank(b.id));
  return { reports: await Promise.all(pending.map((p) => p.report)), sheetNames: names.map((n) => n.name) };
}
