/**
 * An in-memory fake of the Excel JavaScript API subset in src/excel/api.ts, behaving as
 * Microsoft's documentation (learn.microsoft.com: "Application-specific API model", the Excel
 * JavaScript API reference, "Resource limits and performance optimization") says Excel does;
 * each behaviour quotes its sentence. Where the documentation is silent the fake takes the less
 * forgiving reading (a failed batch is not undone; an OrNullObject is unusable until a sync).
 */
import type { XChart, XContext, XDataValidation, XRange, XRangeFormat, XWorksheet, XWorksheetCollection } from "../../src/excel/api";
import { a1, parseA1 } from "../../src/core";

export interface FakeCell {
  value: string | number | boolean;
  type: "String" | "Double" | "Boolean" | "Error" | "Empty";
  numFmt: string;
  /** pattern: an Excel.FillPattern value ("None", "Solid", "Gray50", …). */
  fill: { pattern: string; color: string; patternColor?: string };
  bold: boolean;
  wrap: boolean;
  /** Vertical alignment when not Excel's default ("Bottom"). */
  va?: "Top" | "Center" | "Justify" | "Distributed";
}

export interface FakeSheetData {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  widths: Map<number, number>;
  validations: { range: string; rule: unknown }[];
  protected: boolean;
  /**
   * source: the address of the `sourceData` range given to charts.add, as Excel resolved it
   * ("Sheet!A1:F3"); seriesBy as given (undefined: Excel's default, Auto); position: the cells
   * given to Chart.setPosition, null until it is called.
   */
  charts: { type: string; source: string; seriesBy?: string; title: string; position: { start: string; end?: string } | null }[];
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    readonly debugInfo: unknown = {},
  ) {
    super(`Fake Office error ${code}`);
  }
}

const key = (r: number, c: number) => `${r},${c}`;
const blank = (): FakeCell => ({ value: "", type: "Empty", numFmt: "General", fill: { pattern: "None", color: "#FFFFFF" }, bold: false, wrap: false });
/**
 * RangeFormat.columnWidth is in points. The reference ("Specifies the width of all columns within
 * the range. If the column widths are not uniform, null will be returned.") names no unit; Excel
 * returns 48 for a default column, which is 64 pixels at 96 dpi (ECMA-376's width formula with
 * the default font's 7-pixel digit), i.e. points.
 */
const DEFAULT_WIDTH = 48;

export function sheetData(name: string, rows: (string | number | boolean | null | { error: string })[][] = []): FakeSheetData {
  const s: FakeSheetData = { name, visibility: "Visible", cells: new Map(), widths: new Map(), validations: [], protected: false, charts: [] };
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const cell = blank();
      if (typeof v === "object") Object.assign(cell, { value: v.error, type: "Error" });
      else Object.assign(cell, { value: v, type: typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String" });
      s.cells.set(key(r, c), cell);
    }),
  );
  return s;
}

type Op = () => void;

/** Days from 1899-12-30 (Excel's 1900 date system, past its phantom 1900-02-29). */
function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * What Excel stores for a value written through Range.values into a cell with number format `fmt`.
 * Excel.Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
 * ("="), Excel interprets this value as a formula." and "Locale-shaped strings (such as the date
 * "19-8-2025" in nl-NL or fr-FR, format DD-MM-YYYY) are stored as text instead of as dates. To
 * ensure dates are stored as dates, use [...] a locale-neutral format like ISO (YYYY-MM-DD)".
 * Plain numbers and percentages typed as text are parsed as numbers, as Excel does on entry.
 * A cell formatted as text ("@") keeps the string as it is.
 */
export function excelStores(x: string, fmt: string): Pick<FakeCell, "value" | "type"> & { numFmt?: string } {
  if (fmt === "@") return { value: x, type: "String" };
  if (/^[=+-]/.test(x)) {
    const n = Number(x.replace(/^=/, ""));
    // A formula: a number when it evaluates to one, else the error it gives (no names defined here).
    return Number.isFinite(n) && x.trim() !== "-" ? { value: n, type: "Double" } : { value: "#NAME?", type: "Error" };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(x)) return { value: isoToSerial(x), type: "Double", numFmt: fmt === "General" ? "yyyy-mm-dd" : undefined };
  if (/^\d+(\.\d+)?%$/.test(x)) return { value: Number(x.slice(0, -1)) / 100, type: "Double", numFmt: fmt === "General" ? "0%" : undefined };
  if (/^\d+(\.\d+)?$/.test(x)) return { value: Number(x), type: "Double" };
  return { value: x, type: "String" };
}

/** UTF-8 bytes of a payload (JSON, as the request/response carries it). */
export function payloadBytes(v: unknown): number {
  return new TextEncoder().encode(JSON.stringify(v ?? null)).length;
}

/**
 * A 2D array (values, numberFormat, cell properties) whose shape differs from the range fails the
 * batch with InvalidArgument, as Excel does. (No reference page states this in a sentence; the
 * Excel.ErrorCodes list has InvalidArgument, and issue 14 records the behaviour.)
 */
function checkShape(v: unknown, r: { rows: number; cols: number }, what: string): void {
  if (!Array.isArray(v)) return;
  if (v.length !== r.rows || v.some((row) => !Array.isArray(row) || row.length !== r.cols)) throw new OfficeError("InvalidArgument", { what, expected: [r.rows, r.cols] });
}

/**
 * An enum-typed argument Excel does not know fails the batch with InvalidArgument: the error
 * table of "Error handling with the application-specific JavaScript APIs" (learn.microsoft.com):
 * "`InvalidArgument` | The argument is invalid or missing or has an incorrect format."
 */
function checkEnum(v: unknown, allowed: readonly string[], what: string): void {
  if (typeof v !== "string" || !allowed.includes(v)) throw new OfficeError("InvalidArgument", { what, value: v });
}
/** Excel.VerticalAlignment: its fields are top = "Top", center = "Center", bottom = "Bottom", justify = "Justify", distributed = "Distributed". */
const VERTICAL_ALIGNMENTS = ["Top", "Center", "Bottom", "Justify", "Distributed"] as const;
/** Excel.FillPattern: the enum's fields (none = "None", solid = "Solid", gray50 = "Gray50", …). */
const FILL_PATTERNS = ["None", "Solid", "Gray50", "Gray75", "Gray25", "Horizontal", "Vertical", "Down", "Up", "Checker", "SemiGray75", "LightHorizontal", "LightVertical", "LightDown", "LightUp", "Grid", "CrissCross", "Gray16", "Gray8", "LinearGradient", "RectangularGradient"] as const;
/** Excel.ChartSeriesBy: auto = "Auto", columns = "Columns", rows = "Rows". */
const SERIES_BY = ["Auto", "Columns", "Rows"] as const;

/**
 * A cell with "formatting assigned to" it (Worksheet.getUsedRangeOrNullObject: "The used range is
 * the smallest range that encompasses any cells that have a value or formatting assigned to
 * them."): any format differing from a fresh cell's.
 */
function formatted(c: FakeCell): boolean {
  return c.numFmt !== "General" || c.fill.pattern !== "None" || c.bold || c.wrap || c.va !== undefined;
}

/** The shared state behind every proxy of one context. */
class Engine {
  queue: Op[] = [];
  requestBytes = 0;
  /** Unused: a failed batch is not undone (no document promises that it would be). */
  journal: (() => void)[] | null = null;
  /** OrNullObject worksheets not yet through a sync. */
  unsynced = new Set<FakeWorksheet>();
  /** Bytes the batch being run returns. */
  responseBytes = 0;
  constructor(
    public sheets: FakeSheetData[],
    public active: string,
    /** Cells one read may cover (see FakeOptions.cellReadLimit). */
    public readLimit = 5_000_000,
  ) {}
  /**
   * "A range is limited to 5,000,000 cells for read operations." (learn.microsoft.com "Resource
   * limits and performance optimization for Office Add-ins"); the error table of "Error handling
   * with the application-specific JavaScript APIs": "`RangeExceedsLimit` | The cell count in the
   * range has exceeded the maximum supported number."
   */
  checkRead(r: Box): void {
    if (r.rows * r.cols > this.readLimit) throw new OfficeError("RangeExceedsLimit", { cells: r.rows * r.cols });
  }
  find(name: string): FakeSheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

function notLoaded(what: string): never {
  throw new OfficeError("PropertyNotLoaded", { what });
}

/**
 * Holds loaded values; reading one not loaded+synced throws PropertyNotLoaded. ClientObject.load:
 * "Queues up a command to load the specified properties of the object. You must call
 * `context.sync()` before reading the properties."
 */
class Loaded {
  private values = new Map<string, unknown>();
  set(name: string, v: unknown) {
    this.values.set(name, v);
  }
  get<T>(name: string, owner: string): T {
    if (!this.values.has(name)) notLoaded(`${owner}.${name}`);
    return this.values.get(name) as T;
  }
}

type Rect = { row: number; col: number; rows: number; cols: number } | null;
type Box = NonNullable<Rect>;

function rectOf(range: string): Box {
  const [a, b] = range.split(":").map((x) => parseA1(x)!);
  const end = b ?? a;
  return { row: a.row - 1, col: a.col - 1, rows: end.row - a.row + 1, cols: end.col - a.col + 1 };
}
const inRect = (r: Box, row: number, col: number) => row >= r.row && row < r.row + r.rows && col >= r.col && col < r.col + r.cols;

/** The parts of `a` outside `b` (up to four rectangles). */
function subtract(a: Box, b: Box): Box[] {
  const top = Math.max(a.row, b.row), bottom = Math.min(a.row + a.rows, b.row + b.rows);
  const left = Math.max(a.col, b.col), right = Math.min(a.col + a.cols, b.col + b.cols);
  if (top >= bottom || left >= right) return [a];
  const out: Box[] = [];
  if (a.row < top) out.push({ row: a.row, col: a.col, rows: top - a.row, cols: a.cols });
  if (bottom < a.row + a.rows) out.push({ row: bottom, col: a.col, rows: a.row + a.rows - bottom, cols: a.cols });
  if (a.col < left) out.push({ row: top, col: a.col, rows: bottom - top, cols: left - a.col });
  if (right < a.col + a.cols) out.push({ row: top, col: right, rows: bottom - top, cols: a.col + a.cols - right });
  return out;
}

function ruleType(rule: Excel.DataValidationRule): Excel.DataValidationType {
  const names: [keyof Excel.DataValidationRule, Excel.DataValidationType][] = [["list", "List" as Excel.DataValidationType], ["wholeNumber", "WholeNumber" as Excel.DataValidationType], ["decimal", "Decimal" as Excel.DataValidationType], ["date", "Date" as Excel.DataValidationType], ["time", "Time" as Excel.DataValidationType], ["textLength", "TextLength" as Excel.DataValidationType], ["custom", "Custom" as Excel.DataValidationType]];
  return names.find(([k]) => rule[k] !== undefined && rule[k] !== null)?.[1] ?? ("None" as Excel.DataValidationType);
}

/**
 * "Bottom" is Excel's default: stored as absent, so an untouched cell and a restored one compare
 * equal. A value that is not an Excel.VerticalAlignment ("" included) fails with InvalidArgument.
 */
function setVa(cell: FakeCell, v: unknown): void {
  checkEnum(v, VERTICAL_ALIGNMENTS, "verticalAlignment");
  if (v === "Top" || v === "Center" || v === "Justify" || v === "Distributed") cell.va = v;
  else delete cell.va;
}

/** The properties of one cell that `opts` asks for, and no others. */
function requestedProperties(c: FakeCell, opts: Excel.CellPropertiesLoadOptions): Excel.CellProperties {
  const out: Excel.CellProperties = {};
  const f = opts?.format;
  if (!f) return out;
  const format: Excel.CellPropertiesFormat = {};
  if (f.fill) {
    const fill: Excel.CellPropertiesFill = {};
    if (f.fill.color) fill.color = c.fill.color;
    if (f.fill.pattern) fill.pattern = c.fill.pattern as Excel.FillPattern;
    // "patternColor: Represents the format.fill.patternColor property." (Excel.CellPropertiesFill); Excel's
    // default pattern colour is automatic (black).
    if (f.fill.patternColor) fill.patternColor = c.fill.patternColor ?? "#000000";
    format.fill = fill;
  }
  if (f.font) {
    const font: Excel.CellPropertiesFont = {};
    if (f.font.bold) font.bold = c.bold;
    format.font = font;
  }
  if (f.wrapText) format.wrapText = c.wrap;
  if (f.verticalAlignment) format.verticalAlignment = (c.va ?? "Bottom") as Excel.VerticalAlignment;
  out.format = format;
  return out;
}

export class FakeRange implements XRange {
  private loaded = new Loaded();
  format: XRangeFormat;
  dataValidation: XDataValidation;
  constructor(
    private engine: Engine,
    private sheet: () => FakeSheetData | undefined,
    private rect: () => Rect,
  ) {
    const self = this;
    const fmtLoaded = new Loaded();
    this.format = {
      get columnWidth() {
        return fmtLoaded.get<number>("columnWidth", "RangeFormat");
      },
      set columnWidth(w: number) {
        self.write("columnWidth", w, (s, r) => {
          for (let c = r.col; c < r.col + r.cols; c++) s.widths.set(c, w);
        });
      },
      get useStandardWidth() {
        return notLoaded("RangeFormat.useStandardWidth");
      },
      // "Specifies if the column width of the Range object equals the standard width of the sheet. …
      // Note: This property is only intended to be set to true. Setting it to false has no effect." (RangeFormat)
      set useStandardWidth(v: boolean) {
        self.write("useStandardWidth", v, (s, r) => {
          if (v) for (let c = r.col; c < r.col + r.cols; c++) s.widths.delete(c);
        });
      },
      get wrapText() {
        return notLoaded("RangeFormat.wrapText");
      },
      set wrapText(v: boolean) {
        self.write("wrap", v, (s, r) => self.each(s, r, (cell) => (cell.wrap = v)));
      },
      get verticalAlignment() {
        return notLoaded("RangeFormat.verticalAlignment");
      },
      set verticalAlignment(_v) {
        self.write("va", _v, (s, r) => self.each(s, r, (cell) => setVa(cell, _v)));
      },
      font: {
        get bold() {
          return notLoaded("RangeFont.bold");
        },
        set bold(v: boolean) {
          self.write("bold", v, (s, r) => self.each(s, r, (cell) => (cell.bold = v)));
        },
      },
      fill: {
        clear: () => self.write("fillclear", 0, (s, r) => self.each(s, r, (cell) => (cell.fill = { pattern: "None", color: "#FFFFFF" }))),
      },
      load: (props: string) => {
        self.engine.queue.push(() => {
          const s = self.need();
          const r = self.rect();
          if (props.includes("columnWidth")) fmtLoaded.set("columnWidth", r ? (s.widths.get(r.col) ?? DEFAULT_WIDTH) : DEFAULT_WIDTH);
        });
        return self.format;
      },
    } as XRangeFormat;
    const dvLoaded = new Loaded();
    this.dataValidation = {
      get rule() {
        return dvLoaded.get<Excel.DataValidationRule>("rule", "DataValidation");
      },
      set rule(rule: Excel.DataValidationRule) {
        self.write("dv", rule, (s, r) => s.validations.push({ range: self.addr(r), rule }));
      },
      get type() {
        return dvLoaded.get<Excel.DataValidationType>("type", "DataValidation");
      },
      // DataValidation.type: "Inconsistent means that the range has inconsistent data validation,
      // indicating that there are different rules on different cells." "Mixed criteria means that
      // the range has data validation present on some but not all cells."
      load: (props: string) => {
        self.engine.queue.push(() => {
          const s = self.need();
          const r = self.rect();
          if (!r) throw new OfficeError("InvalidOperation");
          const rules = new Set<unknown>();
          let covered = 0;
          for (let i = 0; i < r.rows; i++)
            for (let j = 0; j < r.cols; j++) {
              const v = s.validations.find((x) => inRect(rectOf(x.range), r.row + i, r.col + j));
              if (v) {
                covered++;
                rules.add(JSON.stringify(v.rule));
              }
            }
          const type = covered === 0 ? "None" : covered < r.rows * r.cols ? "MixedCriteria" : rules.size > 1 ? "Inconsistent" : ruleType(JSON.parse([...rules][0] as string) as Excel.DataValidationRule);
          const asked = props.split(",").map((x) => x.trim());
          if (asked.includes("type")) dvLoaded.set("type", type);
          if (asked.includes("rule")) dvLoaded.set("rule", rules.size === 1 && covered === r.rows * r.cols ? JSON.parse([...rules][0] as string) : {});
        });
        return self.dataValidation;
      },
      // "Clears the data validation from the current range." A rule reaching beyond the range keeps
      // the cells outside it.
      clear: () =>
        self.write("dvclear", 0, (s, r) => {
          s.validations = s.validations.flatMap((v) => subtract(rectOf(v.range), r).map((piece) => ({ range: self.addr(piece), rule: v.rule })));
        }),
    } as XDataValidation;
  }

  private addr(r: NonNullable<Rect>): string {
    return `${a1(r.row + 1, r.col + 1)}:${a1(r.row + r.rows, r.col + r.cols)}`;
  }
  /** "Sheet!A1:B2", for an operation run in a batch (a chart's source data). */
  resolvedAddress(): string {
    const s = this.need();
    const r = this.rect();
    if (!r) throw new OfficeError("InvalidArgument");
    return `${s.name}!${this.addr(r)}`;
  }
  private need(): FakeSheetData {
    const s = this.sheet();
    if (!s) throw new OfficeError("ItemNotFound");
    return s;
  }
  private each(s: FakeSheetData, r: NonNullable<Rect>, f: (cell: FakeCell, rr: number, cc: number) => void) {
    const journal = this.engine.journal;
    for (let i = 0; i < r.rows; i++)
      for (let j = 0; j < r.cols; j++) {
        const k = key(r.row + i, r.col + j);
        const old = s.cells.get(k);
        const cell = old ? { ...old, fill: { ...old.fill } } : blank();
        f(cell, i, j);
        s.cells.set(k, cell);
        journal?.push(() => (old ? s.cells.set(k, old) : s.cells.delete(k)));
      }
  }
  private write(what: string, payload: unknown, apply: (s: FakeSheetData, r: NonNullable<Rect>) => void) {
    this.engine.requestBytes += payloadBytes(payload) + what.length;
    this.engine.queue.push(() => {
      const s = this.need();
      if (s.protected) throw new OfficeError("AccessDenied");
      const r = this.rect();
      if (!r) throw new OfficeError("InvalidOperation");
      apply(s, r);
    });
  }

  get values() {
    return this.loaded.get<Excel.Range["values"]>("values", "Range");
  }
  set values(v: Excel.Range["values"]) {
    this.write("values", v, (s, r) => {
      checkShape(v, r, "values");
      this.each(s, r, (cell, i, j) => {
        const x = (v as unknown[][])[i]?.[j];
        if (x === null || x === undefined) return;
        if (x === "") Object.assign(cell, { value: "", type: "Empty" });
        else if (typeof x === "string") {
          const stored = excelStores(x, cell.numFmt);
          Object.assign(cell, { value: stored.value, type: stored.type }, stored.numFmt ? { numFmt: stored.numFmt } : {});
        } else Object.assign(cell, { value: x, type: typeof x === "number" ? "Double" : "Boolean" });
      });
    });
  }
  get valueTypes() {
    return this.loaded.get<Excel.Range["valueTypes"]>("valueTypes", "Range");
  }
  get numberFormat() {
    return this.loaded.get<Excel.Range["numberFormat"]>("numberFormat", "Range");
  }
  set numberFormat(v: Excel.Range["numberFormat"]) {
    // A format change does not reinterpret what a cell holds (text stays text).
    this.write("numberFormat", v, (s, r) => {
      checkShape(v, r, "numberFormat");
      this.each(s, r, (cell, i, j) => {
        const x = (v as unknown[][])[i]?.[j];
        if (typeof x === "string") cell.numFmt = x;
      });
    });
  }
  get rowIndex() {
    return this.loaded.get<number>("rowIndex", "Range");
  }
  get columnIndex() {
    return this.loaded.get<number>("columnIndex", "Range");
  }
  get rowCount() {
    return this.loaded.get<number>("rowCount", "Range");
  }
  get columnCount() {
    return this.loaded.get<number>("columnCount", "Range");
  }
  get address() {
    return this.loaded.get<string>("address", "Range");
  }
  get isNullObject() {
    return this.loaded.get<boolean>("isNullObject", "Range");
  }

  load(props: string): this {
    const names = props.split(",").map((p) => p.trim());
    this.engine.queue.push(() => {
      const s = this.sheet();
      const r = s ? this.rect() : null;
      this.loaded.set("isNullObject", !s || !r);
      if (!s || !r) {
        for (const n of names) if (n !== "isNullObject") this.loaded.set(n, undefined);
        return;
      }
      if (names.some((n) => n === "values" || n === "valueTypes" || n === "numberFormat")) this.engine.checkRead(r);
      const grid = <T,>(f: (c: FakeCell) => T) => Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => f(s.cells.get(key(r.row + i, r.col + j)) ?? blank())));
      for (const n of names) {
        if (n === "values") this.loaded.set(n, grid((c) => c.value));
        else if (n === "valueTypes") this.loaded.set(n, grid((c) => c.type));
        // Range.numberFormat: "Represents Excel's number format code for the given range." Range.values
        // gives a date as its serial number (the fake stores it so); only this format tells it is a date.
        else if (n === "numberFormat") this.loaded.set(n, grid((c) => c.numFmt));
        else if (n === "rowIndex") this.loaded.set(n, r.row);
        else if (n === "columnIndex") this.loaded.set(n, r.col);
        else if (n === "rowCount") this.loaded.set(n, r.rows);
        else if (n === "columnCount") this.loaded.set(n, r.cols);
        else if (n === "address") this.loaded.set(n, `${s.name}!${this.addr(r)}`);
        else if (n !== "isNullObject") throw new Error(`fake: unsupported load ${n}`);
      }
      const resp = names.filter((n) => ["values", "valueTypes", "numberFormat"].includes(n)).map((n) => payloadBytes(this.loaded.get(n, "Range")));
      fakeResponse(this.engine, resp.reduce((a, b) => a + b, 0));
    });
    return this;
  }

  /**
   * Range.getCellProperties: "Returns a 2D array, encapsulating the data for each cell's font,
   * fill, borders, alignment, and other properties." @returns "A 2D array where each item
   * represents the requested properties of the corresponding cell." Excel.CellPropertiesLoadOptions:
   * "Represents which cell properties to load, when used as part of a "range.getCellProperties"
   * method." Only what the options ask for (set to true) is returned; the fake knows the format's
   * fill color and pattern, font bold, wrapText and verticalAlignment.
   */
  getCellProperties(opts: Excel.CellPropertiesLoadOptions): OfficeExtension.ClientResult<Excel.CellProperties[][]> {
    const result = { value: undefined as unknown as Excel.CellProperties[][] };
    let ready = false;
    this.engine.queue.push(() => {
      const s = this.need();
      const r = this.rect();
      if (!r) throw new OfficeError("InvalidOperation");
      this.engine.checkRead(r);
      result.value = Array.from({ length: r.rows }, (_, i) =>
        Array.from({ length: r.cols }, (_, j) => {
          const c = s.cells.get(key(r.row + i, r.col + j)) ?? blank();
          return requestedProperties(c, opts);
        }),
      );
      fakeResponse(this.engine, payloadBytes(result.value));
      ready = true;
    });
    return {
      get value() {
        if (!ready) notLoaded("ClientResult.value");
        return result.value;
      },
    } as OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }

  /**
   * Range.setCellProperties. A fill's pattern must be an Excel.FillPattern and a vertical alignment
   * an Excel.VerticalAlignment: any other value fails the batch with InvalidArgument before a cell
   * changes. A fill keeps the pattern it is given; a colour given with no pattern fills the cell
   * solid (as Excel's Fill Color does; no reference sentence says so), a pattern with no colour
   * keeps the cell's colour.
   */
  setCellProperties(data: Excel.SettableCellProperties[][]): void {
    this.write("cellProps", data, (s, r) => {
      checkShape(data, r, "cellProperties");
      for (const row of data)
        for (const p of row) {
          if (p?.format?.fill?.pattern !== undefined) checkEnum(p.format.fill.pattern, FILL_PATTERNS, "fill.pattern");
          if (p?.format?.verticalAlignment !== undefined) checkEnum(p.format.verticalAlignment, VERTICAL_ALIGNMENTS, "verticalAlignment");
        }
      this.each(s, r, (cell, i, j) => {
        const f = data[i]?.[j]?.format;
        if (!f) return;
        const pattern = f.fill?.pattern;
        if (pattern === "None") cell.fill = { pattern: "None", color: "#FFFFFF" };
        else if (pattern !== undefined) cell.fill = { pattern, color: f.fill?.color ?? cell.fill.color, ...(f.fill?.patternColor ? { patternColor: f.fill.patternColor } : {}) };
        else if (f.fill?.color) cell.fill = { pattern: cell.fill.pattern === "None" ? "Solid" : cell.fill.pattern, color: f.fill.color };
        if (f.font?.bold !== undefined) cell.bold = f.font.bold;
        if (f.wrapText !== undefined) cell.wrap = f.wrapText;
        if (f.verticalAlignment !== undefined) setVa(cell, f.verticalAlignment);
      });
    });
  }

  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.write("clear", applyTo, (s, r) =>
      this.each(s, r, (cell) => {
        if (applyTo === "All" || applyTo === "Contents") Object.assign(cell, { value: "", type: "Empty" });
        if (applyTo === "All" || applyTo === "Formats") {
          Object.assign(cell, { numFmt: "General", fill: { pattern: "None", color: "#FFFFFF" }, bold: false, wrap: false });
          delete cell.va;
        }
      }),
    );
  }

  select(): void {
    this.engine.queue.push(() => {
      const s = this.need();
      const r = this.rect();
      selected.last = r ? `${s.name}!${a1(r.row + 1, r.col + 1)}` : null;
    });
  }
}

export const selected: { last: string | null } = { last: null };

function fakeResponse(engine: Engine, bytes: number) {
  engine.responseBytes += bytes;
}

/**
 * Worksheet.getUsedRangeOrNullObject(valuesOnly): "The used range is the smallest range that
 * encompasses any cells that have a value or formatting assigned to them. If the entire worksheet
 * is blank, then this method returns an object with its `isNullObject` property set to `true`."
 * @param valuesOnly "Optional. Considers only cells with values as used cells." (older pages of the
 * reference: "(ignores formatting)").
 */
function usedRect(s: FakeSheetData, valuesOnly: boolean): Rect {
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  for (const [k, cell] of s.cells) {
    if (cell.type === "Empty" && (valuesOnly || !formatted(cell))) continue;
    const [r, c] = k.split(",").map(Number);
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

type SheetKind = "active" | "item" | "orNull";

class FakeWorksheet implements XWorksheet {
  private loaded = new Loaded();
  private readonly prot: XWorksheet["protection"];
  private readonly chartsProxy: XWorksheet["charts"];
  /** An OrNullObject proxy that no sync has shown to exist yet. */
  private unconfirmed: boolean;
  constructor(
    private engine: Engine,
    private resolve: () => FakeSheetData | undefined,
    private kind: SheetKind = "active",
  ) {
    const self = this;
    this.unconfirmed = kind === "orNull";
    if (this.unconfirmed) engine.unsynced.add(this);
    const prot = new Loaded();
    this.prot = {
      get protected() {
        return prot.get<boolean>("protected", "WorksheetProtection");
      },
      load: (props?: string) => {
        engine.queue.push(() => {
          const sheet = self.need();
          // load() honoured: only what was asked for is readable.
          if (props === undefined || props.split(",").map((x) => x.trim()).includes("protected")) prot.set("protected", sheet.protected);
        });
        return self.prot;
      },
    } as XWorksheet["protection"];
    const chartsLoaded = new Loaded();
    this.chartsProxy = {
      // ChartCollection.add(type, sourceData, seriesBy): "Creates a new chart." sourceData: "The
      // `Range` object corresponding to the source data." seriesBy: "Optional. Specifies the way
      // columns or rows are used as data series on the chart. See `Excel.ChartSeriesBy` for
      // details." A seriesBy that is not an Excel.ChartSeriesBy fails with InvalidArgument.
      add: (type, source, seriesBy) => {
        const chart: FakeSheetData["charts"][number] = { type, source: "", seriesBy, title: "", position: null };
        engine.queue.push(() => {
          const s = self.resolve();
          if (!s) throw new OfficeError("ItemNotFound");
          if (seriesBy !== undefined) checkEnum(seriesBy, SERIES_BY, "seriesBy");
          chart.source = (source as FakeRange).resolvedAddress();
          s.charts.push(chart);
        });
        return {
          title: {
            set text(t: string) {
              engine.queue.push(() => (chart.title = t));
            },
            get text() {
              return chart.title;
            },
          },
          // Chart.setPosition(startCell, endCell): "Positions the chart relative to cells on the
          // worksheet." startCell: "The start cell. This is where the chart will be moved to."
          // endCell: "Optional. The end cell. If specified, the chart's width and height will be set
          // to fully cover up this cell/range." A string that is no cell address fails with
          // InvalidArgument ("The argument is invalid or missing or has an incorrect format.").
          setPosition: (start: string, end?: string) => {
            engine.queue.push(() => {
              for (const cell of end === undefined ? [start] : [start, end]) {
                const at = parseA1(cell);
                if (!at || at.row < 1 || at.col < 1) throw new OfficeError("InvalidArgument", { setPosition: cell });
              }
              chart.position = end === undefined ? { start } : { start, end };
            });
          },
          delete: () => undefined,
        } as unknown as XChart;
      },
      get items() {
        return chartsLoaded.get<XChart[]>("items", "ChartCollection");
      },
      load: () => {
        engine.queue.push(() => {
          const s = self.resolve();
          chartsLoaded.set(
            "items",
            (s?.charts ?? []).map((ch) => ({ title: { text: ch.title }, setPosition: () => undefined, delete: () => engine.queue.push(() => s && (s.charts = s.charts.filter((x) => x !== ch))) })),
          );
        });
        return self.chartsProxy;
      },
      getCount: () => ({ value: 0 }) as OfficeExtension.ClientResult<number>,
    } as XWorksheet["charts"];
  }
  /** Called by the sync that ran with this proxy queued: an existing sheet is now known to exist. */
  confirm(): void {
    if (this.resolve()) {
      this.unconfirmed = false;
      this.engine.unsynced.delete(this);
    }
  }
  /**
   * "*OrNullObject methods and properties": an OrNullObject call returns "an object whose
   * isNullObject property is set to true" when the item does not exist, and "You must call
   * context.sync() before reading the isNullObject property". Calling on into such an object
   * before a sync has shown it exists is a mistake the fake reports at once.
   */
  private chain(what: string): void {
    if (this.unconfirmed) throw new Error(`fake: ${what} chained on an OrNullObject worksheet before a sync showed it exists`);
  }
  /** The sheet, for an operation run in a batch; getItem() of a missing one fails it with ItemNotFound. */
  need(): FakeSheetData {
    const s = this.resolve();
    if (!s) throw new OfficeError("ItemNotFound");
    return s;
  }
  get protection(): XWorksheet["protection"] {
    this.chain("protection");
    return this.prot;
  }
  get charts(): XWorksheet["charts"] {
    this.chain("charts");
    return this.chartsProxy;
  }
  get name() {
    return this.loaded.get<string>("name", "Worksheet");
  }
  get visibility() {
    return this.loaded.get<Excel.SheetVisibility>("visibility", "Worksheet");
  }
  set visibility(v: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden") {
    this.chain("visibility");
    this.engine.queue.push(() => {
      const s = this.resolve();
      if (!s) throw new OfficeError("ItemNotFound");
      s.visibility = v as FakeSheetData["visibility"];
    });
  }
  get isNullObject() {
    return this.loaded.get<boolean>("isNullObject", "Worksheet");
  }
  load(props: string): this {
    this.engine.queue.push(() => {
      const s = this.kind === "item" ? this.need() : this.resolve();
      this.loaded.set("isNullObject", !s);
      for (const p of props.split(",").map((x) => x.trim())) {
        if (p === "name") this.loaded.set("name", s?.name);
        if (p === "visibility") this.loaded.set("visibility", s?.visibility);
      }
    });
    return this;
  }
  activate(): void {
    this.chain("activate()");
    this.engine.queue.push(() => {
      const s = this.resolve();
      if (!s) throw new OfficeError("ItemNotFound");
      this.engine.active = s.name;
    });
  }
  delete(): void {
    this.chain("delete()");
    this.engine.queue.push(() => {
      const s = this.resolve();
      if (!s) throw new OfficeError("ItemNotFound");
      this.engine.sheets = this.engine.sheets.filter((x) => x !== s);
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange {
    this.chain("getUsedRangeOrNullObject()");
    return new FakeRange(this.engine, this.resolve, () => {
      const s = this.resolve();
      return s ? usedRect(s, valuesOnly === true) : null;
    });
  }
  /**
   * Worksheet.getRangeByIndexes: "Gets the `Range` object beginning at a particular row index and
   * column index, and spanning a certain number of rows and columns." (startRow, startColumn:
   * "zero-indexed"; rowCount: "Number of rows to include in the range."). The reference is silent
   * on a count below 1 or a negative index; the fake takes the less forgiving reading: no such
   * range exists, and the batch using it fails with InvalidArgument ("The argument is invalid or
   * missing or has an incorrect format.").
   */
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): XRange {
    this.chain("getRangeByIndexes()");
    return new FakeRange(this.engine, this.resolve, () => {
      if (!(row >= 0 && col >= 0 && rows >= 1 && cols >= 1)) throw new OfficeError("InvalidArgument", { getRangeByIndexes: [row, col, rows, cols] });
      return { row, col, rows, cols };
    });
  }
  getRange(address?: string): XRange {
    this.chain("getRange()");
    return new FakeRange(this.engine, this.resolve, () => {
      if (address === undefined) return { row: 0, col: 0, rows: 1000, cols: 50 };
      const col = /^([A-Z]+):\1$/.exec(address);
      if (col) {
        const c = parseA1(`${col[1]}1`)!.col - 1;
        return { row: 0, col: c, rows: 1000, cols: 1 };
      }
      const [from, to] = address.split(":").map((x) => parseA1(x)!);
      const end = to ?? from;
      return { row: from.row - 1, col: from.col - 1, rows: end.row - from.row + 1, cols: end.col - from.col + 1 };
    });
  }
}

export interface FakeOptions {
  /** Bytes a request or a response may carry (Excel on the web: 5 MB). */
  payloadLimit?: number;
  /** Cells one read of values, value types, number formats or cell properties may cover (Excel: 5,000,000). */
  cellReadLimit?: number;
}

export class FakeContext implements XContext {
  readonly engine: Engine;
  syncs = 0;
  requestBytes: number[] = [];
  responseBytes: number[] = [];
  suspended = 0;
  private failures = new Map<number, { code: string; afterOps?: number }>();
  /** Calls of suspendScreenUpdatingUntilNextSync (the documentation: not "repeatedly (such as in a loop)"). */
  screenSuspends = 0;
  private readonly limit: number;
  workbook: XContext["workbook"];

  constructor(sheets: FakeSheetData[], options: FakeOptions = {}) {
    this.engine = new Engine(sheets, sheets[0]?.name ?? "", options.cellReadLimit);
    this.limit = options.payloadLimit ?? 5 * 1024 * 1024;
    const engine = this.engine;
    const self = this;
    const itemsLoaded = new Loaded();
    const worksheets: XWorksheetCollection = {
      get items() {
        return itemsLoaded.get<XWorksheet[]>("items", "WorksheetCollection");
      },
      // load() honoured: "items/name,items/visibility" loads just those properties of each item.
      load: (props?: string) => {
        const itemProps = (props ?? "")
          .split(",")
          .map((x) => x.trim())
          .filter((x) => x.startsWith("items/"))
          .map((x) => x.slice(6))
          .join(",");
        engine.queue.push(() => {
          const proxies = engine.sheets.map((s) => {
            const p = new FakeWorksheet(engine, () => engine.find(s.name));
            p.load(itemProps);
            return p;
          });
          // The proxies' own loads run right after this op, in the same sync.
          itemsLoaded.set("items", proxies);
        });
        return worksheets;
      },
      getActiveWorksheet: () => new FakeWorksheet(engine, () => engine.find(engine.active)),
      // WorksheetCollection.getItem: "Gets a worksheet object using its name or ID." — a missing
      // one fails the batch with ItemNotFound ("if you attempt to get an Excel worksheet by
      // specifying a worksheet name that isn't in the workbook, the getItem() method throws an
      // ItemNotFound exception").
      getItem: (name: string) => new FakeWorksheet(engine, () => engine.find(name), "item"),
      getItemOrNullObject: (name: string) => new FakeWorksheet(engine, () => engine.find(name), "orNull"),
      add: (name?: string) => {
        const n = name ?? `Sheet${engine.sheets.length + 1}`;
        engine.queue.push(() => {
          if (engine.find(n)) throw new OfficeError("ItemAlreadyExists");
          engine.sheets.push(sheetData(n));
        });
        return new FakeWorksheet(engine, () => engine.find(n));
      },
    };
    this.workbook = {
      worksheets,
      application: {
        suspendApiCalculationUntilNextSync: () => void self.suspended++,
        // "Suspends screen updating until the next `context.sync()` is called. **Note**: Don't call
        // `suspendScreenUpdatingUntilNextSync` repeatedly (such as in a loop). Repeated calls will
        // cause the Excel window to flicker." — counted, so a test can hold the gateway to once a run.
        suspendScreenUpdatingUntilNextSync: () => {
          self.suspended++;
          self.screenSuspends++;
        },
      },
    };
  }

  /**
   * Makes sync number n (1-based, counted over the context's life) fail with an Office error
   * code after running its first `afterOps` operations (default: half of them, rounded down).
   */
  failSync(n: number, code: string, afterOps?: number): void {
    this.failures.set(n, { code, afterOps });
  }

  sheet(name: string): FakeSheetData {
    const s = this.engine.find(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /**
   * "The sync() method runs any commands that are queued on the request context and retrieves
   * values for any properties that should be loaded on the proxy objects."
   * Failures: a request over the limit is refused before anything runs ("Excel on the web has a
   * payload size limit for requests and responses of 5MB. `RichAPI.Error` will be thrown if that
   * limit is exceeded.", learn.microsoft.com "Resource limits and performance optimization for
   * Office Add-ins"; bytes counted as UTF-8, as the request travels); any other failure leaves applied what ran before it — the
   * documentation promises no roll-back of a batch — and a response over the limit is refused
   * after the commands ran.
   */
  async sync(): Promise<void> {
    this.syncs++;
    const ops = this.engine.queue;
    this.engine.queue = [];
    const request = this.engine.requestBytes;
    this.engine.requestBytes = 0;
    const unsynced = [...this.engine.unsynced];
    const fail = this.failures.get(this.syncs);
    if (request > this.limit) throw new OfficeError("RequestPayloadSizeLimitExceeded", { request });
    this.engine.responseBytes = 0;
    const stopAt = fail ? (fail.afterOps ?? Math.floor(ops.length / 2)) : Infinity;
    let ran = 0;
    // Loads queued by ops (worksheets.items) run in the same batch.
    while (ops.length > 0) {
      if (ran >= stopAt) break;
      ops.shift()!();
      ran++;
      if (this.engine.queue.length > 0) ops.unshift(...this.engine.queue.splice(0));
    }
    if (fail) throw new OfficeError(fail.code, { sync: this.syncs, ran });
    const response = this.engine.responseBytes;
    if (response > this.limit) throw new OfficeError("ResponsePayloadSizeLimitExceeded", { response });
    // "Office automatically loads this property [isNullObject] when context.sync is called".
    for (const w of unsynced) w.confirm();
    this.requestBytes.push(request);
    this.responseBytes.push(response);
  }
}

/** Reads a fake sheet back as rows of plain values, for assertions. */
export function dump(s: FakeSheetData, rows: number, cols: number): (string | number | boolean)[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.cells.get(key(r, c))?.value ?? ""));
}

export function cellOf(s: FakeSheetData, address: string): FakeCell {
  const p = parseA1(address)!;
  return s.cells.get(key(p.row - 1, p.col - 1)) ?? blank();
}
