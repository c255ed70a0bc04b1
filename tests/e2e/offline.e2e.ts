/**
 * dist/shinchoku-offline.html: one file, opened from disk (file://) in Chromium, runs a round and
 * opens the sample; nothing external (no script, style or font outside it, no request), strict CSP.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { Browser, Download } from "playwright-core";
import { makeRound } from "../report/round-fixture";
import { ARTIFACTS, launch, ROOT, unavailable } from "./browser";

const why = unavailable();
const OFFLINE = path.join(ROOT, "dist/shinchoku-offline.html");
const maybe = why || !fs.existsSync(OFFLINE) ? describe.skip : describe;
if (!why && !fs.existsSync(OFFLINE)) console.warn("SKIP offline e2e: dist/shinchoku-offline.html not built (npm run build)");

maybe("shinchoku-offline.html from file:// (Chromium)", () => {
  let browser: Browser;
  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is one file: no external script, style, font or link; a strict CSP; within 1.5 MB gzip", () => {
    const html = fs.readFileSync(OFFLINE, "utf8");
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|@font-face[^}]*url\((?!data:)/i);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1].trim().split(/\s+/) ?? [];
    expect(scriptSrc.length).toBe(1);
    expect(scriptSrc[0]).toMatch(/^'sha256-[A-Za-z0-9+/=]+'$/);
    expect(csp).not.toContain("unsafe-eval");
    expect(zlib.gzipSync(html).length).toBeLessThan(1.5 * 1024 * 1024);
  });

  it("runs a round from file:// and downloads the reports; opens the sample; no request leaves the file", async () => {
    const { dir, names } = await makeRound();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "ja-JP", acceptDownloads: true });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    try {
      const t0 = Date.now();
      await page.goto(`file://${OFFLINE}`);
      await page.getByRole("button", { name: "提出ファイルを開く" }).waitFor();
      const interactive = Date.now() - t0;
      expect(await page.getByRole("link", { name: "オフライン版（1 ファイル）を保存" }).count()).toBe(0); // it is that file
      await page.getByLabel("提出ファイルを開く").setInputFiles(names.map((n) => path.join(dir, n)));
      const done = page.getByRole("button", { name: /^集計をダウンロード/ }).and(page.locator(":enabled"));
      await done.waitFor();
      const table = page.getByRole("table", { name: "提出状況" });
      expect(await table.locator("tbody tr").first().getAttribute("data-state")).toBe("unreadable");
      expect(await table.getByText("人事・財政部会.xlsx", { exact: true }).count()).toBe(1);
      await page.screenshot({ path: path.join(ARTIFACTS, "offline-round.png") });
      const got: Download[] = [];
      const three = new Promise<void>((resolve) => page.on("download", (d) => (got.push(d), got.length === 3 && resolve())));
      await done.click();
      await three;
      const xlsx = got.find((d) => d.suggestedFilename() === "集計.xlsx")!;
      expect(fs.readFileSync((await xlsx.path())!).subarray(0, 2).toString()).toBe("PK");

      // The sample is in the file too.
      await page.reload();
      await page.getByRole("button", { name: "サンプルを開く" }).first().click();
      await page.getByRole("button", { name: "判定する" }).click();
      await page.getByRole("list", { name: "判定結果" }).waitFor();
      expect(requests.filter((u) => !u.startsWith("file://") && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
      expect(problems).toEqual([]);
      expect(interactive).toBeLessThan(5000); // the budget (1 s) is measured by npm run bench
    } finally {
      await page.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
