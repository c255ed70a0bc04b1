/** Pins behaviour of src/xlsx/read.ts, src/xlsx/sheet-doc.ts, src/xlsx/styles.ts and src/xlsx/patch.ts (a cell's reference among other attributes, a row's own format, the validation block's count and place, alignments written with end tags, undo after a run without a status range) that mutation testing found unpinned. */
import type { PlannedCell, WritePlan } from "../../src/core";
import { patchWorkbook, readZip, undoWorkbook, writeZip } from "../../src/xlsx";
import { scanSheet } from "../../src/xlsx/read";
import { SheetDoc } from "../../src/xlsx/sheet-doc";
import { StyleBook } from "../../src/xlsx/styles";
import { entryText } from "../../src/xlsx/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;
/** Shinchoku's own list rule, told by its error title (as patch.ts tells it). */
const ours = (rule: string) => /^<[^>]*\berrorTitle="進捗"/.test(rule);
const ownRule = (range: string) => `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="進捗" sqref="${range}"><formula1>"達成,未達成"</formula1></dataValidation>`;
const userRule = (range: string) => `<dataValidation type="whole" allowBlank="1" sqref="${range}"><formula1>0</formula1></dataValidation>`;

/** The worksheet's child elements (local names), in document order, skipping over each one's content. */
function children(xml: string): string[] {
  const root = /<((?:[\w.-]+:)?)worksheet\b[^>]*>([\s\S]*)<\/\1worksheet>/.exec(xml);
  if (!root) throw new Error("no worksheet element with content");
  const out: string[] = [];
  const tag = /<(\/?)([\w.:-]+)\b[^>]*?(\/?)>/g;
  let depth = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(root[2]))) {
    if (m[1] === "/") depth--;
    else {
      if (depth === 0) out.push(m[2].replace(/^[\w.-]+:/, ""));
      if (m[3] !== "/") depth++;
    }
  }
  return out;
}

describe("a cell whose reference follows an extension attribute (hand-made, the attribute's namespace mc:Ignorable)", () => {
  test("is read at its own reference, not at one quoted in the attribute's value", () => {
    const root = `<worksheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:n="urn:example:notes" mc:Ignorable="n">`;
    const xml = `${DECL}${root}<sheetData><row r="1"><c n:note="copied from r='B1'" r="A1" t="inlineStr"><is><t>済</t></is></c></row></sheetData></worksheet>`;
    const { cells } = scanSheet(xml, () => [], [null], false, null);
    expect(cells[0][0]).toMatchObject({ kind: "text", value: "済" });
    expect(cells[0].length).toBe(1);
  });
});

describe("a row's own format written with blanks around = (hand-made)", () => {
  test("an absent cell in the row shows the row's format", () => {
    const xml = `${DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="3" s = "7" customFormat = "1"><c r="A3"><v>1</v></c></row></sheetData></worksheet>`;
    const doc = new SheetDoc(xml);
    expect(doc.cell(3, 2)).toEqual({ xml: null, style: 7 });
    expect(doc.cell(3, 1).style).toBe(0);
  });
});

describe("a validation block whose count is written with blanks around = (hand-made)", () => {
  test("Shinchoku's rule is added and the block keeps one count, the number of its rules", () => {
    const block = `<dataValidations count = "1">${userRule("E2:E9")}</dataValidations>`;
    const xml = `${DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${block}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const doc = new SheetDoc(xml);
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    const out = doc.serialize();
    const open = /<dataValidations\b[^>]*>/.exec(out)![0];
    expect(open.match(/\bcount\b/g)).toHaveLength(1);
    expect(open).toBe(`<dataValidations count="2">`);
    expect(out).toContain(`${userRule("E2:E9")}${ownRule("C2:C9")}</dataValidations>`);
  });
});

describe("extension attributes named like min, max or count (hand-made, their namespace mc:Ignorable)", () => {
  const root = `<worksheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:n="urn:example:notes" mc:Ignorable="n">`;

  test("a column range split by a new width keeps them whole on every part", () => {
    const xml = `${DECL}${root}<cols><col min="2" max="4" width="20" customWidth="1" n:max="9"/></cols><sheetData/></worksheet>`;
    const doc = new SheetDoc(xml);
    doc.setColWidth(3, 30);
    const out = doc.serialize();
    expect(/<cols>[\s\S]*<\/cols>/.exec(out)![0]).toBe(
      `<cols><col min="2" max="2" width="20" customWidth="1" n:max="9"/><col min="3" max="3" width="30" customWidth="1" n:max="9"/><col min="4" max="4" width="20" customWidth="1" n:max="9"/></cols>`,
    );
  });

  test("a validation block keeps its own and gets the number of its rules as count", () => {
    const xml = `${DECL}${root}<sheetData/><dataValidations n:count="7" count="1">${userRule("E2:E9")}</dataValidations></worksheet>`;
    const doc = new SheetDoc(xml);
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    expect(/<dataValidations\b[^>]*>/.exec(doc.serialize())![0]).toBe(`<dataValidations n:count="7" count="2">`);
  });
});

describe("where a new validation block goes (CT_Worksheet: after conditionalFormatting, before hyperlinks, pageMargins …)", () => {
  // Excel writes a custom view (View > Custom Views) with its own print settings inside <customSheetView>,
  // and a data bar's rule with an <extLst> of its own: neither is the sheet's.
  const views =
    `<customSheetViews><customSheetView guid="{8E4B7C8A-2F4D-4B8E-9C1A-6D2E5F3A7B10}" scale="85" showPageBreaks="1" topLeftCell="A1">` +
    `<selection activeCell="B2" sqref="B2"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" r:id="rId2"/><headerFooter><oddFooter>&amp;P</oddFooter></headerFooter></customSheetView></customSheetViews>`;
  const dataBar =
    `<conditionalFormatting sqref="D2:D9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>` +
    `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{3F1C2B7A-1111-4E2B-9D5C-8A7B6C5D4E3F}</x14:id></ext></extLst></cfRule></conditionalFormatting>`;
  const sheetEnd =
    `<hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="portrait" r:id="rId3"/></worksheet>`;
  const sheet = (between: string) =>
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:D9"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${between}${sheetEnd}`;

  test("after a custom view with its own page margins and setup, as the sheet's own child before its hyperlinks", () => {
    const doc = new SheetDoc(sheet(views));
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    const out = doc.serialize();
    expect(out).toContain(`${views}<dataValidations count="1">${ownRule("C2:C9")}</dataValidations><hyperlinks>`);
    expect(children(out)).toEqual(["dimension", "sheetData", "customSheetViews", "dataValidations", "hyperlinks", "pageMargins", "pageSetup"]);
  });

  test("after a data bar rule (whose extLst is the rule's, not the sheet's), before the hyperlinks", () => {
    const doc = new SheetDoc(sheet(dataBar));
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    const out = doc.serialize();
    expect(out).toContain(`${dataBar}<dataValidations count="1">${ownRule("C2:C9")}</dataValidations><hyperlinks>`);
    expect(children(out)).toEqual(["dimension", "sheetData", "conditionalFormatting", "dataValidations", "hyperlinks", "pageMargins", "pageSetup"]);
  });

  // CT_Worksheet (ECMA-376 Part 1, 18.3.1.99, transitional): … legacyDrawing, legacyDrawingHF, drawingHF, picture …
  test("before a drawingHF (a header/footer drawing), when nothing else follows", () => {
    const hf = `<drawingHF r:id="rId5" lho="1"/>`;
    const xml = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${hf}</worksheet>`;
    const doc = new SheetDoc(xml);
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    expect(doc.serialize()).toBe(xml.replace(hf, `<dataValidations count="1">${ownRule("C2:C9")}</dataValidations>${hf}`));
  });

  test("before form controls that Excel wraps in mc:AlternateContent, when nothing else follows", () => {
    const controls =
      `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x14"><controls>` +
      `<control shapeId="1025" r:id="rId4" name="Check Box 1"/></controls></mc:Choice></mc:AlternateContent>`;
    const xml = `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>${controls}</worksheet>`;
    const doc = new SheetDoc(xml);
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    expect(doc.serialize()).toBe(xml.replace(controls, `<dataValidations count="1">${ownRule("C2:C9")}</dataValidations>${controls}`));
  });

  test("a block already there after a data bar rule is the one changed, not doubled", () => {
    const doc = new SheetDoc(sheet(`${dataBar}<dataValidations count="1">${userRule("E2:E9")}</dataValidations>`));
    expect(doc.validationsXml()).toBe(`<dataValidations count="1">${userRule("E2:E9")}</dataValidations>`);
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    const out = doc.serialize();
    expect(out).toContain(`${dataBar}<dataValidations count="2">${userRule("E2:E9")}${ownRule("C2:C9")}</dataValidations><hyperlinks>`);
    expect(out.match(/<dataValidations\b/g)).toHaveLength(1);
  });
});

describe("alignments written with an end tag, in other producers' forms", () => {
  const part = (p: string, xf: string) =>
    `${DECL}<${p}styleSheet xmlns${p ? `:${p.slice(0, -1)}` : ""}="${MAIN}"><${p}fonts count="1"><${p}font><${p}sz val="11"/></${p}font></${p}fonts>` +
    `<${p}fills count="2"><${p}fill><${p}patternFill patternType="none"></${p}patternFill></${p}fill><${p}fill><${p}patternFill patternType="gray125"></${p}patternFill></${p}fill></${p}fills>` +
    `<${p}cellXfs count="1">${xf}</${p}cellXfs></${p}styleSheet>`;

  test("Python's xml.etree, canonicalized (prefix ns0, C14N end tags): wrapping is put in the one alignment there is", () => {
    const p = "ns0:";
    const book = new StyleBook(part(p, `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><${p}alignment horizontal="center"></${p}alignment></${p}xf>`));
    const on = book.derive(0, { wrap: true });
    const xml = book.serialize()!;
    const xf = new RegExp(`<${p}cellXfs\\b[^>]*>([\\s\\S]*?)</${p}cellXfs>`).exec(xml)![1].split(`</${p}xf>`)[on];
    expect(xf.match(/alignment\b[^>]*>/g)).toEqual([`alignment horizontal="center" wrapText="1" vertical="top"/>`]);
    expect(new StyleBook(xml).look(on).wrap).toBe(true);
  });

  test("pretty-printed by hand (the end tag on its own line): wrapping taken off keeps the alignment's other settings, once", () => {
    const book = new StyleBook(part("", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1">\n  <alignment horizontal="center" wrapText="1">\n  </alignment>\n</xf>`));
    expect(book.look(0).wrap).toBe(true);
    const off = book.derive(0, { wrap: false });
    const xml = book.serialize()!;
    const xf = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1].split("</xf>")[off];
    expect(xf.match(/<alignment\b[^>]*>/g)).toEqual([`<alignment horizontal="center"/>`]);
    expect(new StyleBook(xml).look(off).wrap).toBe(false);
  });
});

describe("undo of a run that wrote no status list (a sheet with its header only)", () => {
  const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
  const SHEET = "xl/worksheets/sheet1.xml";
  /** A one-sheet package as Excel lays it out (no styles part: Shinchoku adds one). */
  const book = (sheetXml: string): Uint8Array =>
    writeZip([
      {
        name: "[Content_Types].xml",
        data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${SHEET}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      },
      { name: "_rels/.rels", data: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
      { name: "xl/workbook.xml", data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
      { name: SHEET, data: sheetXml },
    ]);
  const part = (bytes: Uint8Array, name: string): string => entryText(readZip(bytes), name) ?? "";
  /** The package with one part's text changed, as another program saving it would leave it. */
  const edited = (bytes: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array => {
    const zip = readZip(bytes);
    return writeZip(zip.entries.map((e) => ({ name: e.name, data: e.name === name ? edit(entryText(zip, e.name) ?? "") : (entryText(zip, e.name) ?? "") })));
  };
  const cell = (row: number, col: number, value: PlannedCell["value"]): PlannedCell => ({
    row,
    col,
    address: `${String.fromCharCode(64 + col)}${row}`,
    value,
    fill: null,
    numFmt: null,
    bold: false,
    wrap: false,
  });
  const planOf = (cells: PlannedCell[], statusRange: WritePlan["statusRange"]): WritePlan => ({
    sheet: "表",
    headerRow: 1,
    columns: [],
    cells,
    previous: [],
    written: Object.fromEntries(cells.map((c) => [c.address, c.value])),
    statusRange,
  });
  const ownSqref = (bytes: Uint8Array) => [...(new SheetDoc(part(bytes, SHEET)).validationsXml() ?? "").matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]);

  test("puts Shinchoku's list back as it was before the run, over a change made to it since", () => {
    const src = book(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>項目</t></is></c></row></sheetData></worksheet>`);
    // A first run writes the status list on B2:B3; a later run finds the header only and writes D1 alone.
    const first = patchWorkbook(src, "t.xlsx", [planOf([cell(2, 2, "達成"), cell(3, 2, "未達成")], { col: 2, firstRow: 2, lastRow: 3 })], new Date("2026-04-01T09:00:00Z"));
    expect(ownSqref(first)).toEqual(["B2:B3"]);
    const second = patchWorkbook(first, "t.xlsx", [planOf([cell(1, 4, "達成率")], null)], new Date("2026-04-02T09:00:00Z"));
    expect(ownSqref(second)).toEqual(["B2:B3"]);
    // The list's range changed by hand in Excel afterwards.
    const changed = edited(second, SHEET, (xml) => xml.replace('sqref="B2:B3"', 'sqref="B2:B9"'));
    expect(ownSqref(changed)).toEqual(["B2:B9"]);
    const undone = undoWorkbook(changed, "t.xlsx")!;
    expect(undone.scope).toBe("last");
    expect(ownSqref(undone.bytes)).toEqual(["B2:B3"]);
  });
});
