/** Issue 4 figures: the task pane bundle size, and the preview's speed in Chromium. */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { chromium } from "playwright-core";
import { writeProgressWorkbook } from "./generate";
import { cached, median, report, ROOT, round } from "./util";

export function benchBundle(): void {
  const dist = path.join(ROOT, "dist");
  const files = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
  for (const name of ["taskpane", "commands", "preview"]) {
    const f = files.find((x) => x.startsWith(`${name}.`));
    if (!f) continue;
    const buf = fs.readFileSync(path.join(dist, f));
    const gz = zlib.gzipSync(buf, { level: 9 }).length;
    report(`bundle.${name}`, { file: f, bytes: buf.length, gzipBytes: gz, gzipKB: round(gz / 1024), goal: name === "taskpane" ? "<= 200 KB gzip (without office.js)" : "none", containsExcelJS: buf.includes("exceljs") || buf.includes("ExcelJS") });
  }
}

export async function benchPreview(runs = 5): Promise<void> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!fs.existsSync(chromiumPath)) {
    report("preview.skipped", { reason: `no Chromium at ${chromiumPath}` });
    return;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { serve } = require(path.join(ROOT, "scripts/serve.js")) as { serve: (o: { port: number }) => Promise<{ server: import("http").Server; url: string }> };
  const { server, url } = await serve({ port: 0 });
  const big = await cached("items-1000.xlsx", (f) => writeProgressWorkbook(f, 1000));
  const seed = path.join(ROOT, "tests/fixtures/seed-jinji-zaisei-r2.libreoffice.xlsx");
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  try {
    const load: number[] = [];
    const judgeSeed: number[] = [];
    const judgeBig: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ locale: "ja-JP" });
      const t0 = Date.now();
      await page.goto(`${url}preview.html`);
      await page.getByLabel("ブックを開く").waitFor();
      load.push(Date.now() - t0);
      for (const [file, out] of [[seed, judgeSeed], [big, judgeBig]] as const) {
        await page.getByLabel("ブックを開く").setInputFiles(file);
        const button = page.getByRole("button", { name: "判定する" });
        await button.waitFor();
        await page.waitForTimeout(50);
        const t = Date.now();
        await button.click();
        await page.getByRole("list", { name: "判定結果" }).waitFor();
        await page.getByRole("button", { name: "判定する" }).waitFor();
        out.push(Date.now() - t);
        await page.reload();
        await page.getByLabel("ブックを開く").waitFor();
      }
      await page.close();
    }
    report("preview.load_to_interactive_ms", { median: median(load), runs, goal: "<= 1000" });
    report("preview.judge_seed_ms", { median: median(judgeSeed), runs, goal: "<= 300" });
    report("preview.judge_1000_items_ms", { median: median(judgeBig), runs, goal: "<= 1500" });
  } finally {
    await browser.close();
    server.close();
  }
}
