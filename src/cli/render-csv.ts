/** `--format csv`: one row per KPI, UTF-8 with BOM, safe against formula injection. */
import { STATUS_LABELS, circled } from "../core";
import type { FileResult } from "./model";

const HEADER = ["ファイル", "シート", "行", "番号", "項目名", "KPI", "目標", "実績", "単位", "達成率", "達成状況", "チェック結果"];

/** A cell starting with = + - @ tab or CR is prefixed with ' so spreadsheet apps show it as text. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !(typeof value === "number")) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function renderCsv(files: readonly FileResult[]): string {
  const rows: (string | number | null)[][] = [HEADER];
  for (const f of files) {
    if (f.error) rows.push([f.file, null, null, null, null, null, null, null, null, null, null, f.error.message]);
    for (const s of f.sheets) {
      for (const item of s.items) {
        const issues = item.issues.map((i) => i.message).join(" / ") || "OK";
        const kpis = item.kpis.length > 0 ? item.kpis : [null];
        for (const k of kpis) {
          rows.push([
            f.file, s.sheet, item.row, item.number, item.title,
            k ? circled(k.id) : null,
            k?.target ?? null,
            k?.actual ?? null,
            k?.unit ?? null,
            k?.rate ?? (k ? null : item.rate),
            STATUS_LABELS.ja[k ? k.status : item.status],
            issues,
          ]);
        }
      }
    }
  }
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
