import * as React from "react";
import type ExcelJS from "exceljs";
import { a1, columnLetter } from "../core";
import { toCell } from "../xlsx/cells";

const MAX_ROWS = 400;

/** A read-only view of a sheet: text only (never HTML), fills shown, the selected cell marked. */
export function Grid({ sheet, selected, label }: { sheet: ExcelJS.Worksheet; selected: string | null; label: string }) {
  const rows = Math.min(sheet.rowCount, MAX_ROWS);
  const cols = Math.min(sheet.columnCount, 30);
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
                const cell = sheet.getCell(r + 1, c + 1);
                const v = toCell(cell.value);
                const fill = cell.fill && cell.fill.type === "pattern" && cell.fill.pattern === "solid" ? (cell.fill.fgColor as { argb?: string } | undefined)?.argb : undefined;
                const addr = a1(r + 1, c + 1);
                const text = v.kind === "number" && cell.numFmt === "0.0%" ? `${((v.value as number) * 100).toFixed(1)}%` : v.text;
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
