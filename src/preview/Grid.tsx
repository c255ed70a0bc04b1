import * as React from "react";
import { a1, columnLetter, type SheetInput } from "../core";

const MAX_ROWS = 400;
const MAX_COLS = 30;

/** A read-only view of a sheet: text only (never HTML), fills shown, the selected cell marked. */
export function Grid({ sheet, fills, selected, label }: { sheet: SheetInput; fills: (string | null)[][] | undefined; selected: string | null; label: string }) {
  const rows = Math.min(sheet.cells.length, MAX_ROWS);
  const cols = Math.min(Math.max(0, ...sheet.cells.slice(0, rows).map((r) => r.length)), MAX_COLS);
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
                const text = sheet.cells[r]?.[c]?.text ?? "";
                const fill = fills?.[r]?.[c] ?? null;
                const addr = a1(r + 1, c + 1);
                return (
                  <td key={c} id={`cell-${addr}`} data-addr={addr} className={addr === selected ? "selected" : undefined} style={fill ? { background: `#${fill.slice(-6)}` } : undefined}>
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
