/** Comparison with the previous round's report.json: per item, new / improved / worsened / unchanged. */
import type { FileResult } from "../cli/model";
import type { StatusCode } from "../core";
import { baseName } from "./path";

export type Change = "new" | "improved" | "worsened" | "unchanged";

export const CHANGE_LABELS: Record<Change, string> = { new: "新規", improved: "改善", worsened: "悪化", unchanged: "変化なし" };

const RANK: Record<StatusCode, number> = { not_entered: 0, unknown: 1, not_achieved: 2, mostly_achieved: 3, achieved: 4 };

interface PreviousJson {
  files?: { file?: string; sheets?: { sheet?: string; items?: { number?: string; title?: string; status?: StatusCode }[] }[] }[];
}

/** Items match by file name (not folder: rounds live in different folders), sheet and 番号 (or 項目名). */
const keyOf = (file: string, sheet: string, number: string, title: string): string => `${baseName(file)}\u0000${sheet}\u0000${number || title}`;

export function parsePrevious(text: string): Map<string, StatusCode> {
  const json = JSON.parse(text) as PreviousJson;
  if (!json || !Array.isArray(json.files)) throw new Error("not a Shinchoku report.json (no files)");
  const map = new Map<string, StatusCode>();
  for (const f of json.files) for (const s of f.sheets ?? []) for (const i of s.items ?? []) if (i.status && f.file && s.sheet) map.set(keyOf(f.file, s.sheet, i.number ?? "", i.title ?? ""), i.status);
  return map;
}

/** Change per item, keyed `${file}\0${sheet}\0${row}`. */
export function compareWithPrevious(files: readonly FileResult[], previous: Map<string, StatusCode>): Map<string, Change> {
  const out = new Map<string, Change>();
  for (const f of files)
    for (const s of f.sheets)
      for (const i of s.items) {
        const before = previous.get(keyOf(f.file, s.sheet, i.number, i.title));
        const change: Change = before === undefined ? "new" : RANK[i.status] > RANK[before] ? "improved" : RANK[i.status] < RANK[before] ? "worsened" : "unchanged";
        out.set(`${f.file}\u0000${s.sheet}\u0000${i.row}`, change);
      }
  return out;
}

export const changeKey = (file: string, sheet: string, row: number): string => `${file}\u0000${sheet}\u0000${row}`;
