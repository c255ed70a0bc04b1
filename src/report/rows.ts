/** The round's data as flat rows, shared by the .xlsx and HTML reports. */
import type { FileResult } from "../cli/model";
import { circled, countStatuses, fiscalYearLabel, LAYOUT_SHORT, STATUS_LABELS, type StatusCode } from "../core";
import { type Change, CHANGE_LABELS, changeKey } from "./compare";
import { baseName } from "./path";

/** The 部会 of a sheet: named in its title (「人事・財政部会所管項目…」), else the file's name. */
export function bukaiOf(title: string, file: string): string {
  const m = /([^\s「」『』（）()、。・]+(?:・[^\s「」『』（）()、。・]+)*部会)/.exec(title.normalize("NFKC"));
  return m ? m[1] : baseName(file).replace(/\.(xlsx|xlsm|xls)$/i, "");
}

export interface SubmissionRow {
  bukai: string;
  file: string;
  sheet: string;
  /** The sheet's layout (様式), or "" when not recognised. */
  layout: string;
  fiscalYear: string;
  items: number;
  counts: Record<StatusCode, number>;
  errors: number;
  warnings: number;
  state: "ok" | "warnings" | "errors" | "unreadable" | "skipped";
  message: string;
}

export interface KpiRow {
  bukai: string;
  file: string;
  sheet: string;
  row: number;
  number: string;
  title: string;
  kpi: string;
  target: string | number | null;
  actual: number | null;
  unit: string | null;
  rate: number | null;
  status: string;
  change: string;
}

export interface IssueRow {
  bukai: string;
  file: string;
  sheet: string;
  cell: string | null;
  severity: string;
  code: string;
  message: string;
}

export interface RoundRows {
  submissions: SubmissionRow[];
  kpis: KpiRow[];
  issues: IssueRow[];
}

export function roundRows(files: readonly FileResult[], changes: Map<string, Change> | null): RoundRows {
  const submissions: SubmissionRow[] = [];
  const kpis: KpiRow[] = [];
  const issues: IssueRow[] = [];
  for (const f of files) {
    const zero = countStatuses([]);
    if (f.error && f.sheets.every((s) => !s.recognized)) {
      submissions.push({ bukai: bukaiOf("", f.file), file: f.file, sheet: "", layout: "", fiscalYear: "", items: 0, counts: zero, errors: 1, warnings: 0, state: "unreadable", message: f.error.message });
      issues.push({ bukai: bukaiOf("", f.file), file: f.file, sheet: "", cell: null, severity: "error", code: f.error.code, message: f.error.message });
      continue;
    }
    for (const s of f.sheets) {
      const bukai = bukaiOf(s.title, f.file);
      const errors = s.issues.filter((i) => i.severity === "error").length;
      const warnings = s.issues.filter((i) => i.severity === "warning").length;
      if (!s.recognized) {
        submissions.push({ bukai, file: f.file, sheet: s.sheet, layout: "", fiscalYear: "", items: 0, counts: zero, errors, warnings, state: errors > 0 ? "errors" : "skipped", message: s.issues[0]?.message ?? "" });
      } else {
        submissions.push({
          bukai, file: f.file, sheet: s.sheet, layout: s.layout ? LAYOUT_SHORT.ja[s.layout] : "", fiscalYear: s.fiscalYear === null ? "不明" : fiscalYearLabel(s.fiscalYear), items: s.items.length, counts: countStatuses(s.items), errors, warnings,
          state: errors > 0 ? "errors" : warnings > 0 ? "warnings" : "ok", message: "",
        });
      }
      for (const i of s.issues) issues.push({ bukai, file: f.file, sheet: s.sheet, cell: i.cell, severity: i.severity, code: i.code, message: i.message });
      for (const item of s.items) {
        const change = changes ? CHANGE_LABELS[changes.get(changeKey(f.file, s.sheet, item.row)) ?? "new"] : "";
        const list = item.kpis.length > 0 ? item.kpis : [null];
        for (const k of list) {
          kpis.push({
            bukai, file: f.file, sheet: s.sheet, row: item.row, number: item.number, title: item.title,
            kpi: k ? circled(k.id) : "", target: k?.target ?? null, actual: k?.actual ?? null, unit: k?.unit ?? null,
            rate: k ? k.rate : item.rate, status: STATUS_LABELS.ja[k ? k.status : item.status], change,
          });
        }
      }
    }
  }
  return { submissions, kpis, issues };
}
