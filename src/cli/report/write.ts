/** Writes a round's three reports into a folder. */
import { promises as fs } from "fs";
import * as path from "path";
import type { Change } from "../compare";
import type { FileResult } from "../model";
import { renderJson } from "../render-json";
import { renderHtmlReport } from "./html-report";
import { roundRows } from "./rows";
import { buildReportXlsx } from "./xlsx-report";

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
  const stamp = now.toISOString().replace("T", " ").slice(0, 19);
  await writeAtomic(out.xlsx, buf);
  await writeAtomic(out.html, renderHtmlReport(rows, { generatedAt: stamp, withChanges: changes !== null }));
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
