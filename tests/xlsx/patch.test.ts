/** The package patcher: what it writes into the judged sheet (values, formats, widths, the list validation) and what undo gives back. */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CONFIG, judge, OUTPUT_WIDTHS, plan, STATUS_FILLS, type WritePlan } from "../../src/core";
import { patchWorkbook, readWorkbook, readZip, undoWorkbook } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";
import { SheetDoc } from "../../src/xlsx/sheet-doc";
import { StyleBook } from "../../src/xlsx/styles";
import { entryText } from "../../src/xlsx/zip";

const SRC = path.join(__dirname, "../files/corpus/excel-style.xlsx");

function plansOf(bytes: Uint8Array): WritePlan[] {
  const read = readWorkbook(bytes, SRC);
  return read.sheets.flatMap((input) => {
    const report = judge(input, DEFAULT_CONFIG);
    if (!report.recognized) return [];
    const p = plan(report, input, DEFAULT_CONFIG);
    if (!p.ok) throw new Error(p.error.message);
    return [p.plan];
  });
}

function sheetOf(bytes: Uint8Array, name: string): { doc: SheetDoc; styles: StyleBook } {
  const pkg = openPackage(readZip(bytes));
  const part = pkg.sheets.find((s) => s.name === name)!.part!;
  return { doc: new SheetDoc(entryText(pkg.zip, part)!), styles: new StyleBook(entryText(pkg.zip, pkg.stylesPart!)) };
}

describe("package patcher", () => {
  const original = new Uint8Array(fs.readFileSync(SRC));
  const plans = plansOf(original);
  const written = patchWorkbook(original, SRC, plans);
  const main = plans.find((p) => p.sheet === "進捗状況")!;

  it("writes every planned value with its fill, number format, weight and wrapping", () => {
    const { doc, styles } = sheetOf(written, "進捗状況");
    const read = readWorkbook(written, SRC, { fills: true });
    const cells = read.sheets.find((s) => s.sheetName === "進捗状況")!.cells;
    for (const c of main.cells) {
      const got = cells[c.row - 1]?.[c.col - 1];
      if (c.value === null) expect(got?.kind ?? "empty").toBe("empty");
      else expect(got?.value).toBe(c.value);
      const look = styles.look(doc.cell(c.row, c.col).style);
      expect([c.address, look.fill]).toEqual([c.address, c.fill]);
      if (c.numFmt) expect(look.numFmt).toBe(c.numFmt);
      if (c.bold) expect(look.bold).toBe(true);
      if (c.wrap) expect(look.wrap).toBe(true);
    }
    // A status cell shows its status's fill; a rate cell reads as its percent text.
    const status = main.cells.find((c) => c.value === "概ね達成")!;
    expect(read.fills.get("進捗状況")![status.row - 1][status.col - 1]).toBe(STATUS_FILLS.mostly_achieved);
    const rate = main.cells.find((c) => c.row === status.row && c.col === status.col + 1)!;
    expect(cells[rate.row - 1][rate.col - 1].text).toMatch(/^\d+\.\d%$/);
  });

  it("sets the output columns' widths, keeps the user's validation and adds its own list", () => {
    const { doc } = sheetOf(written, "進捗状況");
    for (const c of main.columns) expect(doc.colWidth(c.col)).toBe(OUTPUT_WIDTHS[c.header]);
    // Columns beyond the output keep the user's <col> range attributes (style 4).
    expect(doc.colAttrs(main.columns[3].col + 1)).toContain('style="4"');
    const v = doc.validationsXml()!;
    expect(v).toContain('sqref="H4:H8"');
    expect(v).toContain(`sqref="${String.fromCharCode(64 + main.statusRange!.col)}${main.statusRange!.firstRow}:`);
    expect(v).toContain('count="2"');
  });

  it("a re-run reuses its formats and its validation rather than adding more", () => {
    const again = patchWorkbook(written, SRC, plansOf(written));
    const a = openPackage(readZip(written));
    const b = openPackage(readZip(again));
    expect(entryText(b.zip, b.stylesPart!)).toBe(entryText(a.zip, a.stylesPart!));
    expect(sheetOf(again, "進捗状況").doc.validationsXml()).toBe(sheetOf(written, "進捗状況").doc.validationsXml());
  });

  it("undo gives back each output cell's XML, the columns and the validations as they were", () => {
    const undone = undoWorkbook(written, SRC)!.bytes;
    const before = sheetOf(original, "進捗状況").doc;
    const after = sheetOf(undone, "進捗状況").doc;
    for (const c of main.cells) expect(after.cell(c.row, c.col)).toEqual(before.cell(c.row, c.col));
    for (const c of main.columns) expect(after.colAttrs(c.col)).toBe(before.colAttrs(c.col));
    expect(after.validationsXml()).toBe(before.validationsXml());
    expect(after.dimension()).toBe(before.dimension());
    expect(undoWorkbook(undone, SRC)).toBeNull();
  });

  it("refuses to write .xls and .ods, saying to save as .xlsx", () => {
    const xls = new Uint8Array(fs.readFileSync(path.join(__dirname, "../files/corpus/libreoffice.xls")));
    expect(() => patchWorkbook(xls, "a.xls", [])).toThrow(/\.xlsx 形式で保存し直して/);
  });
});

describe("undo across several writes", () => {
  const original = new Uint8Array(fs.readFileSync(SRC));
  const cellsOf = (bytes: Uint8Array) => readWorkbook(bytes, SRC).sheets.map((s) => s.cells);
  // Two different writes: the final judgement, then the interim one (other texts in 判定根拠/チェック結果).
  const interim = { ...DEFAULT_CONFIG, phase: "interim" as const };
  const plansWith = (bytes: Uint8Array, config: typeof DEFAULT_CONFIG) =>
    readWorkbook(bytes, SRC).sheets.flatMap((input) => {
      const report = judge(input, config);
      const p = report.recognized ? plan(report, input, config) : null;
      return p && p.ok ? [p.plan] : [];
    });
  const first = patchWorkbook(original, SRC, plansWith(original, DEFAULT_CONFIG));
  const second = patchWorkbook(first, SRC, plansWith(first, interim));

  it("the two writes differ (so the test can tell them apart)", () => {
    expect(cellsOf(second)).not.toEqual(cellsOf(first));
  });

  it("undo goes back one write, the next undo to before the first write, then there is nothing left", () => {
    const one = undoWorkbook(second, SRC)!;
    expect(one.scope).toBe("last");
    expect(cellsOf(one.bytes)).toEqual(cellsOf(first));
    const two = undoWorkbook(one.bytes, SRC)!;
    expect(two.scope).toBe("origin");
    expect(cellsOf(two.bytes)).toEqual(cellsOf(original));
    expect(readWorkbook(two.bytes, SRC).record).toBeNull();
    expect(undoWorkbook(two.bytes, SRC)).toBeNull();
  });

  it("undo --all goes straight to before the first write and removes the record sheet", () => {
    const all = undoWorkbook(second, SRC, { all: true })!;
    expect(all.scope).toBe("origin");
    expect(cellsOf(all.bytes)).toEqual(cellsOf(original));
    const pkg = openPackage(readZip(all.bytes));
    expect(pkg.sheets.map((s) => s.name)).toEqual(openPackage(readZip(original)).sheets.map((s) => s.name));
    expect(pkg.workbookXml).toBe(openPackage(readZip(original)).workbookXml);
    const sheet = sheetOf(all.bytes, "進捗状況").doc;
    const before = sheetOf(original, "進捗状況").doc;
    expect(sheet.validationsXml()).toBe(before.validationsXml());
  });
});
