/** Shinchoku's record (ownership and undo) as stored in the package's very hidden `_shinchoku` sheet. */
import { decodeRecord, RECORD_SHEET, type ShinchokuRecord } from "../core";
import { type OoxmlPackage, readSharedStrings, readStyleInfo } from "./package";
import { scanSheet } from "./read";
import { entryText } from "./zip";

/** The record: column A's texts from row 1 down, joined; null when absent or damaged. */
export function readRecordOf(pkg: OoxmlPackage, shared?: () => string[]): ShinchokuRecord | null {
  const entry = pkg.sheets.find((s) => s.name === RECORD_SHEET && s.part !== null);
  if (!entry?.part) return null;
  const xml = entryText(pkg.zip, entry.part) ?? "";
  let strings: string[] | null = null;
  const cells = scanSheet(xml, shared ?? (() => (strings ??= readSharedStrings(pkg))), readStyleInfo(pkg).formats, false, null).cells;
  const chunks: string[] = [];
  for (const row of cells) {
    const c = row?.[0];
    if (!c || c.kind !== "text") break;
    chunks.push(String(c.value));
  }
  return chunks.length > 0 ? decodeRecord(chunks) : null;
}
