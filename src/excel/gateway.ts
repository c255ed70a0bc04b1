/**
 * The gateway between Office.js and the core. Every function takes the request context, so it
 * runs against Excel or against the test fake. One check of one sheet costs three
 * context.sync() calls (read, verify, write) up to the payload limit, and one more to read the
 * record when the workbook has one (an OrNullObject is only used after a sync showed it
 * exists); beyond the limit, reads and writes go in row blocks, each retried at half size when
 * Excel rejects it as too large.
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
  numberCell,
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
import { charsToPoints, officeColor, officeRows, pointsToChars, utf8Bytes } from "./cells";
import { GATEWAY_MESSAGES, officeErrorCode, PAYLOAD_CODES, ShinchokuError, toShinchokuError } from "./errors";

/** Excel on the web caps a request or response at 5 MB; aim well below it. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
export const SUMMARY_SHEET = "判定集計";
/**
 * The text number format. Range.values: "If the returned value starts with a plus ("+"), minus
 * ("-"), or equal sign ("="), Excel interprets this value as a formula", and ISO-shaped strings
 * become dates; a cell formatted as text keeps what is written as it is.
 */
const TEXT_FORMAT = "@";

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
  /** An all-sheets run: the record is read once and written once, by finishRun(). */
  run?: RunRecord;
}

/** The record shared by the sheets of one all-sheets run (startRun → checkSheet… → finishRun). */
export interface RunRecord {
  loaded: boolean;
  record: ShinchokuRecord | null;
  exists: boolean;
  /** A sheet (or the summary) was written: the record must be written at the end. */
  changed: boolean;
}

export const startRun = (): RunRecord => ({ loaded: false, record: null, exists: false, changed: false });

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

function decodeChunks(values: unknown[][]): ShinchokuRecord | null {
  const chunks = values.map((r) => r[0]).filter((v): v is string => typeof v === "string" && v !== "");
  return chunks.length > 0 ? decodeRecord(chunks) : null;
}

/** Queues the record sheet's existence check: nothing is chained on it before a sync shows it exists. */
function queueRecordProbe(ctx: XContext): XWorksheet {
  const rec = ctx.workbook.worksheets.getItemOrNullObject(RECORD_SHEET);
  rec.load("isNullObject");
  return rec;
}

/** Reads the record's chunks from a record sheet a sync has shown to exist: whole, or in row blocks over the budget. */
async function readRecordChunks(ctx: XContext, rec: XWorksheet, budget: number): Promise<ShinchokuRecord | null> {
  const used = rec.getUsedRangeOrNullObject(true);
  used.load("isNullObject,values");
  try {
    await ctx.sync();
    return used.isNullObject ? null : decodeChunks(used.values as unknown[][]);
  } catch (e) {
    if (!isPayloadError(e)) throw e;
  }
  const sized = rec.getUsedRangeOrNullObject(true);
  sized.load("isNullObject,rowIndex,rowCount");
  await ctx.sync();
  if (sized.isNullObject) return null;
  // A chunk is at most RECORD_CHUNK characters, 3 bytes each in UTF-8.
  const perBlock = Math.max(1, Math.floor(budget / (RECORD_CHUNK * 3 + 64)));
  const { values } = await readInBlocks(ctx, rec, { rowIndex: sized.rowIndex, columnIndex: 0, rowCount: sized.rowCount, columnCount: 1 }, ["values"], perBlock, budget);
  return decodeChunks(values);
}

/** Reads the record (two syncs when it exists: existence, then chunks). */
async function readRecord(ctx: XContext, budget: number): Promise<{ record: ShinchokuRecord | null; exists: boolean }> {
  const rec = queueRecordProbe(ctx);
  await ctx.sync();
  if (rec.isNullObject) return { record: null, exists: false };
  return { record: await readRecordChunks(ctx, rec, budget), exists: true };
}

type ReadProp = "values" | "valueTypes" | "numberFormat";
interface Block {
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: unknown[][];
}

/**
 * Reads a rectangle in row blocks (one sync each), halving a block that Excel rejects as too
 * large and sizing the next block from the UTF-8 bytes the last one took.
 */
export async function readInBlocks(ctx: XContext, ws: XWorksheet, d: Dims, props: ReadProp[] = ["values", "valueTypes", "numberFormat"], firstBlock = 2000, budget = PAYLOAD_BUDGET): Promise<Block> {
  const out: Block = { values: [], valueTypes: [], numberFormat: [] };
  let block = Math.max(1, firstBlock);
  let r = 0;
  while (r < d.rowCount) {
    const n = Math.min(block, d.rowCount - r);
    const range = ws.getRangeByIndexes(d.rowIndex + r, d.columnIndex, n, d.columnCount);
    range.load(props.join(","));
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) && n > 1) {
        block = Math.max(1, Math.floor(n / 2));
        continue;
      }
      throw e;
    }
    let bytes = 0;
    for (const p of props) {
      const got = range[p] as unknown[][];
      (out[p] as unknown[][]).push(...got);
      bytes += utf8Bytes(JSON.stringify(got));
    }
    block = Math.max(1, Math.floor((n * budget) / Math.max(1, bytes)));
    r += n;
  }
  return out;
}

interface ReadResult {
  ws: XWorksheet;
  input: SheetInput;
  dims: Dims | null;
  record: ShinchokuRecord | null;
  recordExists: boolean;
  protected: boolean;
}

const CELL_PROPS = "values,valueTypes,numberFormat";

/**
 * Queues the loads of the first read: the sheet (getItem: a missing one fails the sync with
 * ItemNotFound), its protection, its used range (with or without the cells), and the record
 * sheet's existence.
 */
function queueFirstRead(ctx: XContext, sheetName: string | undefined, withValues: boolean, probeRecord: boolean) {
  const ws = sheetName === undefined ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItem(sheetName);
  ws.load("name");
  ws.protection.load("protected");
  const used = ws.getUsedRangeOrNullObject(true);
  used.load(`isNullObject,rowIndex,columnIndex,rowCount,columnCount${withValues ? `,${CELL_PROPS}` : ""}`);
  const rec = probeRecord ? queueRecordProbe(ctx) : null;
  return { ws, used, rec };
}

/** Sync 1 (the sheet, its values and number formats, protection, whether a record exists); sync 2 the record if any; more only beyond the payload limit. */
export async function readSheet(ctx: XContext, sheetName: string | undefined, budget = PAYLOAD_BUDGET, run?: RunRecord): Promise<ReadResult> {
  const probe = !run?.loaded;
  let first = queueFirstRead(ctx, sheetName, true, probe);
  let chunked = false;
  try {
    await ctx.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    // The whole used range did not fit in one response: read its size, then row blocks.
    first = queueFirstRead(ctx, sheetName, false, probe);
    await ctx.sync();
    chunked = true;
  }
  let record: ShinchokuRecord | null;
  let recordExists: boolean;
  if (run?.loaded) {
    record = run.record;
    recordExists = run.exists;
  } else {
    recordExists = first.rec !== null && !first.rec.isNullObject;
    record = recordExists && first.rec ? await readRecordChunks(ctx, first.rec, budget) : null;
    if (run) Object.assign(run, { loaded: true, record, exists: recordExists });
  }
  return finishRead(ctx, first.ws, first.used, record, recordExists, chunked, budget);
}

async function finishRead(ctx: XContext, ws: XWorksheet, used: XRange, record: ShinchokuRecord | null, recordExists: boolean, chunked: boolean, budget: number): Promise<ReadResult> {
  const base = { ws, record, recordExists, protected: ws.protection.protected };
  if (used.isNullObject) {
    return { ...base, dims: null, input: { sheetName: ws.name, cells: [], origin: { row: 0, col: 0 }, written: record?.sheets[ws.name]?.written } };
  }
  const dims: Dims = { rowIndex: used.rowIndex, columnIndex: used.columnIndex, rowCount: used.rowCount, columnCount: used.columnCount };
  let cells: Cell[][];
  // Defensive: values missing from the response are read in blocks too. (A read of more than 5,000,000 cells
  // fails with RangeExceedsLimit, per the Excel limits page, and is reported as range-too-large.)
  if (chunked || used.values === null || used.values === undefined) {
    const b = await readInBlocks(ctx, ws, dims, ["values", "valueTypes", "numberFormat"], 2000, budget);
    cells = officeRows(b.values, b.valueTypes, b.numberFormat);
  } else {
    cells = officeRows(used.values as unknown[][], used.valueTypes as string[][], used.numberFormat as unknown[][]);
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

const isBlank = (v: unknown): boolean => v === "" || v === null || v === undefined;

/** Whether what Excel holds now (raw value and number format) is the cell the core was given. */
function sameCell(was: Cell | undefined, raw: unknown, format: unknown): boolean {
  if (!was || was.kind === "empty") return isBlank(raw);
  if (isBlank(raw)) return false;
  if (typeof raw === "number") {
    const now = numberCell(raw, typeof format === "string" ? format : null);
    return was.kind === "date" ? now.kind === "date" && now.value === was.value : was.value === raw;
  }
  return was.value === raw;
}

interface Snapshot {
  values: unknown[][];
  props: Excel.CellProperties[][];
  numberFormat: unknown[][];
  /** Widths before the run, in characters (the record's unit). */
  widths: (number | null)[];
  /** The user's validation rules on the status cells (cleared by the write). */
  validations: ValidationPiece[];
}

/**
 * Sync 2: re-reads the sheet's size, its header row and the cells the plan writes, and refuses
 * when anything changed since the read. What it reads is also the undo snapshot.
 */
async function verifyAndSnapshot(ctx: XContext, read: ReadResult, plan: WritePlan, box: Box, budget: number): Promise<Snapshot> {
  const { ws, dims, input } = read;
  const used = ws.getUsedRangeOrNullObject(true);
  const header = dims ? ws.getRangeByIndexes(plan.headerRow - 1, dims.columnIndex, 1, dims.columnCount) : null;
  const widthRanges = plan.columns.map((c) => ws.getRangeByIndexes(0, c.col - 1, 1, 1));
  const sr = plan.statusRange;
  const statusDv = sr ? ws.getRangeByIndexes(sr.firstRow - 1, sr.col - 1, sr.lastRow - sr.firstRow + 1, 1).dataValidation : null;
  const queueChecks = () => {
    used.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
    header?.load("values,numberFormat");
    for (const w of widthRanges) w.format.load("columnWidth");
    statusDv?.load("type,rule");
  };
  queueChecks();
  // The target cells: in the same sync when they fit the budget, else in row blocks.
  const existingBytes = estimateBoxBytes(input, box);
  const snap: Snapshot = { values: [], props: [], numberFormat: [], widths: [], validations: [] };
  const loadBlock = (from: number, rows: number) => {
    const target = ws.getRangeByIndexes(box.row - 1 + from, box.col - 1, rows, box.cols);
    target.load("values,numberFormat");
    const props = target.getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true }, font: { bold: true }, wrapText: true, verticalAlignment: true } });
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
        if (first) queueChecks(); // the failed batch carried them too
        continue;
      }
      throw e;
    }
    first = false;
    collect();
    from += n;
  }
  snap.widths = widthRanges.map((w) => (typeof w.format.columnWidth === "number" ? pointsToChars(w.format.columnWidth) : null));
  if (sr && statusDv) snap.validations = await statusValidations(ctx, ws, sr, statusDv);
  const changed = () => new ShinchokuError("sheet-changed", GATEWAY_MESSAGES.ja["sheet-changed"]);
  if (!dims) {
    if (!used.isNullObject) throw changed();
  } else if (used.isNullObject || used.rowIndex !== dims.rowIndex || used.columnIndex !== dims.columnIndex || used.rowCount !== dims.rowCount || used.columnCount !== dims.columnCount) {
    throw changed();
  }
  if (header && dims) {
    const before = input.cells[plan.headerRow - 1 - dims.rowIndex] ?? [];
    const now = (header.values as unknown[][])[0] ?? [];
    const fmts = (header.numberFormat as unknown[][])[0] ?? [];
    for (let c = 0; c < now.length; c++) if (!sameCell(before[c], now[c], fmts[c])) throw changed();
  }
  for (let r = 0; r < box.rows; r++) {
    for (let c = 0; c < box.cols; c++) {
      const was = input.cells[box.row + r - 1 - input.origin.row]?.[box.col + c - 1 - input.origin.col];
      if (!sameCell(was, snap.values[r][c], snap.numberFormat[r]?.[c])) throw changed();
    }
  }
  return snap;
}

/**
 * The validation rules on the status cells before the write (Shinchoku's own list included: a
 * re-run puts it back on undo). One rule over the whole range comes with the verify sync; rules
 * differing by cell (DataValidation.type "Inconsistent" / "MixedCriteria") take one more sync,
 * a cell each, merged into runs of the same rule.
 */
async function statusValidations(ctx: XContext, ws: XWorksheet, sr: NonNullable<WritePlan["statusRange"]>, dv: XRange["dataValidation"]): Promise<ValidationPiece[]> {
  const all = `${a1(sr.firstRow, sr.col)}:${a1(sr.lastRow, sr.col)}`;
  if (dv.type === "None") return [];
  if (dv.type !== "Inconsistent" && dv.type !== "MixedCriteria") return [{ range: all, rule: cleanRule(dv.rule) }];
  const cells = [];
  for (let row = sr.firstRow; row <= sr.lastRow; row++) {
    const c = ws.getRangeByIndexes(row - 1, sr.col - 1, 1, 1).dataValidation;
    c.load("type,rule");
    cells.push({ row, dv: c });
  }
  await ctx.sync();
  const pieces: ValidationPiece[] = [];
  let run: { from: number; to: number; rule: string } | null = null;
  const flush = () => {
    if (run) pieces.push({ range: `${a1(run.from, sr.col)}:${a1(run.to, sr.col)}`, rule: JSON.parse(run.rule) as Excel.DataValidationRule });
    run = null;
  };
  for (const { row, dv: c } of cells) {
    const rule = c.type === "None" ? null : JSON.stringify(cleanRule(c.rule));
    if (rule !== null && run && run.rule === rule && run.to === row - 1) run.to = row;
    else {
      flush();
      if (rule !== null) run = { from: row, to: row, rule };
    }
  }
  flush();
  return pieces;
}

/** Bytes a read of the box would bring back: its current text (UTF-8) plus ~90 bytes of properties a cell. */
function estimateBoxBytes(input: SheetInput, box: Box): number {
  let bytes = box.rows * box.cols * 90;
  for (let r = 0; r < box.rows; r++) {
    const row = input.cells[box.row + r - 1 - input.origin.row];
    if (!row) continue;
    for (let c = 0; c < box.cols; c++) bytes += utf8Bytes(row[box.col + c - 1 - input.origin.col]?.text ?? "");
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
        value: isBlank(v) ? null : (v as WrittenValue),
        fill: fill && fill.pattern && fill.pattern !== "None" && fill.color ? `FF${fill.color.replace("#", "")}` : null,
        numFmt: typeof nf === "string" && nf !== "General" ? nf : null,
        bold: Boolean(snap.props[r]?.[k]?.format?.font?.bold),
        wrap: Boolean(snap.props[r]?.[k]?.format?.wrapText),
        ...vAlignOf(snap.props[r]?.[k]?.format?.verticalAlignment),
        ...patternOf(fill),
      };
    }),
    widths: plan.columns.map((c, i) => ({ col: c.col, width: snap.widths[i] })),
    written: previousWritten,
    validationRange: plan.statusRange ? `${a1(plan.statusRange.firstRow, plan.statusRange.col)}:${a1(plan.statusRange.lastRow, plan.statusRange.col)}` : null,
    ...(snap.validations.length > 0 ? { validationBefore: snap.validations } : {}),
  };
}

/**
 * What the add-in keeps in the shared record beyond the core's UndoSheet (extra JSON fields the
 * record carries through untouched): a cell's vertical alignment when not Excel's default, and
 * the user's validation rules on the status cells, which Shinchoku's list replaces.
 */
interface CellExtra {
  vAlign?: string;
  /** A fill other than solid (Gray50, Checker …) and its pattern's colour: the record's fill holds only a colour. */
  pattern?: string;
  patternColor?: string;
}
interface UndoExtra {
  validationBefore?: ValidationPiece[];
}
interface ValidationPiece {
  range: string;
  rule: Excel.DataValidationRule;
}

const vAlignOf = (v: unknown): CellExtra => (typeof v === "string" && v !== "Bottom" ? { vAlign: v } : {});
const patternOf = (fill: Excel.CellPropertiesFill | undefined): CellExtra =>
  fill?.pattern && fill.pattern !== "None" && fill.pattern !== "Solid" ? { pattern: fill.pattern, ...(fill.patternColor ? { patternColor: fill.patternColor } : {}) } : {};

/** A rule as loaded, without the empty criteria Excel reports beside the one in use. */
function cleanRule(rule: Excel.DataValidationRule): Excel.DataValidationRule {
  return Object.fromEntries(Object.entries(rule ?? {}).filter(([, v]) => v !== null && v !== undefined)) as Excel.DataValidationRule;
}

type Grid<T> = T[][];
const grid = <T,>(rows: number, cols: number, fill: () => T): Grid<T> => Array.from({ length: rows }, () => Array.from({ length: cols }, fill));

/**
 * Queues values with their number formats so that Excel stores exactly what is written: the
 * number formats first, then the values; a text cell is formatted "@" before its value is
 * written (so a leading =, +, - or a date-shaped text stays text), then given its final format.
 */
function queueCells(range: XRange, values: Grid<string | number | boolean | null>, finalFormats: Grid<string | null>): number {
  let texts = false;
  const first = finalFormats.map((row, r) =>
    row.map((f, c) => {
      const v = values[r][c];
      if (typeof v === "string" && v !== "") {
        texts = true;
        return TEXT_FORMAT;
      }
      return f;
    }),
  );
  range.numberFormat = first as unknown as Excel.Range["numberFormat"];
  range.values = values as unknown as Excel.Range["values"];
  let bytes = utf8Bytes(JSON.stringify(values)) + utf8Bytes(JSON.stringify(first));
  if (texts) {
    const after = finalFormats.map((row, r) => row.map((f, c) => (typeof values[r][c] === "string" && values[r][c] !== "" && f !== TEXT_FORMAT ? f : null)));
    if (after.some((row) => row.some((f) => f !== null))) {
      range.numberFormat = after as unknown as Excel.Range["numberFormat"];
      bytes += utf8Bytes(JSON.stringify(after));
    }
  }
  return bytes;
}

/** Queues the plan's cells as whole 2D blocks (null = leave the cell as it is). Returns bytes queued. */
function queuePlanBlock(ws: XWorksheet, plan: WritePlan, box: Box, snap: Snapshot, rowFrom: number, rowTo: number): number {
  const rows = rowTo - rowFrom + 1;
  const values = grid<string | number | boolean | null>(rows, box.cols, () => null);
  const formats = grid<string | null>(rows, box.cols, () => null);
  const props = grid<Excel.SettableCellProperties>(rows, box.cols, () => ({}));
  let any = false;
  for (const c of plan.cells) {
    if (c.row < rowFrom || c.row > rowTo) continue;
    any = true;
    const r = c.row - rowFrom;
    const k = c.col - box.col;
    values[r][k] = c.value === null ? "" : c.value;
    const before = snap.numberFormat[c.row - box.row]?.[k];
    formats[r][k] = c.numFmt ?? (typeof c.value === "string" && typeof before === "string" ? before : null);
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
  const bytes = queueCells(range, values, formats);
  range.setCellProperties(props);
  return bytes + utf8Bytes(JSON.stringify(props));
}

/** Sync 3 (or row blocks beyond the payload budget): the plan, widths, validation, and the record's first chunks. */
async function writePlan(ctx: XContext, read: ReadResult, plan: WritePlan, box: Box, snap: Snapshot, chunks: string[] | null, budget: number): Promise<void> {
  const { ws } = read;
  const app = ctx.workbook.application;
  const sample = plan.cells.slice(0, 400);
  const approxPerRow = Math.max(200, (utf8Bytes(JSON.stringify(sample)) / Math.max(1, sample.length)) * box.cols * 2.5);
  let blockRows = Math.max(1, Math.floor(budget / approxPerRow));
  let recordWithBlock = chunks !== null;
  let recordDone = 0;
  const lastRow = box.row + box.rows - 1;
  let from = box.row;
  // "Don't call suspendScreenUpdatingUntilNextSync repeatedly (such as in a loop)": once a run.
  app.suspendScreenUpdatingUntilNextSync();
  while (from <= lastRow) {
    const to = Math.min(lastRow, from + blockRows - 1);
    app.suspendApiCalculationUntilNextSync();
    queuePlanBlock(ws, plan, box, snap, from, to);
    const last = to === lastRow;
    let withRecord = 0;
    if (last) {
      for (const c of plan.columns) ws.getRangeByIndexes(0, c.col - 1, 1, 1).format.columnWidth = charsToPoints(c.width);
      if (plan.statusRange) {
        const { col, firstRow, lastRow: lr } = plan.statusRange;
        const dv = ws.getRangeByIndexes(firstRow - 1, col - 1, lr - firstRow + 1, 1).dataValidation;
        dv.clear();
        dv.rule = { list: { inCellDropDown: true, source: Object.values(STATUS_LABELS.ja).join(",") } };
      }
      // The record goes with the last block when it fits, so a small sheet is written in one sync.
      if (chunks && recordWithBlock) withRecord = queueRecordStart(ctx, read.recordExists, chunks, budget / 2);
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) && withRecord > 0) {
        recordWithBlock = false; // try the block alone; the record follows in its own syncs
        continue;
      }
      if (isPayloadError(e) && to > from) {
        blockRows = Math.max(1, Math.floor((to - from + 1) / 2));
        continue;
      }
      throw e;
    }
    recordDone = withRecord;
    from = to + 1;
  }
  if (chunks) await writeRecord(ctx, read.recordExists, chunks, budget, recordDone);
}

/** How many chunks from `start` fit `budget` bytes as UTF-8 (at least one). */
function fitChunks(chunks: string[], start: number, budget: number): number {
  let bytes = 0;
  let n = 0;
  while (start + n < chunks.length) {
    const b = utf8Bytes(chunks[start + n]) + 16;
    if (n > 0 && bytes + b > budget) break;
    bytes += b;
    n++;
  }
  return n;
}

function queueChunks(rec: XWorksheet, chunks: string[], start: number, n: number): void {
  const range = rec.getRangeByIndexes(start, 0, n, 1);
  queueCells(
    range,
    chunks.slice(start, start + n).map((c) => [c]),
    chunks.slice(start, start + n).map(() => [TEXT_FORMAT]),
  );
}

/** Queues clearing/creating the record sheet and as many first chunks as fit `budget`. Returns how many. */
function queueRecordStart(ctx: XContext, recordExists: boolean, chunks: string[], budget: number): number {
  let rec: XWorksheet;
  if (recordExists) {
    rec = ctx.workbook.worksheets.getItem(RECORD_SHEET);
    rec.getRange("A:A").clear("Contents");
  } else {
    rec = ctx.workbook.worksheets.add(RECORD_SHEET);
    rec.visibility = "VeryHidden";
  }
  const n = fitChunks(chunks, 0, budget);
  queueChunks(rec, chunks, 0, n);
  return n;
}

/**
 * Writes the record's chunks from `done` on (the sheet already cleared/created when done > 0),
 * as many a sync as fit the budget counted in UTF-8 bytes, halving on a payload rejection.
 */
export async function writeRecord(ctx: XContext, recordExists: boolean, chunks: string[], budget = PAYLOAD_BUDGET, done = 0): Promise<void> {
  let limit = budget;
  let started = done > 0;
  let i = done;
  while (i < chunks.length || !started) {
    let n: number;
    if (!started) n = queueRecordStart(ctx, recordExists, chunks, limit);
    else {
      n = fitChunks(chunks, i, limit);
      queueChunks(ctx.workbook.worksheets.getItem(RECORD_SHEET), chunks, i, n);
    }
    try {
      await ctx.sync();
    } catch (e) {
      if (isPayloadError(e) && n > 1) {
        limit = Math.max(1, Math.floor(limit / 2));
        continue;
      }
      throw e;
    }
    started = true;
    i += n;
  }
}

/** Writes the record of an all-sheets run, once, if any sheet (or the summary) changed it. */
export async function finishRun(ctx: XContext, run: RunRecord, budget = PAYLOAD_BUDGET): Promise<void> {
  if (!run.changed || !run.record) return;
  await writeRecord(ctx, run.exists, encodeRecord(run.record), budget);
  run.exists = true;
  run.changed = false;
}

/**
 * The record's origin (shared with the CLI, src/xlsx/patch.ts): the cells and columns a run
 * touches for the first time enter the sheet's origin with the state they had, never replaced
 * after, so an undo can always go back to the sheet as it was before Shinchoku first wrote.
 */
function addToOrigin(record: ShinchokuRecord, run: UndoSheet, at: string): void {
  const origins = (record.origin ??= {});
  const o = (origins[run.sheet] ??= { at, sheet: run.sheet, cells: [], widths: [], written: null, validationRange: null });
  const known = new Set(o.cells.map((c) => c.address));
  for (const c of run.cells) if (!known.has(c.address)) o.cells.push(c);
  const cols = new Set(o.widths.map((w) => w.col));
  for (const w of run.widths) if (!cols.has(w.col)) o.widths.push(w);
  if (!o.validationRange && run.validationRange) {
    o.validationRange = run.validationRange;
    const before = (run as UndoSheet & UndoExtra).validationBefore;
    if (before) (o as UndoSheet & UndoExtra).validationBefore = before;
  }
}

/** Judges one sheet and (optionally) writes the results: one Excel.run's worth of work. */
export async function checkSheet(ctx: XContext, opts: CheckOptions): Promise<CheckOutcome> {
  try {
    const budget = opts.payloadBudget ?? PAYLOAD_BUDGET;
    const read = await readSheet(ctx, opts.sheet, budget, opts.run);
    const report = judge(read.input, opts.config, { requested: opts.requested ?? true });
    if (!opts.write || !report.recognized) return { report, plan: null, written: false };
    const planned = makePlan(report, read.input, opts.config);
    if (!planned.ok) throw new ShinchokuError(planned.error.code, planned.error.message);
    const plan = planned.plan;
    if (read.protected) throw new ShinchokuError("protected", GATEWAY_MESSAGES.ja.protected);
    const box = boxOf(plan.cells);
    const snap = await verifyAndSnapshot(ctx, read, plan, box, budget);
    const oldRecord = read.record ? encodeRecord(read.record) : null;
    const record: ShinchokuRecord = read.record ? (JSON.parse(JSON.stringify(read.record)) as ShinchokuRecord) : emptyRecord();
    const undo = undoOf(plan, box, snap, record.sheets[plan.sheet]?.written ?? null, plan.sheet);
    const at = opts.runAt ?? new Date().toISOString();
    addToOrigin(record, undo, at);
    record.sheets[plan.sheet] = { written: plan.written };
    const sameRun = opts.runAt !== undefined && record.lastRun?.at === opts.runAt;
    record.lastRun = { at, undo: sameRun && record.lastRun ? [...record.lastRun.undo, undo] : [undo] };
    try {
      // In an all-sheets run the record is written once, at the end (finishRun).
      await writePlan(ctx, read, plan, box, snap, opts.run ? null : encodeRecord(record), budget);
    } catch (e) {
      await rollBack(ctx, read.ws, undo, opts.run ? undefined : { old: oldRecord, existed: read.recordExists }, budget).catch((r) => console.error("Shinchoku: roll-back failed", r));
      throw e;
    }
    if (opts.run) Object.assign(opts.run, { record, changed: true });
    return { report, plan, written: true };
  } catch (e) {
    throw toShinchokuError(e);
  }
}

/** Queues putting back what an UndoSheet holds: values, fills, number formats, widths; drops the validation. */
function queueRestore(ws: XWorksheet, u: UndoSheet, rowFrom = 1, rowTo = Number.MAX_SAFE_INTEGER): void {
  // An entry whose address is not a cell reference (a damaged record) is passed over, as the CLI does:
  // never written to A1 in its stead.
  const points = u.cells.flatMap((c) => {
    const at = parseA1(c.address);
    return at && at.row >= rowFrom && at.row <= rowTo ? [{ ...c, ...at }] : [];
  });
  function queueRestoreValidation(): void {
    if (u.validationRange && rowFrom === 1) {
      const [from, to] = u.validationRange.split(":").map((x) => parseA1(x));
      if (from && to) ws.getRangeByIndexes(from.row - 1, from.col - 1, to.row - from.row + 1, 1).dataValidation.clear();
      // The rules that were there before (the user's, or Shinchoku's own from an earlier run).
      for (const v of (u as UndoSheet & UndoExtra).validationBefore ?? []) {
        const [a, b] = v.range.split(":").map((x) => parseA1(x));
        if (a && b) ws.getRangeByIndexes(a.row - 1, a.col - 1, b.row - a.row + 1, b.col - a.col + 1).dataValidation.rule = v.rule;
      }
    }
  }
  function queueRestoreWidths(): void {
    if (rowFrom !== 1) return;
    for (const w of u.widths) {
      const format = ws.getRangeByIndexes(0, w.col - 1, 1, 1).format;
      // null: the column had no width of its own (a record the CLI wrote): back to the sheet's standard width.
      if (w.width === null) format.useStandardWidth = true;
      else format.columnWidth = charsToPoints(w.width);
    }
  }
  if (points.length === 0) {
    // No cell of these rows to put back (every entry damaged): the drop-down and the widths still go back, as the CLI does.
    queueRestoreValidation();
    queueRestoreWidths();
    return;
  }
  const box = boxOf(points);
  const values = grid<string | number | boolean | null>(box.rows, box.cols, () => null);
  const formats = grid<string | null>(box.rows, box.cols, () => null);
  const props = grid<Excel.SettableCellProperties>(box.rows, box.cols, () => ({}));
  for (const p of points) {
    const r = p.row - box.row;
    const k = p.col - box.col;
    values[r][k] = p.value === null ? "" : p.value;
    formats[r][k] = p.numFmt ?? "General";
    const extra = p as CellExtra;
    const vAlign = extra.vAlign ?? "Bottom";
    const fill: Excel.CellPropertiesFill = extra.pattern
      ? { ...(p.fill ? { color: officeColor(p.fill) } : {}), pattern: extra.pattern as Excel.FillPattern, ...(extra.patternColor ? { patternColor: extra.patternColor } : {}) }
      : p.fill
        ? { color: officeColor(p.fill), pattern: "Solid" }
        : { pattern: "None" };
    props[r][k] = { format: { fill, font: { bold: Boolean(p.bold) }, wrapText: Boolean(p.wrap), verticalAlignment: vAlign as Excel.VerticalAlignment } };
  }
  queueRestoreValidation();
  const range = ws.getRangeByIndexes(box.row - 1, box.col - 1, box.rows, box.cols);
  queueCells(range, values, formats);
  range.setCellProperties(props);
  queueRestoreWidths();
}

/** Restores sheets from their UndoSheets: in one sync, or per sheet in row blocks beyond the payload limit. */
async function restoreSheets(ctx: XContext, targets: { ws: XWorksheet; undo: UndoSheet }[], budget: number): Promise<void> {
  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  for (const t of targets) queueRestore(t.ws, t.undo);
  try {
    await ctx.sync();
    return;
  } catch (e) {
    if (!isPayloadError(e)) throw e;
  }
  for (const { ws, undo } of targets) {
    const rows = undo.cells.map((c) => parseA1(c.address)?.row ?? 1);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    const perRow = Math.max(1, utf8Bytes(JSON.stringify(undo.cells)) / Math.max(1, last - first + 1)) * 3;
    let step = Math.max(1, Math.floor(budget / perRow));
    let r = first;
    // The widths and the validation go with the block holding row 1 (queueRestore's rowFrom === 1).
    let firstBlock = true;
    while (r <= last) {
      queueRestore(ws, undo, firstBlock ? 1 : r, r + step - 1);
      try {
        await ctx.sync();
      } catch (e) {
        if (isPayloadError(e) && step > 1) {
          step = Math.max(1, Math.floor(step / 2));
          continue;
        }
        throw e;
      }
      firstBlock = false;
      r += step;
    }
  }
}

/**
 * After a failure part-way through a write (Excel gives no promise that a failed batch changed
 * nothing), puts every cell back as it was, and the record as it was, so a sheet is left
 * either as before or as planned, never a mix. `record` absent: an all-sheets run, whose
 * record is written only at its end.
 */
async function rollBack(ctx: XContext, ws: XWorksheet, undo: UndoSheet, record: { old: string[] | null; existed: boolean } | undefined, budget: number): Promise<void> {
  await restoreSheets(ctx, [{ ws, undo }], budget);
  if (!record) return;
  if (record.old) {
    await writeRecord(ctx, record.existed, record.old, budget);
    return;
  }
  // No record before this run: an empty record sheet reads as "no record".
  const rec = queueRecordProbe(ctx);
  await ctx.sync();
  if (!rec.isNullObject) {
    rec.getRange("A:A").clear("Contents");
    await ctx.sync();
  }
}

/**
 * Undo, as the CLI does: the last write exactly (values, fills, number formats, alignment,
 * widths, validations); when that was already undone but Shinchoku's cells remain from an earlier
 * write, back to the origin — the sheets as they were before Shinchoku first wrote — and the
 * record emptied. False when there is nothing to undo.
 */
export async function undoLast(ctx: XContext, budget = PAYLOAD_BUDGET, options: { all?: boolean } = {}): Promise<boolean> {
  try {
    const { record } = await readRecord(ctx, budget);
    if (!record) return false;
    // 「最初の状態に戻す」: straight to the origin when there is one (records of older versions have none).
    const toOrigin = !record.lastRun || (options.all === true && Object.keys(record.origin ?? {}).length > 0);
    const snapshots: UndoSheet[] = toOrigin ? Object.values(record.origin ?? {}) : record.lastRun!.undo;
    if (snapshots.length === 0) return false;
    const targets = snapshots.map((u) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(u.sheet);
      ws.load("isNullObject");
      return { ws, undo: u };
    });
    await ctx.sync();
    // A sheet renamed or deleted since the run: nothing is restored anywhere.
    if (targets.some((t) => t.ws.isNullObject)) throw new ShinchokuError("sheet-missing", GATEWAY_MESSAGES.ja["sheet-missing"]);
    await restoreSheets(ctx, targets, budget);
    if (toOrigin) {
      // Back before Shinchoku's first write: no record any more (an empty record sheet reads as none).
      ctx.workbook.worksheets.getItem(RECORD_SHEET).getRange("A:A").clear("Contents");
      await ctx.sync();
      return true;
    }
    for (const u of snapshots) {
      if (u.written) record.sheets[u.sheet] = { written: u.written };
      else {
        delete record.sheets[u.sheet];
        if (record.origin) delete record.origin[u.sheet];
      }
    }
    record.lastRun = null;
    await writeRecord(ctx, true, encodeRecord(record), budget);
    return true;
  } catch (e) {
    throw toShinchokuError(e);
  }
}

export async function selectCell(ctx: XContext, sheet: string, cell: string): Promise<void> {
  try {
    const ws = ctx.workbook.worksheets.getItem(sheet);
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

/**
 * Writes the 判定集計 sheet (counts per status per sheet, and a stacked column chart). In an
 * all-sheets run (`run`), marks the record and leaves writing it to finishRun().
 */
export async function writeSummary(ctx: XContext, reports: SheetReport[], run?: RunRecord, budget = PAYLOAD_BUDGET): Promise<void> {
  const existing = ctx.workbook.worksheets.getItemOrNullObject(SUMMARY_SHEET);
  existing.load("isNullObject");
  const rec = run?.loaded ? null : queueRecordProbe(ctx);
  await ctx.sync();
  let record: ShinchokuRecord;
  let recordExists: boolean;
  if (run?.loaded) {
    record = run.record ?? emptyRecord();
    recordExists = run.exists;
  } else {
    recordExists = rec !== null && !rec.isNullObject;
    record = (recordExists && rec ? await readRecordChunks(ctx, rec, budget) : null) ?? emptyRecord();
  }
  const ours = record.summarySheet === true;
  if (!existing.isNullObject && !ours) throw new ShinchokuError("summary-sheet-taken", GATEWAY_MESSAGES.ja["summary-sheet-taken"]);
  let ws: XWorksheet;
  if (existing.isNullObject) ws = ctx.workbook.worksheets.add(SUMMARY_SHEET);
  else {
    // The sheet exists (the sync above showed it): now its charts may be loaded.
    existing.charts.load("items");
    await ctx.sync();
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
  queueCells(table, rows, grid<string | null>(rows.length, rows[0].length, () => null));
  ws.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
  if (rows.length > 1) {
    const chart = ws.charts.add("ColumnStacked", ws.getRangeByIndexes(0, 0, rows.length, 1 + labels.length), "Columns");
    chart.title.text = "シート別 達成状況";
    chart.setPosition(a1(rows.length + 3, 1), a1(rows.length + 20, 8));
  }
  record.summarySheet = true;
  if (run) {
    Object.assign(run, { loaded: true, record, exists: recordExists, changed: true });
    await ctx.sync();
    return;
  }
  await ctx.sync();
  await writeRecord(ctx, recordExists, encodeRecord(record), budget);
}
