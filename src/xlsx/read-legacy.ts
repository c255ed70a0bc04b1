/**
 * .xls (BIFF8) and .ods through SheetJS CE: formats Shinchoku reads and checks but never writes.
 * Cells are given to the core by the same rules as the OOXML reader (number formats through
 * the core's one rule; the cells a merge covers empty).
 */
import * as XLSX from "@e965/xlsx";
import { type Cell, decodeRecord, numberCell, RECORD_SHEET, type SheetInput, type ShinchokuRecord } from "../core";
import { fileError, type WorkbookFormat } from "./format";
import { blankRange, EMPTY_CELL } from "./cells";
import { registerLegacyReader, type ReadOptions, type SheetListing, type WorkbookRead } from "./read";
import { attrLocal, attrs } from "./xml";
import { entryText, readZip } from "./zip";

/**
 * The .ods tables LibreOffice hides: SheetJS CE does not read visibility from .ods (it lives in a table
 * style, `<style:table-properties table:display="false"/>`, ODF 1.2 §17.15), so it is read here.
 */
function odsHiddenTables(bytes: Uint8Array): Set<string> {
  const hidden = new Set<string>();
  let xml: string | null;
  try {
    xml = entryText(readZip(bytes), "content.xml");
  } catch {
    return hidden;
  }
  if (!xml) return hidden;
  const hiddenStyles = new Set<string>();
  // A self-closed style (most cell styles are) holds no properties: it must not run on into the next one.
  for (const m of xml.matchAll(/<style:style\b([^>]*?)(?:\/>|>([\s\S]*?)<\/style:style>)/g)) {
    const a = attrs(m[1]);
    if (attrLocal(a, "family") === "table" && /<style:table-properties\b[^>]*\btable:display\s*=\s*["']false["']/.test(m[2] ?? "")) hiddenStyles.add(attrLocal(a, "name") ?? "");
  }
  if (hiddenStyles.size === 0) return hidden;
  for (const m of xml.matchAll(/<table:table\b([^>]*)>/g)) {
    const a = attrs(m[1]);
    const style = attrLocal(a, "style-name");
    const name = attrLocal(a, "name");
    if (style !== undefined && name !== undefined && hiddenStyles.has(style)) hidden.add(name);
  }
  return hidden;
}

function toCell(c: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!c || c.v === undefined || c.v === null) return EMPTY_CELL;
  switch (c.t) {
    case "s": {
      const t = String(c.v);
      return t === "" ? EMPTY_CELL : { value: t, kind: "text", text: t };
    }
    case "b":
      return c.v ? { value: true, kind: "boolean", text: "TRUE" } : { value: false, kind: "boolean", text: "FALSE" };
    case "e": {
      const t = c.w ?? XLSX.SSF.format("General", c.v);
      return { value: String(t), kind: "error", text: String(t) };
    }
    case "d": {
      const t = c.v instanceof Date ? c.v.toISOString().slice(0, 10) : String(c.v).slice(0, 10);
      return { value: t, kind: "date", text: t };
    }
    case "n":
      // A float cell with no usable office:value reads as NaN in SheetJS; the .xlsx reader leaves such a cell empty.
      return typeof c.v === "number" && Number.isFinite(c.v) ? numberCell(c.v, typeof c.z === "string" ? c.z : null, date1904) : EMPTY_CELL;
    default:
      return EMPTY_CELL;
  }
}

export function readLegacy(bytes: Uint8Array, format: WorkbookFormat, fileName: string, options: ReadOptions): WorkbookRead {
  let wb: XLSX.WorkBook;
  // SheetJS writes parse notes ("ODS number format may be incorrect") to the console: not the user's concern.
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    wb = XLSX.read(bytes, { type: "array", dense: true, cellNF: true, cellDates: false, cellHTML: false, cellStyles: false, bookVBA: false });
  } catch (e) {
    const msg = String(e);
    throw fileError(/password|encrypt/i.test(msg) ? "encrypted" : "corrupt", fileName, msg);
  } finally {
    console.error = error;
    console.warn = warn;
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const states = wb.Workbook?.Sheets ?? [];
  const odsHidden = format === "ods" ? odsHiddenTables(bytes) : new Set<string>();
  const listing: SheetListing[] = [];
  const sheets: SheetInput[] = [];
  const merges = new Map<string, string[]>();
  let record: ShinchokuRecord | null = null;
  wb.SheetNames.forEach((name, i) => {
    const ws = wb.Sheets[name];
    const hidden = states[i]?.Hidden;
    const state = hidden === 2 ? "veryHidden" : hidden === 1 || odsHidden.has(name) ? "hidden" : "visible";
    const dense = (ws as unknown as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"];
    const cells: Cell[][] = [];
    if (dense) {
      for (let r = 0; r < dense.length; r++) {
        const row = dense[r];
        const out: Cell[] = [];
        if (row) for (let c = 0; c < row.length; c++) out[c] = toCell(row[c], date1904);
        let last = out.length;
        while (last > 0 && (!out[last - 1] || out[last - 1].kind === "empty")) last--;
        out.length = last;
        for (let c = 0; c < out.length; c++) if (!out[c]) out[c] = EMPTY_CELL;
        cells[r] = out;
      }
    }
    while (cells.length > 0 && cells[cells.length - 1].length === 0) cells.pop();
    for (const m of ws["!merges"] ?? []) blankRange(`${XLSX.utils.encode_cell(m.s)}:${XLSX.utils.encode_cell(m.e)}`, cells);
    if (name === RECORD_SHEET) {
      const chunks: string[] = [];
      for (const row of cells) {
        if (!row[0] || row[0].kind !== "text") break;
        chunks.push(String(row[0].value));
      }
      record = chunks.length > 0 ? decodeRecord(chunks) : null;
      return;
    }
    listing.push({ name, state, worksheet: dense !== undefined });
    if (options.only && !options.only(name)) return;
    const ranges = (ws["!merges"] ?? []).map((m) => `${XLSX.utils.encode_cell(m.s)}:${XLSX.utils.encode_cell(m.e)}`);
    sheets.push({ sheetName: name, fileName, cells, origin: { row: 0, col: 0 }, ...(ranges.length > 0 ? { merges: ranges } : {}) });
    if (options.fills) merges.set(name, ranges);
  });
  return { format, listing, sheets, fills: new Map(), merges, record };
}

registerLegacyReader(readLegacy);
