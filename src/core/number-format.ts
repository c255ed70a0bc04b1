/**
 * One rule, shared by every reader (workbook files and Office.js), for turning a number cell and
 * its number format into the core's Cell: dates are told from numbers by the format only (Excel
 * stores both as numbers), and a percent format gives the displayed text (kpi-grammar §2 v2:
 * 0.981 formatted `0.0%` reads as 98.1%). Both adapters call this so the core gets the same
 * SheetInput from a file and from Excel.
 */
import type { Cell } from "./types";

/** Built-in number format ids that are dates or times (ECMA-376 Part 1, 18.8.30). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** Built-in percent formats: 9 = 0%, 10 = 0.00%. */
const BUILTIN_FORMATS: Record<number, string> = { 0: "General", 9: "0%", 10: "0.00%" };

export function builtinNumberFormat(id: number): string | null {
  if (BUILTIN_DATE_IDS.has(id)) return "yyyy-mm-dd";
  return BUILTIN_FORMATS[id] ?? null;
}

/** The format's first section with quoted text, escapes and [colour]/[$-locale] brackets removed. */
function firstSection(format: string): string {
  let out = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === ";") break;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      i = end < 0 ? format.length : end;
      continue;
    }
    if (ch === "\\" || ch === "_" || ch === "*") {
      i++;
      continue;
    }
    if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      const inner = format.slice(i + 1, end < 0 ? format.length : end);
      // Elapsed-time brackets ([h], [mm], [ss]) are time codes; colours and locales are not.
      if (/^(h+|m+|s+)$/i.test(inner)) out += inner;
      i = end < 0 ? format.length : end;
      continue;
    }
    out += ch;
  }
  return out;
}

export function isDateFormat(format: string | null | undefined): boolean {
  if (!format || format === "General" || format === "@") return false;
  const s = firstSection(format).replace(/E[+-]/gi, "");
  return /[ymdhse]/i.test(s.replace(/General/gi, "")) && !/[0#?]/.test(s.replace(/[ymdhse]/gi, "").replace(/\.0+/, ""));
}

export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && firstSection(format).includes("%");
}

function decimalsOf(format: string): number {
  const s = firstSection(format);
  const m = /\.([0#?]+)/.exec(s);
  return m ? m[1].length : 0;
}

/** ISO date (yyyy-mm-dd) of an Excel serial (1900 date system; serial 60 is Excel's phantom 1900-02-29). */
export function serialToIsoDate(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial)) return "";
  let days = Math.floor(serial);
  if (date1904) days += 1462;
  // Excel counts 1900-02-29, which did not exist; serials after it are one day ahead.
  const ms = Date.UTC(1899, 11, 31) + (days > 59 ? days - 1 : days) * 86400000;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}

/** The core's Cell for a number with its number format (null/"General" for none). */
export function numberCell(value: number, format: string | null | undefined, date1904 = false): Cell {
  if (isDateFormat(format)) {
    const t = serialToIsoDate(value, date1904);
    return { value: t, kind: "date", text: t };
  }
  if (format && isPercentFormat(format)) {
    const shown = (value * 100).toFixed(decimalsOf(format));
    return { value, kind: "number", text: `${shown}%` };
  }
  return { value, kind: "number", text: String(value) };
}
