/** `--format table`: for people at a terminal. */
import { circled, EVIDENCE_LABELS, type EvidencePart, fiscalYearLabel, LAYOUT_LABELS, SEVERITY_LABELS, STATUS_LABELS, type StatusCode } from "../core";
import { type FileResult, type RunSummary, summarize } from "./model";
import { displayWidth } from "../report/path";

const ANSI: Record<StatusCode | "error" | "warning" | "info" | "dim" | "bold", string> = {
  achieved: "\x1b[34m",
  mostly_achieved: "\x1b[33m",
  not_achieved: "\x1b[31m",
  unknown: "\x1b[90m",
  not_entered: "\x1b[35m",
  error: "\x1b[31m",
  warning: "\x1b[33m",
  info: "\x1b[36m",
  dim: "\x1b[2m",
  bold: "\x1b[1m",
};
const RESET = "\x1b[0m";

/** Display width: East Asian wide characters count two columns (one rule with the reports'). */
export { displayWidth };

/** Closing punctuation never starts a line; opening brackets never end one (simple 禁則). */
const NO_LINE_START = /^[、。，．,.)）」』】〕〉》・：:；;！!？?ー～…]/;
const NO_LINE_END = /[(（「『【〔〈《]$/;

/** Wraps one line to a display width: between words, and between any two CJK characters. */
export function wrapText(line: string, width: number): string[] {
  const units: string[] = [];
  for (const m of line.matchAll(/\s*[\x21-\x7e]+|\s*[^\s]/g)) {
    const u = m[0];
    const last = units.length - 1;
    if (last >= 0 && (NO_LINE_START.test(u) || NO_LINE_END.test(units[last]))) units[last] += u;
    else units.push(u);
  }
  const out: string[] = [];
  let cur = "";
  for (const u of units) {
    if (cur !== "" && displayWidth(cur + u) > width) {
      out.push(cur);
      cur = u.trimStart();
    } else cur += u;
  }
  out.push(cur);
  return out;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function truncate(s: string, width: number): string {
  const oneLine = s.replace(/\s+/g, " ").trim();
  if (displayWidth(oneLine) <= width) return oneLine;
  let out = "";
  for (const ch of oneLine) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + "…";
}

/** Control characters from cell text must not reach the terminal. */
const safe = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?");

/** One evidence line: the cell, the text with the deciding words marked (bold, or 【】 without colour). */
function evidenceLine(label: string, e: EvidencePart | null, color: boolean): string {
  if (!e) return `${label}: ${EVIDENCE_LABELS.ja.none}`;
  const text = safe(e.text.replace(/\s+/g, " "));
  const words = safe(e.words.replace(/\s+/g, " "));
  const at = words ? text.indexOf(words) : -1;
  const marked = at < 0 ? text : `${text.slice(0, at)}${color ? `\x1b[1m${words}${RESET}` : `【${words}】`}${text.slice(at + words.length)}`;
  return `${label}: ${e.cell ?? "-"} 「${marked}」`;
}

/** A run's summary counts in one line: 「Nファイル M件中 達成…  エラーE 警告W」. */
export function summaryLine(sum: RunSummary, fileCount: number, color: boolean, width = Infinity): string {
  const paint = (code: keyof typeof ANSI, s: string): string => (color ? `${ANSI[code]}${s}${RESET}` : s);
  const items = sum.achieved + sum.mostly_achieved + sum.not_achieved + sum.unknown + sum.not_entered;
  const counts = `${fileCount}ファイル ${items}件中 達成${sum.achieved}・概ね達成${sum.mostly_achieved}・未達成${sum.not_achieved}・判定不能${sum.unknown}・未入力${sum.not_entered}`;
  const issues = `エラー${sum.errors} 警告${sum.warnings}`;
  // Wider than the terminal: the error and warning counts go on a line of their own.
  const sep = displayWidth(`${counts}  ${issues}`) <= width ? "  " : "\n  ";
  return counts + sep + paint(sum.errors > 0 ? "error" : "dim", `エラー${sum.errors}`) + " " + paint(sum.warnings > 0 ? "warning" : "dim", `警告${sum.warnings}`);
}

/**
 * One file's lines: its sheets, items (titles cut so a row fits `width` columns) and issues. The
 * file's own error is not among them: the caller prints it on stderr.
 */
export function renderFileTable(f: FileResult, color: boolean, verbose = false, width = 80): string[] {
  const paint = (code: keyof typeof ANSI, s: string): string => (color ? `${ANSI[code]}${s}${RESET}` : s);
  const lines: string[] = [];
  if (!(f.error && (f.error.code === "not-a-progress-workbook" || f.sheets.length === 0))) {
    for (const s of f.sheets) {
      if (!s.recognized) {
        for (const i of s.issues) lines.push(paint(i.severity, `${safe(f.file)} › ${safe(s.sheet)}: ${safe(i.message)}`));
        continue;
      }
      const year = s.fiscalYear === null ? "年度不明" : fiscalYearLabel(s.fiscalYear);
      const layout = s.layout ? `${LAYOUT_LABELS.ja[s.layout]}、` : "";
      const where = `${safe(f.file)} › ${safe(s.sheet)}`;
      const about = `（${layout}${year}・${s.phase === "final" ? "期末" : "中間"}、見出し ${s.headerRow} 行目）`;
      // Too wide for one line: the sheet's description goes on a line of its own.
      if (displayWidth(`${where}  ${about}`) <= width) lines.push(paint("bold", `${where}  ${about}`));
      else lines.push(paint("bold", where), paint("bold", `  ${about}`));
      lines.push(paint("dim", `  ${pad("行", 5)} ${pad("番号", 5)} ${pad("達成状況", 9)} ${pad("達成率", 7)} 項目名`));
      for (const item of s.items) {
        const rate = item.rate === null ? "-" : `${(item.rate * 100).toFixed(1)}%`;
        const status = pad(STATUS_LABELS.ja[item.status], 9);
        const grade = item.grade ? `  [${safe(item.grade)}]` : "";
        // 2 + 行 5 + 1 + 番号 5 + 1 + 達成状況 9 + 1 + 達成率 7 + 1 = 32 columns before the title.
        const titleWidth = Math.max(8, width - 32 - displayWidth(grade));
        lines.push(`  ${pad(String(item.row), 5)} ${pad(truncate(safe(item.number), 5), 5)} ${paint(item.status, status)} ${pad(rate, 7)} ${truncate(safe(item.title), titleWidth)}${grade}`);
        if (verbose) {
          for (const k of item.kpis) {
            const L = EVIDENCE_LABELS.ja;
            lines.push(paint("dim", `        ${circled(k.id)} ${STATUS_LABELS.ja[k.status]}`));
            lines.push(`          ${evidenceLine(L.target, k.evidence?.target ?? null, color)}`);
            if (k.kind !== "qualitative") lines.push(`          ${evidenceLine(L.actual, k.evidence?.actual ?? null, color)}`);
            if (k.evidence?.claim || k.kind === "qualitative") lines.push(`          ${evidenceLine(L.claim, k.evidence?.claim ?? null, color)}`);
          }
        }
      }
      const sheetIssues = s.issues.filter((i) => i.severity !== "info");
      if (sheetIssues.length > 0) {
        lines.push(paint("dim", "  チェック結果:"));
        for (const i of sheetIssues) {
          const label = `[${SEVERITY_LABELS.ja[i.severity]}]`;
          const indent = 4 + displayWidth(label);
          const wrapped = wrapText(safe(i.message), Math.max(20, width - indent));
          lines.push(`   ${paint(i.severity, label)} ${wrapped[0]}`);
          for (const rest of wrapped.slice(1)) lines.push(`${" ".repeat(indent)}${rest}`);
        }
      }
      lines.push("");
    }
  }
  if (f.writtenTo) lines.push(paint("info", `判定結果を書き込みました: ${f.writtenTo}`));
  return lines;
}

export function renderTable(files: readonly FileResult[], color: boolean, verbose = false, width = 80): string {
  const lines: string[] = [];
  for (const f of files) lines.push(...renderFileTable(f, color, verbose, width));
  lines.push(summaryLine(summarize(files), files.length, color));
  return lines.join("\n") + "\n";
}
