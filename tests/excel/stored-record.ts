/** The record as the gateway stored it in the fake's record sheet: one JSON chunk a row in column A. */
import { decodeRecord, RECORD_SHEET, type ShinchokuRecord } from "../../src/core";
import type { FakeContext } from "./fake-excel";

export function storedRecord(ctx: FakeContext): ShinchokuRecord | null {
  const s = ctx.sheet(RECORD_SHEET);
  const chunks: string[] = [];
  for (let r = 0; ; r++) {
    const c = s.cells.get(`${r},0`);
    if (!c || c.type === "Empty") break;
    expect(c.type).toBe("String");
    chunks.push(String(c.value));
  }
  return decodeRecord(chunks);
}
