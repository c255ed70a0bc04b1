/**
 * 「提出ファイルを一括チェック」: the files picked in the pane judged as `shinchoku report` judges
 * them, and 集計.xlsx (the same builder) opened in Excel. Loaded only when used (its own chunk):
 * the reader and the report writer stay out of the add-in's bundle.
 */
import { type ConfigInput, type Lang, resolveConfig, ROUND_TEXT } from "../core";
import { writeRoundBook } from "../excel/round-book";
import { judgeFileBytes } from "../report/judge-file";
import { walkOrder } from "../report/path";
import { nameRef } from "../report/round-files";
import { roundRows } from "../report/rows";
import { writeWorkbook } from "../report/sheet-writer";
import { REPORT_FILLS, reportSheets } from "../report/xlsx-report";

export async function runPaneRound(files: readonly File[], settings: ConfigInput, lang: Lang, progress: (done: number, total: number) => void): Promise<string> {
  const t = ROUND_TEXT[lang];
  const list = [...files].sort((a, b) => walkOrder(a.name, b.name));
  if (list.some((f) => /\.(xls|ods)$/i.test(f.name))) await import(/* webpackChunkName: "legacy-formats" */ "../xlsx/read-legacy");
  const config = resolveConfig(settings);
  const results = [];
  for (let i = 0; i < list.length; i++) {
    progress(i, list.length);
    const bytes = new Uint8Array(await list[i].arrayBuffer());
    results.push(judgeFileBytes(bytes, list[i].name, config, lang).result);
    await new Promise((r) => setTimeout(r, 0)); // the pane repaints between files
  }
  progress(list.length, list.length);
  const sheets = reportSheets(roundRows(results, null), { withChanges: false, fileRef: nameRef });
  const xlsx = writeWorkbook(sheets, REPORT_FILLS);
  const where = await writeRoundBook(
    xlsx,
    sheets.map((s) => ({ name: s.name, header: s.header, rows: s.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.text : v))) })),
  );
  return where === "new" ? t.paneRoundDone(list.length) : t.paneRoundHere(list.length);
}
