/** The check pipeline over files: load → judge → (plan → apply → save). */
import ExcelJS from "exceljs";
import type { Workbook } from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { type Config, finalizeWorkbook, judge, plan, type SheetInput, type SheetReport, type WritePlan } from "../core";
import { applyRun, progressCandidates, readRecord, readSheet } from "../xlsx";
import { judgeStreaming } from "../xlsx/stream-read";
import { FileError, loadWorkbook, parseFailure, readXlsxBytes } from "./load-file";
import type { FileResult } from "./model";

export interface CheckOptions {
  config: Config;
  sheet?: string;
  /** Output file (single input) or directory (several). */
  write?: string;
  inPlace?: boolean;
  onFileDone?: (file: string) => void;
}

export class UsageError extends Error {
  readonly code = "usage";
}

/** Saves a workbook atomically: a temporary file beside the target, then a rename. */
export async function saveAtomically(wb: Workbook, target: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  // Fast deflate: level 6 (the default) spends most of a large save compressing, for a few % of size.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as Partial<ExcelJS.XlsxWriteOptions>);
  try {
    await fs.writeFile(tmp, Buffer.from(buffer as ArrayBuffer));
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const reason = code === "EACCES" || code === "EPERM" || code === "EROFS" ? "書き込み権限がありません" : code === "ENOSPC" ? "ディスクの空きが足りません" : code === "ENOENT" ? "保存先のフォルダーがありません" : "保存できませんでした";
    throw new FileError("read-failed", `${target}: ${reason}。保存先を確認してください。元のファイルは変更していません。`, String(e));
  }
}

function outputPath(file: string, opts: CheckOptions, several: boolean): string | null {
  if (opts.inPlace) return file;
  if (!opts.write) return null;
  return several ? path.join(opts.write, path.basename(file)) : opts.write;
}

function judgeSheets(inputs: SheetInput[], opts: CheckOptions): SheetReport[] {
  const reports = inputs.map((input) => judge(input, opts.config, { requested: opts.sheet !== undefined }));
  return opts.sheet === undefined && reports.length > 0 ? finalizeWorkbook(reports) : reports;
}

/** A readable workbook with no progress sheet at all is an error entry of its own (the round goes on). */
function markNotProgress(result: FileResult): FileResult {
  if (result.error === null && result.sheets.length > 0 && result.sheets.every((s) => !s.recognized)) {
    result.error = { code: "not-a-progress-workbook", message: `${result.file}: 進捗状況シートがありません（1〜30行目に「番号」「項目名」「目標達成水準」などの見出し行があるシートが必要です）。` };
  }
  if (result.error === null && result.sheets.length === 0) {
    result.error = { code: "empty-workbook", message: `${result.file}: シートがありません（空のブックです）。` };
  }
  return result;
}

function sheetNotFound(file: string, sheet: string, names: string[]): FileResult["error"] {
  return { code: "sheet-not-found", message: `${file}: シート「${sheet}」がありません（あるシート: ${names.map((n) => `「${n}」`).join("")}）。` };
}

/**
 * Small files load faster whole: ExcelJS's streaming reader spools each worksheet to a temporary
 * file when (as Excel and ExcelJS write them) the shared strings come after the sheets.
 */
export const STREAM_THRESHOLD_BYTES = 256 * 1024;

/** Check only: no write target. Large files stream, their rows judged as they are parsed. */
async function checkFileReadOnly(file: string, opts: CheckOptions): Promise<FileResult> {
  const result: FileResult = { file, error: null, sheets: [], writtenTo: null };
  const options = { requested: opts.sheet !== undefined };
  try {
    const bytes = await readXlsxBytes(file);
    if (bytes.length < STREAM_THRESHOLD_BYTES) {
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      } catch (e) {
        throw parseFailure(file, e);
      }
      const sheets = progressCandidates(wb).filter((ws) => opts.sheet === undefined || ws.name === opts.sheet);
      if (opts.sheet !== undefined && sheets.length === 0) {
        result.error = sheetNotFound(file, opts.sheet, progressCandidates(wb).map((ws) => ws.name));
        return result;
      }
      result.sheets = judgeSheets(sheets.map((ws) => readSheet(ws, file)), opts);
      return result;
    }
    let streamed;
    try {
      streamed = await judgeStreaming(bytes, file, opts.config, options, opts.sheet);
    } catch (e) {
      throw parseFailure(file, e);
    }
    if (opts.sheet !== undefined && streamed.reports.length === 0) {
      result.error = sheetNotFound(file, opts.sheet, streamed.sheetNames);
      return result;
    }
    result.sheets = opts.sheet === undefined && streamed.reports.length > 0 ? finalizeWorkbook(streamed.reports) : streamed.reports;
  } catch (e) {
    if (e instanceof FileError) {
      result.error = { code: e.code, message: e.message };
      return result;
    }
    throw e;
  }
  return result;
}

export async function checkFile(file: string, opts: CheckOptions, several: boolean): Promise<FileResult> {
  return markNotProgress(await checkFileInner(file, opts, several));
}

async function checkFileInner(file: string, opts: CheckOptions, several: boolean): Promise<FileResult> {
  if (outputPath(file, opts, several) === null) return checkFileReadOnly(file, opts);
  const result: FileResult = { file, error: null, sheets: [], writtenTo: null };
  let wb: Workbook;
  try {
    wb = await loadWorkbook(file);
  } catch (e) {
    if (e instanceof FileError) {
      result.error = { code: e.code, message: e.message };
      return result;
    }
    throw e;
  }
  const record = readRecord(wb);
  const sheets = progressCandidates(wb).filter((ws) => opts.sheet === undefined || ws.name === opts.sheet);
  if (opts.sheet !== undefined && sheets.length === 0) {
    result.error = sheetNotFound(file, opts.sheet, progressCandidates(wb).map((ws) => ws.name));
    return result;
  }
  const inputs = sheets.map((ws) => readSheet(ws, file, record?.sheets[ws.name]?.written));
  const reports = judgeSheets(inputs, opts);
  result.sheets = reports;

  const target = outputPath(file, opts, several);
  if (target === null) return result;
  const plans: WritePlan[] = [];
  for (let i = 0; i < reports.length; i++) {
    if (!reports[i].recognized) continue;
    const p = plan(reports[i], inputs[i], opts.config);
    if (!p.ok) {
      result.error = { code: p.error.code, message: `${file} › ${reports[i].sheet}: ${p.error.message}` };
      return result;
    }
    plans.push(p.plan);
  }
  if (plans.length === 0) return result;
  applyRun(wb, plans);
  try {
    await saveAtomically(wb, target);
    result.writtenTo = target;
  } catch (e) {
    if (e instanceof FileError) result.error = { code: "write-failed", message: e.message };
    else throw e;
  }
  return result;
}

export async function checkFiles(files: readonly string[], opts: CheckOptions): Promise<FileResult[]> {

  const several = files.length > 1;
  if (opts.write && several) {
    const stat = await fs.stat(opts.write).catch(() => null);
    if (!stat || !stat.isDirectory()) throw new UsageError(`複数のファイルを書き込むときは --write に既存のフォルダーを指定してください（${opts.write}）。`);
  }
  if (opts.write && !several && path.resolve(opts.write) === path.resolve(files[0])) {
    throw new UsageError("--write の出力先が入力ファイルと同じです。上書きするときは --in-place を使ってください。");
  }
  const results: FileResult[] = [];
  for (const f of files) {
    results.push(await checkFile(f, opts, several));
    opts.onFileDone?.(f);
  }
  return results;
}
