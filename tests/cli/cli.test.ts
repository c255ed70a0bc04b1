import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../helpers/cli";
import { fixture } from "../helpers/shared";
import { readZip, writeZip } from "../../src/xlsx";
import { entryBytes, entryText } from "../../src/xlsx/zip";

const SEED = fixture("seed-jinji-zaisei-r2.libreoffice.xlsx");


let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-cli-"));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const sha = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

async function makeWorkbook(file: string, sheets: Record<string, (string | number | null)[][]>) {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
  }
  await wb.xlsx.writeFile(file);
}
const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

describe("shinchoku check", () => {
  it("gives the seed's expected result as JSON (the contract)", async () => {
    const { code, out } = await run("check", SEED, "--format", "json");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ tool: "shinchoku", schemaVersion: 1 });
    const sheet = json.files[0].sheets[0];
    expect(sheet).toMatchObject({ sheet: "Sheet1", recognized: true, fiscalYear: 2020, phase: "final", headerRow: 5 });
    expect(sheet.columns["番号"]).toBe("A");
    expect(sheet.items[0]).toMatchObject({ row: 6, number: "1", status: "achieved", rate: 1.0952 });
    expect(sheet.items[0].kpis[0]).toMatchObject({ id: "1", kind: "numeric", direction: "higher", unit: "区長", target: 21, actual: 23, denominator: 24, rate: 1.0952, status: "achieved" });
    expect(sheet.items[1]).toMatchObject({ row: 7, number: "2", status: "achieved", rate: null });
    expect(sheet.items[1].kpis[0]).toMatchObject({ kind: "qualitative", target: "標準化の計画策定 1年目の標準化計画達成" });
    expect(json.summary).toEqual({ achieved: 2, mostly_achieved: 0, not_achieved: 0, unknown: 0, not_entered: 0, errors: 0, warnings: 0 });
  });

  it("prints a table with a one-line summary, uncoloured when not a terminal", async () => {
    const { code, out } = await run("check", SEED);
    expect(code).toBe(0);
    expect(out).toContain("令和2年度・期末");
    expect(out).toContain("1ファイル 2件中 達成2・概ね達成0・未達成0・判定不能0・未入力0");
    expect(out).not.toContain("\x1b[");
  });

  it("writes CSV with a BOM, one row per KPI, neutralising formulas", async () => {
    const file = path.join(tmp, "inj.xlsx");
    await makeWorkbook(file, { S: [["令和2年度"], HEADER, [1, "=HYPERLINK(\"http://x\")", "s", "2年度 5件", "p", "m", "5件", "n"]] });
    const { out } = await run("check", file, "--format", "csv");
    expect(out.startsWith("\uFEFF")).toBe(true);
    const lines = out.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    const seedCsv = (await run("check", SEED, "--format", "csv")).out.trim().split("\r\n");
    expect(seedCsv).toHaveLength(4);
    expect(seedCsv[1]).toContain('"①","以上","21","23","24","区長","109.5","達成"');
  });

  it("exits 1 on error-severity issues, 2 on usage and file problems with one Japanese line", async () => {
    const file = path.join(tmp, "bad.xlsx");
    await makeWorkbook(file, { S: [["令和2年度"], HEADER, [1, "A", "s", "2年度 5件", "p", "m", "", "n"]] });
    expect((await run("check", file)).code).toBe(1);
    const missing = await run("check", path.join(tmp, "nope.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("ファイルが見つかりません");
    expect(missing.out).toBe("");
    const xls = path.join(tmp, "old.xls");
    fs.writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    const r = await run("check", xls, "--format", "json");
    expect(r.code).toBe(2);
    expect(r.err).toContain("ファイルが壊れているため読めません");
    expect(r.err).not.toMatch(/at .*\.js/);
    const corrupt = path.join(tmp, "c.xlsx");
    fs.writeFileSync(corrupt, "PK\u0003\u0004garbage");
    expect((await run("check", corrupt, "--format", "json")).err).toContain("壊れている");
    expect((await run("check", SEED, "--phase", "end")).code).toBe(2);
    const badYear = await run("check", SEED, "--year", "R2x");
    expect(badYear.code).toBe(2);
    expect(badYear.err).toContain("--year");
  });

  it("reports a non-progress sheet as sheet-skipped (info) beside a progress sheet", async () => {
    const file = path.join(tmp, "two.xlsx");
    await makeWorkbook(file, { 進捗: [["令和2年度"], HEADER, [1, "A", "s", "2年度 5件", "p", "m", "5件", "n"]], メモ: [["hello"]] });
    const json = JSON.parse((await run("check", file, "--format", "json")).out);
    expect(json.files[0].sheets.map((s: { sheet: string; recognized: boolean }) => [s.sheet, s.recognized])).toEqual([["進捗", true], ["メモ", false]]);
    expect(json.files[0].sheets[1].issues[0]).toMatchObject({ code: "sheet-skipped", severity: "info" });
    const only = await run("check", file, "--sheet", "メモ", "--format", "json");
    expect(JSON.parse(only.out).files[0].sheets[0].issues[0]).toMatchObject({ code: "header-not-found", severity: "error" });
    expect(only.code).toBe(1);
  });

  it("--year overrides the title; --config is validated", async () => {
    const json = JSON.parse((await run("check", SEED, "--format", "json", "--year", "2021")).out);
    expect(json.files[0].sheets[0].items[0].kpis[0]).toMatchObject({ target: 22, status: "achieved" });
    const cfg = path.join(tmp, "c.json");
    fs.writeFileSync(cfg, JSON.stringify({ mostlyThreshold: 5 }));
    const r = await run("check", SEED, "--config", cfg);
    expect(r.code).toBe(2);
    expect(r.err).toContain("mostlyThreshold");
  });
});

describe("shinchoku check --write / --in-place / undo", () => {
  it("writes a judged copy, keeps the input byte-identical and other cells/styles/merges", async () => {
    const before = sha(SEED);
    const out = path.join(tmp, "judged.xlsx");
    const { code } = await run("check", SEED, "--write", out);
    expect(code).toBe(0);
    expect(sha(SEED)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Sheet1")!;
    expect(["I5", "J5", "K5", "L5"].map((a) => ws.getCell(a).value)).toEqual(["達成状況", "達成率", "判定根拠", "チェック結果"]);
    expect(ws.getCell("I6").value).toBe("達成");
    expect(ws.getCell("J6").value).toBe(1.0952);
    expect(ws.getCell("J6").numFmt).toBe("0.0%");
    expect((ws.getCell("I6").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFB3D7F0");
    expect(ws.getCell("I6").dataValidation).toMatchObject({ type: "list" });
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(SEED);
    const o = orig.getWorksheet("Sheet1")!;
    for (let r = 1; r <= o.rowCount; r++) for (let c = 1; c <= 8; c++) expect(ws.getCell(r, c).value).toEqual(o.getCell(r, c).value);
    expect(ws.getColumn(1).width).toBe(o.getColumn(1).width);
    expect(wb.worksheets.filter((s) => s.state === "visible").map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("re-running on a judged file reuses the columns (no second set)", async () => {
    const a = path.join(tmp, "a.xlsx");
    const b = path.join(tmp, "b.xlsx");
    await run("check", SEED, "--write", a);
    expect((await run("check", a, "--write", b)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(b);
    const ws = wb.getWorksheet("Sheet1")!;
    expect(ws.getCell("M5").value).toBeNull();
    expect(ws.getCell("I5").value).toBe("達成状況");
    const json = JSON.parse((await run("check", b, "--format", "json")).out);
    expect(json.files[0].sheets[0].items.map((i: { status: string }) => i.status)).toEqual(["achieved", "achieved"]);
  });

  it("refuses to overwrite a cell typed by a user, and writes nothing", async () => {
    const a = path.join(tmp, "a.xlsx");
    await run("check", SEED, "--write", a);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(a);
    wb.getWorksheet("Sheet1")!.getCell("K6").value = "担当者メモ";
    await wb.xlsx.writeFile(a);
    const b = path.join(tmp, "b.xlsx");
    const r = await run("check", a, "--write", b);
    expect(r.code).toBe(1);
    expect(r.err).toContain("K6");
    expect(fs.existsSync(b)).toBe(false);
  });

  it("--in-place then undo restores every input cell and removes the outputs", async () => {
    const f = path.join(tmp, "seed.xlsx");
    fs.copyFileSync(SEED, f);
    expect((await run("check", f, "--in-place")).code).toBe(0);
    expect(fs.readdirSync(tmp).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    const u = await run("undo", f);
    expect(u.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    const orig = new ExcelJS.Workbook();
    await orig.xlsx.readFile(SEED);
    const ws = wb.getWorksheet("Sheet1")!;
    const o = orig.getWorksheet("Sheet1")!;
    for (let r = 1; r <= 7; r++) for (let c = 1; c <= 12; c++) expect([r, c, ws.getCell(r, c).value]).toEqual([r, c, o.getCell(r, c).value]);
    expect((await run("undo", f)).code).toBe(1);
  });

  it("undo speaks the chosen language; a sheet renamed since the write is refused (exit 2, file unchanged), as in the add-in", async () => {
    const f = path.join(tmp, "seed.xlsx");
    fs.copyFileSync(SEED, f);
    expect((await run("check", f, "--in-place")).code).toBe(0);
    const zip = readZip(fs.readFileSync(f));
    const renamed = path.join(tmp, "renamed.xlsx");
    fs.writeFileSync(renamed, writeZip(zip.entries.map((e) => ({ name: e.name, data: e.name === "xl/workbook.xml" ? entryText(zip, e.name)!.replace('name="Sheet1"', 'name="改名"') : entryBytes(zip, e) }))));
    const before = sha(renamed);
    const ja = await run("undo", renamed);
    expect(ja.code).toBe(2);
    expect(ja.err).toContain("「Sheet1」が見つかりません");
    const en = await run("--lang", "en", "undo", renamed);
    expect(en.code).toBe(2);
    expect(en.err).toContain('the sheet to restore "Sheet1" was not found');
    expect(en.err).not.toMatch(/[ぁ-ん]/);
    expect(sha(renamed)).toBe(before);
    const done = await run("--lang", "en", "undo", f);
    expect(done).toMatchObject({ code: 0, out: `Undid the last write: ${f}\n` });
    const none = await run("--lang", "en", "undo", f);
    expect(none.code).toBe(1);
    expect(none.err).toBe(`shinchoku: ${f}: nothing to undo (no record of a Shinchoku write).\n`);
    expect((await run("undo", f)).err).toContain("元に戻せる書き込みがありません");
  });

  it("refuses --write onto the input itself and --write with --in-place", async () => {
    expect((await run("check", SEED, "--write", SEED)).code).toBe(2);
    expect((await run("check", SEED, "--write", path.join(tmp, "x.xlsx"), "--in-place")).code).toBe(2);
  });
});
