import * as fs from "fs";
import type { Cell, SheetInput } from "../../src/core";
import { fixture } from "./shared";

export type Raw = string | number | boolean | null | { error: string };

export function cell(v: Raw): Cell {
  if (v === null || v === "") return { value: null, kind: "empty", text: "" };
  if (typeof v === "number") return { value: v, kind: "number", text: String(v) };
  if (typeof v === "boolean") return { value: v, kind: "boolean", text: v ? "TRUE" : "FALSE" };
  if (typeof v === "object") return { value: v.error, kind: "error", text: v.error };
  return { value: v, kind: "text", text: v };
}

export function sheet(rows: Raw[][], sheetName = "Sheet1", extra: Partial<SheetInput> = {}): SheetInput {
  return { sheetName, cells: rows.map((r) => r.map(cell)), origin: { row: 0, col: 0 }, ...extra };
}

export const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

/** A standard sheet: title, blank, header, then items given as [番号, 項目名, 目標, 期末自己評価]. */
export function progressSheet(title: string, items: [Raw, Raw, Raw, Raw][], sheetName = "Sheet1"): SheetInput {
  return sheet(
    [[title], [], HEADER, ...items.map(([no, name, target, fin]) => [no, name, "状態", target, "計画", "中間", fin, "課題"])],
    sheetName,
  );
}

/** The seed sheet from its TSV extraction (HTML markup and all). */
export function seedFromTsv(): SheetInput {
  const rows = fs
    .readFileSync(fixture("seed-jinji-zaisei-r2.tsv"), "utf8")
    .replace(/\n$/, "")
    .split("\n")
    .map((line) => line.split("\t").map((v) => (/^\d+$/.test(v) ? Number(v) : v)));
  return sheet(rows, "人事・財政部会");
}
