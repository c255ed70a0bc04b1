/** 集計.xlsx: 提出状況, KPI一覧 (a filterable table) and 問題一覧 (cells linked into the submissions). */
import { STATUS_CODES, STATUS_FILLS, STATUS_LABELS } from "../core";
import { displayWidth } from "./path";
import type { RoundRows } from "./rows";
import { type CellValue, type SheetSpec, STYLE, writeWorkbook } from "./sheet-writer";

const STATE_LABEL: Record<string, string> = { ok: "OK", warnings: "警告あり", errors: "エラーあり", unreadable: "読めない", skipped: "対象外" };
export const REPORT_FILLS = [STATUS_FILLS.achieved, STATUS_FILLS.mostly_achieved, STATUS_FILLS.not_achieved, STATUS_FILLS.unknown];
const STATE_FILL: Record<string, number> = { ok: 0, warnings: 1, errors: 2, unreadable: 2, skipped: 3 };

function fitWidths(header: string[], rows: CellValue[][], max = 60): number[] {
  const widths = header.map((h) => Math.min(max, displayWidth(h) + 2));
  const sample = rows.length > 2000 ? rows.slice(0, 2000) : rows; // wide enough, without measuring every row
  for (const r of sample) {
    r.forEach((v, i) => {
      const text = v === null ? "" : typeof v === "object" ? v.text : String(v);
      widths[i] = Math.max(widths[i] ?? 6, Math.min(max, displayWidth(text.split("\n")[0].slice(0, max)) + 2));
    });
  }
  return widths;
}

/**
 * A hyperlink from the report into a submission's cell. `fileRef` is the submission as seen from
 * the report's folder (relative, so the round can move): the CLI computes it from its paths, the
 * page uses the name it was given (the report is saved beside the files).
 */
export function cellLink(fileRef: string, sheet: string, cell: string): string {
  return `${fileRef}#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export interface ReportXlsxOptions {
  withChanges: boolean;
  /** A submission's path from the report's folder, "/"-separated. */
  fileRef: (file: string) => string;
}

export function buildReportXlsx(rows: RoundRows, opts: ReportXlsxOptions): Uint8Array {
  return writeWorkbook(reportSheets(rows, opts), REPORT_FILLS);
}

/** The three sheets of 集計.xlsx (also what the task pane writes into a workbook when it cannot open a new one). */
export function reportSheets(rows: RoundRows, opts: ReportXlsxOptions): SheetSpec[] {
  const { withChanges } = opts;
  const refs = new Map<string, string>();
  const ref = (file: string): string => {
    let r = refs.get(file);
    if (r === undefined) refs.set(file, (r = opts.fileRef(file)));
    return r;
  };
  const subHeader = ["部会", "ファイル", "シート", "様式", "年度", "項目数", ...STATUS_CODES.map((s) => STATUS_LABELS.ja[s]), "エラー", "警告", "状態", "備考"];
  const subRows: CellValue[][] = rows.submissions.map((s) => [s.bukai, s.file, s.sheet, s.layout, s.fiscalYear, s.items, ...STATUS_CODES.map((c) => s.counts[c]), s.errors, s.warnings, STATE_LABEL[s.state], s.message]);
  const submissions: SheetSpec = {
    name: "提出状況",
    header: subHeader,
    rows: subRows,
    widths: fitWidths(subHeader, subRows),
    rowStyle: { col: subHeader.length - 2, style: (r) => STYLE.fill(STATE_FILL[rows.submissions[r].state]) },
  };

  const kpiHeader = ["部会", "ファイル", "シート", "行", "番号", "項目名", "KPI", "目標", "実績", "単位", "達成率（%）", "達成状況", ...(withChanges ? ["前回比"] : [])];
  const kpiRows: CellValue[][] = rows.kpis.map((k) => [k.bukai, k.file, k.sheet, k.row, k.number, k.title, k.kpi, k.target, k.actual, k.unit, k.rate === null ? null : Math.round(k.rate * 1000) / 10, k.status, ...(withChanges ? [k.change] : [])]);
  const kpis: SheetSpec = { name: "KPI一覧", header: kpiHeader, rows: kpiRows, widths: fitWidths(kpiHeader, kpiRows), table: "KPIList" };

  const sevLabel: Record<string, string> = { error: "エラー", warning: "警告", info: "情報" };
  const issHeader = ["部会", "ファイル", "シート", "セル", "重要度", "コード", "メッセージ"];
  const issRows: CellValue[][] = rows.issues.map((i) => [i.bukai, i.file, i.sheet, i.cell && i.sheet ? { text: i.cell, link: cellLink(ref(i.file), i.sheet, i.cell) } : (i.cell ?? ""), sevLabel[i.severity] ?? i.severity, i.code, i.message]);
  const issues: SheetSpec = { name: "問題一覧", header: issHeader, rows: issRows, widths: fitWidths(issHeader, issRows, 80) };

  return [submissions, kpis, issues];
}
