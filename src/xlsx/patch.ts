/**
 * Writes the core's WritePlans into a workbook package by changing only what Shinchoku owns:
 * its cells, their `<col>` widths and its list validation in each judged sheet; records appended
 * to `xl/styles.xml`; and its record sheet `_shinchoku` (with the workbook entry, relationship
 * and content type that naming it requires). Every other zip entry is copied byte for byte, the
 * workbook's content type (macro-enabled or not) is untouched. Undo is the same patch in reverse.
 * Runs in Node and in the browser.
 */
import { a1, emptyRecord, encodeRecord, type OriginSheet, RECORD_SHEET, type CellSnapshot, type ShinchokuRecord, STATUS_LABELS, type UndoSheet, type WritePlan, type WrittenValue } from "../core";
import { detectFormat, fileError } from "./format";
import { openPackage, type OoxmlPackage, PackageError, readSharedStrings, readStyleInfo, relsPartOf } from "./package";
import { readRecordOf } from "./record";
import { cellXml, SheetDoc, styleOf } from "./sheet-doc";
import { type LookChange, StyleBook, type TextEdit, unsplice } from "./styles";
import { attrs, decodeXml, escapeText, escapeXml } from "./xml";
import { crc32, entryText, rewriteZip, textBytes, ZipError } from "./zip";
import { scanCellValue } from "./read";

/** The file path's extra undo detail: the exact XML it replaced, so undo restores it to the byte. */
export interface FileUndoSheet extends UndoSheet {
  cellXml?: Record<string, string | null>;
  colAttrs?: Record<string, string | null>;
  /** The `<cols>` element before the run, exactly (null: none); put back while the element is as the run left it (`colsLeft`). */
  colsXml?: string | null;
  colsLeft?: string;
  /** Rows' `spans` hints before the run (row → "1:11"). */
  spans?: Record<string, string>;
  validations?: string | null;
  dimension?: string | null;
}

const STATUS_LIST = `"${Object.values(STATUS_LABELS.ja).join(",")}"`;
const VALIDATION_TITLE = "Shinchoku";
const VALIDATION_ERROR = "達成・概ね達成・未達成・判定不能・未入力 のいずれかを選んでください。";
/** Our rule, however the producer that last saved the file escaped it (Excel writes the list's quotes bare). */
function isOurRule(xml: string): boolean {
  const open = /^<[^>]*>/.exec(xml)?.[0] ?? "";
  if (attrs(open).errorTitle !== VALIDATION_TITLE) return false;
  const formula = /<(?:[\w.-]+:)?formula1>([\s\S]*?)<\/(?:[\w.-]+:)?formula1>/.exec(xml)?.[1];
  return formula !== undefined && decodeXml(formula) === STATUS_LIST;
}

function validationRule(prefix: string, range: string): string {
  const p = prefix;
  return `<${p}dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${VALIDATION_TITLE}" error="${escapeXml(VALIDATION_ERROR)}" sqref="${range}"><${p}formula1>${escapeXml(STATUS_LIST)}</${p}formula1></${p}dataValidation>`;
}

const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const REL_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

function openForWrite(bytes: Uint8Array, fileName: string): OoxmlPackage {
  const detected = detectFormat(bytes, fileName);
  if (detected.format === "xls" || detected.format === "ods") throw fileError("read-only-format", fileName);
  return asFileError(fileName, () => openPackage(detected.zip!));
}

/** A package found broken while opening or changing it is the user's corrupt file, with the detail. */
function asFileError<T>(fileName: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof PackageError || e instanceof ZipError) throw fileError("corrupt", fileName, e.message);
    throw e;
  }
}

/** The package being changed: parts replaced so far, in one place. */
class Patch {
  readonly replace = new Map<string, Uint8Array | null>();
  readonly styles: StyleBook;
  /** The styles part put back by undo (its edits taken back), when it was. */
  stylesText: string | null = null;
  private readonly shared: () => string[];
  private strings: string[] | null = null;
  private docs = new Map<string, SheetDoc>();

  constructor(readonly pkg: OoxmlPackage) {
    this.styles = new StyleBook(pkg.stylesPart ? entryText(pkg.zip, pkg.stylesPart) : null);
    this.shared = () => (this.strings ??= readSharedStrings(pkg));
  }

  sheetDoc(name: string): { doc: SheetDoc; part: string } | null {
    const entry = this.pkg.sheets.find((s) => s.name === name && s.part !== null);
    if (!entry?.part) return null;
    let doc = this.docs.get(entry.part);
    if (!doc) {
      doc = new SheetDoc(entryText(this.pkg.zip, entry.part) ?? "");
      this.docs.set(entry.part, doc);
    }
    return { doc, part: entry.part };
  }

  plainValue(xml: string | null): WrittenValue {
    if (!xml) return null;
    const formats = readStyleInfoCached(this.pkg).formats;
    const c = scanCellValue(xml, this.shared, formats, this.pkg.date1904);
    if (c.kind === "empty") return null;
    if (typeof c.value === "boolean") return c.text;
    return c.value as string | number;
  }

  /** Writes the record sheet (creating it and its workbook entry when absent), or removes it (null). */
  putRecord(record: ShinchokuRecord | null): void {
    const pkg = this.pkg;
    const existing = pkg.sheets.find((s) => s.name === RECORD_SHEET);
    if (record === null) {
      if (!existing) return;
      removeSheet(this, existing.rid, existing.part);
      return;
    }
    const chunks = encodeRecord(record);
    const rows = chunks.map((c, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeText(c)}</t></is></c></row>`).join("");
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
    if (existing?.part) {
      this.replace.set(existing.part, textBytes(xml));
      return;
    }
    // An entry whose relationship is gone (a broken file) goes first: two sheets of one name make Excel repair.
    if (existing) removeSheet(this, existing.rid, null);
    addSheet(this, RECORD_SHEET, textBytes(xml));
  }

  finish(): Uint8Array {
    for (const [part, doc] of this.docs) this.replace.set(part, textBytes(doc.serialize()));
    const styles = this.styles.serialize();
    if (styles !== null) {
      if (this.pkg.stylesPart) this.replace.set(this.pkg.stylesPart, textBytes(styles));
      else addPart(this, "xl/styles.xml", textBytes(styles), STYLES_CT, REL_STYLES);
    }
    return rewriteZip(this.pkg.zip, this.replace);
  }
}

const styleCache = new WeakMap<OoxmlPackage, ReturnType<typeof readStyleInfo>>();
function readStyleInfoCached(pkg: OoxmlPackage) {
  let s = styleCache.get(pkg);
  if (!s) styleCache.set(pkg, (s = readStyleInfo(pkg)));
  return s;
}

function currentText(p: Patch, part: string): string {
  const replaced = p.replace.get(part);
  if (replaced) return new TextDecoder().decode(replaced);
  return entryText(p.pkg.zip, part) ?? "";
}

/** Misc (comments, processing instructions, blanks) that XML allows after the root element. */
const TRAILING_MISC = String.raw`(?:\s|<!--[\s\S]*?-->|<\?[\s\S]*?\?>)*`;

/**
 * Puts `insert` just before the root element's end tag, wherever misc follows it. A part whose root
 * does not end as expected is refused as corrupt rather than left without the entry (which would
 * leave the record sheet unreachable, and with it ownership and undo).
 */
function insertBeforeRootEnd(xml: string, root: string, insert: string): string {
  const end = new RegExp(`</${root}>(${TRAILING_MISC})$`).exec(xml);
  if (!end) throw new PackageError(`${root}: the root element's end tag was not found`);
  return xml.slice(0, end.index) + insert + xml.slice(end.index);
}

function addPart(p: Patch, part: string, data: Uint8Array, contentType: string, relType: string): string {
  p.replace.set(part, data);
  const ct = insertBeforeRootEnd(currentText(p, "[Content_Types].xml"), "Types", `<Override PartName="/${part}" ContentType="${contentType}"/>`);
  p.replace.set("[Content_Types].xml", textBytes(ct));
  const relsPart = p.pkg.workbookRelsPart;
  const rels = currentText(p, relsPart) || '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const ids = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const rid = `rId${n}`;
  const wbDir = p.pkg.workbookPart.slice(0, p.pkg.workbookPart.lastIndexOf("/") + 1);
  const target = part.startsWith(wbDir) ? part.slice(wbDir.length) : `/${part}`;
  p.replace.set(relsPart, textBytes(insertBeforeRootEnd(rels, "Relationships", `<Relationship Id="${rid}" Type="${relType}" Target="${target}"/>`)));
  return rid;
}

function addSheet(p: Patch, name: string, data: Uint8Array): void {
  const dir = p.pkg.workbookPart.slice(0, p.pkg.workbookPart.lastIndexOf("/") + 1);
  let n = 1;
  // Part names are compared without case (OPC), against the zip and the content types' overrides.
  const taken = new Set([...p.pkg.zip.entries.map((e) => e.name.toLowerCase()), ...[...currentText(p, "[Content_Types].xml").matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1].toLowerCase())]);
  while (taken.has(`${dir}worksheets/sheet${n}.xml`.toLowerCase()) || p.replace.has(`${dir}worksheets/sheet${n}.xml`)) n++;
  const part = `${dir}worksheets/sheet${n}.xml`;
  const rid = addPart(p, part, data, WORKSHEET_CT, REL_WORKSHEET);
  const wb = currentText(p, p.pkg.workbookPart);
  const prefix = /<([\w.-]+:)?workbook\b/.exec(wb)?.[1] ?? "";
  // Use the root element's prefix for relationships where it declares one; else declare it on the new element.
  const rootTag = /<(?:[\w.-]+:)?workbook\b[^>]*>/.exec(wb)?.[0] ?? "";
  const relNs = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(rootTag)?.[1];
  const ids = p.pkg.sheets.map((s) => s.sheetId);
  const sheetId = Math.max(0, ...ids) + 1;
  const idAttr = relNs ? `${relNs}:id="${rid}"` : `r:id="${rid}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`;
  const entry = `<${prefix}sheet name="${name}" sheetId="${sheetId}" state="veryHidden" ${idAttr}/>`;
  const close = new RegExp(`</${prefix}sheets>`);
  p.replace.set(p.pkg.workbookPart, textBytes(wb.replace(close, `${entry}</${prefix}sheets>`)));
}

function removeSheet(p: Patch, rid: string, part: string | null): void {
  let wb = currentText(p, p.pkg.workbookPart);
  // A sheet entry may be written empty (`<sheet …/>`) or as a start and end tag (canonical XML does that),
  // even with a comment between them.
  const entries = [...wb.matchAll(/<((?:[\w.-]+:)?sheet)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g)];
  const index = entries.findIndex((m) => attrs(m[0]).name === RECORD_SHEET);
  if (index >= 0) {
    const m = entries[index];
    wb = wb.slice(0, m.index) + wb.slice(m.index! + m[0].length);
    // Sheets after it move up one place: names scoped to a sheet by position, and the view's tabs, follow.
    wb = wb.replace(/<((?:[\w.-]+:)?definedName)\b([^>]*?)\blocalSheetId="(\d+)"([^>]*)>([\s\S]*?)<\/\1>/g, (all, tag: string, a: string, n: string, b: string, body: string) => {
      const k = Number(n);
      if (k === index) return "";
      return k > index ? `<${tag}${a}localSheetId="${k - 1}"${b}>${body}</${tag}>` : all;
    });
    wb = wb.replace(/\b(activeTab|firstSheet)="(\d+)"/g, (all, name: string, n: string) => (Number(n) > index ? `${name}="${Number(n) - 1}"` : Number(n) === index ? `${name}="0"` : all));
  }
  p.replace.set(p.pkg.workbookPart, textBytes(wb));
  const rels = currentText(p, p.pkg.workbookRelsPart);
  p.replace.set(p.pkg.workbookRelsPart, textBytes(rels.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*(?:/>|>\\s*</Relationship>)`), "")));
  if (part) {
    p.replace.set(part, null);
    const rp = relsPartOf(part);
    if (p.pkg.zip.byName.has(rp)) p.replace.set(rp, null);
    const ct = currentText(p, "[Content_Types].xml");
    p.replace.set("[Content_Types].xml", textBytes(ct.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*(?:/>|>\\s*</Override>)`), "")));
  }
}

/** The base format of a cell position: its own, else its row's, else its column's. */
function baseStyle(doc: SheetDoc, row: number, col: number): number {
  const c = doc.cell(row, col);
  if (c.xml !== null) return c.style;
  return c.style || doc.columnStyle(col);
}

/** Applies several sheets' plans as one run, with the ownership and undo record. */
export function patchWorkbook(bytes: Uint8Array, fileName: string, plans: WritePlan[], at: Date = new Date()): Uint8Array {
  const pkg = openForWrite(bytes, fileName);
  return asFileError(fileName, () => patchPackage(pkg, fileName, plans, at));
}

function patchPackage(pkg: OoxmlPackage, fileName: string, plans: WritePlan[], at: Date): Uint8Array {
  const p = new Patch(pkg);
  const record = readRecordOf(pkg) ?? emptyRecord();
  if (!fingerprintMatches(record, p)) forgetExactXml(record);
  const undo: FileUndoSheet[] = [];
  for (const plan of plans) {
    const found = p.sheetDoc(plan.sheet);
    if (!found) continue;
    const { doc } = found;
    const snapshot: CellSnapshot[] = [];
    const xmlBefore: Record<string, string | null> = {};
    for (const c of plan.cells) {
      const cur = doc.cell(c.row, c.col);
      // Shinchoku never writes formulas: one in its columns is the user's (a filled-down 達成率, say).
      if (cur.xml !== null && /<(?:[\w.-]+:)?f[\s>/]/.test(cur.xml)) throw fileError("formula-in-output", fileName, `${plan.sheet}!${c.address}`);
      const look = p.styles.look(cur.xml !== null ? cur.style : baseStyle(doc, c.row, c.col));
      snapshot.push({ address: c.address, value: p.plainValue(cur.xml), fill: look.fill, numFmt: look.numFmt, bold: look.bold, wrap: look.wrap });
      xmlBefore[c.address] = cur.xml;
    }
    const colsXml = doc.colsXml();
    const spans: Record<string, string> = {};
    for (const c of plan.cells) {
      const s = spans[String(c.row)] === undefined ? doc.rowSpans(c.row) : null;
      if (s !== null) spans[String(c.row)] = s;
    }
    const colAttrs: Record<string, string | null> = {};
    const widths = plan.columns.map((c) => {
      colAttrs[String(c.col)] = doc.colAttrs(c.col);
      return { col: c.col, width: doc.colWidth(c.col) };
    });
    const validations = doc.validationsXml();
    const dimension = doc.dimension();
    for (const c of plan.cells) {
      const change: LookChange = { fill: c.fill };
      if (c.numFmt) change.numFmt = c.numFmt;
      if (c.bold) change.bold = true;
      if (c.wrap) change.wrap = true;
      const style = p.styles.derive(baseStyle(doc, c.row, c.col), change);
      doc.setCell(c.row, c.col, cellXml(doc.prefix, c.address, style, c.value));
      doc.coverInDimension(c.row, c.col);
    }
    for (const c of plan.columns) doc.setColWidth(c.col, c.width);
    let validationRange: string | null = null;
    if (plan.statusRange) {
      const { col, firstRow, lastRow } = plan.statusRange;
      validationRange = `${a1(firstRow, col)}:${a1(lastRow, col)}`;
      doc.putOwnValidation(validationRule(doc.prefix, validationRange), isOurRule);
    }
    const entry: FileUndoSheet = { sheet: plan.sheet, cells: snapshot, widths, written: record.sheets[plan.sheet]?.written ?? null, validationRange, cellXml: xmlBefore, colAttrs, validations, dimension, colsXml, colsLeft: markOf(doc.colsXml() ?? ""), spans };
    undo.push(entry);
    addToOrigin(record, entry, at);
    record.sheets[plan.sheet] = { written: plan.written };
  }
  record.lastRun = { at: at.toISOString(), undo };
  stylesEdits(record).push(p.styles.serializeWithEdits()?.edits ?? []);
  record.fingerprint = fingerprintOf(p);
  p.putRecord(record);
  return p.finish();
}

/** Cells and columns a run touches for the first time enter the sheet's origin, with the state they had. */
function addToOrigin(record: ShinchokuRecord, run: FileUndoSheet, at: Date): void {
  const origins = (record.origin ??= {});
  let o = origins[run.sheet] as (OriginSheet & FileUndoSheet) | undefined;
  if (!o) {
    const fresh: OriginSheet & FileUndoSheet = { at: at.toISOString(), sheet: run.sheet, cells: [], widths: [], written: null, validationRange: null, cellXml: {}, colAttrs: {}, validations: run.validations, dimension: run.dimension, colsXml: run.colsXml, colsLeft: markOf(run.colsXml ?? ""), spans: {} };
    o = origins[run.sheet] = fresh;
  }
  // `colsLeft` follows the runs while each found the element as the one before left it; when one did not
  // (someone changed the columns in between), it stays at the last such state, and undo --all puts the origin's
  // exact `<cols>` back only if the element is found exactly so again (restoreSheet's check).
  if (o.colsXml !== undefined && o.colsLeft === markOf(run.colsXml ?? "")) o.colsLeft = run.colsLeft;
  if (o.spans && run.spans) for (const [row, s] of Object.entries(run.spans)) o.spans[row] ??= s;
  const known = new Set(o.cells.map((c) => c.address));
  for (const c of run.cells) {
    if (known.has(c.address)) continue;
    o.cells.push(c);
    if (o.cellXml && run.cellXml) o.cellXml[c.address] = run.cellXml[c.address] ?? null;
  }
  const cols = new Set(o.widths.map((w) => w.col));
  for (const w of run.widths) {
    if (cols.has(w.col)) continue;
    o.widths.push(w);
    if (o.colAttrs && run.colAttrs) o.colAttrs[String(w.col)] = run.colAttrs[String(w.col)] ?? null;
  }
  o.validationRange ??= run.validationRange;
}

/** Whether the styles and shared strings are as Shinchoku left them, so stored cell XML still means what it meant. */
function fingerprintMatches(record: ShinchokuRecord, p: Patch): boolean {
  const now = fingerprintOf(p);
  return record.fingerprint !== undefined && record.fingerprint.styles === now.styles && record.fingerprint.sharedStrings === now.sharedStrings;
}

/**
 * Another program renumbered the styles or shared strings since Shinchoku wrote: the origin's stored
 * XML now points at other formats and texts. Keep only its values and looks (restored like the
 * add-in's record), or a later undo --all, checked against a fresh fingerprint, would put it back.
 */
function forgetExactXml(record: ShinchokuRecord): void {
  for (const o of Object.values(record.origin ?? {}) as FileUndoSheet[]) {
    delete o.cellXml;
    delete o.colAttrs;
    // `<col style>` is a format index too.
    delete o.colsXml;
    delete o.colsLeft;
  }
  if (record.adapter) delete record.adapter.stylesEdits;
}

/**
 * The edits each run not yet undone made to the styles part, oldest first (what it appended and the counts it
 * changed): undo takes them back so the part is again byte for byte what it was. Kept while the part stays as
 * Shinchoku left it (the fingerprint); dropped, like the exact cell XML, once another program rewrote it.
 */
function stylesEdits(record: ShinchokuRecord): TextEdit[][] {
  const state = (record.adapter ??= {});
  if (!Array.isArray(state.stylesEdits)) state.stylesEdits = [];
  return state.stylesEdits as TextEdit[][];
}

/** Takes back the runs' edits of the styles part when undo restored only exact XML (it derived no new format). */
function revertStyles(p: Patch, runs: TextEdit[][]): void {
  if (!p.pkg.stylesPart || p.styles.serialize() !== null || runs.every((r) => r.length === 0)) return;
  const back = unsplice(entryText(p.pkg.zip, p.pkg.stylesPart) ?? "", runs.flat());
  if (back === null) return;
  p.stylesText = back;
  p.replace.set(p.pkg.stylesPart, textBytes(back));
}

/** Length and CRC of a text as stored (UTF-8). */
function markOf(text: string): string {
  const bytes = textBytes(text);
  return `${bytes.length}:${crc32(bytes)}`;
}

/** Length and CRC of the styles and shared strings as they will be stored. */
function fingerprintOf(p: Patch): { styles: string; sharedStrings: string } {
  const mark = markOf;
  const styles = p.stylesText ?? p.styles.serialize() ?? (p.pkg.stylesPart ? (entryText(p.pkg.zip, p.pkg.stylesPart) ?? "") : "");
  const shared = p.pkg.sharedStringsPart ? (entryText(p.pkg.zip, p.pkg.sharedStringsPart) ?? "") : "";
  return { styles: mark(styles), sharedStrings: mark(shared) };
}

/** Puts one snapshot back into its sheet: the exact XML where the record has it (and still means the same), else value and look. */
function restoreSheet(p: Patch, u: FileUndoSheet, exactValid: boolean): boolean {
  if (!exactValid) u = { ...u, cellXml: undefined, colAttrs: undefined, colsXml: undefined };
  const found = p.sheetDoc(u.sheet);
  if (!found) return false;
  const { doc } = found;
  for (const s of u.cells) {
    const pos = parseAddress(s.address);
    if (!pos) continue;
    const exact = u.cellXml?.[s.address];
    if (exact !== undefined) {
      doc.setCell(pos.row, pos.col, exact);
      continue;
    }
    // A record written by the add-in: restore the value and the look it had.
    const cur = doc.cell(pos.row, pos.col);
    const base = cur.xml !== null ? styleOf(cur.xml) : baseStyle(doc, pos.row, pos.col);
    const style = p.styles.derive(base, { fill: s.fill, numFmt: s.numFmt, bold: Boolean(s.bold), wrap: Boolean(s.wrap) });
    doc.setCell(pos.row, pos.col, cellXml(doc.prefix, s.address, style, s.value));
  }
  for (const [row, s] of Object.entries(u.spans ?? {})) doc.setRowSpans(Number(row), s);
  // The columns exactly as they were, while nobody changed them since the write; else column by column.
  const colsExact = u.colsXml !== undefined && u.colsLeft !== undefined && markOf(doc.colsXml() ?? "") === u.colsLeft;
  if (colsExact) doc.setColsXml(u.colsXml ?? null);
  else if (u.colAttrs) for (const [col, a] of Object.entries(u.colAttrs)) doc.setColAttrs(Number(col), a);
  else
    for (const w of u.widths) {
      if (w.width === null) doc.setColAttrs(w.col, null);
      else doc.setColWidth(w.col, w.width);
    }
  // Only Shinchoku's rule changes: the user's rules (also ones added since) stay; our rule before the run comes back.
  if (u.validations !== undefined || u.validationRange) doc.putOwnValidation(SheetDoc.ownRule(u.validations, isOurRule), isOurRule);
  if (u.dimension !== undefined) doc.setDimension(u.dimension);
  return colsExact;
}

export interface UndoResult {
  bytes: Uint8Array;
  /** "last": the state before the last write; "origin": before Shinchoku first wrote (every sheet it wrote). */
  scope: "last" | "origin";
}

/**
 * Undo. By default the last write (its snapshot); when that was already undone but Shinchoku's
 * cells remain (an earlier write), back to the origin. With `all`, straight to the origin: the
 * state before Shinchoku first wrote, the record removed. Null when there is nothing to undo.
 */
export function undoWorkbook(bytes: Uint8Array, fileName: string, options: { all?: boolean } = {}): UndoResult | null {
  const pkg = openForWrite(bytes, fileName);
  return asFileError(fileName, () => undoPackage(pkg, fileName, options));
}

function undoPackage(pkg: OoxmlPackage, fileName: string, options: { all?: boolean }): UndoResult | null {
  const record = readRecordOf(pkg);
  if (!record) return null;
  const p = new Patch(pkg);
  const origins = Object.values(record.origin ?? {}) as FileUndoSheet[];
  // A sheet renamed or deleted since the write: refuse the whole undo, as the add-in does (sheet-missing),
  // rather than restore part of it and drop the record of the rest.
  const restoring = record.lastRun && !(options.all && origins.length > 0) ? record.lastRun.undo : origins;
  const missing = restoring.map((u) => u.sheet).filter((name) => !p.sheetDoc(name));
  if (missing.length > 0) throw fileError("sheet-missing", fileName, missing.join(", "));
  // Stored cell XML refers to style and shared-string indexes: valid only while those parts are as we left them.
  const exactValid = fingerprintMatches(record, p);
  if (!exactValid) forgetExactXml(record);
  if (record.lastRun && !(options.all && origins.length > 0)) {
    for (const u of record.lastRun.undo as FileUndoSheet[]) {
      const colsExact = restoreSheet(p, u, exactValid);
      // The origin's exact columns now hold as this run found them (else colsLeft stays where it was).
      const o = record.origin?.[u.sheet] as FileUndoSheet | undefined;
      if (o && colsExact && o.colsLeft === u.colsLeft) o.colsLeft = markOf(u.colsXml ?? "");
      if (u.written) record.sheets[u.sheet] = { written: u.written };
      else {
        delete record.sheets[u.sheet];
        if (record.origin) delete record.origin[u.sheet];
      }
    }
    record.lastRun = null;
    if (exactValid) {
      const runs = stylesEdits(record);
      const last = runs.pop();
      if (last) revertStyles(p, [last]);
      // Styles derived by this undo (a record without exact XML) are not the runs' edits: the chain ends here.
      if (p.stylesText === null && last && last.length > 0) delete record.adapter?.stylesEdits;
    }
    const empty = Object.keys(record.sheets).length === 0 && !record.summarySheet;
    if (!empty) record.fingerprint = fingerprintOf(p);
    p.putRecord(empty ? null : record);
    return { bytes: p.finish(), scope: "last" };
  }
  if (origins.length === 0) return null;
  for (const o of origins) restoreSheet(p, o, exactValid);
  if (exactValid) revertStyles(p, stylesEdits(record));
  p.putRecord(null);
  return { bytes: p.finish(), scope: "origin" };
}

function parseAddress(address: string): { row: number; col: number } | null {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}
