/**
 * The record Shinchoku keeps inside a workbook (a hidden sheet): what it wrote, so that it never
 * mistakes a user's cell for its own, and what was there before its last run, for undo.
 * Both adapters store it the same way, so a workbook judged by the CLI can be re-run in Excel.
 */
import type { WrittenValue } from "./types";

export const RECORD_SHEET = "_shinchoku";
/** Excel's cell limit is 32,767 characters; stay well under it. */
export const RECORD_CHUNK = 30000;

export interface CellSnapshot {
  address: string;
  value: WrittenValue;
  fill: string | null;
  numFmt: string | null;
  /** Font weight and wrapping before the run (absent in records of older versions: taken as off). */
  bold?: boolean;
  wrap?: boolean;
}

export interface SheetRecord {
  written: Record<string, WrittenValue>;
}

export interface UndoSheet {
  sheet: string;
  cells: CellSnapshot[];
  /** Column widths before the run (col → width or null for default). */
  widths: { col: number; width: number | null }[];
  /** The ownership record before the run. */
  written: Record<string, WrittenValue> | null;
  /** Whether the status cells had Shinchoku's list validation added by this run. */
  validationRange: string | null;
}

/**
 * Per sheet, the state before Shinchoku first touched each of its cells and columns: a cell or
 * column enters the origin the first time a run writes it, and is never replaced after. Undoing
 * to the origin gives the sheet back as it was before Shinchoku ever wrote in it (`undo --all`),
 * however many runs came between.
 */
export interface OriginSheet extends UndoSheet {
  at: string;
}

export interface ShinchokuRecord {
  version: 1;
  sheets: Record<string, SheetRecord>;
  lastRun: { at: string; undo: UndoSheet[] } | null;
  /** Sheet name → the state before the first write (absent in records of older versions). */
  origin?: Record<string, OriginSheet>;
  /**
   * Fingerprints of the shared parts the snapshots' exact XML refers to (style and shared-string
   * indexes), as the file adapter left them. When another program has since rewritten them, undo
   * restores values and looks instead of the stored XML.
   */
  fingerprint?: { styles: string; sharedStrings: string };
  /** Whether the 判定集計 sheet was made by Shinchoku (so it may rewrite it). */
  summarySheet?: boolean;
  /** What one adapter keeps for itself (the file adapter: how to take its edits of shared parts back); others pass it on. */
  adapter?: Record<string, unknown>;
}

export const emptyRecord = (): ShinchokuRecord => ({ version: 1, sheets: {}, lastRun: null });

export function encodeRecord(record: ShinchokuRecord): string[] {
  const json = JSON.stringify(record);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; ) {
    let end = Math.min(json.length, i + RECORD_CHUNK);
    // Never split a surrogate pair: each half alone would be stored as U+FFFD.
    const last = json.charCodeAt(end - 1);
    if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
    chunks.push(json.slice(i, end));
    i = end;
  }
  return chunks.length > 0 ? chunks : ["{}"];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Decodes stored chunks; a damaged or foreign record gives null (and is then treated as absent). */
export function decodeRecord(chunks: readonly string[]): ShinchokuRecord | null {
  try {
    const parsed: unknown = JSON.parse(chunks.join(""));
    if (!isObj(parsed) || parsed.version !== 1 || !isObj(parsed.sheets)) return null;
    return {
      version: 1,
      sheets: parsed.sheets as Record<string, SheetRecord>,
      lastRun: (parsed.lastRun as ShinchokuRecord["lastRun"]) ?? null,
      ...(parsed.summarySheet === true ? { summarySheet: true } : {}),
      ...(isObj(parsed.origin) ? { origin: parsed.origin as Record<string, OriginSheet> } : {}),
      ...(isObj(parsed.fingerprint) ? { fingerprint: parsed.fingerprint as { styles: string; sharedStrings: string } } : {}),
      ...(isObj(parsed.adapter) ? { adapter: parsed.adapter } : {}),
    };
  } catch {
    return null;
  }
}
