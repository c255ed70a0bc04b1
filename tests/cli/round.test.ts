/** The secretariat's round: a folder of generated submissions, good and broken, and the three reports. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import { JSDOM } from "jsdom";
import * as os from "os";
import * as path from "path";
import { run } from "../helpers/cli";
import { expandInputs, globToRegExp } from "../../src/cli/inputs";
import { addProgressSheet } from "../../bench/generate";
import { fixture } from "../helpers/shared";


let dir: string;
let round: string;
let outDir: string;

async function book(file: string, build: (wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb);
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-round-"));
  round = path.join(dir, "R2");
  outDir = path.join(dir, "out");
  fs.mkdirSync(path.join(round, "sub"), { recursive: true });
  fs.copyFileSync(fixture("seed-jinji-zaisei-r2.libreoffice.xlsx"), path.join(round, "人事・財政部会.xlsx"));
  await book(path.join(round, "sub", "こども・教育部会.xlsx"), (wb) => addProgressSheet(wb, "進捗", 8, "令和2年度 市政改革プラン3.0 こども・教育部会所管項目の進捗状況"));
  await book(path.join(round, "二枚.xlsx"), (wb) => {
    addProgressSheet(wb, "前半", 3, "令和2年度 福祉・健康部会 進捗状況");
    addProgressSheet(wb, "後半", 2, "令和2年度 福祉・健康部会 進捗状況");
  });
  await book(path.join(round, "メモだけ.xlsx"), (wb) => wb.addWorksheet("メモ").addRow(["連絡事項"]));
  await book(path.join(round, "xss.xlsx"), (wb) => {
    const ws = addProgressSheet(wb, "進捗", 1, "令和2年度 <script>document.title='pwned'</script>部会");
    ws.getCell("B4").value = "<img src=x onerror=\"document.title='pwned'\">";
  });
  fs.writeFileSync(path.join(round, "壊れた.xlsx"), Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 7)]));
  fs.writeFileSync(path.join(round, "名前だけ.xlsx"), "これはテキストです");
  fs.writeFileSync(path.join(round, "古い.xls"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  fs.writeFileSync(path.join(round, "~$人事・財政部会.xlsx"), "lock");
  fs.writeFileSync(path.join(round, ".hidden.xlsx"), "hidden");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("inputs", () => {
  it("recurses folders for .xlsx/.xlsm/.xls/.ods, skipping lock and hidden files, counting a file once", async () => {
    const { files } = await expandInputs([round, path.join(round, "人事・財政部会.xlsx")]);
    const names = files.map((f) => path.relative(round, f)).sort();
    expect(names).toEqual(["xss.xlsx", "メモだけ.xlsx", "人事・財政部会.xlsx", "二枚.xlsx", "名前だけ.xlsx", "壊れた.xlsx", "古い.xls", path.join("sub", "こども・教育部会.xlsx")].sort());
  });
  it("expands glob patterns", async () => {
    const { files } = await expandInputs([`${round}/**/*部会.xlsx`]);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(["こども・教育部会.xlsx", "人事・財政部会.xlsx"].sort());
    expect(globToRegExp("*.xlsx").test("a/b.xlsx")).toBe(false);
    expect(globToRegExp("**/*.xlsx").test("a/b.xlsx")).toBe(true);
  });
});

describe("shinchoku report", () => {
  let result: { code: number; out: string; err: string };
  beforeAll(async () => {
    result = await run("report", round, path.join(round, "古い.xls"), "--out", outDir, "--format", "json");
  });

  it("checks the whole round: broken files get an error entry, the rest go on; exit 1", () => {
    expect(result.code).toBe(1);
    const json = JSON.parse(result.out);
    const byName = Object.fromEntries(json.files.map((f: { file: string; error: { code: string } | null }) => [path.basename(f.file), f.error?.code ?? null]));
    expect(byName).toMatchObject({ "壊れた.xlsx": "corrupt", "名前だけ.xlsx": "corrupt", "古い.xls": "corrupt", "メモだけ.xlsx": "not-a-progress-workbook", "人事・財政部会.xlsx": null, "二枚.xlsx": null });
    const two = json.files.find((f: { file: string }) => f.file.endsWith("二枚.xlsx"));
    expect(two.sheets.map((s: { sheet: string; items: unknown[] }) => [s.sheet, s.items.length])).toEqual([["前半", 3], ["後半", 2]]);
  });

  it("writes 集計.xlsx with 提出状況, KPI一覧 (a table) and 問題一覧 (cells linked into the submissions)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, "集計.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["提出状況", "KPI一覧", "問題一覧"]);
    const sub = wb.getWorksheet("提出状況")!;
    expect(sub.getRow(1).values).toEqual(expect.arrayContaining(["部会", "ファイル", "シート", "様式", "年度", "項目数", "達成", "概ね達成", "未達成", "判定不能", "未入力", "エラー", "警告", "状態"]));
    expect(sub.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sub.autoFilter).toBeTruthy();
    const rows = sub.getSheetValues().slice(2) as unknown[][];
    const jinji = rows.find((r) => r[1] === "人事・財政部会")!;
    expect(jinji.slice(4, 12)).toEqual(["進捗状況", "令和2年度", 2, 2, 0, 0, 0, 0]);
    const kodomo = rows.find((r) => r[1] === "こども・教育部会")!;
    expect(kodomo[6]).toBe(8);
    expect(rows.find((r) => String(r[2]).endsWith("壊れた.xlsx"))![14]).toBe("読めない");
    const stateCell = sub.getCell(`N${rows.findIndex((r) => r[1] === "人事・財政部会") + 2}`);
    expect(stateCell.value).toBe("OK");
    expect((stateCell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFB3D7F0");
    const kpi = wb.getWorksheet("KPI一覧")!;
    expect(kpi.getCell("A1").value).toBe("部会");
    expect(Object.keys((kpi as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["KPIList"]);
    expect(kpi.rowCount).toBeGreaterThan(10);
    const iss = wb.getWorksheet("問題一覧")!;
    const linked = iss.getSheetValues().slice(2).map((r) => (r as unknown[])[4]).find((v) => typeof v === "object" && v !== null) as { text: string; hyperlink: string };
    expect(linked.hyperlink).toMatch(/\.xlsx#'.+'!G\d+$/);
    expect(linked.hyperlink.startsWith("../")).toBe(true);
  });

  it("writes a self-contained report.html, errors first, every text escaped", () => {
    const html = fs.readFileSync(path.join(outDir, "report.html"), "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
    const dom = new JSDOM(html);
    const doc = dom.window.document;
    expect(doc.querySelector("svg[role=img]")).not.toBeNull();
    const firstState = doc.querySelectorAll("table")[0].querySelectorAll("tbody tr td:last-child")[0].textContent;
    expect(firstState).toMatch(/^読めない/);
    expect(doc.body.textContent).toContain("<script>document.title='pwned'</script>部会");
    expect(doc.querySelectorAll("img").length).toBe(0);
    expect(html).toContain("@page { size: A4");
  });

  it("writes report.json in the --format json shape", () => {
    const json = JSON.parse(fs.readFileSync(path.join(outDir, "report.json"), "utf8"));
    expect(json).toMatchObject({ tool: "shinchoku", schemaVersion: 1 });
    expect(json.files.length).toBe(8);
  });

  it("compares with the previous round: new, improved, worsened, unchanged in all three outputs", async () => {
    const prev = JSON.parse(fs.readFileSync(path.join(outDir, "report.json"), "utf8"));
    const kodomo = prev.files.find((f: { file: string }) => f.file.endsWith("こども・教育部会.xlsx"));
    kodomo.sheets[0].items[0].status = "not_achieved"; // now achieved → improved
    kodomo.sheets[0].items[1].status = "not_entered"; // achieved → improved
    kodomo.sheets[0].items[2].status = "achieved"; // now mostly → worsened
    kodomo.sheets[0].items.pop(); // → new
    const prevFile = path.join(dir, "prev.json");
    fs.writeFileSync(prevFile, JSON.stringify(prev));
    const out2 = path.join(dir, "out2");
    const r = await run("report", path.join(round, "sub"), "--out", out2, "--previous", prevFile, "--format", "json");
    const items = JSON.parse(r.out).files[0].sheets[0].items.map((i: { change: string }) => i.change);
    expect(items.slice(0, 4)).toEqual(["improved", "improved", "worsened", "unchanged"]);
    expect(items[7]).toBe("new");
    const html = fs.readFileSync(path.join(out2, "report.html"), "utf8");
    expect(html).toContain("前回からの変化");
    expect(html).toContain("悪化");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out2, "集計.xlsx"));
    expect(wb.getWorksheet("KPI一覧")!.getRow(1).values).toContain("前回比");
    expect(JSON.parse(fs.readFileSync(path.join(out2, "report.json"), "utf8")).files[0].sheets[0].items[2].change).toBe("worsened");
  });

  it("uses shinchoku.config.json found beside the inputs, and refuses a bad one clearly", async () => {
    const cfgDir = path.join(dir, "cfg");
    fs.mkdirSync(cfgDir);
    fs.copyFileSync(fixture("seed-jinji-zaisei-r2.libreoffice.xlsx"), path.join(cfgDir, "a.xlsx"));
    fs.writeFileSync(path.join(cfgDir, "shinchoku.config.json"), JSON.stringify({ fiscalYear: 2021 }));
    const r = await run("check", cfgDir, "--format", "json");
    expect(JSON.parse(r.out).files[0].sheets[0]).toMatchObject({ fiscalYear: 2021, fiscalYearSource: "setting" });
    fs.writeFileSync(path.join(cfgDir, "shinchoku.config.json"), JSON.stringify({ phase: "end" }));
    const bad = await run("check", cfgDir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("shinchoku.config.json");
    expect(bad.err).toContain("phase");
  });

  it("exits 2 when nothing could be checked, or no input was found", async () => {
    const only = await run("check", path.join(round, "壊れた.xlsx"), path.join(round, "古い.xls"));
    expect(only.code).toBe(2);
    const empty = fs.mkdtempSync(path.join(dir, "empty-"));
    const none = await run("report", empty, "--out", path.join(dir, "o3"));
    expect(none.code).toBe(2);
    expect(none.err).toContain(".xlsx ファイルが見つかりません");
  });
});

describe("the three layouts end to end (kpi-grammar §8)", () => {
  let ldir: string;
  const FIX = ["v2-multirow-r5.xlsx", "v2-kpi-table-r5.xlsx", "v2-years-across-r5.xlsx"];
  beforeAll(() => {
    ldir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-layouts-"));
    for (const f of FIX) fs.copyFileSync(fixture(f), path.join(ldir, f));
  });
  afterAll(() => {
    fs.rmSync(ldir, { recursive: true, force: true });
    fs.rmSync(`${ldir}-written`, { recursive: true, force: true });
    fs.rmSync(`${ldir}-report`, { recursive: true, force: true });
  });

  it("check --format json names each sheet's layout and carries the evidence", async () => {
    const r = await run("check", ...FIX.map((f) => path.join(ldir, f)), "--format", "json");
    const json = JSON.parse(r.out);
    expect(json.files.map((f: { sheets: { layout: string }[] }) => f.sheets[0].layout)).toEqual(["progress", "kpi-table", "years-across"]);
    const kt = json.files[1].sheets[0];
    expect(kt.items.map((i: { status: string }) => i.status)).toEqual(["achieved", "mostly_achieved", "achieved", "mostly_achieved", "not_entered", "unknown"]);
    expect(kt.items[1].kpis[0].evidence).toMatchObject({ target: { cell: "F4" }, actual: { cell: "G4" }, claim: null });
    expect(json.files[0].sheets[0].items[0]).toMatchObject({ status: "mostly_achieved", rate: 0.92, rows: [3, 4] });
  });

  it("--format table names the layout; --verbose prints the words that decided each KPI", async () => {
    const r = await run("check", path.join(ldir, FIX[1]), "--no-color");
    expect(r.out).toContain("KPI表");
    const v = await run("check", path.join(ldir, FIX[0]), "--no-color", "--verbose");
    expect(v.out).toContain("目標: D4 「5年度 【30%以上】」");
    expect(v.out).toContain("実績: G4 「②【27.6%】」");
  });

  it("--write puts the four output columns beside each layout (written on an item's first row)", async () => {
    const out = `${ldir}-written`;
    const r = await run("check", ...FIX.map((f) => path.join(ldir, f)), "--write", out, "--format", "json");
    expect(r.code).toBe(1); // the kpi table has one empty actual (an error)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, FIX[2]));
    const ws = wb.worksheets[0];
    expect([ws.getCell("H2").value, ws.getCell("H3").value, ws.getCell("H4").value, ws.getCell("H5").value]).toEqual(["達成状況", "達成", null, "概ね達成"]);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(path.join(out, FIX[0]));
    expect(wb2.worksheets[0].getCell("I3").value).toBe("概ね達成");
  });

  it("report: 提出状況 has a 様式 column, report.html names the layouts", async () => {
    const out = `${ldir}-report`;
    await run("report", ldir, "--out", out, "--format", "json");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "集計.xlsx"));
    const sub = wb.getWorksheet("提出状況")!;
    const header = sub.getRow(1).values as unknown[];
    const col = header.indexOf("様式");
    expect(col).toBeGreaterThan(0);
    const layouts = (sub.getSheetValues().slice(2) as unknown[][]).map((r) => r[col]).filter(Boolean);
    expect([...layouts].sort()).toEqual(["KPI表", "年度横並び", "進捗状況"].sort());
    const html = fs.readFileSync(path.join(out, "report.html"), "utf8");
    expect(html).toContain("<th>様式</th>");
    expect(html).toContain("<td>年度横並び</td>");
  });
});
