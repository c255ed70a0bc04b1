/** Test helper: rewrites the record the add-in stored (one JSON chunk a row in column A of the record sheet). */
import { decodeRecord, encodeRecord, RECORD_SHEET, type ShinchokuRecord } from "../../src/core";
import { cellOf, type FakeContext } from "./fake-excel";

/** `R` names fields a test reads beyond ShinchokuRecord's own (what the gateway keeps in its undo entries). */
export function editRecord<R extends ShinchokuRecord = ShinchokuRecord>(ctx: FakeContext, edit: (r: R) => void): void {
  const s = ctx.sheet(RECORD_SHEET);
  const chunks: string[] = [];
  for (let r = 0; s.cells.get(`${r},0`)?.type === "String"; r++) chunks.push(String(s.cells.get(`${r},0`)!.value));
  const record = decodeRecord(chunks)!;
  edit(record as R);
  const next = encodeRecord(record);
  for (let r = 0; r < Math.max(chunks.length, next.length); r++) s.cells.set(`${r},0`, { ...cellOf(s, `A${r + 1}`), value: next[r] ?? "", type: next[r] === undefined ? "Empty" : "String" });
}
