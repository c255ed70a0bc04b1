/** Issue 3 figures: context.sync() calls and payload bytes of one whole check, on the fake Excel. */
import { DEFAULT_CONFIG } from "../src/core";
import { checkSheet } from "../src/excel/gateway";
import { FakeContext, sheetData } from "../tests/excel/fake-excel";
import { itemRow, HEADER } from "./generate";
import { report } from "./util";

export async function benchGateway(sizes = [30, 1000, 20000]): Promise<void> {
  for (const items of sizes) {
    const rows: (string | number)[][] = [["令和2年度 市政改革プラン3.0 進捗状況"], [], HEADER];
    for (let i = 0; i < items; i++) rows.push(itemRow(i));
    const ctx = new FakeContext([sheetData("進捗状況", rows)]); // Excel on the web's 5 MB limit
    const t = performance.now();
    await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
    const ms = performance.now() - t;
    report("gateway.check_one_sheet", {
      items,
      syncs: ctx.syncs,
      maxRequestBytes: Math.max(...ctx.requestBytes),
      maxResponseBytes: Math.max(...ctx.responseBytes),
      totalRequestBytes: ctx.requestBytes.reduce((a, b) => a + b, 0),
      totalResponseBytes: ctx.responseBytes.reduce((a, b) => a + b, 0),
      msOnFake: Math.round(ms),
      goal: "<= 3 syncs up to the 5 MB limit; row blocks beyond",
    });
  }
}
