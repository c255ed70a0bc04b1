/** Office.js values/valueTypes → the core's Cell. */
import type { Cell } from "../core";

const EMPTY: Cell = Object.freeze({ value: null, kind: "empty", text: "" }) as Cell;

export function officeCell(value: unknown, valueType: string | undefined): Cell {
  switch (valueType) {
    case "Empty":
      return EMPTY;
    case "Error":
      return { value: String(value), kind: "error", text: String(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? { value, kind: "number", text: String(value) } : EMPTY;
    case "Boolean":
      return { value: Boolean(value), kind: "boolean", text: value ? "TRUE" : "FALSE" };
    default: {
      if (value === null || value === undefined || value === "") return EMPTY;
      if (typeof value === "number") return { value, kind: "number", text: String(value) };
      const text = String(value);
      return { value: text, kind: "text", text };
    }
  }
}

export function officeRows(values: unknown[][], types: string[][] | undefined): Cell[][] {
  return values.map((row, r) => row.map((v, c) => officeCell(v, types?.[r]?.[c])));
}

/** ARGB (FFB3D7F0) → Office colour (#B3D7F0). */
export const officeColor = (argb: string): string => `#${argb.slice(-6)}`;
