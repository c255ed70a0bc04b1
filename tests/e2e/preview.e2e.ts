/** The preview page in a real browser: load, judge, lists, select, undo, save; XSS; axe; screenshots. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { ARTIFACTS, launch, ROOT, serve, unavailable } from "./browser";

const why = unavailable();
const maybe = why ? describe.skip : describe;
if (why) console.warn(`SKIP e2e: ${why}`);

const SEED = path.join(ROOT, "tests/fixtures/seed-jinji-zaisei-r2.libreoffice.xlsx");
const SAMPLE = path.join(ROOT, "samples/sample-r2.xlsx");

maybe("preview page (Chromium)", () => {
  let browser: Browser;
  let server: import("http").Server;
  let base: string;
  const foreign: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const s = await serve({ port: 0 });
    server = s.server;
    base = s.url;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  async function open(width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "ja-JP", acceptDownloads: true });
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) foreign.push(r.url());
    });
    page.on("pageerror", (e) => {
      throw e;
    });
    await page.goto(`${base}preview.html`);
    return page;
  }

  async function load(page: Page, file: string) {
    await page.getByLabel("ブックを開く").setInputFiles(file);
    // Wait for this very book to be open (not the button of the one before).
    await page.locator(".book-name", { hasText: path.basename(file) }).waitFor();
    await page.getByRole("button", { name: "判定する" }).waitFor();
  }

  it("judges the seed workbook: summary, 判定結果, written columns in the grid", async () => {
    const page = await open();
    await load(page, SEED);
    await page.getByRole("button", { name: "判定する" }).click();
    const results = page.getByRole("list", { name: "判定結果" });
    await results.waitFor();
    expect(await results.locator(":scope > li").count()).toBe(2);
    await expect(page.getByText("達成 2", { exact: true }).count()).resolves.toBe(1);
    expect(await page.getByText("令和2年度", { exact: false }).first().isVisible()).toBe(true);
    const grid = page.getByRole("table");
    expect(await grid.locator('td[data-addr="I5"]').textContent()).toBe("達成状況");
    expect(await grid.locator('td[data-addr="I6"]').textContent()).toBe("達成");
    expect(await grid.locator('td[data-addr="J6"]').textContent()).toBe("109.5%");
    expect(await grid.locator('td[data-addr="I6"]').getAttribute("style")).toContain("background");
    await page.screenshot({ path: path.join(ARTIFACTS, "preview.png") });
    await page.close();
  });

  it("lists issues, selects a cell on click, undoes, saves and re-opens the judged file", async () => {
    const page = await open();
    await load(page, SAMPLE);
    await page.getByRole("button", { name: "判定する" }).click();
    const issues = page.getByRole("list", { name: "チェック結果" });
    await issues.waitFor();
    await issues.getByRole("button", { name: /G8 を選択/ }).click();
    await page.locator('td.selected[data-addr="G8"]').waitFor();
    expect(await page.locator('td[data-addr="I8"]').textContent()).toBe("未入力");

    await page.getByRole("button", { name: "元に戻す" }).click();
    await page.getByText("前回の書き込みを元に戻しました。").waitFor();
    // The output columns are gone from the file, so the grid no longer has them (or shows them empty).
    const i8 = page.locator('td[data-addr="I8"]');
    expect((await i8.count()) === 0 ? "" : await i8.textContent()).toBe("");

    await page.getByRole("button", { name: "判定する" }).click();
    await page.getByRole("list", { name: "判定結果" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "判定済みブックを保存" }).click()]);
    const saved = path.join(ARTIFACTS, "judged-sample.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet("進捗状況")!;
    expect(ws.getCell("I3").value).toBe("達成状況");
    expect(ws.getCell("I4").value).toBe("達成");
    expect(ws.getCell("I8").value).toBe("未入力");
    expect(ws.getCell("B4").value).toBe("改革の柱1-1 「区CM制度の適切な運用」");
    // Re-open the saved file in the page: the output columns are reused, not duplicated.
    await load(page, saved);
    await page.getByRole("button", { name: "判定する" }).click();
    await page.getByRole("list", { name: "判定結果" }).waitFor();
    expect(await page.locator('td[data-addr="M3"]').count()).toBe(0);
    await page.close();
  });

  it("saves an .xlsm with charts, a table, comments and a macro project: every part it does not own comes back byte for byte", async () => {
    const src = path.join(ROOT, "tests/files/corpus/excel-style.xlsm");
    const page = await open();
    await page.getByLabel("ブックを開く").setInputFiles(src);
    await page.getByRole("button", { name: "判定する" }).click();
    await page.getByRole("list", { name: "判定結果" }).waitFor();
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "判定済みブックを保存" }).click()]);
    expect(download.suggestedFilename()).toMatch(/-判定済み\.xlsm$/);
    const saved = path.join(ARTIFACTS, "judged.xlsm");
    await download.saveAs(saved);
    const { readZip } = await import("../../src/xlsx");
    const raw = (file: string) => {
      const bytes = fs.readFileSync(file);
      return new Map(readZip(bytes).entries.map((e) => [e.name, Buffer.from(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize))]));
    };
    const before = raw(src);
    const after = raw(saved);
    const owned = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    for (const [name, bytes] of before) if (!owned.has(name)) expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
    await page.close();
  });

  it("draws a merged range once, spanning; its controls are Fluent buttons with Japanese names (no browser file widget)", async () => {
    const page = await open();
    await page.getByRole("banner").getByRole("button", { name: "ブックを開く" }).waitFor();
    expect(await page.getByRole("banner").getByRole("button", { name: "サンプルを開く" }).count()).toBe(1);
    // The landing text offers the same two as real buttons.
    expect(await page.getByRole("complementary").getByRole("button", { name: "サンプルを開く" }).count()).toBe(1);
    // The native file inputs (a workbook, submissions, a folder) are visually hidden: no 「Choose File」 widget is shown.
    const inputs = page.locator('input[type="file"]');
    expect(await inputs.count()).toBe(3);
    for (const input of await inputs.all()) {
      const box = await input.boundingBox();
      expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
    }
    await page.getByLabel("ブックを開く").setInputFiles(path.join(ROOT, "tests/files/corpus/excel-style.xlsx"));
    await page.getByRole("button", { name: "判定する" }).waitFor();
    expect(await page.locator('td[data-addr="A1"]').getAttribute("colspan")).toBe("8");
    expect(await page.locator('td[data-addr="B1"]').count()).toBe(0);
    await page.close();
  });

  it("opens an .xls and an .ods (check only), loading the legacy reader on demand", async () => {
    const page = await open();
    for (const name of ["libreoffice.xls", "libreoffice.ods"]) {
      await page.getByLabel("ブックを開く").setInputFiles(path.join(ROOT, "tests/files/corpus", name));
      await page.getByRole("button", { name: "判定する" }).waitFor();
      await page.getByRole("checkbox", { name: /書き戻さず/ }).check().catch(() => undefined);
      await page.getByRole("button", { name: "判定する" }).click();
      await page.getByRole("list", { name: "判定結果" }).waitFor();
      expect(await page.getByRole("list", { name: "判定結果" }).textContent()).toContain("区CM制度の適切な運用");
    }
    await page.close();
  });

  it("shows markup and script from cells as literal text and runs nothing", async () => {
    const file = path.join(ARTIFACTS, "xss.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("進捗");
    ws.addRow(["令和2年度 進捗状況"]);
    ws.addRow(["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"]);
    ws.addRow([1, '<img src=x onerror="window.__xss=1">', "<script>window.__xss=2</script>", "2年度 5件", "x", "x", "", "x"]);
    await wb.xlsx.writeFile(file);
    const page = await open();
    await load(page, file);
    await page.getByRole("button", { name: "判定する" }).click();
    await page.getByRole("list", { name: "判定結果" }).waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("img[src=x]").count()).toBe(0);
    expect(await page.getByText('<img src=x onerror="window.__xss=1">').count()).toBeGreaterThan(0);
    expect(await page.locator('td[data-addr="C3"]').textContent()).toBe("<script>window.__xss=2</script>");
    await page.close();
  });

  it("passes an axe-core scan of the pane (no serious or critical violation) and fits 320 px", async () => {
    const page = await open(1280);
    await load(page, SAMPLE);
    await page.getByRole("button", { name: "判定する" }).click();
    await page.getByRole("list", { name: "判定結果" }).waitFor();
    // The page's CSP rightly refuses an injected <script>; evaluate axe through the DevTools protocol instead.
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      return axe.run(document.querySelector("aside.taskpane"), { resultTypes: ["violations"] });
    });
    const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    const pane = page.locator("aside.taskpane");
    const box = await pane.boundingBox();
    expect(box?.width).toBeLessThanOrEqual(321);
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await pane.screenshot({ path: path.join(ARTIFACTS, "pane-320.png") });
    await page.close();
  });

  it("bad inputs in the page: a broken file, an empty sheet, a sheet that is not a progress sheet", async () => {
    const page = await open();
    const broken = path.join(ARTIFACTS, "broken.xlsx");
    fs.writeFileSync(broken, "this is not a workbook");
    await page.getByLabel("ブックを開く").setInputFiles(broken);
    // The reader says why it refuses the file.
    await page.getByRole("alert").getByText("ファイルが壊れているため読めません").waitFor();
    const file = path.join(ARTIFACTS, "odd-sheets.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空");
    wb.addWorksheet("メモ").addRow(["連絡事項"]);
    await wb.xlsx.writeFile(file);
    await load(page, file);
    await page.getByRole("button", { name: "判定する" }).click();
    await page.getByText("このシートは空です").waitFor();
    await page.locator("select").selectOption("メモ");
    await page.getByRole("button", { name: "判定する" }).click();
    await page.getByText("進捗状況シートではありません").waitFor();
    await page.close();
  });

  it("makes no network request outside its own origin", () => {
    expect(foreign).toEqual([]);
  });
});
