/** ExcelJS cell values → the core's Cell. */
import type { CellValue } from "exceljs";
import type { Cell } from "../core";

const EMPTY: Cell = Object.freeze({ value: null, kind: "empty", text: "" }) as Cell;

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 10);
}

/** Converts one ExcelJS value. Rich text is joined, formulas give their cached result. */
export function toCell(v: CellValue | undefined): Cell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "string") return v === "" ? EMPTY : { value: v, kind: "text", text: v };
  if (typeof v === "number") return { value: v, kind: "number", text: String(v) };
  if (typeof v === "boolean") return { value: v, kind: "boolean", text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) {
    const t = isoDate(v);
    return { value: t, kind: "date", text: t };
  }
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) {
      const text = v.richText.map((r) => (typeof r.text === "string" ? r.text : "")).join("");
      return text === "" ? EMPTY : { value: text, kind: "text", text };
    }
    if ("error" in v && typeof v.error === "string") return { value: v.error, kind: "error", text: v.error };
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: CellValue }).result;
      return toCell(result as CellValue | undefined);
    }
    if ("text" in v && typeof (v as { text: unknown }).text === "string") {
      const text = (v as { text: string }).text;
      return text === "" ? EMPTY : { value: text, kind: "text", text };
    }
  }
  return EMPTY;
}

/** Comparable plain value of an ExcelJS cell (for the ownership check and undo). */
export function plainValue(v: CellValue | undefined): string | number | null {
  const c = toCell(v);
  if (c.kind === "empty") return null;
  if (typeof c.value === "boolean") return c.text;
  return c.value;
}
