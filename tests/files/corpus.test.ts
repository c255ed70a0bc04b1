/**
 * The corpus: workbooks from three producers (tests/files/make-corpus.sh: our own Excel-style
 * parts, openpyxl, LibreOffice), each holding charts, a chart sheet, an image, legacy comments,
 * a table, conditional formats, data validation, defined names, print titles, frozen panes,
 * hyperlinks, a hidden sheet and a second progress sheet; one .xlsm with a vbaProject.bin;
 * an .xls and an .ods. Each is read and judged; a write changes only the parts Shinchoku owns
 * (every other zip entry byte-identical, compressed bytes included); LibreOffice opens the
 * output; undo restores the judged cells; a second write changes nothing but what it owns.
 */
import { execFileSync } from "child_process";
import * as XLSX from "@e965/xlsx";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { RECORD_SHEET } from "../../src/core";
import { readWorkbook, readZip, undoWorkbook } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";

const CORPUS = path.join(__dirname, "corpus");
const WRITABLE = ["excel-style.xlsx", "excel-style.xlsm", "libreoffice.xlsx", "openpyxl.xlsx"];
const READ_ONLY = ["libreoffice.xls", "libreoffice.ods"];
/** The verdicts of the rows every corpus workbook holds (the bench generator's templates). */
const EXPECTED = { 進捗状況: ["achieved", "achieved", "mostly_achieved", "not_achieved", "not_entered"], 第2期: ["achieved", "achieved", "mostly_achieved"] };

function soffice(): string | null {
  // Mutation runs leave the office suite out: it proves the file format, not the patcher's logic, and costs seconds per run.
  if (process.env.SHINCHOKU_MUTATION) return null;
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice"]) if (fs.existsSync(p)) return p;
  if (process.env.CI) throw new Error("LibreOffice (soffice) is required in CI: .ci/run installs libreoffice-calc-nogui");
  return null;
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-corpus-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

/** Raw bytes of each zip entry: local header + compressed data, i.e. exactly what was stored. */
function rawEntries(file: string): Map<string, Buffer> {
  const bytes = fs.readFileSync(file);
  const zip = readZip(bytes);
  const out = new Map<string, Buffer>();
  for (const e of zip.entries) out.set(e.name, Buffer.from(bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize)));
  return out;
}

/** The parts a write may change: the judged sheets, styles, workbook, its rels, content types and the record sheet. */
function ownedParts(file: string, judged: string[]): Set<string> {
  const pkg = openPackage(readZip(fs.readFileSync(file)));
  const owned = new Set(["[Content_Types].xml", pkg.workbookPart, pkg.workbookRelsPart]);
  if (pkg.stylesPart) owned.add(pkg.stylesPart);
  for (const s of pkg.sheets) if ((judged.includes(s.name) || s.name === RECORD_SHEET) && s.part) owned.add(s.part);
  return owned;
}

function statuses(json: string): Record<string, string[]> {
  const parsed = JSON.parse(json) as { files: { sheets: { sheet: string; recognized: boolean; items: { status: string }[] }[] }[] };
  return Object.fromEntries(parsed.files[0].sheets.filter((s) => s.recognized).map((s) => [s.sheet, s.items.map((i) => i.status)]));
}

/** What a user sees in a sheet's cells, through SheetJS (a reader independent of ours). */
function seenBySheetJs(file: string, sheet: string): unknown[][] {
  const wb = XLSX.read(fs.readFileSync(file), { type: "buffer", cellNF: true });
  return XLSX.utils.sheet_to_json(wb.Sheets[sheet], { header: 1, raw: false, defval: "" });
}

describe.each(WRITABLE)("corpus: %s", (name) => {
  const src = path.join(CORPUS, name);

  it("is read and judged as expected, every sheet kind listed", async () => {
    const r = await cli("check", src, "--format", "json");
    expect(statuses(r.out)).toEqual(EXPECTED);
    const read = readWorkbook(fs.readFileSync(src), name);
    expect(read.listing.map((s) => s.name)).toEqual(expect.arrayContaining(["進捗状況", "第2期", "非表示"]));
    expect(read.listing.find((s) => s.name === "非表示")?.state).toBe("hidden");
    // Furigana runs are not part of the text; rich text is joined.
    expect(read.sheets[0].cells[3][1].text).toBe("区CM制度の適切な運用");
  });

  it("--write changes only what Shinchoku owns; undo restores the judged cells; a re-run changes only owned parts", async () => {
    const out = path.join(dir, `out-${name}`);
    const r = await cli("check", src, "--write", out, "--format", "json");
    expect(r.err).toBe("");
    expect(statuses(r.out)).toEqual(EXPECTED);
    const before = rawEntries(src);
    const after = rawEntries(out);
    const owned = ownedParts(out, Object.keys(EXPECTED));
    for (const [entry, bytes] of before) {
      expect(after.has(entry)).toBe(true);
      if (!owned.has(entry)) expect([entry, after.get(entry)!.equals(bytes)]).toEqual([entry, true]);
    }
    const added = [...after.keys()].filter((k) => !before.has(k));
    expect(added).toHaveLength(1);
    expect(owned.has(added[0])).toBe(true);
    // The workbook part only gains the record sheet's entry; the content type of the workbook is unchanged.
    const pkgIn = openPackage(readZip(fs.readFileSync(src)));
    const pkgOut = openPackage(readZip(fs.readFileSync(out)));
    expect(pkgOut.workbookXml.replace(/<sheet\b[^>]*name="_shinchoku"[^>]*\/>/, "")).toBe(pkgIn.workbookXml);
    expect(pkgOut.macroEnabled).toBe(pkgIn.macroEnabled);
    expect(pkgOut.sheets.find((s) => s.name === RECORD_SHEET)?.state).toBe("veryHidden");
    if (name.endsWith(".xlsm")) expect(after.get("xl/vbaProject.bin")!.equals(before.get("xl/vbaProject.bin")!)).toBe(true);
    // Judged: the labels are there, as another reader sees them.
    const seen = seenBySheetJs(out, "進捗状況");
    const header = seen.findIndex((row) => row.includes("達成状況"));
    expect(header).toBeGreaterThanOrEqual(0);
    const col = seen[header].indexOf("達成状況");
    expect(seen.slice(header + 1, header + 6).map((row) => row[col])).toEqual(["達成", "達成", "概ね達成", "未達成", "未入力"]);

    // A second write of the output: only owned parts may change, and the judged sheets' cells stay the same.
    const again = path.join(dir, `again-${name}`);
    expect((await cli("check", out, "--write", again)).code).toBe(1);
    const third = rawEntries(again);
    for (const [entry, bytes] of after) if (!owned.has(entry)) expect([entry, third.get(entry)!.equals(bytes)]).toEqual([entry, true]);
    expect(readWorkbook(fs.readFileSync(again), again).sheets.map((s) => s.cells)).toEqual(readWorkbook(fs.readFileSync(out), out).sheets.map((s) => s.cells));

    // Undo: the judged cells as they were (our reader and SheetJS), the record gone, the workbook part as it was.
    const undone = undoWorkbook(fs.readFileSync(out), out)!.bytes;
    expect(undone).not.toBeNull();
    const back = path.join(dir, `back-${name}`);
    fs.writeFileSync(back, undone);
    expect(readWorkbook(undone, back).sheets).toEqual(readWorkbook(fs.readFileSync(src), src).sheets.map((s) => ({ ...s, fileName: back })));
    for (const sheet of Object.keys(EXPECTED)) expect(seenBySheetJs(back, sheet)).toEqual(seenBySheetJs(src, sheet));
    const restored = rawEntries(back);
    expect([...restored.keys()].sort()).toEqual([...before.keys()].sort());
    expect(openPackage(readZip(undone)).workbookXml).toBe(pkgIn.workbookXml);
    for (const [entry, bytes] of before) if (!owned.has(entry)) expect(restored.get(entry)!.equals(bytes)).toBe(true);
  });

  // Mutation runs leave this interop check out (a second of LibreOffice per mutant, on every patch line):
  // it proves another program opens the file, not the patcher's logic, which the tests above check.
  (process.env.SHINCHOKU_MUTATION_RUN ? it.skip : it)("the written file opens in LibreOffice, which shows the status labels", async () => {
    const office = soffice();
    if (!office) {
      console.warn("LibreOffice not installed: the open-in-LibreOffice check is skipped (CI installs it)");
      return;
    }
    const out = path.join(dir, `lo-${name}`);
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lo-profile-"));
    await cli("check", src, "--write", out);
    {
      execFileSync(office, ["--headless", `-env:UserInstallation=file://${profile}`, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", path.join(dir, `lo-${name}-csv`), out], { stdio: "pipe", timeout: 120000 });
      const csvs = fs.readdirSync(path.join(dir, `lo-${name}-csv`));
      const main = csvs.find((f) => f.includes("進捗状況"))!;
      const text = fs.readFileSync(path.join(dir, `lo-${name}-csv`, main), "utf8");
      expect(text).toContain("達成状況");
      for (const label of ["達成", "概ね達成", "未達成", "未入力"]) expect(text).toContain(label);
    }
  }, 180000);
});

describe.each(READ_ONLY)("corpus (read-only format): %s", (name) => {
  const src = path.join(CORPUS, name);
  it("is read and judged as the .xlsx it came from", async () => {
    const r = await cli("check", src, "--format", "json");
    expect(statuses(r.out)).toEqual(EXPECTED);
    const fromXlsx = readWorkbook(fs.readFileSync(path.join(CORPUS, "libreoffice.xlsx")), "x").sheets.map((s) => s.cells.map((row) => row.map((c) => c.text)));
    const here = readWorkbook(fs.readFileSync(src), "x").sheets.map((s) => s.cells.map((row) => row.map((c) => c.text)));
    expect(here).toEqual(fromXlsx);
  });
  it("--write is refused with a message saying to save as .xlsx, and nothing is written", async () => {
    const out = path.join(dir, `refused-${name}.xlsx`);
    const r = await cli("check", src, "--write", out, "--format", "json");
    expect(JSON.parse(r.out).files[0].error.code).toBe("read-only-format");
    expect(r.err).toContain(".xlsx 形式で保存し直して");
    expect(fs.existsSync(out)).toBe(false);
  });
});
