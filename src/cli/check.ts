/** The check pipeline over files: read → judge → (plan → patch → save). */
import { promises as fs } from "fs";
import * as path from "path";
import { type Config, finalizeWorkbook, judge, plan, type SheetInput, type SheetReport, type WritePlan } from "../core";
import { FileError, fileError, patchWorkbook, readWorkbook } from "../xlsx";
import { readFileBytes, writeFileAtomically } from "../xlsx/node-file";
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

export async function checkFile(file: string, opts: CheckOptions, several: boolean): Promise<FileResult> {
  return markNotProgress(await checkFileInner(file, opts, several));
}

async function checkFileInner(file: string, opts: CheckOptions, several: boolean): Promise<FileResult> {
  const result: FileResult = { file, error: null, sheets: [], writtenTo: null };
  const target = outputPath(file, opts, several);
  let bytes: Uint8Array;
  let inputs: SheetInput[];
  try {
    bytes = readFileBytes(file);
    const read = readWorkbook(bytes, file, { only: opts.sheet === undefined ? undefined : (name) => name === opts.sheet });
    if (target !== null && (read.format === "xls" || read.format === "ods")) {
      result.error = { code: "read-only-format", message: fileError("read-only-format", file).message };
    }
    if (opts.sheet !== undefined && read.sheets.length === 0) {
      result.error = sheetNotFound(file, opts.sheet, read.listing.filter((s) => s.worksheet).map((s) => s.name));
      return result;
    }
    inputs = read.sheets;
  } catch (e) {
    if (e instanceof FileError) {
      result.error = { code: e.code, message: e.message };
      return result;
    }
    throw e;
  }
  const reports = judgeSheets(inputs, opts);
  result.sheets = reports;
  if (target === null || result.error !== null) return result;
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
  try {
    const out = patchWorkbook(bytes, file, plans);
    writeFileAtomically(out, target, opts.inPlace ? file : undefined);
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
    if (stat && !stat.isDirectory()) throw new UsageError(`複数のファイルを書き込むときは --write にフォルダーを指定してください（${opts.write} はファイルです）。`);
    if (!stat) await fs.mkdir(opts.write, { recursive: true });
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
