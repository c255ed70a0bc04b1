/**
 * The BUILT add-in (dist/taskpane.html, commands.html, dialog.html) in Chromium, with the office.js
 * CDN address answered by the project's scripted Office host over the fake Excel workbook
 * (tests/e2e/office-host). Exercises the production bundles, their wiring and their CSP.
 */
import * as fs from "fs";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, launch, serve, unavailable } from "./browser";
import { buildHost } from "./office-host/build";

const why = unavailable();
const maybe = why ? describe.skip : describe;
if (why) console.warn(`SKIP e2e: ${why}`);

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
const ROWS = [["令和2年度 進捗状況"], [], HEADER, [1, "窓口改善", "状態", "2年度 10件以上", "計画", "中間", "実績 12件", "課題"], [2, "研修", "状態", "2年度 10件以上", "計画", "中間", "実績 8件", "課題"]];

/** Polls `f` until `ok` holds (or fails with the last value after `ms`). */
async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await f();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await f();
  }
  return v;
}

interface HostCell {
  value: string | number | boolean;
  type: string;
  numFmt: string;
}

maybe("the built add-in in Chromium against a scripted Office host", () => {
  let browser: Browser;
  let server: import("http").Server;
  let base: string;
  let hostJs: string;
  const problems: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    hostJs = await buildHost();
    const s = await serve({ port: 0 });
    server = s.server;
    base = s.url;
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function open(pageName: string, host: Record<string, unknown> = {}): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "ja-JP" });
    await page.addInitScript((cfg) => ((window as unknown as Record<string, unknown>).__SHINCHOKU_HOST__ = cfg), { sheets: [{ name: "進捗", rows: ROWS }], ...host });
    await page.route(CDN, (route) => route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: hostJs }));
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && r.url() !== CDN) problems.push(`foreign request ${r.url()}`);
    });
    page.on("pageerror", (e) => problems.push(`${pageName}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused/.test(m.text())) problems.push(`${pageName}: ${m.text()}`);
    });
    await page.goto(`${base}${pageName}`);
    return page;
  }

  const cell = (page: Page, address: string) => page.evaluate((a) => (window as unknown as { __host: { cell(s: string, a: string): HostCell | null } }).__host.cell("進捗", a), address);

  afterEach(() => {
    if (problems.length) console.error(problems.join("\n"));
    problems.length = 0;
  });

  it("task pane: 判定する writes the results into the workbook, 元に戻す takes them back", async () => {
    const page = await open("taskpane.html");
    await page.getByRole("button", { name: "判定する" }).click();
    await until(() => cell(page, "I4"), (c) => c?.value === "達成");
    expect(await cell(page, "I4")).toMatchObject({ value: "達成", type: "String" });
    expect(await cell(page, "I5")).toMatchObject({ value: "概ね達成" });
    expect(await cell(page, "J4")).toMatchObject({ value: 1.2, numFmt: "0.0%" });
    expect(await cell(page, "I3")).toMatchObject({ value: "達成状況" });
    await page.screenshot({ path: `${ARTIFACTS}/addin-taskpane-ja.png`, fullPage: true });
    await page.getByRole("button", { name: "元に戻す" }).click();
    await page.getByText("前回の書き込みを元に戻しました。").waitFor();
    await until(async () => (await cell(page, "I4"))?.type ?? "Empty", (t) => t === "Empty");
    // Settings go into the document (Office.context.document.settings + saveAsync).
    await page.getByRole("button", { name: "設定", exact: true }).click();
    await page.getByLabel("概ね達成の基準（%）").fill("85");
    await page.getByRole("button", { name: "設定を保存" }).click();
    await page.getByText("このブックに保存しました（ファイルを保存すると保持されます）。").waitFor();
    const stored = await page.evaluate(() => {
      const h = (window as unknown as { __host: { settings: Map<string, unknown>; log: { saved: number } } }).__host;
      return { config: h.settings.get("shinchoku.config"), saved: h.log.saved };
    });
    expect(stored).toMatchObject({ config: expect.objectContaining({ mostlyThreshold: 0.85 }), saved: 1 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("task pane in English with a dark Office theme", async () => {
    const page = await open("taskpane.html", { displayLanguage: "en-US", bodyBackgroundColor: "#1f1f1f" });
    const run = page.getByRole("button", { name: "Judge" });
    await run.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    const bg = await page.locator(".pane").evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(128);
    await run.click();
    await until(() => cell(page, "I4"), (c) => c?.value === "達成");
    await page.screenshot({ path: `${ARTIFACTS}/addin-taskpane-en-dark.png`, fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("ribbon: ワンクリック判定 writes, shows the dialog, and completes the event when the dialog is closed", async () => {
    const page = await open("commands.html");
    await until(() => page.evaluate(() => (window as unknown as { __host: { actions(): string[] } }).__host.actions()), (a) => a.includes("judgeActiveSheet"));
    await page.evaluate(() => {
      const w = window as unknown as { __host: { invoke(n: string): Promise<string> }; __done?: string };
      void w.__host.invoke("judgeActiveSheet").then((r) => (w.__done = r));
    });
    const dialog = page.frameLocator("#office-dialog");
    await dialog.locator("#message").filter({ hasText: "件中" }).waitFor();
    expect(await dialog.locator("#message").textContent()).toBe("2件中 達成1・概ね達成1");
    // Still open: the command has not completed (completing would end its runtime and the dialog).
    expect(await page.evaluate(() => (window as unknown as { __done?: string }).__done)).toBeUndefined();
    expect(await cell(page, "I4")).toMatchObject({ value: "達成" });
    const log = await page.evaluate(() => (window as unknown as { __host: { log: { runs: unknown[] } } }).__host.log);
    expect(log.runs).toEqual([{ delayForCellEdit: true }]);
    await dialog.getByRole("button", { name: "閉じる" }).click();
    await until(() => page.evaluate(() => (window as unknown as { __done?: string }).__done), (d) => d === "completed");
    expect(await page.locator("#office-dialog").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("ribbon: closing the dialog with its X (12006) also completes the event", async () => {
    const page = await open("commands.html");
    type H = { __host: { invoke(n: string): Promise<string>; dialogOpen(): boolean; closeDialogWithX(): void }; __done?: string };
    await until(() => page.evaluate(() => (window as unknown as { __host: { actions(): string[] } }).__host.actions()), (a) => a.includes("judgeActiveSheet"));
    await page.evaluate(() => {
      const w = window as unknown as H;
      void w.__host.invoke("judgeActiveSheet").then((r) => (w.__done = r));
    });
    await page.frameLocator("#office-dialog").locator("#message").filter({ hasText: "件中" }).waitFor();
    expect(await page.evaluate(() => (window as unknown as H).__done)).toBeUndefined();
    await page.evaluate(() => (window as unknown as H).__host.closeDialogWithX());
    await until(() => page.evaluate(() => (window as unknown as H).__done), (d) => d === "completed");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the dialog page on its own shows its message as text", async () => {
    const page = await open(`dialog.html?m=${encodeURIComponent("<b>1件中</b> 達成1")}`);
    await page.locator("#message").filter({ hasText: "達成1" }).waitFor();
    expect(await page.locator("#message b").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
