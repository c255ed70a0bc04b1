/** Issue 12 points 3 and 4: output that scales (views, widths, streamed JSON) and a CSV for spreadsheet users. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { addProgressSheet, HEADER } from "../../bench/generate";
import { DEFAULT_CONFIG } from "../../src/core";
import { checkFiles } from "../../src/cli/check";
import { toJson } from "../../src/cli/render-json";
import { fixture } from "../helpers/shared";
import { cli, width } from "./io";

const SEED = fixture("seed-jinji-zaisei-r2.libreoffice.xlsx");
let dir: string;
let round: string;
const FILES = 12;
const ITEMS = 4;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-output-"));
  round = path.join(dir, "R2");
  fs.mkdirSync(round);
  for (let i = 0; i < FILES; i++) {
    const wb = new ExcelJS.Workbook();
    const ws = addProgressSheet(wb, "進捗", ITEMS, `令和2年度 市政改革プラン3.0 第${i + 1}部会所管項目の進捗状況`);
    // The third file leaves one 期末自己評価 empty: an error-severity issue; the others have none.
    if (i === 2) ws.getCell("G5").value = "";
    ws.getCell("B6").value = "とても長い項目名".repeat(12);
    await wb.xlsx.writeFile(path.join(round, `部会${String(i + 1).padStart(2, "0")}_${"長いファイル名".repeat(i === 5 ? 6 : 1)}.xlsx`));
  }
  fs.writeFileSync(path.join(round, "壊れた.xlsx"), "PK\u0003\u0004garbage");
}, 60000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const lines = (s: string) => s.trimEnd().split("\n");

describe("table output that scales", () => {
  it("report prints the round's summary and the files with errors, not every item, unless --verbose", async () => {
    const out = path.join(dir, "out1");
    const r = await cli(["report", round, "--out", out]);
    expect(r.code).toBe(1);
    const ls = lines(r.out);
    expect(ls.length).toBeLessThan(12);
    expect(ls[ls.length - 2]).toMatch(new RegExp(`^${FILES + 1}ファイル ${FILES * ITEMS}件中 `));
    expect(ls[ls.length - 1]).toBe("  エラー2 警告0");
    expect(r.out).toContain("エラーのあるファイル（2）");
    expect(r.out).toContain("壊れた.xlsx");
    expect(r.out).toContain("部会03_");
    expect(r.out).not.toContain("部会01_");
    expect(r.out).not.toContain("項目名");
    expect(r.err).toContain("壊れた.xlsx: ファイルが壊れているため読めません");
    const v = await cli(["report", round, "--out", out, "--verbose"]);
    expect(lines(v.out).length).toBeGreaterThan(FILES * ITEMS);
  });

  it("check on many files prints one line per file; --quiet the summary alone; --verbose every item", async () => {
    const r = await cli(["check", round]);
    const ls = lines(r.out);
    expect(ls.filter((l) => /部会\d\d_/.test(l))).toHaveLength(FILES);
    expect(ls.length).toBeLessThan(FILES + 6);
    expect(r.out).not.toContain("とても長い項目名");
    const q = await cli(["check", round, "--quiet"]);
    expect(lines(q.out)).toHaveLength(2);
    expect(lines((await cli(["check", round, "--quiet"], { COLUMNS: "120" })).out)).toHaveLength(1);
    expect(q.out).toMatch(new RegExp(`^${FILES + 1}ファイル ${FILES * ITEMS}件中 `));
    const v = await cli(["check", round, "--verbose"]);
    expect(v.out).toContain("とても長い項目名");
    expect(v.out).toContain("目標:");
  });

  it("rows fit the terminal: 80 columns, COLUMNS honoured, CJK counted, titles and names cut with …", async () => {
    for (const argv of [["check", path.join(round, "部会01_長いファイル名.xlsx")], ["check", round], ["report", round, "--out", path.join(dir, "out2")]]) {
      for (const l of lines((await cli(argv)).out)) expect([l, width(l) <= 80]).toEqual([l, true]);
    }
    const one = await cli(["check", path.join(round, "部会01_長いファイル名.xlsx")], { COLUMNS: "60" });
    const rows = lines(one.out).filter((l) => /^ {2}\d/.test(l));
    expect(rows.length).toBe(ITEMS);
    for (const l of rows) expect(width(l)).toBeLessThanOrEqual(60);
    expect(rows[2]).toMatch(/^ {2}6 .* とても長い項目名とても長い…$/);
    const wide = await cli(["check", path.join(round, "部会01_長いファイル名.xlsx")], {}, { columns: 250 });
    expect(wide.out).toContain("とても長い項目名".repeat(12));
    const many = await cli(["check", round], { COLUMNS: "70" });
    for (const l of lines(many.out).filter((x) => /部会/.test(x))) expect(width(l)).toBeLessThanOrEqual(70);
    expect(many.out).toMatch(/^  部会06_[^\n]*…[^\n]*xlsx +4 /m);
  });

  it("JSON streamed file by file is the same document as the whole-round contract", async () => {
    const r = await cli(["check", round, "--format", "json"]);
    const files = fs.readdirSync(round).sort((a, b) => a.localeCompare(b)).map((f) => path.join(round, f));
    const whole = toJson(await checkFiles(files, { config: DEFAULT_CONFIG }));
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(whole)));
    const out = path.join(dir, "out3");
    await cli(["report", round, "--out", out]);
    expect(JSON.parse(fs.readFileSync(path.join(out, "report.json"), "utf8"))).toEqual(JSON.parse(r.out));
    expect(fs.readdirSync(out).sort()).toEqual(["report.html", "report.json", "集計.xlsx"]);
  });
});

describe("CSV a spreadsheet user can use as it is", () => {
  it("達成率 as the table shows it in 「達成率（%）」, with the denominator and the direction", async () => {
    const file = path.join(dir, "dir.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["令和2年度"]);
    ws.addRow(HEADER);
    ws.addRow([1, "処理日数", "s", "R2年度：平均処理日数 3.5日以内", "p", "m", "実績：5.0日", "n"]);
    await wb.xlsx.writeFile(file);
    const csv = (await cli(["check", SEED, file, "--format", "csv"])).out;
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = csv.slice(1).trimEnd().split("\r\n");
    expect(rows[0]).toBe('"ファイル","シート","行","番号","項目名","KPI","方向","目標","実績","分母","単位","達成率（%）","達成状況","チェック結果"');
    expect(rows[1]).toContain('"①","以上","21","23","24","区長","109.5","達成","OK"');
    const table = (await cli(["check", SEED])).out;
    expect(table).toContain("109.5%");
    expect(rows[4]).toMatch(/"以下","3.5","5","","日","\d+(\.\d)?","未達成"/);
  });
});
