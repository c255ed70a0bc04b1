/**
 * Undo gives the workbook back byte for byte: after write → undo --all (or write → undo → undo) every part of a
 * file made by Excel, LibreOffice or openpyxl is as it was — the styles part (its appended formats and counts
 * taken back), the `<cols>` element (not split and rewritten column by column) and the rows' `spans` hints.
 * Where someone changed those since the write, undo keeps their change and restores column by column instead.
 */
import * as path from "path";
import { RECORD_SHEET } from "../../src/core";
import { patchWorkbook, readZip, undoWorkbook } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";
import { entryText } from "../../src/xlsx/zip";
import { plans } from "./plans";
import { differing, load, PRODUCER_FILES as FILES, withPart } from "./workbook-parts";

const AT1 = new Date("2026-04-01T00:00:00Z");
const AT2 = new Date("2026-04-02T00:00:00Z");

const recordPart = (bytes: Uint8Array) => openPackage(readZip(bytes)).sheets.find((s) => s.name === RECORD_SHEET)?.part ?? null;

describe("undo restores every part exactly", () => {
  it.each(FILES.map((f) => [path.basename(f), f]))("%s: write, then undo --all: every entry byte-identical", (_name, file) => {
    const src = load(file);
    const written = patchWorkbook(src, "t.xlsx", plans(src), AT1);
    // The write changed the styles and the sheets it judged: the comparison below can fail.
    expect(differing(src, written)).toEqual(expect.arrayContaining(["xl/styles.xml"]));
    const back = undoWorkbook(written, "t.xlsx", { all: true })!;
    expect(back.scope).toBe("origin");
    expect(differing(src, back.bytes)).toEqual([]);
  });

  it.each(FILES.map((f) => [path.basename(f), f]))("%s: write twice, undo: the first write's parts; undo again: the file as it was", (_name, file) => {
    const src = load(file);
    const once = patchWorkbook(src, "t.xlsx", plans(src), AT1);
    const twice = patchWorkbook(once, "t.xlsx", plans(once), AT2);
    const rec = recordPart(once)!;
    const last = undoWorkbook(twice, "t.xlsx")!;
    expect(last.scope).toBe("last");
    // Only the record differs from the first write (it no longer holds a last run to undo).
    expect(differing(once, last.bytes, (n) => n === rec)).toEqual([]);
    const first = undoWorkbook(last.bytes, "t.xlsx")!;
    expect(first.scope).toBe("origin");
    expect(differing(src, first.bytes)).toEqual([]);
  });
});

describe("what someone changed after the write stays", () => {
  const file = path.join(__dirname, "../files/corpus/libreoffice.xlsx");

  it("a column width set by hand since the write: kept; Shinchoku's columns go back to their width, the rest as they were", () => {
    const src = load(file);
    const written = patchWorkbook(src, "t.xlsx", plans(src), AT1);
    // Columns B–H (one <col> for 2–8) made 44 wide by hand.
    const edited = withPart(written, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/(<col min="2" max="8"[^>]*?)width="30.63"/, '$1width="44"'));
    expect(entryText(readZip(edited), "xl/worksheets/sheet1.xml")).toContain('width="44"');
    const back = undoWorkbook(edited, "t.xlsx", { all: true })!;
    const cols = /<cols>[\s\S]*?<\/cols>/.exec(entryText(readZip(back.bytes), "xl/worksheets/sheet1.xml")!)![0];
    expect(cols).toContain('width="44"');
    expect(cols).not.toContain('width="30.63"');
    // The columns Shinchoku widened (I–L) are back to the 9 the range 9–16384 gives.
    const srcCols = /<cols>[\s\S]*?<\/cols>/.exec(entryText(readZip(src), "xl/worksheets/sheet1.xml")!)![0];
    expect(srcCols).toContain('min="9"');
    for (const col of [9, 10, 11, 12]) {
      const covering = [...cols.matchAll(/<col ([^>]*)\/>/g)].map((m) => m[1]).find((a) => Number(/min="(\d+)"/.exec(a)![1]) <= col && Number(/max="(\d+)"/.exec(a)![1]) >= col)!;
      expect({ col, width: /width="([\d.]+)"/.exec(covering)![1] }).toEqual({ col, width: "9" });
    }
  });

  it("between two writes: one of Shinchoku's widths changed by hand (the next write sets it back) — undo --all still exact; column B changed by hand — kept", () => {
    const src = load(file);
    const once = patchWorkbook(src, "t.xlsx", plans(src), AT1);
    const colsOf = (b: Uint8Array) => /<cols>[\s\S]*?<\/cols>/.exec(entryText(readZip(b), "xl/worksheets/sheet1.xml")!)![0];
    // Column L (12) is Shinchoku's status column in this file: its <col> made 40 wide by hand.
    const ownChanged = withPart(once, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/(<col min="12" max="12" )width="[\d.]+"/, '$1width="40"'));
    expect(colsOf(ownChanged)).not.toBe(colsOf(once));
    const twice = patchWorkbook(ownChanged, "t.xlsx", plans(ownChanged), AT2);
    expect(colsOf(twice)).toBe(colsOf(once));
    expect(differing(src, undoWorkbook(twice, "t.xlsx", { all: true })!.bytes)).toEqual([]);
    // Column B (in the 2–8 range) made 44 wide by hand between the writes: undo --all keeps it.
    const userChanged = withPart(once, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/(<col min="2" max="8"[^>]*?)width="30.63"/, '$1width="44"'));
    const again = patchWorkbook(userChanged, "t.xlsx", plans(userChanged), AT2);
    const back = undoWorkbook(again, "t.xlsx", { all: true })!;
    expect(colsOf(back.bytes)).toContain('width="44"');
    expect(colsOf(back.bytes)).not.toContain('width="30.63"');
  });

  it("a styles part another program rewrote since the write: not taken back (its formats stay, the cells keep their looks)", () => {
    const src = load(file);
    const written = patchWorkbook(src, "t.xlsx", plans(src), AT1);
    const resaved = withPart(written, "xl/styles.xml", (xml) => xml.replace(/<fonts count="(\d+)">/, (_a, n: string) => `<fonts count="${Number(n) + 1}"><font><sz val="9"/></font>`));
    const back = undoWorkbook(resaved, "t.xlsx", { all: true })!;
    const styles = entryText(readZip(back.bytes), "xl/styles.xml")!;
    expect(styles).toContain('<font><sz val="9"/></font>');
    // Its records are all still there, in place (undo may append formats for the looks it gives back).
    const fontsOf = (xml: string) => /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)![1];
    expect(fontsOf(styles).startsWith(fontsOf(entryText(readZip(resaved), "xl/styles.xml")!))).toBe(true);
    // And the judged cells are empty again, as before the write.
    expect(differing(src, back.bytes)).toEqual(expect.arrayContaining(["xl/styles.xml"]));
    expect(entryText(readZip(back.bytes), "xl/worksheets/sheet1.xml")).not.toContain("達成");
  });

  it("a row's spans: put back where its cells still fit, widened where a cell was typed beyond them", () => {
    const src = load(path.join(__dirname, "../files/corpus/excel-style.xlsx"));
    const sheet = (b: Uint8Array) => entryText(readZip(b), "xl/worksheets/sheet1.xml")!;
    const spansOf = (xml: string, row: number) => new RegExp(`<row r="${row}"[^>]*?spans="([^"]+)"`).exec(xml)?.[1];
    const before = spansOf(sheet(src), 3);
    expect(before).toBe("1:11");
    const written = patchWorkbook(src, "t.xlsx", plans(src), AT1);
    expect(spansOf(sheet(written), 3)).not.toBe(before);
    expect(spansOf(sheet(undoWorkbook(written, "t.xlsx", { all: true })!.bytes), 3)).toBe(before);
    // A cell typed in column T of that row after the write: the row's spans must still cover it.
    const typed = withPart(written, "xl/worksheets/sheet1.xml", (xml) => xml.replace(/(<row r="3"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="T3" t="inlineStr"><is><t>手入力</t></is></c>$2'));
    const kept = spansOf(sheet(undoWorkbook(typed, "t.xlsx", { all: true })!.bytes), 3)!;
    expect(Number(kept.split(":")[1])).toBeGreaterThanOrEqual(20);
    expect(sheet(undoWorkbook(typed, "t.xlsx", { all: true })!.bytes)).toContain("手入力");
  });
});
