/** The check pipeline over files: read → judge → (plan → patch → save). */
import { accessSync, constants as fsConstants, mkdirSync, promises as fs, statSync } from "fs";
import * as path from "path";
import { type Config, finalizeWorkbook, judge, type Lang, plan, type SheetInput, type SheetReport, type WritePlan } from "../core";
import { CLI_TEXT } from "../core/messages-cli";
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
  /** Language of the messages this step writes (file errors); Japanese by default. */
  lang?: Lang;
}

export class UsageError extends Error {
  readonly code = "usage";
}

/** --write names a folder when several files are written, or when it is one already (or ends in a separator). */
function writesIntoFolder(write: string, several: boolean): boolean {
  if (several || /[\\/]$/.test(write)) return true;
  try {
    return statSync(write).isDirectory();
  } catch {
    return false;
  }
}

function outputPath(file: string, opts: CheckOptions, several: boolean): string | null {
  if (opts.inPlace) return file;
  if (!opts.write) return null;
  return writesIntoFolder(opts.write, several) ? path.join(opts.write, path.basename(file)) : opts.write;
}

/** A file nobody may write (no write bit, or not writable by us) is never replaced by --in-place. */
function isReadOnly(file: string): boolean {
  try {
    if ((statSync(file).mode & 0o222) === 0) return true;
    accessSync(file, fsConstants.W_OK);
    return false;
  } catch {
    return true;
  }
}

function judgeSheets(inputs: SheetInput[], opts: CheckOptions): SheetReport[] {
  const reports = inputs.map((input) => judge(input, opts.config, { requested: opts.sheet !== undefined }));
  return opts.sheet === undefined && reports.length > 0 ? finalizeWorkbook(reports) : reports;
}

/** A readable workbook with no progress sheet at all is an error entry of its own (the round goes on). */
function markNotProgress(result: FileResult, lang: Lang): FileResult {
  if (result.error === null && result.sheets.length > 0 && result.sheets.every((s) => !s.recognized)) {
    result.error = { code: "not-a-progress-workbook", message: CLI_TEXT[lang].notProgress(result.file) };
  }
  if (result.error === null && result.sheets.length === 0) {
    result.error = { code: "empty-workbook", message: CLI_TEXT[lang].emptyWorkbook(result.file) };
  }
  return result;
}

/** A file error in the run's language (FileError carries both). */
export const fileErrorText = (e: FileError, lang: Lang | undefined): string => (lang === "en" ? e.en : e.message);

export async function checkFile(file: string, opts: CheckOptions, several: boolean): Promise<FileResult> {
  return markNotProgress(await checkFileInner(file, opts, several), opts.lang ?? "ja");
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
      result.error = { code: "read-only-format", message: fileErrorText(fileError("read-only-format", file), opts.lang) };
    } else if (opts.inPlace && isReadOnly(file)) {
      result.error = { code: "read-only-file", message: CLI_TEXT[opts.lang ?? "ja"].readOnlyInput(file) };
    }
    if (opts.sheet !== undefined && read.sheets.length === 0) {
      const names = read.listing.filter((s) => s.worksheet).map((s) => s.name);
      result.error = { code: "sheet-not-found", message: CLI_TEXT[opts.lang ?? "ja"].sheetNotFound(file, opts.sheet, names) };
      return result;
    }
    inputs = read.sheets;
  } catch (e) {
    if (e instanceof FileError) {
      result.error = { code: e.code, message: fileErrorText(e, opts.lang) };
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
    if (!opts.inPlace) {
      try {
        mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
      } catch (e) {
        throw fileError("no-output-folder", target, String(e));
      }
    }
    writeFileAtomically(out, target, opts.inPlace ? file : undefined);
    result.writtenTo = target;
  } catch (e) {
    if (e instanceof FileError) result.error = { code: e.code, message: fileErrorText(e, opts.lang) };
    else throw e;
  }
  return result;
}

/** Checks before any file is judged: --write's folder (created when missing) and its target. */
export async function prepareWrites(files: readonly string[], opts: CheckOptions): Promise<void> {
  const T = CLI_TEXT[opts.lang ?? "ja"];
  const several = files.length > 1;
  if (opts.write && writesIntoFolder(opts.write, several)) {
    const stat = await fs.stat(opts.write).catch(() => null);
    if (stat && !stat.isDirectory()) throw new UsageError(T.writeDirIsFile(opts.write));
    if (!stat) await fs.mkdir(opts.write, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(T.writeDirFailed(opts.write as string, e.code ?? e.message));
    });
  }
  if (opts.write && !several && path.resolve(outputPath(files[0], opts, false) ?? "") === path.resolve(files[0])) {
    throw new UsageError(T.writeSameAsInput);
  }
}

/**
 * Judges the files one at a time, handing each result to `fold` before the next is read: a round
 * keeps only what its outputs need. Yields to the event loop between files (Ctrl-C is heard).
 */
export async function checkEach(files: readonly string[], opts: CheckOptions, fold: (result: FileResult) => void | Promise<void>): Promise<void> {
  await prepareWrites(files, opts);
  const several = files.length > 1;
  for (const f of files) {
    await fold(await checkFile(f, opts, several));
    opts.onFileDone?.(f);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export async function checkFiles(files: readonly string[], opts: CheckOptions): Promise<FileResult[]> {
  const results: FileResult[] = [];
  await checkEach(files, opts, (r) => {
    results.push(r);
  });
  return results;
}
