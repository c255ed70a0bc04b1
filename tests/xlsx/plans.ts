/** Test helper: the write plans the core makes for every recognised sheet of a workbook, as the CLI does. */
import { DEFAULT_CONFIG, judge, plan, type WritePlan } from "../../src/core";
import { readWorkbook } from "../../src/xlsx";

export function plans(bytes: Uint8Array): WritePlan[] {
  return readWorkbook(bytes, "t.xlsx").sheets.flatMap((input) => {
    const r = judge(input, DEFAULT_CONFIG);
    const p = r.recognized ? plan(r, input, DEFAULT_CONFIG) : null;
    return p && p.ok ? [p.plan] : [];
  });
}
