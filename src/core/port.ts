/** The one interface the task pane talks to; implemented over Office.js and over ExcelJS (preview). */
import type { ConfigInput } from "./config";
import type { SheetReport } from "./types";

export interface CheckRequest {
  /** A sheet name, or "*" for every progress sheet (with the 判定集計 summary). */
  sheet: string;
  /** false: check only, write nothing. */
  write: boolean;
  settings: ConfigInput;
}

export interface CheckResult {
  reports: SheetReport[];
  written: boolean;
}

export interface WorkbookPort {
  listSheets(): Promise<string[]>;
  activeSheet(): Promise<string>;
  /** Read → judge → plan → write, for one user action. Throws ShinchokuError-like errors ({code, message}). */
  check(request: CheckRequest): Promise<CheckResult>;
  /**
   * Undo: the last write; with `all`, everything Shinchoku wrote (back to before its first write,
   * the record removed). False when there is nothing to undo.
   */
  undoLast(options?: { all?: boolean }): Promise<boolean>;
  select(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<ConfigInput>;
  saveSettings(settings: ConfigInput): Promise<void>;
}
