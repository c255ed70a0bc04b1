/** Pins behaviour of src/xlsx/patch.ts that the audit of its surviving mutants (docs/mutation-survivors-adapters.md) found unpinned: the looks of written cells and their base format, and undo --all's exact restore. */
import { RECORD_SHEET } from "../../src/core";
import { FileError, patchWorkbook, readZip, undoWorkbook, writeZip } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";
import { readRecordOf } from "../../src/xlsx/record";
import { SheetDoc } from "../../src/xlsx/sheet-doc";
import { StyleBook } from "../../src/xlsx/styles";
import { entryBytes, entryText } from "../../src/xlsx/zip";
import { plans } from "./plans";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
const col = (n: number) => String.fromCharCode(64 + n);

/**
 * Cell formats: 0 plain; 1 italic on a solid red fill (a column's format); 2 text "@"; 3 italic (a row's format).
 * Fonts: 0 plain, 1 italic.
 */
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/></font><font><i/><sz val="11"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyFont="1" applyFill="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"/></cellXfs></styleSheet>`;

interface Options {
  /** `<cols>` element (before sheetData). */
  cols?: string;
  /** Extra attributes of item row 4's `<row>`. */
  row4?: string;
  /** Extra cells of item row 4 (after H4). */
  extra4?: string;
  /** Replaces the content types' text. */
  ct?: (ct: string) => string;
}

/** A progress workbook: title, header, two items (rows 4, 5); status column I. */
function book(o: Options = {}): Uint8Array {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const rows = [`<row r="1">${inline("A1", "令和2年度 進捗状況")}</row>`, `<row r="3">${HEADER.map((h, i) => inline(`${col(i + 1)}3`, h)).join("")}</row>`];
  [["事務処理", "2年度 10件", "実績 12件"], ["研修", "2年度 80%", "実績 70%"]].forEach(([title, target, actual], i) => {
    const r = i + 4;
    const extra = r === 4 ? (o.extra4 ?? "") : "";
    rows.push(`<row r="${r}"${r === 4 ? (o.row4 ?? "") : ""}><c r="A${r}"><v>${i + 1}</v></c>${inline(`B${r}`, title)}${inline(`C${r}`, "状態")}${inline(`D${r}`, target)}${inline(`E${r}`, "計画")}${inline(`F${r}`, "中間")}${inline(`G${r}`, actual)}${inline(`H${r}`, "課題")}${extra}</row>`);
  });
  const sheet = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${o.cols ?? ""}<sheetData>${rows.join("")}</sheetData></worksheet>`;
  const ct = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
  return writeZip([
    { name: "[Content_Types].xml", data: o.ct ? o.ct(ct) : ct },
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="進捗" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>` },
    { name: "xl/worksheets/sheet1.xml", data: sheet },
    { name: "xl/styles.xml", data: STYLES },
  ]);
}


const part = (bytes: Uint8Array, name: string) => entryText(readZip(bytes), name) ?? "";
const sheetXml = (bytes: Uint8Array) => part(bytes, "xl/worksheets/sheet1.xml");
const recordOf = (bytes: Uint8Array) => readRecordOf(openPackage(readZip(bytes)));
/** A cell's format index in the written sheet, e.g. styleAt(out, 4, 9) for I4. */
const styleAt = (bytes: Uint8Array, row: number, c: number) => new SheetDoc(sheetXml(bytes)).cell(row, c).style;
/** What a cell shows: fill, number format, bold, wrap (StyleBook.look over the written styles part). */
const lookAt = (bytes: Uint8Array, row: number, c: number) => new StyleBook(part(bytes, "xl/styles.xml")).look(styleAt(bytes, row, c));
/** An attribute (fontId, numFmtId …) of a cell's format in the written styles part. */
function xfAttr(bytes: Uint8Array, row: number, c: number, name: string): string | undefined {
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(part(bytes, "xl/styles.xml"))![1];
  const xf = xfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)![styleAt(bytes, row, c)];
  return new RegExp(`\\b${name}="(\\d+)"`).exec(xf)?.[1];
}
const fontAt = (bytes: Uint8Array, row: number, c: number) => xfAttr(bytes, row, c, "fontId");
const write = (bytes: Uint8Array) => patchWorkbook(bytes, "t.xlsx", plans(bytes), new Date("2026-04-01T00:00:00Z"));

describe("the looks Shinchoku gives its cells", () => {
  it("its header cells bold and wrapped; a status cell neither; a 判定根拠 cell wrapped, not bold", () => {
    const out = write(book());
    expect(lookAt(out, 3, 9)).toMatchObject({ bold: true, wrap: true });
    expect(lookAt(out, 4, 9)).toMatchObject({ bold: false, wrap: false });
    expect(lookAt(out, 4, 11)).toMatchObject({ bold: false, wrap: true });
  });

  it("a status cell's own number format stays where the plan sets none", () => {
    const out = write(book({ extra4: `<c r="I4" s="2"/>` }));
    expect(xfAttr(out, 4, 9, "numFmtId")).toBe("49"); // "@", text
  });
});

describe("the base format of a written cell: its own, else its row's, else its column's", () => {
  it("a new cell in a formatted column takes the column's format (italic), and the undo snapshot records its look (red fill)", () => {
    const out = write(book({ cols: `<cols><col min="9" max="9" width="12" style="1" customWidth="1"/></cols>` }));
    expect(fontAt(out, 4, 9)).toBe("1");
    const snap = recordOf(out)!.lastRun!.undo[0].cells.find((c) => c.address === "I4")!;
    expect(snap).toMatchObject({ fill: "FFFF0000", bold: false, value: null });
  });

  it("a new cell in a formatted row takes the row's format", () => {
    const out = write(book({ row4: ` s="3" customFormat="1"` }));
    expect(fontAt(out, 4, 9)).toBe("1");
  });

  it("an existing cell keeps its own (plain) format even in a formatted column", () => {
    const out = write(book({ cols: `<cols><col min="9" max="9" width="12" style="1" customWidth="1"/></cols>`, extra4: `<c r="I4"/>` }));
    expect(fontAt(out, 4, 9)).toBe("0");
  });
});

describe("undo --all puts back the sheet's exact XML from the origin", () => {
  it("a column's own attributes (a custom width) and the absence of the cells Shinchoku added", () => {
    const cols = `<cols><col min="9" max="9" width="30" customWidth="1"/></cols>`;
    const src = book({ cols });
    const out = write(src);
    expect(sheetXml(out)).not.toContain(cols);
    const back = undoWorkbook(out, "t.xlsx", { all: true })!;
    expect(back.scope).toBe("origin");
    const xml = sheetXml(back.bytes);
    expect(xml).toContain(cols);
    expect(xml).not.toMatch(/r="I4"/);
  });

  it("the origin holds the first run's snapshot cells and nothing else", () => {
    const out = write(book());
    const record = recordOf(out)!;
    expect(record.origin!["進捗"].cells).toEqual(record.lastRun!.undo[0].cells);
  });
});

describe("a content types part whose root does not end as expected", () => {
  it("is refused as corrupt, the detail naming the part's root", () => {
    const src = book({ ct: (ct) => ct.replace("</Types>", "") });
    let e: unknown;
    try {
      write(src);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(FileError);
    expect(e).toMatchObject({ code: "corrupt" });
    expect((e as FileError).detail).toContain("Types");
  });
});

/** The package with its workbook part's text changed. */
function withWorkbook(bytes: Uint8Array, change: (wb: string) => string): Uint8Array {
  const zip = readZip(bytes);
  return writeZip(zip.entries.map((e) => ({ name: e.name, data: e.name === "xl/workbook.xml" ? change(entryText(zip, e.name)!) : entryBytes(zip, e) })));
}

describe("undo --all removes the record sheet's workbook entry however it is written", () => {
  it("as a start and end tag with blanks between them", () => {
    const out = write(book());
    const spaced = withWorkbook(out, (wb) => wb.replace(new RegExp(`(<sheet name="${RECORD_SHEET}"[^>]*?)\\s*/>`), "$1>\n  </sheet>"));
    expect(part(spaced, "xl/workbook.xml")).toContain("\n  </sheet>");
    const back = undoWorkbook(spaced, "t.xlsx", { all: true })!;
    const wb = part(back.bytes, "xl/workbook.xml");
    expect(wb).not.toContain(RECORD_SHEET);
    expect(wb).toContain(`<sheet name="進捗"`);
  });

  // patch.ts:197 (open bug of docs/mutation-survivors-adapters.md): the entry went unmatched, so undo took
  // away the record's relationship and part but left its <sheet>, pointing at nothing.
  it("as a start and end tag with a comment between them: the entry goes with its relationship", () => {
    const out = write(book());
    const commented = withWorkbook(out, (wb) => wb.replace(new RegExp(`(<sheet name="${RECORD_SHEET}"[^>]*?)\\s*/>`), "$1><!-- kept by a tool --></sheet>"));
    expect(part(commented, "xl/workbook.xml")).toContain("<!-- kept by a tool -->");
    const back = undoWorkbook(commented, "t.xlsx", { all: true })!;
    const wb = part(back.bytes, "xl/workbook.xml");
    expect(wb).not.toContain(RECORD_SHEET);
    expect(wb).not.toContain("kept by a tool");
    const rids = [...wb.matchAll(/r:id="([^"]+)"/g)].map((m) => m[1]);
    const rels = part(back.bytes, "xl/_rels/workbook.xml.rels");
    for (const rid of rids) expect(rels).toContain(`Id="${rid}"`);
  });
});

// record.ts reads the record sheet's shared strings itself when its caller (patch.ts: write and undo) gives none.
// Excel keeps text in the shared strings table when it re-saves, so a record re-saved by Excel is made of t="s" cells.
describe("a record sheet whose texts are shared strings, as Excel re-saves it", () => {
  it("is read the same as the inline one Shinchoku wrote, and undo --all still removes it", () => {
    const out = write(book());
    const zip = readZip(out);
    const pkg = openPackage(zip);
    const recPart = pkg.sheets.find((s) => s.name === RECORD_SHEET)!.part!;
    const inline = readRecordOf(pkg);
    expect(inline).not.toBeNull();
    const texts: string[] = [];
    const recXml = entryText(zip, recPart)!.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="inlineStr"><is><t[^>]*>([\s\S]*?)<\/t><\/is><\/c>/g, (_all, ref: string, a: string, t: string) => {
      texts.push(t);
      return `<c r="${ref}"${a} t="s"><v>${texts.length - 1}</v></c>`;
    });
    expect(texts.length).toBeGreaterThan(0);
    const sst = `<sst xmlns="${MAIN}" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("")}</sst>`;
    const rels = entryText(zip, "xl/_rels/workbook.xml.rels")!.replace("</Relationships>", `<Relationship Id="rIdSST" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
    const ct = entryText(zip, "[Content_Types].xml")!.replace("</Types>", `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
    const entries = zip.entries.map((e) => ({ name: e.name, data: e.name === recPart ? recXml : e.name === "xl/_rels/workbook.xml.rels" ? rels : e.name === "[Content_Types].xml" ? ct : entryBytes(zip, e) }));
    const resaved = writeZip([...entries, { name: "xl/sharedStrings.xml", data: sst }]);
    expect(entryText(readZip(resaved), recPart)).not.toContain("inlineStr");
    expect(readRecordOf(openPackage(readZip(resaved)))).toEqual(inline);
    const back = undoWorkbook(resaved, "t.xlsx", { all: true })!;
    expect(part(back.bytes, "xl/workbook.xml")).not.toContain(RECORD_SHEET);
  });
});

// docs/testing.md listed it open: a workbook whose record entry lost its relationship (a broken file from some
// tool) got a second `_shinchoku` entry on write — two sheets of one name, which Excel repairs by dropping one.
describe("a record sheet entry whose relationship is gone", () => {
  it("is replaced on write: one `_shinchoku` entry, every sheet entry's r:id has its relationship", () => {
    const out = write(book());
    const zip = readZip(out);
    const recRid = new RegExp(`<sheet name="${RECORD_SHEET}"[^>]*?r:id="([^"]+)"`).exec(entryText(zip, "xl/workbook.xml")!)![1];
    const rels = entryText(zip, "xl/_rels/workbook.xml.rels")!.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${recRid}"[^>]*/>`), "");
    expect(rels).not.toContain(`Id="${recRid}"`);
    const broken = writeZip(zip.entries.map((e) => ({ name: e.name, data: e.name === "xl/_rels/workbook.xml.rels" ? rels : entryBytes(zip, e) })));
    expect(openPackage(readZip(broken)).sheets.find((s) => s.name === RECORD_SHEET)?.part).toBeNull();
    const again = write(broken);
    const wb = part(again, "xl/workbook.xml");
    expect(wb.split(`name="${RECORD_SHEET}"`).length - 1).toBe(1);
    const after = part(again, "xl/_rels/workbook.xml.rels");
    for (const [, rid] of wb.matchAll(/r:id="([^"]+)"/g)) expect(after).toContain(`Id="${rid}"`);
    expect(recordOf(again)).not.toBeNull();
    expect(openPackage(readZip(again)).sheets.map((s) => s.name)).toEqual(["進捗", RECORD_SHEET]);
  });
});
