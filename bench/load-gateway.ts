/** Run as its own process: the gateway over the fake with 100,000 items; memory of the fake is measured apart. */
import { DEFAULT_CONFIG } from "../src/core";
import { checkSheet } from "../src/excel/gateway";
import { FakeContext, sheetData } from "../tests/excel/fake-excel";
import { HEADER, itemRow } from "./generate";
import { report, round } from "./util";

async function main(): Promise<void> {
  const items = Number(process.argv[2] ?? 100_000);
  const rows: (string | number)[][] = [["令和2年度 市政改革プラン3.0 進捗状況"], [], HEADER];
  for (let i = 0; i < items; i++) rows.push(itemRow(i));
  const ctx = new FakeContext([sheetData("進捗", rows)]);
  rows.length = 0;
  global.gc?.();
  const fakeRss = process.memoryUsage().rss;
  const t = performance.now();
  await checkSheet(ctx, { config: DEFAULT_CONFIG, write: true });
  const ms = performance.now() - t;
  const peak = process.resourceUsage().maxRSS * 1024;
  report("load.gateway_fake_100k", {
    items,
    syncs: ctx.syncs,
    maxRequestBytes: Math.max(...ctx.requestBytes),
    maxResponseBytes: Math.max(...ctx.responseBytes),
    ms: Math.round(ms),
    processPeakMB: round(peak / 2 ** 20),
    fakeExcelMB: round(fakeRss / 2 ** 20),
    gatewayPeakOverFakeMB: round((peak - fakeRss) / 2 ** 20),
    goal: "finishes in 5 MB blocks; gateway < 1 GB",
  });
}

main();
