/**
 * The round's reports on disk: the builders live in src/report (shared with the browser page);
 * what is Node's is here: hyperlinks computed from real paths, and the writing of the files.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Change } from "../../report/compare";
import { renderHtmlReport, reportStamp } from "../../report/html-report";
import { type RoundRows, roundRows } from "../../report/rows";
import { buildReportXlsx as buildXlsx } from "../../report/xlsx-report";
import type { FileResult } from "../model";
import { renderJson } from "../render-json";

/** A submission's path as seen from the report folder ("/"-separated, relative: the round can move). */
export function fileRefFrom(outDir: string): (file: string) => string {
  return (file) => path.relative(outDir, path.resolve(file)).split(path.sep).join("/");
}

/** 集計.xlsx for a report written into `outDir`. */
export function buildReportXlsx(rows: RoundRows, outDir: string, withChanges: boolean): Buffer {
  const out = buildXlsx(rows, { withChanges, fileRef: fileRefFrom(outDir) });
  return Buffer.from(out.buffer, out.byteOffset, out.length);
}

export interface WrittenReports {
  xlsx: string;
  html: string;
  json: string;
}

export async function writeReports(outDir: string, files: readonly FileResult[], changes: Map<string, Change> | null, now = new Date()): Promise<WrittenReports> {
  await fs.mkdir(outDir, { recursive: true });
  const rows = roundRows(files, changes);
  const out: WrittenReports = { xlsx: path.join(outDir, "集計.xlsx"), html: path.join(outDir, "report.html"), json: path.join(outDir, "report.json") };
  const buf = buildReportXlsx(rows, outDir, changes !== null);
  await writeAtomic(out.xlsx, buf);
  await writeAtomic(out.html, renderHtmlReport(rows, { generatedAt: reportStamp(now), withChanges: changes !== null }));
  await writeAtomic(out.json, renderJson(files, changes));
  return out;
}

async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
