/** Cell helpers shared by the readers. */
import { type Cell, parseA1 } from "../core";

export const EMPTY_CELL: Cell = Object.freeze({ value: null, kind: "empty", text: "" }) as Cell;

/** Excel shows the cells a merge covers (all but its first) empty, whatever they hold. */
export function blankRange(range: string, cells: Cell[][]): void {
  const [a, b] = range.split(":");
  const from = parseA1(a);
  const to = parseA1(b ?? a);
  if (!from || !to) return;
  for (let r = from.row; r <= Math.min(to.row, cells.length); r++) {
    const row = cells[r - 1];
    if (!row) continue;
    for (let c = from.col; c <= Math.min(to.col, row.length); c++) if (r !== from.row || c !== from.col) row[c - 1] = EMPTY_CELL;
  }
}
