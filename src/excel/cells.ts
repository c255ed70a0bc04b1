/** Office.js values/valueTypes/numberFormat → the core's Cell, by the same rule as the file reader. */
import type { Cell } from "../core";
import { numberCell } from "../core/number-format";

const EMPTY: Cell = Object.freeze({ value: null, kind: "empty", text: "" }) as Cell;

/**
 * One cell. `values` gives a date as its serial number; only the number format tells it is a
 * date (and a percent format what is displayed), so numbers go through the core's numberCell.
 */
export function officeCell(value: unknown, valueType: string | undefined, numberFormat?: unknown): Cell {
  const fmt = typeof numberFormat === "string" ? numberFormat : null;
  switch (valueType) {
    case "Empty":
      return EMPTY;
    case "Error":
      return { value: String(value), kind: "error", text: String(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? numberCell(value, fmt) : EMPTY;
    case "Boolean":
      return { value: Boolean(value), kind: "boolean", text: value ? "TRUE" : "FALSE" };
    default: {
      if (value === null || value === undefined || value === "") return EMPTY;
      if (typeof value === "number") return numberCell(value, fmt);
      if (typeof value === "boolean") return { value, kind: "boolean", text: value ? "TRUE" : "FALSE" };
      const text = String(value);
      return { value: text, kind: "text", text };
    }
  }
}

export function officeRows(values: unknown[][], types: string[][] | undefined, formats?: unknown[][]): Cell[][] {
  return values.map((row, r) => row.map((v, c) => officeCell(v, types?.[r]?.[c], formats?.[r]?.[c])));
}

/** ARGB (FFB3D7F0) → Office colour (#B3D7F0). */
export const officeColor = (argb: string): string => `#${argb.slice(-6)}`;

/** Bytes of a string as UTF-8 (what a request or response payload carries). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Column widths. The record (like ExcelJS and the file) stores a width in characters, ECMA-376
 * Part 1 §18.3.1.13 (<col width>): "width = Truncate([{Number of Characters} * {Maximum Digit
 * Width} + {5 pixel padding}]/{Maximum Digit Width}*256)/256", and "To translate from width to
 * pixels: Truncate(((256 * {width} + Truncate(128/{Maximum Digit Width}))/256)*{Maximum Digit
 * Width})". Office.js RangeFormat.columnWidth is in points (72 a inch, 96 pixels a inch).
 * The maximum digit width of the default font (Calibri 11 / 游ゴシック 11) is 7 pixels, so the
 * default 8.43-character column (stored width 9.140625) is 64 px = 48 pt: about 5.25–5.7 pt a character.
 */
const MAX_DIGIT_WIDTH = 7;
export function charsToPoints(width: number): number {
  const px = Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_WIDTH)) / 256) * MAX_DIGIT_WIDTH);
  return (px * 72) / 96;
}
export function pointsToChars(points: number): number {
  const px = Math.round((points * 96) / 72);
  return Math.trunc((px / MAX_DIGIT_WIDTH) * 256) / 256;
}
