/** report.html: one self-contained page (no scripts, no network), every workbook text escaped. */
import { STATUS_CODES, STATUS_FILLS, STATUS_LABELS, type StatusCode } from "../core";
import type { RoundRows } from "./rows";

export function escapeHtml(s: unknown): string {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

const color = (s: StatusCode) => `#${STATUS_FILLS[s].slice(2)}`;

function chart(rows: RoundRows): string {
  const byBukai = new Map<string, Record<StatusCode, number>>();
  for (const s of rows.submissions) {
    const acc = byBukai.get(s.bukai) ?? { achieved: 0, mostly_achieved: 0, not_achieved: 0, unknown: 0, not_entered: 0 };
    for (const c of STATUS_CODES) acc[c] += s.counts[c];
    byBukai.set(s.bukai, acc);
  }
  const entries = [...byBukai].filter(([, c]) => STATUS_CODES.some((s) => c[s] > 0));
  const max = Math.max(1, ...entries.map(([, c]) => STATUS_CODES.reduce((a, s) => a + c[s], 0)));
  const barH = 22;
  const labelW = 170;
  const width = 640;
  const height = entries.length * barH + 40;
  const bars = entries
    .map(([name, c], i) => {
      let x = labelW;
      const segs = STATUS_CODES.map((s) => {
        const w = (c[s] / max) * (width - labelW - 40);
        const seg = c[s] > 0 ? `<rect x="${x.toFixed(1)}" y="${i * barH + 4}" width="${w.toFixed(1)}" height="${barH - 8}" fill="${color(s)}" stroke="#555" stroke-width="0.5"><title>${escapeHtml(name)} ${STATUS_LABELS.ja[s]} ${c[s]}</title></rect>` : "";
        x += w;
        return seg;
      }).join("");
      return `<text x="${labelW - 6}" y="${i * barH + 16}" text-anchor="end" font-size="12">${escapeHtml(name.length > 14 ? name.slice(0, 14) + "…" : name)}</text>${segs}`;
    })
    .join("");
  const legend = STATUS_CODES.map((s, i) => `<rect x="${labelW + i * 90}" y="${entries.length * barH + 14}" width="12" height="12" fill="${color(s)}" stroke="#555" stroke-width="0.5"/><text x="${labelW + i * 90 + 16}" y="${entries.length * barH + 24}" font-size="11">${STATUS_LABELS.ja[s]}</text>`).join("");
  return `<svg role="img" aria-label="部会別の達成状況" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">${bars}${legend}</svg>`;
}

/** The report's 作成 time: UTC, to the second (the CLI's and the page's alike). */
export function reportStamp(now: Date): string {
  return now.toISOString().replace("T", " ").slice(0, 19);
}

export function renderHtmlReport(rows: RoundRows, meta: { generatedAt: string; withChanges: boolean }): string {
  const total = { items: 0, errors: 0, warnings: 0, counts: { achieved: 0, mostly_achieved: 0, not_achieved: 0, unknown: 0, not_entered: 0 } as Record<StatusCode, number> };
  for (const s of rows.submissions) {
    total.items += s.items;
    total.errors += s.errors;
    total.warnings += s.warnings;
    for (const c of STATUS_CODES) total.counts[c] += s.counts[c];
  }
  const files = new Set(rows.submissions.map((s) => s.file)).size;
  const order: Record<string, number> = { unreadable: 0, errors: 1, warnings: 2, skipped: 3, ok: 4 };
  const subs = [...rows.submissions].sort((a, b) => order[a.state] - order[b.state]);
  const stateLabel: Record<string, string> = { ok: "OK", warnings: "警告あり", errors: "エラーあり", unreadable: "読めない", skipped: "対象外" };
  const sevLabel: Record<string, string> = { error: "エラー", warning: "警告", info: "情報" };
  const changed = meta.withChanges ? rows.kpis.filter((k) => k.change === "悪化" || k.change === "改善") : [];
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>進捗状況 集計レポート</title>
<style>
  body { font-family: "Yu Gothic", "Meiryo", "IPAGothic", "Noto Sans CJK JP", sans-serif; margin: 24px; color: #1b1b1b; }
  h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 24px; border-bottom: 2px solid #0072b2; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; }
  th, td { border: 1px solid #bbb; padding: 3px 5px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #e7e6e6; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  .state-errors, .state-unreadable { background: ${color("not_achieved")}; }
  .state-warnings { background: ${color("mostly_achieved")}; }
  .state-ok { background: ${color("achieved")}; }
  .state-skipped { background: ${color("unknown")}; }
  .totals span { display: inline-block; margin-right: 12px; padding: 2px 8px; border-radius: 4px; border: 1px solid #888; }
  @page { size: A4; margin: 12mm; }
  @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<h1>進捗状況 集計レポート</h1>
<p>作成: ${escapeHtml(meta.generatedAt)} ／ ファイル ${files} 件 ／ 項目 ${total.items} 件 ／ エラー ${total.errors} 件 ／ 警告 ${total.warnings} 件</p>
<p class="totals">${STATUS_CODES.map((s) => `<span style="background:${color(s)}">${STATUS_LABELS.ja[s]} ${total.counts[s]}</span>`).join("")}</p>
<h2>部会別の達成状況</h2>
${chart(rows)}
<h2>提出状況（エラーのあるファイルが先）</h2>
<table>
<thead><tr><th>部会</th><th>ファイル</th><th>シート</th><th>様式</th><th>年度</th><th>項目</th>${STATUS_CODES.map((s) => `<th>${STATUS_LABELS.ja[s]}</th>`).join("")}<th>エラー</th><th>警告</th><th>状態</th></tr></thead>
<tbody>
${subs.map((s) => `<tr><td>${escapeHtml(s.bukai)}</td><td>${escapeHtml(s.file)}</td><td>${escapeHtml(s.sheet)}</td><td>${escapeHtml(s.layout)}</td><td>${escapeHtml(s.fiscalYear)}</td><td class="num">${s.items}</td>${STATUS_CODES.map((c) => `<td class="num">${s.counts[c]}</td>`).join("")}<td class="num">${s.errors}</td><td class="num">${s.warnings}</td><td class="state-${s.state}">${stateLabel[s.state]}${s.message ? `: ${escapeHtml(s.message)}` : ""}</td></tr>`).join("\n")}
</tbody>
</table>
${meta.withChanges ? `<h2>前回からの変化（改善・悪化）</h2>
${changed.length === 0 ? "<p>改善・悪化した項目はありません。</p>" : `<table><thead><tr><th>部会</th><th>シート</th><th>番号</th><th>項目名</th><th>KPI</th><th>達成状況</th><th>前回比</th></tr></thead><tbody>
${changed.map((k) => `<tr><td>${escapeHtml(k.bukai)}</td><td>${escapeHtml(k.sheet)}</td><td>${escapeHtml(k.number)}</td><td>${escapeHtml(k.title)}</td><td>${escapeHtml(k.kpi)}</td><td>${escapeHtml(k.status)}</td><td>${escapeHtml(k.change)}</td></tr>`).join("\n")}
</tbody></table>`}` : ""}
<h2>問題一覧（${rows.issues.length} 件）</h2>
${rows.issues.length === 0 ? "<p>問題は見つかりませんでした。</p>" : `<table>
<thead><tr><th>部会</th><th>ファイル</th><th>シート</th><th>セル</th><th>重要度</th><th>内容</th></tr></thead>
<tbody>
${rows.issues.map((i) => `<tr><td>${escapeHtml(i.bukai)}</td><td>${escapeHtml(i.file)}</td><td>${escapeHtml(i.sheet)}</td><td>${escapeHtml(i.cell ?? "")}</td><td>${sevLabel[i.severity] ?? escapeHtml(i.severity)}</td><td>${escapeHtml(i.message)}</td></tr>`).join("\n")}
</tbody>
</table>`}
</body>
</html>
`;
}
