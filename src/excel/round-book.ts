/**
 * The task pane's round into Excel: 集計.xlsx opened as a new workbook (Excel.createWorkbook,
 * ExcelApi 1.8), or, where that is not available, its three sheets added to the current workbook
 * (values only, names made unique: 提出状況 (2) …).
 */
import type { XContext } from "./api";

export type RoundValue = string | number | null;
export interface RoundSheet {
  name: string;
  header: string[];
  rows: RoundValue[][];
}

function base64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A sheet name not yet taken (Excel compares names without case). */
export function freeName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

const BLOCK = 2000;

/** Adds the sheets to the workbook of `ctx`, in blocks of rows (one sync per block). */
export async function addRoundSheets(ctx: XContext, sheets: readonly RoundSheet[]): Promise<string[]> {
  const collection = ctx.workbook.worksheets;
  collection.load("items/name");
  await ctx.sync();
  const taken = collection.items.map((w) => w.name);
  const names: string[] = [];
  for (const s of sheets) {
    const name = freeName(s.name, taken);
    taken.push(name);
    names.push(name);
    const ws = collection.add(name);
    const all = [s.header as RoundValue[], ...s.rows];
    const cols = s.header.length;
    for (let r = 0; r < all.length; r += BLOCK) {
      const block = all.slice(r, r + BLOCK).map((row) => Array.from({ length: cols }, (_, c) => row[c] ?? ""));
      ws.getRangeByIndexes(r, 0, block.length, cols).values = block;
      await ctx.sync();
    }
  }
  const first = collection.getItem(names[0]);
  first.activate();
  await ctx.sync();
  return names;
}

/** "new": opened as a new workbook; "here": added to the current one. */
export async function writeRoundBook(xlsx: Uint8Array, sheets: readonly RoundSheet[]): Promise<"new" | "here"> {
  const create = (Excel as unknown as { createWorkbook?: (base64File?: string) => Promise<void> }).createWorkbook;
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.8") && typeof create === "function") {
    await create(base64(xlsx));
    return "new";
  }
  await Excel.run(async (context) => {
    await addRoundSheets(context as unknown as XContext, sheets);
  });
  return "here";
}
