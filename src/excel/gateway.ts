/**
 * The gateway between Office.js and the core. Every function takes the request context, so it
 * runs against Excel or against the test fake. One check of one sheet costs at most three
 * context.sync() calls (read, verify, write) up to the payload limit; beyond it, reads and
 * writes go in row blocks, each retried at half size when Excel rejects it as too large.
 */
import {
  a1,
  type Cell,
  type Config,
  countStatuses,
  decodeRecord,
  emptyRecord,
  encodeRecord,
  judge,
  parseA1,
  plan as makePlan,
  RECORD_CHUNK,
  RECORD_SHEET,
  type ShinchokuRecord,
  type SheetInput,
  type SheetReport,
  STATUS_CODES,
  STATUS_LABELS,
  type UndoSheet,
  type WritePlan,
  type WrittenValue,
} from "../core";
import type { XContext, XRange, XWorksheet } from "./api";
import { officeColor, officeRows } from "./cells";
import { GATEWAY_MESSAGES, officeErrorCode, PAYLOAD_CODES, ShinchokuError, toShinchokuError } from "./errors";

/** Excel on the web caps a request or response at 5 MB; aim well below it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/** Column width unit: Office.js measures in points, the plan in characters. */
const POINTS_PER_CHAR = 7;
export const SUMMARY_SHEET = "判定集計";

export interface CheckOptions {
  config: Config;
  /** Sheet to check; the active sheet when absent. */
  sheet?: string;
  /** false: check only, write nothing. */
  write: boolean;
  requested?: boolean;
  /** Several sheets judged in one action share one run (one undo): pass the same stamp to each. */
  runAt?: string;
  /** Bytes one request or response may carry; default PAYLOAD_BUDGET (tests use less). */
  payloadBudget?: number;
}

export interface CheckOutcome {
  report: SheetReport;
  plan: WritePlan | null;
  written: boolean;
}

interface Dims {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

const isPayloadError = (e: unknown): boolean => PAYLOAD_CODES.has(officeErrorCode(e) ?? "");

function sheetOf(ctx: XContext, name: string | undefined): XWorksheet {
  return name === undefined ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItemOrNullObject(name);
}

function readRecordValues(recUsed: XRange): ShinchokuRecord | null {
  if (recUsed.isNullObject) return null;
  const chunks = (recUsed.values as unknown[][]).map((r) => r[0]).filter((v): v is string => typeof v === "string" && v !== "");
  return chunks.length > 0 ? decodeRecord(chunks) : null;
}

/**
 * Reads a rectangle in row blocks (one sync each), halving a block that Excel rejects as too
 * large and sizing the next block from the bytes the last one took.
 */
export async function readInBlocks(ctx: XContext, ws: XWorksheet, d: Dims, props = "values,valueTypes", firstBlock = 2000, budget = PAYLOAD_BUDGET): Promise<{ values: unknown[][]; valueTypes: string[][] }> {
  const values: unknown[][] = [];
  const valueTypes: string[][] = [];
  let block = Math.max(1, firstBlock);
  let r = 0;
  while (r < d.rowCount) {
    const n = Math.min(block, d.rowCount - r);
    const range = ws.getRangeByIndexes(d.rowIndex + r, d.columnIndex, n, d.columnCount);
    range.load(props);
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) && n > 1) {
        block = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    const v = range.values as unknown[][];
    values.push(...v);
    if (props.includes("valueTypes")) valueTypes.push(...(range.valueTypes as string[][]));
    const bytes = JSON.stringify(v).length * 2;
    block = Math.max(1, Math.floor((n * budget) / Math.max(1, bytes)));
    r += n;
  }
  return { values, valueTypes };
}

interface ReadResult {
  ws: XWorksheet;
  input: SheetInput;
  dims: Dims | null;
  record: ShinchokuRecord | null;
  recordExists: boolean;
  protected: boolean;
}

/** Queues the loads of the first read: the sheet, its protection, its used range (with or without values), the record. */
function queueFirstRead(ctx: XContext, sheetName: string | undefined, withValues: boolean) {
  const ws = sheetOf(ctx, sheetName);
  ws.load("name,isNullObject");
  ws.protection.load("protected");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(`isNullObject,rowIndex,columnIndex,rowCount,columnCount${withValues ? ",values,valueTypes" : ""}`);
  const rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
  rec.load("isNullObject");
  const recUsed = rec.getUsedRangeOrNullObject(true);
  recUsed.load("isNullObject,values");
  return { ws, used, rec, recUsed };
}

/** Sync 1 (and more only beyond the payload limit): the used range, the record, protection. */
export async function readSheet(ctx: XContext, sheetName: string | undefined, budget = PAYLOAD_BUDGET): Promise<ReadResult> {
  const first = queueFirstRead(ctx, sheetName, true);
  try {
    await ctx.sync();
    return await finishRead(ctx, first.ws, first.used, first.rec, first.recUsed, false, budget);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
  }
  // The whole used range did not fit in one response: read its size, then row blocks.
  const sized = queueFirstRead(ctx, sheetName, false);
  await ctx.sync();
  return finishRead(ctx, sized.ws, sized.used, sized.rec, sized.recUsed, true, budget);
}

async function finishRead(ctx: XContext, ws: XWorksheet, used: XRange, rec: XWorksheet, recUsed: XRange, chunked: boolean, budget: number): Promise<ReadResult> {
  if (ws.isNullObject) throw new ShinchokuError("sheet-missing", GATEWAY_MESSAGES.ja["sheet-missing"]);
  const record = readRecordValues(recUsed);
  const base = { ws, record, recordExists: !rec.isNullObject, protected: ws.protection.protected };
  if (used.isNullObject) {
    return { ...base, dims: null, input: { sheetName: ws.name, cells: [], origin: { row: 0, col: 0 }, written: record?.sheets[ws.name]?.written } };
  }
  const dims: Dims = { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
  let cells: Cell[][];
  // Beyond 5 million cells Excel returns values as null: read in blocks then too.
  if (chunked || used.values === null || used.values === undefined) {
    const { values, valueTypes } = await readInBlocks(ctx, ws, dims, "values,valueTypes", 2000, budget);
    cells = officeRows(values, valueTypes);
  } else {
    cells = officeRows(used.values as unknown[][], used.valueTypes as string[][]);
  }
  const written = record?.sheets[ws.name]?.written;
  return { ...base, dims, input: { sheetName: ws.name, cells, origin: { row: dims.rowIndex, col: dims.columnIndex }, ...(written ? { written } : {}) } };
}

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

function boxOf(addresses: { row: number; col: number }[]): Box {
  let r0 = Infinity, c0 = Infinity, r1 = 0, c1 = 0;
  for (const a of addresses) {
    r0 = Math.min(r0, a.row);
    c0 = Math.min(c0, a.col);
    r1 = Math.max(r1, a.row);
    c1 = Math.max(c1, a.col);
  }
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

const sameValue = (a: unknown, b: unknown): boolean => (a === "" || a === null || a === undefined ? b === "" || b === null || b === undefined : a === b);

interface Snapshot {
  values: unknown[][];
  props: Excel.CellProperties[][];
  numberFormat: unknown[][];
  widths: (number | null)[];
}

/**
 * Sync 2: re-reads the sheet's size, its header row and the cells the plan writes, and refuses
 * when anything changed since the read. What it reads is also the undo snapshot.
 */
async function verifyAndSnapshot(ctx: XContext, read: ReadResult, plan: WritePlan, box: Box, budget: number): Promise<Snapshot> {
  const { ws, dims, input } = read;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
  const header = dims ? ws.getRangeByIndexes(plan.headerRow - 1, dims.columnIndex, 1, dims.columnCount) : null;
  header?.load("values");
  const widthRanges = plan.columns.map((c) => {
    const r = ws.getRangeByIndexes(0, c.col - 1, 1, 1);
    r.format.load("columnWidth");
    return r;
  });
  // The target cells: in the same sync when they fit the budget, else in row blocks.
  const existingBytes = estimateBoxBytes(input, box);
  const snap: Snapshot = { values: [], props: [], numberFormat: [], widths: [] };
  const loadBlock = (from: number, rows: number) => {
    const target = ws.getRangeByIndexes(box.row - 1 + from, box.col - 1, rows, box.cols);
    target.load("values,numberFormat");
    const props = target.getCellProperties({ format: { fill: { color: true, pattern: true }, font: { bold: true }, wrapText: true } });
    return () => {
      snap.values.push(...(target.values as unknown[][]));
      snap.numberFormat.push(...(target.numberFormat as unknown[][]));
      snap.props.push(...props.value);
    };
  };
  let block = existingBytes <= budget ? box.rows : Math.max(1, Math.floor((box.rows * budget) / existingBytes));
  let from = 0;
  let first = true;
  while (from < box.rows) {
    const n = Math.min(block, box.rows - from);
    const collect = loadBlock(from, n);
    try {
      await ctx.sync(); // the first one also carries the size, header and width reads
    } catch (e) {
      if (isPayloadError(e) && n > 1) {
        block = Math.max(1, Math.floor(n / 2));
        if (first) {
          // The failed batch carried the size/header reads too: queue them again.
          used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
          header?.load("values");
          for (const w of widthRanges) w.format.load("columnWidth");
        }
        continue;
      }
      throw e;
    }
    first = false;
    collect();
    from += n;
  }
  snap.widths = widthRanges.map((w) => w.format.columnWidth ?? null);
  const changed = () => new ShinchokuError("sheet-changed", GATEWAY_MESSAGES.ja["sheet-changed"]);
  if (!dims) {
    if (!used.isNullObject) throw changed();
  } else if (used.isNullObject || used.rowIndex !== dims.rowIndex || used.columnIndex !== dims.columnIndex || used.rowCount !== dims.rowCount || used.columnCount !== dims.columnCount) {
    throw changed();
  }
  if (header && dims) {
    const before = input.cells[plan.headerRow - 1 - dims.rowIndex] ?? [];
    const now = (header.values as unknown[][])[0] ?? [];
    for (let c = 0; c < now.length; c++) if (!sameValue(before[c]?.kind === "empty" ? "" : before[c]?.value, now[c])) throw changed();
  }
  for (let r = 0; r < box.rows; r++) {
    for (let c = 0; c < box.cols; c++) {
      const was = input.cells[box.row + r - 1 - input.origin.row]?.[box.col + c - 1 - input.origin.col];
      if (!sameValue(was && was.kind !== "empty" ? was.value : "", snap.values[r][c])) throw changed();
    }
  }
  return snap;
}

/** Bytes a read of the box would bring back: its current text plus ~90 bytes of properties a cell. */
function estimateBoxBytes(input: SheetInput, box: Box): number {
  let bytes = box.rows * box.cols * 90;
  for (let r = 0; r < box.rows; r++) {
    const row = input.cells[box.row + r - 1 - input.origin.row];
    if (!row) continue;
    for (let c = 0; c < box.cols; c++) bytes += (row[box.col + c - 1 - input.origin.col]?.text.length ?? 0) * 2;
  }
  return bytes;
}

function undoOf(plan: WritePlan, box: Box, snap: Snapshot, previousWritten: Record<string, WrittenValue> | null, sheet: string): UndoSheet {
  return {
    sheet,
    cells: plan.cells.map((c) => {
      const r = c.row - box.row;
      const k = c.col - box.col;
      const v = snap.values[r]?.[k];
      const fill = snap.props[r]?.[k]?.format?.fill;
      const nf = snap.numberFormat[r]?.[k];
      return {
        address: c.address,
        value: v === "" || v === undefined || v === null ? null : (v as WrittenValue),
        fill: fill && fill.pattern && fill.pattern !== "None" && fill.color ? `FF${fill.color.replace("#", "")}` : null,
        numFmt: typeof nf === "string" && nf !== "General" ? nf : null,
        bold: Boolean(snap.props[r]?.[k]?.format?.font?.bold),
        wrap: Boolean(snap.props[r]?.[k]?.format?.wrapText),
      };
    }),
    widths: plan.columns.map((c, i) => ({ col: c.col, width: snap.widths[i] })),
    written: previousWritten,
    validationRange: plan.statusRange ? `${a1(plan.statusRange.firstRow, plan.statusRange.col)}:${a1(plan.statusRange.lastRow, plan.statusRange.col)}` : null,
  };
}

/** Queues the plan's cells as whole 2D blocks (null = leave the cell as it is). Returns bytes queued. */
function queuePlanBlock(ws: XWorksheet, plan: WritePlan, box: Box, rowFrom: number, rowTo: number): number {
  const rows = rowTo - rowFrom + 1;
  const values: (string | number | null)[][] = Array.from({ length: rows }, () => new Array(box.cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: rows }, () => new Array(box.cols).fill(null));
  const props: Excel.SettableCellProperties[][] = Array.from({ length: rows }, () => Array.from({ length: box.cols }, () => ({})));
  let any = false;
  for (const c of plan.cells) {
    if (c.row < rowFrom || c.row > rowTo) continue;
    any = true;
    const r = c.row - rowFrom;
    const k = c.col - box.col;
    values[r][k] = c.value === null ? "" : c.value;
    if (c.numFmt) formats[r][k] = c.numFmt;
    const format: Excel.CellPropertiesFormat = { fill: c.fill ? { color: officeColor(c.fill), pattern: "Solid" } : { pattern: "None" } };
    if (c.bold) format.font = { bold: true };
    if (c.wrap) {
      format.wrapText = true;
      format.verticalAlignment = "Top";
    }
    props[r][k] = { format };
  }
  if (!any) return 0;
  const range = ws.getRangeByIndexes(rowFrom - 1, box.col - 1, rows, box.cols);
  range.values = values as unknown as Excel.Range["values"];
  range.numberFormat = formats as unknown as Excel.Range["numberFormat"];
  range.setCellProperties(props);
  return JSON.stringify(values).length + JSON.stringify(props).length + JSON.stringify(formats).length;
}

/** Sync 3 (or row blocks beyond the payload budget): the plan, widths, validation, the record. */
async function writePlan(ctx: XContext, read: ReadResult, plan: WritePlan, box: Box, record: ShinchokuRecord, budget: number): Promise<void> {
  const { ws } = read;
  const app = ctx.workbook.application;
  const sample = plan.cells.slice(0, 400);
  const approxPerRow = Math.max(200, (JSON.stringify(sample).length / Math.max(1, sample.length)) * box.cols * 2.5);
  let blockRows = Math.max(1, Math.floor(budget / approxPerRow));
  const perSync = chunksPerSync(budget);
  const chunks = encodeRecord(record);
  const lastRow = box.row + box.rows - 1;
  let from = box.row;
  while (from <= lastRow) {
    const to = Math.min(lastRow, from + blockRows - 1);
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    queuePlanBlock(ws, plan, box, from, to);
    const last = to === lastRow;
    if (last) {
      for (const c of plan.columns) ws.getRangeByIndexes(0, c.col - 1, 1, 1).format.columnWidth = c.width * POINTS_PER_CHAR;
      if (plan.statusRange) {
        const { col, firstRow, lastRow: lr } = plan.statusRange;
        const dv = ws.getRangeByIndexes(firstRow - 1, col - 1, lr - firstRow + 1, 1).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: Object.values(STATUS_LABELS.ja).join(",") } };
      }
      // The record goes with the last block when it fits, so a small sheet is written in one sync.
      queueRecordStart(ctx, read.recordExists, chunks, perSync);
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) && to > from) {
        blockRows = Math.max(1, Math.floor((to - from + 1) / 2));
        continue;
      }
      throw e;
    }
    from = to + 1;
  }
  await writeRemainingChunks(ctx, chunks, perSync);
}

const chunksPerSync = (budget: number): number => Math.max(1, Math.floor(budget / (RECORD_CHUNK * 2.2)));

/** Queues clearing/creating the record sheet and its first chunks (without a sync). */
function queueRecordStart(ctx: XContext, recordExists: boolean, chunks: string[], perSync: number): void {
  let rec: XWorksheet;
  if (recordExists) {
    rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.getRange("A:A").clear("Contents");
  } else {
    rec = ctx.workbook.worksheets.add(RECORD_SHEET);
    rec.visibility = "VeryHidden";
  }
  const part = chunks.slice(0, perSync);
  rec.getRangeByIndexes(0, 0, part.length, 1).values = part.map((c) => [c]);
}

async function writeRemainingChunks(ctx: XContext, chunks: string[], perSync: number): Promise<void> {
  const rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
  for (let i = perSync; i < chunks.length; i += perSync) {
    const part = chunks.slice(i, i + perSync);
    rec.getRangeByIndexes(i, 0, part.length, 1).values = part.map((c) => [c]);
    await ctx.sync();
  }
}

/** Writes the record's chunks, as many a sync as fit the payload budget (usually all in one). */
async function writeRecordChunks(ctx: XContext, recordExists: boolean, chunks: string[], budget = PAYLOAD_BUDGET): Promise<void> {
  const perSync = chunksPerSync(budget);
  queueRecordStart(ctx, recordExists, chunks, perSync);
  await ctx.sync();
  await writeRemainingChunks(ctx, chunks, perSync);
}

/** Judges one sheet and (optionally) writes the results: one Excel.run's worth of work. */
export async function checkSheet(ctx: XContext, opts: CheckOptions): Promise<CheckOutcome> {
  try {
    const budget = opts.payloadBudget ?? PAYLOAD_BUDGET;
    const read = await readSheet(ctx, opts.sheet, budget);
    const report = judge(read.input, opts.config, { requested: opts.requested ?? true });
    if (!opts.write || !report.recognized) return { report, plan: null, written: false };
    const planned = makePlan(report, read.input, opts.config);
    if (!planned.ok) throw new ShinchokuError(planned.error.code, planned.error.message);
    const plan = planned.plan;
    if (read.protected) throw new ShinchokuError("protected", GATEWAY_MESSAGES.ja.protected);
    const box = boxOf(plan.cells);
    const snap = await verifyAndSnapshot(ctx, read, plan, box, budget);
    const oldRecord = read.record ? encodeRecord(read.record) : null;
    const record = read.record ?? emptyRecord();
    const undo = undoOf(plan, box, snap, record.sheets[plan.sheet]?.written ?? null, plan.sheet);
    record.sheets[plan.sheet] = { written: plan.written };
    const sameRun = opts.runAt !== undefined && record.lastRun?.at === opts.runAt;
    record.lastRun = { at: opts.runAt ?? new Date().toISOString(), undo: sameRun && record.lastRun ? [...record.lastRun.undo, undo] : [undo] };
    try {
      await writePlan(ctx, read, plan, box, record, budget);
    } catch (e) {
      await rollBack(ctx, read.ws, undo, oldRecord, read.recordExists).catch((r) => console.error("Shinchoku: roll-back failed", r));
      throw e;
    }
    return { report, plan, written: true };
  } catch (e) {
    throw toShinchokuError(e);
  }
}

/** Queues putting back what an UndoSheet holds: values, fills, number formats, widths; drops the validation. */
function queueRestore(ws: XWorksheet, u: UndoSheet, rowFrom = 1, rowTo = Number.MAX_SAFE_INTEGER): void {
  const points = u.cells.map((c) => ({ ...c, ...(parseA1(c.address) ?? { row: 1, col: 1 }) })).filter((p) => p.row >= rowFrom && p.row <= rowTo);
  if (points.length === 0) return;
  const box = boxOf(points);
  const values: (WrittenValue | string)[][] = Array.from({ length: box.rows }, () => new Array(box.cols).fill(null));
  const formats: (string | null)[][] = Array.from({ length: box.rows }, () => new Array(box.cols).fill(null));
  const props: Excel.SettableCellProperties[][] = Array.from({ length: box.rows }, () => Array.from({ length: box.cols }, () => ({})));
  for (const p of points) {
    const r = p.row - box.row;
    const k = p.col - box.col;
    values[r][k] = p.value === null ? "" : p.value;
    formats[r][k] = p.numFmt ?? "General";
    props[r][k] = { format: { fill: p.fill ? { color: officeColor(p.fill), pattern: "Solid" } : { pattern: "None" }, font: { bold: Boolean(p.bold) }, wrapText: Boolean(p.wrap) } };
  }
  if (u.validationRange && rowFrom === 1) {
    const [from, to] = u.validationRange.split(":").map((x) => parseA1(x));
    if (from && to) ws.getRangeByIndexes(from.row - 1, from.col - 1, to.row - from.row + 1, 1).dataValidation.clear();
  }
  const range = ws.getRangeByIndexes(box.row - 1, box.col - 1, box.rows, box.cols);
  range.values = values as unknown as Excel.Range["values"];
  range.numberFormat = formats as unknown as Excel.Range["numberFormat"];
  range.setCellProperties(props);
  if (rowFrom === 1) for (const w of u.widths) if (w.width !== null) ws.getRangeByIndexes(0, w.col - 1, 1, 1).format.columnWidth = w.width;
}

/**
 * After a failure part-way through a write, puts every cell back as it was (and the record as
 * it was), so a sheet is left either as before or as planned, never a mix.
 */
async function rollBack(ctx: XContext, ws: XWorksheet, undo: UndoSheet, oldRecord: string[] | null, recordExists: boolean): Promise<void> {
  try {
    queueRestore(ws, undo);
    await ctx.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    const rows = undo.cells.map((c) => parseA1(c.address)?.row ?? 1);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    for (let r = first; r <= last; r += 500) {
      queueRestore(ws, undo, r, r + 499);
      await ctx.sync();
    }
  }
  if (oldRecord) await writeRecordChunks(ctx, recordExists, oldRecord);
  else {
    // No record before this run: an empty record sheet reads as "no record".
    const rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.getRange("A:A").clear("Contents");
    await ctx.sync().catch(() => undefined);
  }
}

/** Restores every cell of the last run exactly (values, fills, number formats, widths). */
export async function undoLast(ctx: XContext): Promise<boolean> {
  try {
    const rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
    rec.load("isNullObject");
    const recUsed = rec.getUsedRangeOrNullObject(true);
    recUsed.load("isNullObject,values");
    await ctx.sync();
    const record = readRecordValues(recUsed);
    if (!record || !record.lastRun) return false;
    for (const u of record.lastRun.undo) {
      queueRestore(ctx.workbook.worksheets.getItemOrNullObject(u.sheet), u);
      if (u.written) record.sheets[u.sheet] = { written: u.written };
      else delete record.sheets[u.sheet];
    }
    record.lastRun = null;
    await ctx.sync();
    await writeRecordChunks(ctx, true, encodeRecord(record));
    return true;
  } catch (e) {
    throw toShinchokuError(e);
  }
}

export async function selectCell(ctx: XContext, sheet: string, cell: string): Promise<void> {
  try {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await ctx.sync();
  } catch (e) {
    throw toShinchokuError(e);
  }
}

export async function listSheets(ctx: XContext): Promise<string[]> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await ctx.sync();
  return sheets.items.filter((s) => s.visibility === "Visible" && s.name !== RECORD_SHEET && s.name !== SUMMARY_SHEET).map((s) => s.name);
}

export async function activeSheetName(ctx: XContext): Promise<string> {
  const ws = ctx.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  await ctx.sync();
  return ws.name;
}

/** Writes the 判定集計 sheet (counts per status per sheet, and a stacked column chart). */
export async function writeSummary(ctx: XContext, reports: SheetReport[]): Promise<void> {
  const existing = ctx.workbook.worksheets.getItemOrNullObject(SUMMARY_SHEET);
  existing.load("isNullObject");
  existing.charts.load("items");
  const rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
  const recUsed = rec.getUsedRangeOrNullObject(true);
  recUsed.load("isNullObject,values");
  rec.load("isNullObject");
  await ctx.sync();
  const record = readRecordValues(recUsed) ?? emptyRecord();
  const ours = record.summarySheet === true;
  if (!existing.isNullObject && !ours) throw new ShinchokuError("summary-sheet-taken", GATEWAY_MESSAGES.ja["summary-sheet-taken"]);
  let ws: XWorksheet;
  if (existing.isNullObject) ws = ctx.workbook.worksheets.add(SUMMARY_SHEET);
  else {
    ws = existing;
    ws.getRange().clear("All");
    for (const chart of existing.charts.items) chart.delete();
  }
  const labels = STATUS_CODES.map((s) => STATUS_LABELS.ja[s]);
  const rows: (string | number)[][] = [["シート", ...labels, "エラー", "警告"]];
  for (const r of reports.filter((x) => x.recognized)) {
    const counts = countStatuses(r.items);
    rows.push([r.sheet, ...STATUS_CODES.map((s) => counts[s]), r.issues.filter((i) => i.severity === "error").length, r.issues.filter((i) => i.severity === "warning").length]);
  }
  const table = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
  table.values = rows as unknown as Excel.Range["values"];
  ws.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
  if (rows.length > 1) {
    const chart = ws.charts.add("ColumnStacked", ws.getRangeByIndexes(0, 0, rows.length, 1 + labels.length), "Columns");
    chart.title.text = "シート別 達成状況";
    chart.setPosition(a1(rows.length + 3, 1), a1(rows.length + 20, 8));
  }
  record.summarySheet = true;
  await ctx.sync();
  await writeRecordChunks(ctx, !rec.isNullObject, encodeRecord(record));
}
