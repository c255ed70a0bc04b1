/**
 * The secretariat's round in the preview page (Chromium): many submissions by the picker, a folder
 * and a drop; the 提出状況 table; the downloaded 集計.xlsx / report.html / report.json equal to
 * what `shinchoku report` writes for the same files; judged copies as .zip; 改善/悪化; cancel.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Download, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { entryBytes, readZip } from "../../src/xlsx";
import { makeRound } from "../report/round-fixture";
import { ARTIFACTS, launch, serve, unavailable } from "./browser";

const why = unavailable();
const maybe = why ? describe.skip : describe;
const quiet = { write: () => true };
const STAMP = /作成: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;

/** A package's parts, inflated, in order: the page deflates with fflate, the CLI with zlib. */
function parts(bytes: Uint8Array): [string, string][] {
  const zip = readZip(bytes);
  return zip.entries.map((e) => [e.name, Buffer.from(entryBytes(zip, e)).toString("utf8")]);
}

maybe("a round in the preview page (Chromium)", () => {
  let browser: Browser;
  let server: import("http").Server;
  let base: string;
  let dir: string;
  let names: string[];
  const foreign: string[] = [];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    ({ dir, names } = await makeRound());
    const s = await serve({ port: 0 });
    server = s.server;
    base = s.url;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "ja-JP", acceptDownloads: true });
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) foreign.push(r.url());
    });
    page.on("pageerror", (e) => {
      throw e;
    });
    await page.goto(`${base}preview.html`);
    return page;
  }

  const table = (page: Page) => page.getByRole("table", { name: "提出状況" });
  const rowsDone = async (page: Page, n: number) => {
    await page.getByRole("button", { name: /^集計をダウンロード/ }).and(page.locator(":enabled")).waitFor();
    expect(await table(page).locator("tbody tr").count()).toBe(n);
  };

  async function downloads(page: Page, click: () => Promise<void>, n: number): Promise<Download[]> {
    const got: Download[] = [];
    const all = new Promise<void>((resolve) => {
      page.on("download", (d) => {
        got.push(d);
        if (got.length === n) resolve();
      });
    });
    await click();
    await all;
    return got;
  }

  it("picker: judges every file, errors first, and downloads the CLI's own reports", async () => {
    const page = await open();
    await page.getByLabel("提出ファイルを開く").setInputFiles(names.map((n) => path.join(dir, n)));
    // One row per sheet judged (the unreadable file is one row too); the broken file comes first.
    const cli = path.join(os.tmpdir(), `shinchoku-round-cli-${process.pid}`);
    fs.mkdirSync(cli, { recursive: true });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      // The same files in the same order: the page sorts them as its locale (ja-JP) does.
      const order = [...names].sort((a, b) => a.localeCompare(b, "ja"));
      await main(["report", ...order, "--out", "."], { stdout: quiet, stderr: quiet });
    } finally {
      process.chdir(cwd);
    }
    const expectedJson = JSON.parse(fs.readFileSync(path.join(dir, "report.json"), "utf8")) as { files: { sheets: unknown[] }[] };
    const sheetRows = expectedJson.files.reduce((n, f) => n + Math.max(1, f.sheets.length), 0);
    await rowsDone(page, sheetRows);
    const first = table(page).locator("tbody tr").first();
    expect(await first.getAttribute("data-state")).toBe("unreadable");
    expect(await first.textContent()).toContain("壊れた.xlsx");
    // Markup in a cell is text.
    expect(await page.getByText("<b>こども</b>部会", { exact: false }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(ARTIFACTS, "round-table.png") });

    const got = await downloads(page, () => page.getByRole("button", { name: /^集計をダウンロード/ }).click(), 3);
    const by = new Map(got.map((d) => [d.suggestedFilename(), d]));
    expect([...by.keys()].sort()).toEqual(["report.html", "report.json", "集計.xlsx"]);
    const read = async (name: string) => fs.readFileSync((await by.get(name)!.path())!);
    const html = (await read("report.html")).toString("utf8");
    const cliHtml = fs.readFileSync(path.join(dir, "report.html"), "utf8");
    expect(html.replace(STAMP, "")).toBe(cliHtml.replace(STAMP, ""));
    expect((await read("report.json")).toString("utf8")).toBe(fs.readFileSync(path.join(dir, "report.json"), "utf8"));
    expect(parts(await read("集計.xlsx"))).toEqual(parts(fs.readFileSync(path.join(dir, "集計.xlsx"))));
    for (const f of ["report.html", "report.json", "集計.xlsx"]) fs.rmSync(path.join(dir, f));
    fs.rmSync(cli, { recursive: true, force: true });

    // Sorting: by file name, then back.
    await table(page).getByRole("columnheader", { name: /ファイル/ }).click();
    expect(await table(page).locator("tbody tr").first().textContent()).toContain("kpi-table.xlsx");

    // Judged copies as a .zip: the .xlsx files that could be written, under their own names.
    const [zipDl] = await downloads(page, () => page.getByRole("button", { name: "判定済みファイルを .zip で保存" }).click(), 1);
    expect(zipDl.suggestedFilename()).toBe("判定済み.zip");
    const zip = readZip(new Uint8Array(fs.readFileSync((await zipDl.path())!)));
    const inZip = zip.entries.map((e) => e.name);
    expect(inZip).toContain("人事・財政部会.xlsx");
    expect(inZip).not.toContain("壊れた.xlsx");
    const judged = readZip(entryBytes(zip, zip.byName.get("人事・財政部会.xlsx")!));
    expect(judged.byName.has("xl/worksheets/sheet1.xml")).toBe(true);
    await page.close();
  });

  it("last round's report.json: 改善 and 悪化 shown", async () => {
    const page = await open();
    await page.getByLabel("提出ファイルを開く").setInputFiles(names.map((n) => path.join(dir, n)));
    await page.getByRole("button", { name: /^集計をダウンロード/ }).and(page.locator(":enabled")).waitFor();
    const [json] = await downloads(page, () => page.getByRole("button", { name: /^集計をダウンロード/ }).click(), 3).then((d) => d.filter((x) => x.suggestedFilename() === "report.json"));
    const previous = JSON.parse(fs.readFileSync((await json.path())!, "utf8")) as { files: { file: string; sheets: { items: { status: string }[] }[] }[] };
    const kodomo = previous.files.find((f) => f.file === "こども部会.xlsx")!;
    kodomo.sheets[0].items[0].status = "not_entered"; // now achieved: 改善
    kodomo.sheets[0].items[4].status = "achieved"; // now 未入力: 悪化
    const prevFile = path.join(os.tmpdir(), `shinchoku-previous-${process.pid}.json`);
    fs.writeFileSync(prevFile, JSON.stringify(previous));
    await page.locator('input[accept=".json,application/json"]').setInputFiles(prevFile);
    const changes = page.getByRole("region", { name: "前回からの変化（改善・悪化）" });
    // Counted by item; the table has a line per KPI (item 1 has two), as report.html.
    await changes.getByText("改善 1 件 ／ 悪化 1 件").waitFor();
    expect(await changes.locator('tr[data-change="改善"]').count()).toBe(2);
    expect(await changes.locator('tr[data-change="悪化"]').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, "round-changes.png"), fullPage: true });
    // axe-core over the round (evaluated through the DevTools protocol: the page's CSP refuses injected scripts).
    await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      return axe.run(document.querySelector("section.round"), { resultTypes: ["violations"] });
    });
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    fs.rmSync(prevFile, { force: true });
    await page.close();
  });

  it("a folder (picked) and files dropped on the page start a round", async () => {
    const page = await open();
    // The landing offers the one-file offline version, served beside the page.
    const link = page.getByRole("link", { name: "オフライン版（1 ファイル）を保存" });
    expect(await link.getAttribute("href")).toBe("shinchoku-offline.html");
    expect((await page.request.get(`${base}shinchoku-offline.html`)).status()).toBe(200);
    await page.getByLabel("フォルダーを開く").setInputFiles(dir);
    await rowsDone(page, await table(page).locator("tbody tr").count().then(async () => {
      await page.getByRole("button", { name: /^集計をダウンロード/ }).and(page.locator(":enabled")).waitFor();
      return table(page).locator("tbody tr").count();
    }));
    const folder = path.basename(dir);
    expect(await table(page).getByText(`${folder}/人事・財政部会.xlsx`).count()).toBe(1);

    // A drop of two files (the page's own DataTransfer, as a drag from the file manager gives).
    const files = ["人事・財政部会.xlsx", "市民協働部会.xlsx"].map((n) => ({ name: n, b64: fs.readFileSync(path.join(dir, n)).toString("base64") }));
    await page.evaluate((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
      const target = document.querySelector(".preview")!;
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, files);
    await table(page).getByText("市民協働部会.xlsx", { exact: true }).waitFor();
    await page.getByRole("button", { name: /^集計をダウンロード/ }).and(page.locator(":enabled")).waitFor();
    const rows = await table(page).locator("tbody tr").allTextContents();
    expect(rows.some((r) => r.includes(folder))).toBe(false);
    expect(rows.filter((r) => r.includes("人事・財政部会.xlsx")).length).toBeGreaterThan(0);
    await page.close();
  });

  it("cancel stops the round; the page answered throughout", async () => {
    const page = await open();
    const many = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-many-"));
    const list: string[] = [];
    // Enough files that the round is still running when the click lands (50 files take ≈ 0.3 s here).
    for (let i = 0; i < 400; i++) {
      const f = path.join(many, `部会${String(i).padStart(3, "0")}.xlsx`);
      fs.copyFileSync(path.join(dir, "こども部会.xlsx"), f);
      list.push(f);
    }
    await page.getByLabel("提出ファイルを開く").setInputFiles(list);
    await page.getByRole("progressbar").waitFor();
    // The progress line re-renders with every file; click without waiting for the button to stop moving.
    await page.getByRole("button", { name: "中止" }).click({ force: true });
    await page.getByText(/中止しました（400 件中 \d+ 件まで確認済み）/).waitFor();
    expect(await page.getByRole("button", { name: "中止" }).count()).toBe(0);
    const n = await table(page).locator("tbody tr").count();
    expect(n).toBeLessThan(400);
    fs.rmSync(many, { recursive: true, force: true });
    await page.close();
    expect(foreign).toEqual([]);
  });
});
