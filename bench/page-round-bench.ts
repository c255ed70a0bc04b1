/**
 * Issue 13 figures, Chromium: a round of 50 workbooks × 30 items dropped on the preview page
 * (drop to complete table, the longest main-thread task while it runs), and the offline file
 * (size gzip, opening it from file:// to interactive).
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { chromium } from "playwright-core";
import { writeProgressWorkbook } from "./generate";
import { BENCH_DIR, median, report, ROOT } from "./util";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function benchPageRound(files = 50, items = 30, runs = 3): Promise<void> {
  if (!fs.existsSync(chromiumPath)) return report("page_round.skipped", { reason: `no Chromium at ${chromiumPath}` });
  const dir = path.join(BENCH_DIR, `page-round-${files}x${items}`);
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) {
    const f = path.join(dir, `部会${String(i + 1).padStart(2, "0")}.xlsx`);
    if (!fs.existsSync(f)) await writeProgressWorkbook(f, items);
  }
  const list = fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).map((name) => ({ name, b64: fs.readFileSync(path.join(dir, name)).toString("base64") }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(ROOT, "scripts/serve.js")) as { serve: (o: { port: number }) => Promise<{ server: import("http").Server; url: string }> };
  const { server, url } = await serve({ port: 0 });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  try {
    const times: number[] = [];
    const longest: number[] = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ locale: "ja-JP", viewport: { width: 1400, height: 900 } });
      await page.addInitScript(() => {
        const w = window as unknown as { __long: number[] };
        w.__long = [];
        new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: "longtask", buffered: true });
      });
      await page.goto(`${url}preview.html`);
      await page.getByRole("button", { name: "提出ファイルを開く" }).waitFor();
      // The files are made in the page first (not timed): the drop is what the user does.
      await page.evaluate((l) => {
        const dt = new DataTransfer();
        for (const f of l) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
        (window as unknown as { __drop: DataTransfer }).__drop = dt;
      }, list);
      await page.waitForTimeout(300);
      const ms = await page.evaluate(async (n) => {
        const w = window as unknown as { __long: number[]; __drop: DataTransfer };
        w.__long.length = 0;
        const t0 = performance.now();
        const target = document.querySelector(".preview") as HTMLElement;
        target.dispatchEvent(new DragEvent("drop", { dataTransfer: w.__drop, bubbles: true, cancelable: true }));
        await new Promise<void>((resolve) => {
          const check = () => {
            const rows = document.querySelectorAll('table[aria-label="提出状況"] tbody tr').length;
            const button = Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.startsWith("集計をダウンロード"));
            if (rows >= n && button && !button.disabled) resolve();
            else requestAnimationFrame(check);
          };
          check();
        });
        return performance.now() - t0;
      }, files);
      await page.waitForTimeout(100);
      times.push(Math.round(ms));
      longest.push(Math.round(await page.evaluate(() => Math.max(0, ...(window as unknown as { __long: number[] }).__long))));
      await page.close();
    }
    report("page_round.drop_to_table_ms", { median: median(times), runs: times, files, items, goal: "<= 3000" });
    report("page_round.longest_main_thread_task_ms", { max: Math.max(...longest), runs: longest, note: "Long Tasks API (tasks over 50 ms); 0 = none over 50 ms", goal: "<= 200" });
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
  }
}

export async function benchOffline(runs = 5): Promise<void> {
  const file = path.join(ROOT, "dist/shinchoku-offline.html");
  if (!fs.existsSync(file)) return report("offline.skipped", { reason: "dist/shinchoku-offline.html not built" });
  const buf = fs.readFileSync(file);
  report("offline.size", { bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length, gzipKB: Math.round(zlib.gzipSync(buf, { level: 9 }).length / 1024), goal: "<= 1536 KB gzip" });
  if (!fs.existsSync(chromiumPath)) return report("offline.skipped", { reason: `no Chromium at ${chromiumPath}` });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ locale: "ja-JP" });
      const t0 = Date.now();
      await page.goto(`file://${file}`);
      await page.getByRole("button", { name: "提出ファイルを開く" }).waitFor();
      times.push(Date.now() - t0);
      await page.close();
    }
    report("offline.open_to_interactive_ms", { median: median(times), runs: times, goal: "<= 1000" });
  } finally {
    await browser.close();
  }
}
