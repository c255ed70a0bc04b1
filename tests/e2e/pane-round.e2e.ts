/**
 * The task pane's 「提出ファイルを一括チェック」 in the BUILT add-in against the scripted Office host:
 * the reading code arrives as its own chunk on first use; 集計.xlsx is opened with
 * Excel.createWorkbook (ExcelApi 1.8), else its three sheets are added to the current workbook.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { Browser, Page } from "playwright-core";
import { main } from "../../src/cli/main";
import { entryBytes, entryText, readZip } from "../../src/xlsx";
import { makeRound } from "../report/round-fixture";
import { ARTIFACTS, launch, ROOT, serve, unavailable } from "./browser";
import { buildHost } from "./office-host/build";

const why = unavailable();
const quiet = { write: () => true };
const maybe = why ? describe.skip : describe;
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
const ROWS = [["令和2年度 進捗状況"], [], HEADER, [1, "窓口改善", "状態", "2年度 10件以上", "計画", "中間", "実績 12件", "課題"]];

maybe("the pane's round against the scripted Office host", () => {
  let browser: Browser;
  let server: import("http").Server;
  let base: string;
  let hostJs: string;
  let dir: string;
  let names: string[];

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    ({ dir, names } = await makeRound());
    hostJs = await buildHost();
    const s = await serve({ port: 0 });
    server = s.server;
    base = s.url;
    browser = await launch();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(host: Record<string, unknown>): Promise<{ page: Page; scripts: string[]; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 420, height: 900 }, locale: "ja-JP" });
    const scripts: string[] = [];
    const problems: string[] = [];
    await page.addInitScript((cfg) => ((window as unknown as Record<string, unknown>).__SHINCHOKU_HOST__ = cfg), { sheets: [{ name: "進捗", rows: ROWS }], ...host });
    await page.route(CDN, (route) => route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: hostJs }));
    page.on("request", (r) => {
      if (r.url().endsWith(".js")) scripts.push(path.basename(new URL(r.url()).pathname));
      if (!r.url().startsWith(base) && r.url() !== CDN) problems.push(`foreign request ${r.url()}`);
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${base}taskpane.html`);
    await page.getByRole("button", { name: "判定する" }).waitFor();
    return { page, scripts, problems };
  }

  it("ExcelApi 1.8: the round opens as a new workbook holding 集計.xlsx; the reader is a lazily loaded chunk", async () => {
    const { page, scripts, problems } = await open({});
    const before = scripts.slice();
    expect(before.some((s) => s.startsWith("pane-round."))).toBe(false);
    await page.getByLabel("提出ファイルを一括チェック").setInputFiles(names.map((n) => path.join(dir, n)));
    await page.getByText(`${names.length} ファイルの集計を新しいブックに書き出しました（提出状況・KPI一覧・問題一覧）。`).waitFor();
    expect(scripts.some((s) => s.startsWith("pane-round."))).toBe(true);
    const created = await page.evaluate(() => (window as unknown as { __host: { log: { created: string[] } } }).__host.log.created);
    expect(created).toHaveLength(1);
    const zip = readZip(new Uint8Array(Buffer.from(created[0], "base64")));
    expect(entryText(zip, "xl/workbook.xml")).toMatch(/<sheet name="提出状況".*<sheet name="KPI一覧".*<sheet name="問題一覧"/);
    expect(entryText(zip, "xl/sharedStrings.xml")).toContain("壊れた.xlsx");
    // The same content as the 集計.xlsx `shinchoku report` writes for these files (in the pane's order).
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      await main(["report", ...[...names].sort((a, b) => a.localeCompare(b, "ja")), "--out", "."], { stdout: quiet, stderr: quiet });
    } finally {
      process.chdir(cwd);
    }
    const cli = readZip(new Uint8Array(fs.readFileSync(path.join(dir, "集計.xlsx"))));
    const parts = (z: typeof zip) => z.entries.map((e) => [e.name, Buffer.from(entryBytes(z, e)).toString("utf8")]);
    expect(parts(zip)).toEqual(parts(cli));
    for (const f of ["集計.xlsx", "report.html", "report.json"]) fs.rmSync(path.join(dir, f));
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-round.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("without ExcelApi 1.8: new sheets in the current workbook, with the same rows", async () => {
    const { page, problems } = await open({ unsupported: ["ExcelApi 1.8"] });
    await page.getByLabel("提出ファイルを一括チェック").setInputFiles(names.map((n) => path.join(dir, n)));
    await page.getByText(`${names.length} ファイルの集計をこのブックの新しいシートに書き出しました（提出状況・KPI一覧・問題一覧）。`).waitFor();
    const host = await page.evaluate(() => {
      const h = (window as unknown as { __host: { sheetNames(): string[]; cell(s: string, a: string): { value: unknown } | null } }).__host;
      return { names: h.sheetNames(), a1: h.cell("提出状況", "A1")?.value, b2: h.cell("提出状況", "B2")?.value, issues: h.cell("問題一覧", "A1")?.value };
    });
    expect(host.names).toEqual(["進捗", "提出状況", "KPI一覧", "問題一覧"]);
    expect(host).toMatchObject({ a1: "部会", issues: "部会" });
    expect(names).toContain(host.b2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the add-in's own bundle stays within its budget (≤ 200 KB gzip) without the round's code", () => {
    const dist = path.join(ROOT, "dist");
    const pane = fs.readdirSync(dist).find((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f))!;
    const code = fs.readFileSync(path.join(dist, pane));
    expect(zlib.gzipSync(code).length).toBeLessThanOrEqual(200 * 1024);
    expect(code.includes("not-a-progress-workbook") || code.includes("_xlnm._FilterDatabase")).toBe(false);
    expect(fs.readdirSync(dist).some((f) => /^pane-round\.[0-9a-f]+\.js$/.test(f))).toBe(true);
  });
});
