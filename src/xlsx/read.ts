/**
 * Reads a workbook file's sheets as the core's SheetInput — the one read path for the CLI, the
 * round and the preview. OOXML (.xlsx/.xlsm) is scanned by our own reader over the package
 * parts (it needs the same part handling as the patcher, reads only what the core needs, and
 * takes any producer's part names); .xls and .ods go through SheetJS CE (read-only formats).
 * Cells come out as Excel shows them: cached formula results, error values, dates told from
 * numbers by their number format, percent formats as displayed, rich text joined, furigana
 * (`<rPh>`) left out, the cells a merge covers (other than its first) empty.
 */
import { type Cell, numberCell, RECORD_SHEET, type SheetInput, type ShinchokuRecord } from "../core";
import { detectFormat, fileError, FileError, type WorkbookFormat } from "./format";
import { openPackage, type OoxmlPackage, PackageError, readSharedStrings, readStyleInfo } from "./package";
import { blankRange, EMPTY_CELL } from "./cells";
import { readRecordOf } from "./record";
import { decodeXml, el, stringItemText } from "./xml";
import { entryText, ZipError } from "./zip";

export interface SheetListing {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  /** False for chart sheets and other sheets without cells. */
  worksheet: boolean;
}

export interface ReadOptions {
  /** Which sheets to read into cells (default: every worksheet but the record). */
  only?: (name: string) => boolean;
  /** Also give each read sheet's solid fill colours (ARGB) per cell, for the preview's grid. */
  fills?: boolean;
}

export interface WorkbookRead {
  format: WorkbookFormat;
  /** Every sheet in tab order except Shinchoku's record. */
  listing: SheetListing[];
  sheets: SheetInput[];
  fills: Map<string, (string | null)[][]>;
  /** Merged ranges (A1:B2) per read sheet, given with `fills` (for drawing a merge once). */
  merges: Map<string, string[]>;
  record: ShinchokuRecord | null;
}

type LegacyReader = (bytes: Uint8Array, format: WorkbookFormat, fileName: string, options: ReadOptions) => WorkbookRead;
let legacyReader: LegacyReader | null = null;

/**
 * .xls/.ods support is registered by `read-legacy.ts` (SheetJS, ~400 KB): the CLI loads it at
 * start, the browser page only when such a file is opened (a separate chunk).
 */
export function registerLegacyReader(reader: LegacyReader): void {
  legacyReader = reader;
}

/** Reads a workbook from its bytes. Throws FileError for what is not a readable workbook. */
export function readWorkbook(bytes: Uint8Array, fileName = "book.xlsx", options: ReadOptions = {}): WorkbookRead {
  const detected = detectFormat(bytes, fileName);
  if (detected.format === "xls" || detected.format === "ods") {
    if (!legacyReader) throw fileError("unsupported-format", fileName, "legacy reader not loaded");
    return legacyReader(bytes, detected.format, fileName, options);
  }
  try {
    return readOoxml(openPackage(detected.zip!), detected.format, fileName, options);
  } catch (e) {
    if (e instanceof FileError) throw e;
    if (e instanceof ZipError && e.reason === "unsupported" && /encrypted/.test(e.message)) throw fileError("encrypted", fileName, e.message);
    if (e instanceof ZipError || e instanceof PackageError) throw fileError("corrupt", fileName, e.message);
    throw e;
  }
}

function readOoxml(pkg: OoxmlPackage, format: WorkbookFormat, fileName: string, options: ReadOptions): WorkbookRead {
  const listing: SheetListing[] = pkg.sheets.filter((s) => s.name !== RECORD_SHEET).map((s) => ({ name: s.name, state: s.state, worksheet: s.part !== null }));
  const wanted = pkg.sheets.filter((s) => s.part !== null && s.name !== RECORD_SHEET && (!options.only || options.only(s.name)));
  const recordEntry = pkg.sheets.find((s) => s.name === RECORD_SHEET && s.part !== null);
  let strings: string[] | null = null;
  const shared = (): string[] => (strings ??= readSharedStrings(pkg));
  const styles = readStyleInfo(pkg, options.fills === true);
  const record = recordEntry ? readRecordOf(pkg, shared) : null;
  const sheets: SheetInput[] = [];
  const fills = new Map<string, (string | null)[][]>();
  const merges = new Map<string, string[]>();
  for (const s of wanted) {
    const xml = entryText(pkg.zip, s.part!) ?? "";
    const scanned = scanSheet(xml, shared, styles.formats, pkg.date1904, options.fills ? styles.fills : null);
    const written = record?.sheets[s.name]?.written;
    const ranges = mergeRanges(xml);
    sheets.push({ sheetName: s.name, fileName, cells: scanned.cells, origin: { row: 0, col: 0 }, ...(written ? { written } : {}), ...(ranges.length > 0 ? { merges: ranges } : {}) });
    if (scanned.fills) {
      fills.set(s.name, scanned.fills);
      merges.set(s.name, ranges);
    }
  }
  return { format: pkg.macroEnabled ? "xlsm" : format === "xlsm" ? "xlsx" : format, listing, sheets, fills, merges, record };
}

// A row's body may not run into the next row's start (a tempered token): an unclosed <row> then costs
// the distance to the next row, not to the end of the part, so a malicious file cannot make reading quadratic.
const ROW_RE = new RegExp(`<${el("row")}\\b([^>]*?)(?:/>|>((?:[^<]|<(?!${el("row")}\\b))*?)</${el("row")}>)`, "g");
const CELL_RE = new RegExp(`<${el("c")}\\b([^>]*?)(?:/>|>((?:[^<]|<(?!${el("c")}[\\s>/]))*?)</${el("c")}>)`, "g");
const V_RE = new RegExp(`<${el("v")}(?:\\s[^>]*)?>([\\s\\S]*?)</${el("v")}>`);
const IS_RE = new RegExp(`<${el("is")}(?:\\s[^>]*)?>([\\s\\S]*?)</${el("is")}>`);
const MERGE_RE = new RegExp(`<${el("mergeCell")}\\b[^>]*?\\bref="([^"]+)"`, "g");
const ATTR_RE = new Map<string, RegExp>();
const attrOf = (s: string, name: string): string | undefined => {
  const i = s.indexOf(` ${name}="`);
  if (i >= 0) return s.slice(i + name.length + 3, s.indexOf('"', i + name.length + 3));
  // Other white space before the name, blanks around `=`, single quotes: all valid XML, read the long way.
  let re = ATTR_RE.get(name);
  if (!re) ATTR_RE.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(s);
  return m ? (m[1] ?? m[2]) : undefined;
};

/** Column number (1-based) of a cell reference's letters. */
function colOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n;
}

function cellOf(type: string | undefined, inner: string, shared: () => string[], format: string | null, date1904: boolean): Cell {
  if (type === "inlineStr") {
    const is = IS_RE.exec(inner);
    const t = is ? stringItemText(is[1]) : "";
    return t === "" ? EMPTY_CELL : { value: t, kind: "text", text: t };
  }
  const vm = V_RE.exec(inner);
  if (!vm) return EMPTY_CELL;
  const raw = vm[1];
  switch (type) {
    case "s": {
      const t = shared()[Number(raw)] ?? "";
      return t === "" ? EMPTY_CELL : { value: t, kind: "text", text: t };
    }
    case "str": {
      const t = decodeXml(raw);
      return t === "" ? EMPTY_CELL : { value: t, kind: "text", text: t };
    }
    case "b":
      return raw.trim() === "1" || raw.trim() === "true" ? { value: true, kind: "boolean", text: "TRUE" } : { value: false, kind: "boolean", text: "FALSE" };
    case "e": {
      const t = decodeXml(raw);
      return { value: t, kind: "error", text: t };
    }
    case "d": {
      const t = decodeXml(raw).slice(0, 10);
      return { value: t, kind: "date", text: t };
    }
    default: {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) return EMPTY_CELL;
      return numberCell(n, format, date1904);
    }
  }
}

function mergeRanges(xml: string): string[] {
  const out: string[] = [];
  if (xml.indexOf("mergeCell") < 0) return out;
  MERGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MERGE_RE.exec(xml))) out.push(m[1]);
  return out;
}

/** The value of one cell element (`<c …>…</c>`). */
export function scanCellValue(xml: string, shared: () => string[], formats: (string | null)[], date1904: boolean): Cell {
  CELL_RE.lastIndex = 0;
  const m = CELL_RE.exec(xml);
  if (!m || !m[2]) return EMPTY_CELL;
  const s = attrOf(m[1], "s");
  return cellOf(attrOf(m[1], "t"), m[2], shared, formats[s ? Number(s) : 0] ?? null, date1904);
}

/** Scans one worksheet part into rows of cells (1-based sheet positions become 0-based indexes). */
export function scanSheet(xml: string, shared: () => string[], formats: (string | null)[], date1904: boolean, fillOfStyle: (string | null)[] | null): { cells: Cell[][]; fills: (string | null)[][] | null } {
  const cells: Cell[][] = [];
  const fills: (string | null)[][] | null = fillOfStyle ? [] : null;
  const start = xml.search(new RegExp(`<${el("sheetData")}[\\s>/]`));
  const endTag = xml.search(new RegExp(`</${el("sheetData")}>`));
  if (start >= 0 && endTag > start) {
    const data = xml.slice(start, endTag);
    let rowNumber = 0;
    ROW_RE.lastIndex = 0;
    let rm: RegExpExecArray | null;
    while ((rm = ROW_RE.exec(data))) {
      const rAttr = attrOf(rm[1], "r");
      rowNumber = rAttr ? Number(rAttr) : rowNumber + 1;
      if (!rm[2]) continue;
      const out: Cell[] = [];
      const rowFills: (string | null)[] = [];
      let col = 0;
      CELL_RE.lastIndex = 0;
      let cm: RegExpExecArray | null;
      while ((cm = CELL_RE.exec(rm[2]))) {
        const a = cm[1];
        const ref = attrOf(a, "r");
        col = ref ? colOf(ref) : col + 1;
        const s = attrOf(a, "s");
        const styleIndex = s ? Number(s) : 0;
        const cell = cm[2] ? cellOf(attrOf(a, "t"), cm[2], shared, formats[styleIndex] ?? null, date1904) : EMPTY_CELL;
        if (fillOfStyle) rowFills[col - 1] = fillOfStyle[styleIndex] ?? null;
        if (cell.kind === "empty") continue;
        out[col - 1] = cell;
      }
      for (let c = 0; c < out.length; c++) if (!out[c]) out[c] = EMPTY_CELL;
      if (out.length > 0) cells[rowNumber - 1] = out;
      if (fills && rowFills.length > 0) fills[rowNumber - 1] = rowFills;
    }
  }
  for (let r = 0; r < cells.length; r++) if (!cells[r]) cells[r] = [];
  if (fills) for (let r = 0; r < fills.length; r++) if (!fills[r]) fills[r] = [];
  if (xml.indexOf("mergeCell") >= 0) {
    MERGE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MERGE_RE.exec(xml))) blankRange(m[1], cells);
  }
  return { cells, fills };
}

