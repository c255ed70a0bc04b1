/** What one `check` run found, file by file: the data every renderer draws from. */
import type { SheetReport, StatusCode } from "../core";

export interface FileResult {
  file: string;
  error: { code: string; message: string } | null;
  sheets: SheetReport[];
  /** Where the judged copy was written, if it was. */
  writtenTo: string | null;
}

export interface RunSummary {
  achieved: number;
  mostly_achieved: number;
  not_achieved: number;
  unknown: number;
  not_entered: number;
  errors: number;
  warnings: number;
}

export function summarize(files: readonly FileResult[]): RunSummary {
  const s: RunSummary = { achieved: 0, mostly_achieved: 0, not_achieved: 0, unknown: 0, not_entered: 0, errors: 0, warnings: 0 };
  for (const f of files) {
    if (f.error) s.errors++;
    for (const sheet of f.sheets) {
      for (const item of sheet.items) s[item.status as StatusCode]++;
      for (const i of sheet.issues) {
        if (i.severity === "error") s.errors++;
        else if (i.severity === "warning") s.warnings++;
      }
    }
  }
  return s;
}

/** 0: no error anywhere; 1: an error-severity issue or a file error; 2: nothing could be checked. */
export function exitCodeOf(files: readonly FileResult[]): 0 | 1 | 2 {
  if (files.length === 0 || files.every((f) => f.error !== null && f.sheets.length === 0)) return 2;
  return summarize(files).errors > 0 ? 1 : 0;
}
