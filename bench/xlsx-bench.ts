/**
 * Issue 9 figures: reading and patching a 20,000-item workbook (our reader and patcher against
 * SheetJS CE and ExcelJS, in one process), whole-process `check` and `check --write` with their
 * peak memory, and the preview's save of the judged seed workbook in Chromium.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CONFIG, judge, plan, type WritePlan } from "../src/core";
import { patchWorkbook, readWorkbook } from "../src/xlsx";
import "../src/xlsx/node-file"; // the native codecs, as the CLI has them
import { writeProgressWorkbook } from "./generate";
import { cached, median, report, ROOT, round } from "./util";

function timeIt(f: () => unknown, runs: number): number {
  f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

async function timeAsync(f: () => Promise<unknown>, runs: number): Promise<number> {
  await f();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** Wall time and peak RSS (MB) of one CLI run in its own process. */
function cliRun(args: string[]): { ms: number; peakMB: number } {
  const script = `require(${JSON.stringify(path.join(ROOT, "build/src/cli/main.js"))}).main(${JSON.stringify(args)}, { stdout: { write: () => true }, stderr: { write: () => true } }).then(() => process.stderr.write(String(process.resourceUsage().maxRSS)))`;
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return { ms, peakMB: round(Number(r.stderr) / 1024) };
}

export async function benchFiles(items = 20000): Promise<void> {
  const file = await cached(`items-${items}.xlsx`, (f) => writeProgressWorkbook(f, items));
  const bytes = new Uint8Array(fs.readFileSync(file));
  const ours = timeIt(() => readWorkbook(bytes, file), 5);
  const sheetjs = timeIt(() => XLSX.read(bytes, { type: "array", dense: true, cellNF: true, cellHTML: false, cellStyles: false }), 3);
  const exceljs = await timeAsync(async () => new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer), 3);
  report("files.read_ms", { items, ours: round(ours), sheetjs: round(sheetjs), exceljs: round(exceljs), oursVsExceljs: round(ours / exceljs, 2), goal: "<= 0.5x an ExcelJS load" });

  const input = readWorkbook(bytes, file).sheets[0];
  const report0 = judge(input, DEFAULT_CONFIG);
  const p = plan(report0, input, DEFAULT_CONFIG);
  if (!p.ok) throw new Error(p.error.message);
  const plans: WritePlan[] = [p.plan];
  const patch = timeIt(() => patchWorkbook(bytes, file, plans), 5);
  const exceljsRoundTrip = await timeAsync(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    await wb.xlsx.writeBuffer();
  }, 2);
  report("files.patch_ms", { items, patch: round(patch), exceljsLoadPlusSave: round(exceljsRoundTrip), goal: "<= 1000 ms of patching on top of the read" });

  const out = path.join(path.dirname(file), "judged-bench.xlsx");
  const checks: { ms: number; peakMB: number }[] = [];
  const writes: { ms: number; peakMB: number }[] = [];
  for (let i = 0; i < 3; i++) {
    checks.push(cliRun(["check", file, "--format", "json"]));
    writes.push(cliRun(["check", file, "--write", out, "--format", "json"]));
  }
  report("files.cli_check", { items, medianMs: round(median(checks.map((c) => c.ms))), peakMB: Math.max(...checks.map((c) => c.peakMB)) });
  report("files.cli_check_write", { items, medianMs: round(median(writes.map((c) => c.ms))), peakMB: Math.max(...writes.map((c) => c.peakMB)) });
}

/** The preview's 「判定済みブックを保存」 on the judged seed workbook, click to download, in Chromium. */
export async function benchPreviewSave(runs = 5): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromiumPath)) {
    report("preview.save_skipped", { reason: `no Chromium at ${chromiumPath}` });
    return;
  }
  const { chromium } = await import("playwright-core");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(ROOT, "scripts/serve.js")) as { serve: (o: { port: number }) => Promise<{ server: import("http").Server; url: string }> };
  const { server, url } = await serve({ port: 0 });
  const seed = path.join(ROOT, "tests/fixtures/seed-jinji-zaisei-r2.libreoffice.xlsx");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const save: number[] = [];
    const page = await browser.newPage({ locale: "ja-JP", acceptDownloads: true });
    await page.goto(`${url}preview.html`);
    for (let i = 0; i < runs; i++) {
      await page.getByLabel("ブックを開く").setInputFiles(seed);
      await page.getByRole("button", { name: "判定する" }).click();
      await page.getByRole("list", { name: "判定結果" }).waitFor();
      const t = Date.now();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "判定済みブックを保存" }).click()]);
      await download.path();
      save.push(Date.now() - t);
    }
    report("preview.save_judged_seed_ms", { median: median(save), runs, goal: "<= 300" });
  } finally {
    await browser.close();
    server.close();
  }
}
