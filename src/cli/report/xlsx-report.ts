/** 集計.xlsx: 提出状況, KPI一覧 (a filterable table) and 問題一覧 (cells linked into the submissions). */
import ExcelJS from "exceljs";
import * as path from "path";
import { STATUS_CODES, STATUS_FILLS, STATUS_LABELS } from "../../core";
import { displayWidth } from "../render-table";
import type { RoundRows } from "./rows";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
const STATE_FILL: Record<string, string> = { ok: STATUS_FILLS.achieved, warnings: STATUS_FILLS.mostly_achieved, errors: STATUS_FILLS.not_achieved, unreadable: STATUS_FILLS.not_achieved, skipped: STATUS_FILLS.unknown };
const STATE_LABEL: Record<string, string> = { ok: "OK", warnings: "警告あり", errors: "エラーあり", unreadable: "読めない", skipped: "対象外" };

function fitWidths(ws: ExcelJS.Worksheet, rows: (string | number | null)[][], max = 60): void {
  const widths: number[] = [];
  for (const r of rows) r.forEach((v, i) => (widths[i] = Math.max(widths[i] ?? 6, Math.min(max, displayWidth(String(v ?? "").split("\n")[0]) + 2))));
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

function headerStyle(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}

/** A hyperlink from the report folder into a submission's cell (relative, so the round can move). */
export function cellLink(outDir: string, file: string, sheet: string, cell: string): string {
  const rel = path.relative(outDir, path.resolve(file)).split(path.sep).join("/");
  return `${encodeURI(rel)}#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export function buildReportWorkbook(rows: RoundRows, outDir: string, withChanges: boolean): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Shinchoku";

  const sub = wb.addWorksheet("提出状況", { views: [{ state: "frozen", ySplit: 1 }] });
  const subHeader = ["部会", "ファイル", "シート", "年度", "項目数", ...STATUS_CODES.map((s) => STATUS_LABELS.ja[s]), "エラー", "警告", "状態", "備考"];
  const subRows = rows.submissions.map((s) => [s.bukai, s.file, s.sheet, s.fiscalYear, s.items, ...STATUS_CODES.map((c) => s.counts[c]), s.errors, s.warnings, STATE_LABEL[s.state], s.message]);
  headerStyle(sub.addRow(subHeader));
  rows.submissions.forEach((s, i) => {
    const row = sub.addRow(subRows[i]);
    row.getCell(subHeader.length - 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: STATE_FILL[s.state] } };
  });
  sub.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: subHeader.length } };
  fitWidths(sub, [subHeader, ...subRows]);

  const kpi = wb.addWorksheet("KPI一覧", { views: [{ state: "frozen", ySplit: 1 }] });
  // 達成率 as a percentage number: a per-cell number format would cost a style per cell on large rounds.
  const kpiHeader = ["部会", "ファイル", "シート", "行", "番号", "項目名", "KPI", "目標", "実績", "単位", "達成率（%）", "達成状況", ...(withChanges ? ["前回比"] : [])];
  const kpiRows = rows.kpis.map((k) => [k.bukai, k.file, k.sheet, k.row, k.number, k.title, k.kpi, k.target === null ? "" : k.target, k.actual, k.unit ?? "", k.rate === null ? null : Math.round(k.rate * 1000) / 10, k.status, ...(withChanges ? [k.change] : [])]);
  kpi.addTable({
    name: "KPI一覧",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: kpiHeader.map((name) => ({ name, filterButton: true })),
    rows: kpiRows.length > 0 ? kpiRows : [kpiHeader.map(() => null)],
  });
  fitWidths(kpi, [kpiHeader, ...kpiRows]);

  const iss = wb.addWorksheet("問題一覧", { views: [{ state: "frozen", ySplit: 1 }] });
  const issHeader = ["部会", "ファイル", "シート", "セル", "重要度", "コード", "メッセージ"];
  headerStyle(iss.addRow(issHeader));
  const sevLabel: Record<string, string> = { error: "エラー", warning: "警告", info: "情報" };
  for (const i of rows.issues) {
    const row = iss.addRow([i.bukai, i.file, i.sheet, i.cell ?? "", sevLabel[i.severity] ?? i.severity, i.code, i.message]);
    if (i.cell && i.sheet) {
      row.getCell(4).value = { text: i.cell, hyperlink: cellLink(outDir, i.file, i.sheet, i.cell) };
      row.getCell(4).font = { color: { argb: "FF0563C1" }, underline: true };
    }
  }
  iss.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: issHeader.length } };
  fitWidths(iss, [issHeader, ...rows.issues.map((i) => [i.bukai, i.file, i.sheet, i.cell, i.severity, i.code, i.message])], 80);
  shareEmptyStyles(wb);
  return wb;
}

const SHARED_EMPTY_STYLE: Partial<ExcelJS.Style> = Object.freeze({}) as Partial<ExcelJS.Style>;

/**
 * ExcelJS gives every cell its own style object and registers each on save; unstyled cells
 * sharing one object hit its cache instead (the save of a 10,000-row round gets ~3× faster).
 */
function shareEmptyStyles(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const st = cell.style as Record<string, unknown> | undefined;
        if (st && Object.keys(st).length === 0) cell.style = SHARED_EMPTY_STYLE;
      }),
    ),
  );
}
