import * as React from "react";
import { a1, columnLetter, parseA1, type SheetInput } from "../core";

const MAX_ROWS = 400;
const MAX_COLS = 30;

interface Span {
  rows: number;
  cols: number;
}

/** Merged ranges: the first cell spans the range; the cells it covers are not drawn. */
function spansOf(merges: readonly string[]): { first: Map<string, Span>; covered: Set<string> } {
  const first = new Map<string, Span>();
  const covered = new Set<string>();
  for (const range of merges) {
    const [a, b] = range.split(":");
    const from = parseA1(a);
    const to = parseA1(b ?? a);
    if (!from || !to || from.row > MAX_ROWS || from.col > MAX_COLS) continue;
    const lastRow = Math.min(to.row, MAX_ROWS);
    const lastCol = Math.min(to.col, MAX_COLS);
    first.set(`${from.row},${from.col}`, { rows: lastRow - from.row + 1, cols: lastCol - from.col + 1 });
    for (let r = from.row; r <= lastRow; r++) for (let c = from.col; c <= lastCol; c++) if (r !== from.row || c !== from.col) covered.add(`${r},${c}`);
  }
  return { first, covered };
}

/** A read-only view of a sheet: text only (never HTML), fills shown, merges drawn once, the selected cell marked. */
export function Grid({ sheet, fills, merges, selected, label }: { sheet: SheetInput; fills: (string | null)[][] | undefined; merges: readonly string[] | undefined; selected: string | null; label: string }) {
  const rows = Math.min(sheet.cells.length, MAX_ROWS);
  const cols = Math.min(Math.max(0, ...sheet.cells.slice(0, rows).map((r) => r.length)), MAX_COLS);
  const spans = React.useMemo(() => spansOf(merges ?? []), [merges]);
  React.useEffect(() => {
    if (selected) document.getElementById(`cell-${selected}`)?.scrollIntoView({ block: "center", inline: "center" });
  }, [selected]);
  return (
    <div className="grid-wrap">
      <table className="grid" aria-label={label}>
        <thead>
          <tr>
            <th scope="col"></th>
            {Array.from({ length: cols }, (_, c) => (
              <th key={c} scope="col">{columnLetter(c + 1)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rows }, (_, r) => (
            <tr key={r}>
              <th scope="row">{r + 1}</th>
              {Array.from({ length: cols }, (_, c) => {
                const key = `${r + 1},${c + 1}`;
                if (spans.covered.has(key)) return null;
                const span = spans.first.get(key);
                const text = sheet.cells[r]?.[c]?.text ?? "";
                const fill = fills?.[r]?.[c] ?? null;
                const addr = a1(r + 1, c + 1);
                return (
                  <td
                    key={c}
                    id={`cell-${addr}`}
                    data-addr={addr}
                    rowSpan={span && span.rows > 1 ? span.rows : undefined}
                    colSpan={span && span.cols > 1 ? Math.min(span.cols, cols - c) : undefined}
                    className={[addr === selected ? "selected" : "", text.length > 0 && text.length <= 12 && !text.includes("\n") ? "short" : ""].filter(Boolean).join(" ") || undefined}
                    style={fill ? { background: `#${fill.slice(-6)}` } : undefined}
                  >
                    {text.length > 200 ? `${text.slice(0, 200)}…` : text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
