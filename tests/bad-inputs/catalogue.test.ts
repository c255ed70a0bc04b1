/**
 * The bad-input catalogue: each case is generated here and run through the CLI (and so the
 * xlsx adapter and the core), with the behaviour expected: no crash, no hang, a clear Japanese
 * message naming the place, the right exit code, and no file changed that should not be.
 */
import { createHash, randomBytes } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { saveHooks } from "../../src/xlsx/node-file";
import { main } from "../../src/cli/main";
import { addProgressSheet, HEADER, itemRow } from "../../bench/generate";
import { fixture } from "../helpers/shared";
import { STATUS_CODES } from "../../src/core";

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-bad-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Json {
  files: { file: string; error: { code: string; message: string } | null; sheets: { sheet: string; recognized: boolean; headerRow: number | null; fiscalYear: number | null; items: { row: number; status: string; kpis: { status: string }[] }[]; issues: { code: string; severity: string; cell: string | null; message: string }[] }[] }[];
}

async function check(file: string, ...extra: string[]) {
  let out = "";
  let err = "";
  const before = fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : null;
  const t0 = Date.now();
  const code = await main(["check", file, "--format", "json", ...extra], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  const ms = Date.now() - t0;
  if (before !== null && !extra.includes("--in-place")) expect(createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(before); // input untouched
  const json = out ? (JSON.parse(out) as Json) : null;
  return { code, json, err, ms };
}

async function book(name: string, build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const f = path.join(dir, name);
  await wb.xlsx.writeFile(f);
  return f;
}

const sheetRows = (ws: ExcelJS.Worksheet, rows: unknown[][], from = 1) => rows.forEach((r, i) => r.forEach((v, j) => v !== null && v !== undefined && (ws.getCell(from + i, j + 1).value = v as ExcelJS.CellValue)));
const statuses = (j: Json | null) => j?.files[0].sheets.flatMap((s) => s.items.map((i) => i.status)) ?? [];
const codes = (j: Json | null) => j?.files[0].sheets.flatMap((s) => s.issues.map((i) => i.code)) ?? [];
const FIVE = ["achieved", "mostly_achieved", "not_achieved", "unknown", "not_entered"];
/** A 128-byte compound-file directory entry (MS-CFB §2.6.1): UTF-16LE name padded to 64 bytes, its length, its type. */
function dirEntry(name: string, type: number): Buffer {
  const e = Buffer.alloc(128);
  e.write(name, 0, "utf16le");
  e.writeUInt16LE((name.length + 1) * 2, 64);
  e[66] = type;
  return e;
}

describe("bad-input catalogue (CLI → xlsx adapter → core)", () => {
  it("empty workbook: an error entry, exit 2", async () => {
    const f = await book("empty-book.xlsx", () => undefined);
    const r = await check(f);
    expect(r.code).toBe(2);
    expect(r.json?.files[0].error).toMatchObject({ code: "empty-workbook" });
    expect(r.err).toContain("シートがありません");
  });

  it("empty sheet: not a progress workbook, header-not-found, exit 1", async () => {
    const f = await book("empty-sheet.xlsx", (wb) => void wb.addWorksheet("空"));
    const r = await check(f);
    expect(r.code).toBe(1);
    expect(r.json?.files[0].error?.code).toBe("not-a-progress-workbook");
    expect(codes(r.json)).toEqual(["header-not-found"]);
  });

  it("header only: recognized, no items, exit 0", async () => {
    const f = await book("header-only.xlsx", (wb) => sheetRows(wb.addWorksheet("進捗"), [["令和2年度 進捗状況"], HEADER]));
    const r = await check(f);
    expect(r.code).toBe(0);
    expect(r.json?.files[0].sheets[0]).toMatchObject({ recognized: true, headerRow: 2, items: [] });
  });

  it("header split over two rows, merged title and header cells, hidden rows and columns", async () => {
    const f = await book("layout.xlsx", (wb) => {
      const ws = wb.addWorksheet("進捗");
      sheetRows(ws, [["令和2年度 進捗状況"], [], ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "自己評価", null, "翌年度にむけた課題と方向性"], [null, null, null, null, null, "中間自己評価と下半期の方向性", "期末自己評価"]]);
      ws.mergeCells("A1:H1");
      ws.mergeCells("F3:G3");
      ws.mergeCells("A3:A4");
      sheetRows(ws, [itemRow(0), itemRow(1)], 5);
      ws.getRow(6).hidden = true;
      ws.getColumn(3).hidden = true;
    });
    const r = await check(f);
    const s = r.json!.files[0].sheets[0];
    expect(s).toMatchObject({ recognized: true, headerRow: 4, fiscalYear: 2020 });
    expect(s.items.map((i) => [i.row, i.status])).toEqual([[5, "achieved"], [6, "achieved"]]);
    expect(codes(r.json)).toEqual([]);
  });

  it("a header at row 29 is found; at row 31 it is not", async () => {
    const at = (row: number) => book(`header-${row}.xlsx`, (wb) => sheetRows(wb.addWorksheet("進捗"), [["令和2年度"], ...Array.from({ length: row - 2 }, () => []), HEADER, itemRow(0)]));
    expect((await check(await at(29))).json?.files[0].sheets[0]).toMatchObject({ recognized: true, headerRow: 29 });
    const r31 = await check(await at(31));
    expect(r31.json?.files[0].sheets[0]).toMatchObject({ recognized: false });
    expect(r31.json?.files[0].sheets[0].issues[0].message).toContain("1〜30行目");
    expect(r31.code).toBe(1);
  });

  it("10,000 blank rows between items", async () => {
    const f = await book("gap.xlsx", (wb) => {
      const ws = wb.addWorksheet("進捗");
      sheetRows(ws, [["令和2年度"], HEADER, itemRow(0)]);
      sheetRows(ws, [itemRow(1)], 10004);
    });
    const r = await check(f);
    expect(r.json?.files[0].sheets[0].items.map((i) => i.row)).toEqual([3, 10004]);
    expect(r.ms).toBeLessThan(20000);
  });

  it("numbers stored as text, text stored as numbers, dates where numbers were typed, formulas", async () => {
    const f = await book("types.xlsx", (wb) => {
      const ws = wb.addWorksheet("進捗");
      sheetRows(ws, [["令和2年度"], HEADER]);
      sheetRows(ws, [["１", "番号が文字", "s", "2年度 5件", "p", "m", "5件", "n"]], 3);
      sheetRows(ws, [[2, "目標が数値", "s", 21, "p", "m", "23", "n"]], 4);
      sheetRows(ws, [[3, "実績が日付", "s", "2年度 5件", "p", "m", new Date(Date.UTC(2024, 1, 24)), "n"]], 5);
      sheetRows(ws, [[4, "数式", "s", "2年度 5件", "p", "m", { formula: 'CONCAT("実績 ","6件")', result: "実績 6件" }, "n"]], 6);
    });
    const r = await check(f);
    const items = r.json!.files[0].sheets[0].items;
    expect(items.map((i) => i.status)).toEqual(["achieved", "unknown", "unknown", "achieved"]);
    expect(r.json!.files[0].sheets[0].issues.map((i) => `${i.code}@${i.cell}`)).toEqual(["target-unparsed@D4", "actual-missing@G5"]);
  });

  it("every Excel error value is a cell-error warning naming the cell", async () => {
    const errors = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
    const f = await book("errors.xlsx", (wb) => {
      const ws = wb.addWorksheet("進捗");
      sheetRows(ws, [["令和2年度"], HEADER]);
      errors.forEach((e, i) => sheetRows(ws, [[i + 1, `項目${i}`, "s", "2年度 5件", "p", "m", { error: e }, "n"]], 3 + i));
    });
    const r = await check(f);
    const issues = r.json!.files[0].sheets[0].issues.filter((i) => i.code === "cell-error");
    expect(issues.map((i) => i.cell)).toEqual(errors.map((_, i) => `G${3 + i}`));
    expect(issues[0].message).toContain("#NULL!");
    expect(statuses(r.json)).toEqual(errors.map(() => "not_entered"));
  });

  it("a 32,767-character cell, emoji, combining marks, RTL text, lone surrogates and control characters", async () => {
    const long = "①実績 5件 " + "あ".repeat(32767 - 9);
    const f = await book("text.xlsx", (wb) => {
      const ws = wb.addWorksheet("進捗");
      sheetRows(ws, [["令和2年度"], HEADER]);
      sheetRows(ws, [[1, "😀👩‍👩‍👧 が\u3099 مرحبا", "s", "①2年度 5件", "p", "m", long, "n"]], 3);
      sheetRows(ws, [[2, "lone \ud800 surrogate \u0007 bell", "s", "2年度 5件", "p", "m", "5件\u0000", "n"]], 4);
    });
    const r = await check(f);
    expect(statuses(r.json)).toEqual(["achieved", "achieved"]);
    const out = path.join(dir, "text-out.xlsx");
    expect((await check(f, "--write", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("進捗")!.getCell("I3").value).toBe("達成");
    const table = await main(["check", f], { stdout: { write: (s: string) => (expect(s).not.toMatch(/[\u0000\u0007]/), true) }, stderr: { write: () => true } });
    expect(table).toBe(0);
  });

  it("a sheet name with quotes and brackets; 1,000 sheets", async () => {
    // Mutation runs take a tenth of the sheets (3 s on every mutant of the reader); the same code paths run.
    const n = process.env.SHINCHOKU_MUTATION_RUN ? 100 : 1000;
    const f = await book("names.xlsx", (wb) => void addProgressSheet(wb, "人事'部会(案)「改」", 2));
    const r = await check(f, "--sheet", "人事'部会(案)「改」");
    expect(r.json?.files[0].sheets[0]).toMatchObject({ sheet: "人事'部会(案)「改」", recognized: true });
    const many = await book("many.xlsx", (wb) => {
      for (let i = 0; i < n; i++) {
        const ws = wb.addWorksheet(`S${i}`);
        if (i % 100 === 0) sheetRows(ws, [["令和2年度"], HEADER, itemRow(0)]);
        else ws.getCell("A1").value = `メモ${i}`;
      }
    });
    const m = await check(many);
    expect(m.json!.files[0].sheets).toHaveLength(n);
    expect(m.json!.files[0].sheets.filter((s) => s.recognized)).toHaveLength(n / 100);
    expect(m.code).toBe(0);
  });

  // Mutation runs leave this out (2.6 s on every mutant of the zip reader); the limit's own edges are tested above.
  (process.env.SHINCHOKU_MUTATION_RUN ? it.skip : it)("a 50 MB file is read within the limit", async () => {
    const f = await book("big.xlsx", (wb) => {
      addProgressSheet(wb, "進捗", 3);
      const id = wb.addImage({ buffer: Buffer.from(randomBytes(50 * 1024 * 1024)) as unknown as ExcelJS.Buffer, extension: "png" });
      wb.getWorksheet("進捗")!.addImage(id, "K2:L4");
    });
    expect(fs.statSync(f).size).toBeGreaterThan(50 * 1024 * 1024);
    const r = await check(f);
    expect(r.code).toBe(0);
    expect(statuses(r.json)).toEqual(["achieved", "achieved", "mostly_achieved"]);
  }, 120000);

  // Mutation runs leave this out (inflating 300 MB: 3.7 s on every mutant of the zip reader); the limits'
  // exact edges are tested in tests/xlsx/mutants-format-A.test.ts.
  (process.env.SHINCHOKU_MUTATION_RUN ? it.skip : it)("a zip bomb is refused past the documented limit, before inflating", async () => {
    const sheet = Buffer.alloc(300 * 1024 * 1024, 0x20);
    const packed = zlib.deflateRawSync(sheet, { level: 9 });
    const { zip } = await import("../../src/cli/report/zip");
    void zip;
    // A package whose one entry inflates to 300 MB from ~300 KB (ratio ~1000).
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(sheet.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(sheet.length, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + packed.length, 16);
    const f = path.join(dir, "bomb.xlsx");
    fs.writeFileSync(f, Buffer.concat([local, name, packed, central, name, end]));
    const r = await check(f);
    expect(r.code).toBe(2);
    expect(r.json?.files[0].error?.code).toBe("zip-bomb");
    expect(r.err).toContain("展開すると極端に大きく");
    expect(r.ms).toBeLessThan(5000);
  });

  it("truncated, password-protected, .xls, .csv and .ods inputs: one clear line each, exit 2", async () => {
    const seed = fs.readFileSync(fixture("seed-jinji-zaisei-r2.libreoffice.xlsx"));
    const cases: [string, Buffer, string, string][] = [
      ["truncated.xlsx", seed.subarray(0, Math.floor(seed.length / 2)), "corrupt", "壊れている"],
      // A minimal container with only the stream name (the password-protected files from real producers are tested below).
      ["locked.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), dirEntry("Root Entry", 5), dirEntry("EncryptedPackage", 2)]), "encrypted", "パスワード"],
      // An OLE container with neither a workbook stream nor an encrypted package (real .xls files are read: tests/files).
      ["old.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]), "corrupt", "壊れている"],
      ["list.csv", Buffer.from("番号,項目名\n1,a\n"), "unsupported-format", ".xlsx 形式で保存し直してください"],
    ];
    for (const [name, bytes, code, words] of cases) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, bytes);
      const r = await check(f);
      expect([name, r.code, r.json?.files[0].error?.code]).toEqual([name, 2, code]);
      expect(r.err).toContain(words);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).not.toMatch(/\bat .+:\d+/);
    }
    const ods = path.join(dir, "sheet.ods");
    const { zip } = await import("../../src/cli/report/zip");
    fs.writeFileSync(ods, zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" }, { name: "content.xml", data: "<office:document-content/>" }]));
    const r = await check(ods);
    expect(r.code).toBe(2);
    expect(r.json?.files[0].error?.code).toBe("corrupt");
  });

  it("a read-only output path and a full disk: a clear message, the input unchanged, no stray file", async () => {
    const seed = path.join(dir, "seed-ro.xlsx");
    fs.copyFileSync(fixture("seed-jinji-zaisei-r2.libreoffice.xlsx"), seed);
    const ro = await check(seed, "--write", "/proc/version/out.xlsx");
    expect(ro.code).toBe(1);
    // mkdir of a folder under a file fails: the save's own code, not a catch-all write-failed.
    expect(ro.json?.files[0].error?.code).toBe("no-output-folder");
    expect(ro.err).toContain("元のファイルは変更していません");
    // The disk fills while the temporary file is written (fault injected at that step of the save).
    saveHooks.step = (step) => {
      if (step === "tmp-written") throw Object.assign(new Error("no space"), { code: "ENOSPC" });
    };
    const full = await check(seed, "--in-place");
    saveHooks.step = undefined;
    expect(full.json?.files[0].error?.message).toContain("ディスクの空きが足りません");
    expect(createHash("sha256").update(fs.readFileSync(seed)).digest("hex")).toBe(createHash("sha256").update(fs.readFileSync(fixture("seed-jinji-zaisei-r2.libreoffice.xlsx"))).digest("hex"));
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("a cell holding HTML and script is text in every output", async () => {
    const f = await book("html.xlsx", (wb) => sheetRows(wb.addWorksheet("進捗"), [["令和2年度"], HEADER, [1, "<script>alert(1)</script>", "s", "2年度 5件", "p", "m", "=cmd|'/C calc'!A0\n実績 5件", "n"]]));
    const r = await check(f);
    expect(r.json?.files[0].sheets[0].items[0]).toMatchObject({ status: "achieved" });
    let csv = "";
    await main(["check", f, "--format", "csv"], { stdout: { write: (s: string) => (csv += s) }, stderr: { write: () => true } });
    expect(csv).toContain('"<script>alert(1)</script>"');
    let json = "";
    await main(["check", f, "--format", "json"], { stdout: { write: (s: string) => (json += s) }, stderr: { write: () => true } });
    expect(JSON.parse(json).files[0].sheets[0].items[0].title).toBe("<script>alert(1)</script>");
  });

  it("every status is one of the five, and a varied workbook shows all five", async () => {
    // The catalogue's list is the core's, not a constant of its own.
    expect([...FIVE].sort()).toEqual([...STATUS_CODES].sort());
    const f = await book("five.xlsx", (wb) => void addProgressSheet(wb, "進捗", 40));
    const r = await check(f);
    expect([...new Set(statuses(r.json))].sort()).toEqual([...STATUS_CODES].sort());
  });

  it.each([
    ["poi-encrypted.xlsx", "Apache POI, standard encryption"],
    ["officecrypto-encrypted.xlsx", "officecrypto-tool, agile encryption"],
  ])("a password-protected .xlsx from a real producer (%s, %s): encrypted, one clear line, exit 2, file untouched", async (name) => {
    const f = path.join(__dirname, "../files/corpus", name);
    const before = fs.readFileSync(f);
    const r = await check(f, "--in-place"); // asked to write into it: still refused, and the file stays as it was
    expect([r.code, r.json?.files[0].error?.code]).toEqual([2, "encrypted"]);
    expect(r.err).toContain("パスワード");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(f)).filter((n) => n.startsWith(name.replace(/\.xlsx$/, "")))).toEqual([name]);
  });

  it("a workbook LibreOffice saved with a password (.xls, tests/files/make-encrypted.sh): encrypted, one clear line, exit 2", async () => {
    const f = path.join(__dirname, "../files/corpus/libreoffice-encrypted.xls");
    const before = fs.readFileSync(f);
    expect(before.readUInt32BE(0)).toBe(0xd0cf11e0);
    const r = await check(f);
    expect([r.code, r.json?.files[0].error?.code]).toEqual([2, "encrypted"]);
    expect(r.err).toContain("パスワード");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    // The same workbook without the password is read and judged (the .xls reader, not the detector, decides).
    const plain = await check(path.join(__dirname, "../files/corpus/libreoffice.xls"));
    expect(plain.json?.files[0].error ?? null).toBeNull();
    expect(statuses(plain.json).length).toBeGreaterThan(0);
  });
});
