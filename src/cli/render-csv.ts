/**
 * `--format csv`: one row per KPI, UTF-8 with BOM, safe against formula injection; a spreadsheet
 * user can use it as it is: 達成率 as the table shows it (109.5, 「達成率（%）」), the target's
 * denominator and the direction (以上/以下) in columns of their own.
 */
import { circled, type Lang, STATUS_LABELS } from "../core";
import { CLI_TEXT } from "../core/messages-cli";
import type { FileResult } from "./model";

type Cell = string | number | null;

/** A cell starting with = + - @ tab or CR is prefixed with ' so spreadsheet apps show it as text. */
export function csvCell(value: Cell): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !(typeof value === "number")) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** A rate (1.0952) as a percentage with one decimal (109.5), as the table and 集計.xlsx show it. */
export const percent = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

const line = (cells: readonly Cell[]): string => cells.map(csvCell).join(",") + "\r\n";

/** The BOM and the header row. */
export function csvHead(lang: Lang = "ja"): string {
  return "\uFEFF" + line(CLI_TEXT[lang].csvHeader);
}

/** One file's rows (a file that could not be read: one row with its message). */
export function csvRows(f: FileResult, lang: Lang = "ja"): string {
  const T = CLI_TEXT[lang];
  let out = "";
  if (f.error) out += line([f.file, null, null, null, null, null, null, null, null, null, null, null, null, f.error.message]);
  for (const s of f.sheets) {
    for (const item of s.items) {
      const issues = item.issues.map((i) => i.message).join(" / ") || "OK";
      const kpis = item.kpis.length > 0 ? item.kpis : [null];
      for (const k of kpis) {
        out += line([
          f.file, s.sheet, item.row, item.number, item.title,
          k ? circled(k.id) : null,
          k?.direction ? T.directions[k.direction] : null,
          k?.target ?? null,
          k?.actual ?? null,
          k?.denominator ?? null,
          k?.unit ?? null,
          percent(k ? k.rate : item.rate),
          STATUS_LABELS[lang][k ? k.status : item.status],
          issues,
        ]);
      }
    }
  }
  return out;
}

export function renderCsv(files: readonly FileResult[], lang: Lang = "ja"): string {
  return csvHead(lang) + files.map((f) => csvRows(f, lang)).join("");
}
