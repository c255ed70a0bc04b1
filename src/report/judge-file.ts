/**
 * One submission judged from its bytes, as `shinchoku report` judges a file it reads from disk
 * (src/cli/check.ts): the same size checks, reader, judge over every sheet and the workbook's
 * finalisation, and the same file-level errors. Pure: runs in a Web Worker, the task pane and Node.
 */
import type { FileResult } from "../cli/model";
import { type Config, finalizeWorkbook, judge, type Lang, plan, type SheetInput, type WritePlan } from "../core";
import { CLI_TEXT } from "../core/messages-cli";
import { FILE_LIMITS } from "../core/messages-file";
import { FileError, fileError, patchWorkbook, readWorkbook } from "../xlsx";

export interface JudgedFile {
  result: FileResult;
  /** The sheets read (for a judged copy); null when the file could not be read. */
  inputs: SheetInput[] | null;
}

export function judgeFileBytes(bytes: Uint8Array, file: string, config: Config, lang: Lang = "ja"): JudgedFile {
  const result: FileResult = { file, error: null, sheets: [], writtenTo: null };
  let inputs: SheetInput[];
  try {
    if (bytes.length === 0) throw fileError("empty-file", file);
    if (bytes.length > FILE_LIMITS.maxFileBytes) throw fileError("too-large", file);
    inputs = readWorkbook(bytes, file).sheets;
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    result.error = { code: e.code, message: e.message };
    return { result, inputs: null };
  }
  const reports = inputs.map((input) => judge(input, config, { requested: false }));
  result.sheets = reports.length > 0 ? finalizeWorkbook(reports) : reports;
  // A readable workbook with no progress sheet at all is an error entry of its own (the round goes on).
  if (result.sheets.length > 0 && result.sheets.every((s) => !s.recognized)) result.error = { code: "not-a-progress-workbook", message: CLI_TEXT[lang].notProgress(file) };
  if (result.sheets.length === 0) result.error = { code: "empty-workbook", message: CLI_TEXT[lang].emptyWorkbook(file) };
  return { result, inputs };
}

/** The judged copy of a submission (as `--write` saves it), or null when there is nothing to write or it cannot be written (.xls/.ods, a refused plan). */
export function judgedCopy(bytes: Uint8Array, file: string, judged: JudgedFile, config: Config): Uint8Array | null {
  if (!judged.inputs || judged.result.error !== null || /\.(xls|ods)$/i.test(file)) return null;
  const plans: WritePlan[] = [];
  judged.result.sheets.forEach((r, i) => {
    if (!r.recognized || !judged.inputs) return;
    const p = plan(r, judged.inputs[i], config);
    if (p.ok) plans.push(p.plan);
  });
  if (plans.length === 0) return null;
  try {
    return patchWorkbook(bytes, file, plans);
  } catch {
    return null;
  }
}
