/** Pins behaviour of src/xlsx/sheet-doc.ts (reading rows, cells and columns, writing them back, the dimension and the validation block) that mutation testing found unpinned. */
import { cellXml, SheetDoc, styleOf } from "../../src/xlsx/sheet-doc";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n`;
const TITLE = "進捗";
/** Shinchoku's own list rule, told by its error title (as patch.ts tells it). */
const ours = (rule: string) => /^<[^>]*\berrorTitle="進捗"/.test(rule);
const ownRule = (range: string, p = "") => `<${p}dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="${TITLE}" sqref="${range}"><${p}formula1>"達成,未達成"</${p}formula1></${p}dataValidation>`;
const userRule = (range: string, p = "") => `<${p}dataValidation type="whole" allowBlank="1" sqref="${range}"><${p}formula1>0</${p}formula1></${p}dataValidation>`;
const num = (address: string, v: number, p = "") => cellXml(p, address, 0, v)!;
const text = (address: string, v: string, style = 0, p = "") => cellXml(p, address, style, v)!;

describe("an Excel-style sheet: rows past 9, spans, column ranges, new rows among old ones", () => {
  const root = `<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">`;
  const pr = `<sheetPr><tabColor rgb="FF00B050"/></sheetPr>`;
  const views = `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="D2" sqref="D2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="18.75" x14ac:dyDescent="0.4"/>`;
  const cols = `<cols><col min="2" max="4" width="9" style="12" customWidth="1"/><col min="6" max="6" width="20.625" style="5" customWidth="1"/></cols>`;
  const row2 = `<row r="2" spans="2:4" x14ac:dyDescent="0.4"><c r="B2" t="s"><v>0</v></c><c r="D2" s="12"><v>3</v></c></row>`;
  const row12 = `<row r="12" spans="10:12" s="12" customFormat="1" x14ac:dyDescent="0.4"><c r="J12"><v>1</v></c><c r="L12"><v>2</v></c></row>`;
  const tail = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>`;
  const xml = `${DECL}${root}${pr}<dimension ref="B2:L12"/>${views}${cols}<sheetData>${row2}${row12}</sheetData>${tail}`;

  test("reads cells by their r, rows past 9 and columns past I included", () => {
    const doc = new SheetDoc(xml);
    expect(doc.cell(12, 12)).toEqual({ xml: `<c r="L12"><v>2</v></c>`, style: 0 });
    expect(doc.cell(12, 10)).toEqual({ xml: `<c r="J12"><v>1</v></c>`, style: 0 });
    expect(doc.cell(2, 4)).toEqual({ xml: `<c r="D2" s="12"><v>3</v></c>`, style: 12 });
    // An absent cell in a row with its own format (customFormat) shows the row's format; elsewhere none.
    expect(doc.cell(12, 11)).toEqual({ xml: null, style: 12 });
    expect(doc.cell(2, 3)).toEqual({ xml: null, style: 0 });
    // A row that is not there at all.
    expect(doc.cell(5, 1)).toEqual({ xml: null, style: 0 });
  });

  test("reads the column ranges, their styles and widths, and the dimension", () => {
    const doc = new SheetDoc(xml);
    expect(doc.dimension()).toBe(`<dimension ref="B2:L12"/>`);
    expect(doc.cols()).toEqual([
      { min: 2, max: 4, attrs: `width="9" style="12" customWidth="1"` },
      { min: 6, max: 6, attrs: `width="20.625" style="5" customWidth="1"` },
    ]);
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => doc.columnStyle(c))).toEqual([0, 12, 12, 12, 0, 5, 0]);
    expect([1, 2, 4, 5, 6, 7].map((c) => doc.colAttrs(c))).toEqual([null, `width="9" style="12" customWidth="1"`, `width="9" style="12" customWidth="1"`, null, `width="20.625" style="5" customWidth="1"`, null]);
    expect([1, 3, 6].map((c) => doc.colWidth(c))).toEqual([null, 9, 20.625]);
  });

  test("writes new cells in column order, new rows in row order, widens spans and dimension, splits a column range", () => {
    const doc = new SheetDoc(xml);
    const put = (row: number, col: number, cell: string) => {
      doc.setCell(row, col, cell);
      doc.coverInDimension(row, col);
    };
    put(12, 14, num("N12", 4));
    put(12, 3, num("C12", 0.5));
    put(2, 3, text("C2", "済", 12));
    put(7, 2, num("B7", 7));
    put(15, 2, num("B15", 15));
    put(5, 2, num("B5", 5));
    put(14, 2, num("B14", 14));
    put(1, 1, text("A1", "表"));
    doc.setColWidth(3, 14);
    doc.setColWidth(1, 5);
    doc.putOwnValidation(ownRule("C5:C15"), ours);

    const newCols = `<cols><col min="1" max="1" width="5" customWidth="1"/><col min="2" max="2" width="9" style="12" customWidth="1"/><col min="3" max="3" width="14" customWidth="1" style="12"/><col min="4" max="4" width="9" style="12" customWidth="1"/><col min="6" max="6" width="20.625" style="5" customWidth="1"/></cols>`;
    const rows = [
      `<row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">表</t></is></c></row>`,
      `<row r="2" spans="2:4" x14ac:dyDescent="0.4"><c r="B2" t="s"><v>0</v></c><c r="C2" s="12" t="inlineStr"><is><t xml:space="preserve">済</t></is></c><c r="D2" s="12"><v>3</v></c></row>`,
      `<row r="5"><c r="B5"><v>5</v></c></row>`,
      `<row r="7"><c r="B7"><v>7</v></c></row>`,
      `<row r="12" spans="3:14" s="12" customFormat="1" x14ac:dyDescent="0.4"><c r="C12"><v>0.5</v></c><c r="J12"><v>1</v></c><c r="L12"><v>2</v></c><c r="N12"><v>4</v></c></row>`,
      `<row r="14"><c r="B14"><v>14</v></c></row>`,
      `<row r="15"><c r="B15"><v>15</v></c></row>`,
    ].join("");
    const validations = `<dataValidations count="1">${ownRule("C5:C15")}</dataValidations>`;
    expect(doc.serialize()).toBe(`${DECL}${root}${pr}<dimension ref="A1:N15"/>${views}${newCols}<sheetData>${rows}</sheetData>${validations}${tail}`);
  });

  test("a pending edit is what cell() reports, before writing", () => {
    const doc = new SheetDoc(xml);
    doc.setCell(2, 4, text("D2", "新", 7));
    doc.setCell(12, 10, null);
    expect(doc.cell(2, 4)).toEqual({ xml: text("D2", "新", 7), style: 7 });
    expect(doc.cell(12, 10)).toEqual({ xml: null, style: 0 });
  });

  test("an unedited sheet is written back byte for byte", () => {
    expect(new SheetDoc(xml).serialize()).toBe(xml);
  });
});

describe("rows and cells without r (streaming writers leave them out)", () => {
  const rows = `<row><c t="inlineStr"><is><t>名前</t></is></c><c t="inlineStr"><is><t>点</t></is></c></row><row/><row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="B5"><v>9</v></c><c><v>11</v></c></row><row><c><v>10</v></c></row>`;
  const xml = `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

  test("rows count on from the previous row, cells from the previous cell", () => {
    const doc = new SheetDoc(xml);
    expect(doc.cell(1, 2).xml).toBe(`<c r="B1" t="inlineStr"><is><t>点</t></is></c>`);
    expect(doc.cell(2, 1)).toEqual({ xml: null, style: 0 });
    expect(doc.cell(3, 1).xml).toBe(`<c r="A3"><v>1</v></c>`);
    expect(doc.cell(3, 2).xml).toBe(`<c r="B3"><v>2</v></c>`);
    expect(doc.cell(5, 2).xml).toBe(`<c r="B5"><v>9</v></c>`);
    expect(doc.cell(5, 3).xml).toBe(`<c r="C5"><v>11</v></c>`);
    expect(doc.cell(6, 1).xml).toBe(`<c r="A6"><v>10</v></c>`);
  });

  test("written back, every row gets its r; untouched rows keep their content", () => {
    const out = new SheetDoc(xml).serialize();
    expect(out).toBe(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c t="inlineStr"><is><t>名前</t></is></c><c t="inlineStr"><is><t>点</t></is></c></row><row r="2"/><row r="3"><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="B5"><v>9</v></c><c><v>11</v></c></row><row r="6"><c><v>10</v></c></row></sheetData></worksheet>`,
    );
  });

  test("a sheet where no row has r gets them all, even when nothing else changes", () => {
    const bare = `<worksheet xmlns="${MAIN}"><sheetData><row><c><v>1</v></c></row><row><c><v>2</v></c></row></sheetData></worksheet>`;
    expect(new SheetDoc(bare).serialize()).toBe(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row></sheetData></worksheet>`);
  });

  test("an edited row gets r on the row and on each of its cells; an empty <row/> is opened", () => {
    const doc = new SheetDoc(xml);
    doc.setCell(3, 3, num("C3", 3));
    doc.setCell(2, 1, text("A2", "x"));
    expect(doc.serialize()).toBe(
      `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c t="inlineStr"><is><t>名前</t></is></c><c t="inlineStr"><is><t>点</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row><row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c><c r="C3"><v>3</v></c></row><row r="5"><c r="B5"><v>9</v></c><c><v>11</v></c></row><row r="6"><c><v>10</v></c></row></sheetData></worksheet>`,
    );
  });
});

describe("an empty <x:sheetData /> (prefixed, self-closing, as the Open XML SDK writes it)", () => {
  const head = `${DECL}<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1"/><x:sheetFormatPr defaultRowHeight="15"/>`;
  const xml = `${head}<x:sheetData /><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`;

  test("is opened when nothing is added", () => {
    expect(new SheetDoc(xml).serialize()).toBe(`${head}<x:sheetData></x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`);
  });

  test("takes a new row; a first <x:cols> goes before it; the single-cell dimension becomes a range", () => {
    const doc = new SheetDoc(xml);
    expect(doc.prefix).toBe("x:");
    doc.setCell(2, 3, num("C2", 7, "x:"));
    doc.coverInDimension(2, 3);
    doc.setColWidth(3, 12.5);
    expect(doc.serialize()).toBe(
      `${DECL}<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1:C2"/><x:sheetFormatPr defaultRowHeight="15"/><x:cols><x:col min="3" max="3" width="12.5" customWidth="1"/></x:cols><x:sheetData><x:row r="2"><x:c r="C2"><x:v>7</x:v></x:c></x:row></x:sheetData><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`,
    );
  });

  test("a part without sheetData is refused", () => {
    expect(() => new SheetDoc(`<worksheet xmlns="${MAIN}"><dimension ref="A1"/></worksheet>`)).toThrow("worksheet without sheetData");
  });
});

describe("column ranges as other producers write them", () => {
  const sheet = (cols: string, data = "") => `<worksheet xmlns="${MAIN}"><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data}</sheetData></worksheet>`;

  test("LibreOffice's <col> (max and min among the other attributes): a width set on one column keeps the rest", () => {
    const lo = (min: number, max: number, custom: string) => `<col collapsed="false" customWidth="${custom}" hidden="false" outlineLevel="0" max="${max}" min="${min}" style="0" width="11.52"/>`;
    const doc = new SheetDoc(sheet(`<cols>${lo(1, 3, "true")}${lo(4, 1025, "false")}</cols>`));
    expect(doc.colAttrs(2)).toBe(`collapsed="false" customWidth="true" hidden="false" outlineLevel="0" style="0" width="11.52"`);
    doc.setColWidth(2, 20);
    const kept = `collapsed="false" customWidth="true" hidden="false" outlineLevel="0" style="0" width="11.52"`;
    expect(doc.serialize()).toBe(
      sheet(
        `<cols><col min="1" max="1" ${kept}/><col min="2" max="2" width="20" customWidth="1" collapsed="false" hidden="false" outlineLevel="0" style="0"/><col min="3" max="3" ${kept}/><col min="4" max="1025" collapsed="false" customWidth="false" hidden="false" outlineLevel="0" style="0" width="11.52"/></cols>`,
      ),
    );
  });

  test("a range with no attributes but min and max is split without inventing any", () => {
    const doc = new SheetDoc(sheet(`<cols><col min="1" max="3"/></cols>`));
    doc.setColWidth(2, 12);
    expect(doc.serialize()).toBe(sheet(`<cols><col min="1" max="1"/><col min="2" max="2" width="12" customWidth="1"/><col min="3" max="3"/></cols>`));
  });

  test("removing the only <col> removes <cols> (it may not be empty)", () => {
    const doc = new SheetDoc(sheet(`<cols><col min="5" max="5" width="30" customWidth="1"/></cols>`));
    doc.setColAttrs(5, null);
    expect(doc.serialize()).toBe(sheet(""));
  });

  test("editing only cells leaves <cols> as written", () => {
    const cols = `<cols><col min="1" max="2" width="30.7109375" customWidth="1"/></cols>`;
    const doc = new SheetDoc(sheet(cols, `<row r="1"><c r="A1"><v>1</v></c></row>`));
    doc.setCell(1, 2, num("B1", 2));
    expect(doc.serialize()).toBe(sheet(cols, `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`));
  });
});

describe("rows edited in place", () => {
  const sheet = (data: string) => `<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`;

  test("a self-closing row written with a space before /> is opened cleanly", () => {
    const doc = new SheetDoc(sheet(`<row r="3" spans="1:2" ht="20" customHeight="1" />`));
    doc.setCell(3, 2, num("B3", 1));
    expect(doc.serialize()).toBe(sheet(`<row r="3" spans="1:2" ht="20" customHeight="1"><c r="B3"><v>1</v></c></row>`));
  });

  test("clearing an absent cell beyond the row's spans leaves the row as it was; clearing all its cells empties it", () => {
    const row = `<row r="4" spans="2:3"><c r="B4"><v>1</v></c><c r="C4"><v>2</v></c></row>`;
    const a = new SheetDoc(sheet(row));
    a.setCell(4, 6, null);
    expect(a.serialize()).toBe(sheet(row));
    const b = new SheetDoc(sheet(row));
    b.setCell(4, 2, null);
    b.setCell(4, 3, null);
    expect(b.serialize()).toBe(sheet(`<row r="4" spans="2:3"></row>`));
  });
});

describe("the dimension", () => {
  const sheet = (dim: string, pr = "") => `<worksheet xmlns="${MAIN}">${pr}${dim}<sheetData/></worksheet>`;
  const opened = (dim: string, pr = "") => `<worksheet xmlns="${MAIN}">${pr}${dim}<sheetData></sheetData></worksheet>`;

  test("setDimension replaces an existing one; null (none was recorded) and a sheet without one leave the part alone", () => {
    const a = new SheetDoc(sheet(`<dimension ref="A1"/>`));
    a.setDimension(`<dimension ref="A1:C3"/>`);
    expect(a.serialize()).toBe(opened(`<dimension ref="A1:C3"/>`));
    const b = new SheetDoc(sheet(`<dimension ref="A1:C3"/>`));
    b.setDimension(null);
    expect(b.serialize()).toBe(opened(`<dimension ref="A1:C3"/>`));
    // The sheet's code name happens to contain "null": nothing may be replaced in it.
    const pr = `<sheetPr codeName="nullSheet"/>`;
    const c = new SheetDoc(sheet("", pr));
    expect(c.dimension()).toBeNull();
    c.setDimension(`<dimension ref="A1:C3"/>`);
    expect(c.serialize()).toBe(opened("", pr));
  });

  test("is found after other self-closing elements", () => {
    expect(new SheetDoc(sheet(`<dimension ref="B2:C3"/>`, `<sheetPr><tabColor rgb="FF00B050"/></sheetPr>`)).dimension()).toBe(`<dimension ref="B2:C3"/>`);
  });

  test("widens toward the top-left and the bottom-right, and not when the cell is inside", () => {
    const cover = (ref: string, row: number, col: number) => {
      const doc = new SheetDoc(sheet(`<dimension ref="${ref}"/>`));
      doc.coverInDimension(row, col);
      return doc.dimension();
    };
    expect(cover("B2:C3", 1, 1)).toBe(`<dimension ref="A1:C3"/>`);
    expect(cover("B2:C3", 5, 5)).toBe(`<dimension ref="B2:E5"/>`);
    expect(cover("B2:C3", 1, 5)).toBe(`<dimension ref="B1:E3"/>`);
    expect(cover("B2:C3", 5, 1)).toBe(`<dimension ref="A2:C5"/>`);
    expect(cover("B2:D4", 3, 3)).toBe(`<dimension ref="B2:D4"/>`);
    expect(cover("AA10:AB12", 100, 30)).toBe(`<dimension ref="AA10:AD100"/>`);
  });

  test("a dimension without ref, or with a ref that is no range, is left as it is", () => {
    for (const dim of [`<dimension/>`, `<dimension ref="A1:XFDA1"/>`, `<dimension ref="?:B2"/>`]) {
      const doc = new SheetDoc(sheet(dim));
      doc.coverInDimension(5, 5);
      expect(doc.serialize()).toBe(opened(dim));
    }
  });
});

describe("the validation block", () => {
  const margins = `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const sheet = (after: string, p = "", ns = `xmlns="${MAIN}"`) => `<${p}worksheet ${ns}><${p}sheetData><${p}row r="1"><${p}c r="A1"><${p}v>1</${p}v></${p}c></${p}row></${p}sheetData>${after}</${p}worksheet>`;

  test("goes before </worksheet> when nothing that follows it is there", () => {
    const doc = new SheetDoc(sheet(""));
    expect(doc.validationsXml()).toBeNull();
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    expect(doc.serialize()).toBe(sheet(`<dataValidations count="1">${ownRule("C2:C9")}</dataValidations>`));
  });

  test("goes before the first element that follows it (pageMargins before pageSetup before tableParts)", () => {
    const after = `${margins}<pageSetup paperSize="9" orientation="portrait"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts>`;
    const doc = new SheetDoc(sheet(after, "", `xmlns="${MAIN}" xmlns:r="${REL}"`));
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    expect(doc.serialize()).toBe(sheet(`<dataValidations count="1">${ownRule("C2:C9")}</dataValidations>${after}`, "", `xmlns="${MAIN}" xmlns:r="${REL}"`));
  });

  test("goes before <extLst>; validations inside the extension (another element) are not the block", () => {
    const ext = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><dataValidations xmlns="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" count="1"><dataValidation type="list" allowBlank="1"><formula1><f>Lists!$A$1:$A$3</f></formula1><sqref>D2:D9</sqref></dataValidation></dataValidations></ext></extLst>`;
    const doc = new SheetDoc(sheet(ext));
    expect(doc.validationsXml()).toBeNull();
    doc.putOwnValidation(null, ours);
    expect(doc.serialize()).toBe(sheet(ext));
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    expect(doc.serialize()).toBe(sheet(`<dataValidations count="1">${ownRule("C2:C9")}</dataValidations>${ext}`));
  });

  test("removing our rule when there is none changes nothing", () => {
    const doc = new SheetDoc(sheet(margins));
    doc.putOwnValidation(null, ours);
    expect(doc.serialize()).toBe(sheet(margins));
  });

  test("an empty self-closing block is filled", () => {
    const doc = new SheetDoc(sheet(`<dataValidations count="0"/>${margins}`));
    expect(doc.validationsXml()).toBe(`<dataValidations count="0"/>`);
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    expect(doc.serialize()).toBe(sheet(`<dataValidations count="1">${ownRule("C2:C9")}</dataValidations>${margins}`));
  });

  test("the user's rules and the block's attributes are kept, the count follows (ten rules and more)", () => {
    const users = Array.from({ length: 10 }, (_, i) => userRule(`H${i + 1}`)).join("");
    const before = `<dataValidations disablePrompts="1" xWindow="10" count="10">${users}</dataValidations>${margins}`;
    const doc = new SheetDoc(sheet(before));
    doc.putOwnValidation(ownRule("C2:C9"), ours);
    const withOurs = `<dataValidations disablePrompts="1" xWindow="10" count="11">${users}${ownRule("C2:C9")}</dataValidations>${margins}`;
    expect(doc.serialize()).toBe(sheet(withOurs));
    // Written again (a second run): ours is replaced, not added.
    const again = new SheetDoc(sheet(withOurs));
    again.putOwnValidation(ownRule("C2:C12"), ours);
    expect(again.serialize()).toBe(sheet(`<dataValidations disablePrompts="1" xWindow="10" count="11">${users}${ownRule("C2:C12")}</dataValidations>${margins}`));
    // Undone: back to the user's block.
    const back = new SheetDoc(sheet(withOurs));
    back.putOwnValidation(null, ours);
    expect(back.serialize()).toBe(sheet(before));
  });

  test("a block holding only our rule goes away with it", () => {
    const doc = new SheetDoc(sheet(`<dataValidations count="1">${ownRule("C2:C9")}</dataValidations>${margins}`));
    doc.putOwnValidation(null, ours);
    expect(doc.serialize()).toBe(sheet(margins));
  });

  test("ownRule picks our rule out of a block, whatever its place", () => {
    const block = `<dataValidations count="2">${ownRule("C2:C9")}${userRule("H1")}</dataValidations>`;
    expect(SheetDoc.ownRule(block, ours)).toBe(ownRule("C2:C9"));
    expect(SheetDoc.ownRule(`<dataValidations count="2">${userRule("H1")}${ownRule("C2:C9")}</dataValidations>`, ours)).toBe(ownRule("C2:C9"));
    expect(SheetDoc.ownRule(`<dataValidations count="1">${userRule("H1")}</dataValidations>`, ours)).toBeNull();
    expect(SheetDoc.ownRule(null, ours)).toBeNull();
  });

  test("a root prefix with a dot in it (x.s:) is matched as written", () => {
    const p = "x.s:";
    const block = `<x.s:dataValidations count="1">${ownRule("C2:C9", p)}</x.s:dataValidations>`;
    const doc = new SheetDoc(sheet(block, p, `xmlns:x.s="${MAIN}"`));
    expect(doc.prefix).toBe(p);
    expect(doc.validationsXml()).toBe(block);
  });
});

describe("cell XML and its style", () => {
  test("cellXml writes numbers, inline strings and format-only cells; nothing for an unformatted empty cell", () => {
    expect(cellXml("", "B2", 0, 5)).toBe(`<c r="B2"><v>5</v></c>`);
    expect(cellXml("x:", "B2", 3, 0.25)).toBe(`<x:c r="B2" s="3"><x:v>0.25</x:v></x:c>`);
    expect(cellXml("", "B2", 4, "a<b")).toBe(`<c r="B2" s="4" t="inlineStr"><is><t xml:space="preserve">a&lt;b</t></is></c>`);
    expect(cellXml("", "B2", 0, "")).toBe(`<c r="B2" t="inlineStr"><is><t xml:space="preserve"></t></is></c>`);
    expect(cellXml("x:", "B2", 3, null)).toBe(`<x:c r="B2" s="3"/>`);
    expect(cellXml("", "B2", 0, null)).toBeNull();
  });

  test("styleOf reads s on the cell's start tag only, not text that looks like it", () => {
    expect(styleOf(`<c r="A1" s="17" t="s"><v>0</v></c>`)).toBe(17);
    expect(styleOf(`<c r="A1" t="inlineStr"><is><t>size s="5"</t></is></c>`)).toBe(0);
    const doc = new SheetDoc(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>s="5"</t></is></c></row></sheetData></worksheet>`);
    expect(doc.cell(1, 1).style).toBe(0);
  });
});

describe("attributes in any valid XML form: single quotes, blanks around = (XML 1.0 §3.1)", () => {
  const xml = `<worksheet xmlns='${MAIN}'><dimension ref = 'A5:C9'/><cols><col min = '1' max='3' width = '12' customWidth='1' style = '2'/></cols>` +
    `<sheetData><row r='5' spans = '1:3'><c r='A5' s = '3'><v>1</v></c></row><row r = '9' s='4' customFormat='1'><c r = 'C9'><v>2</v></c></row></sheetData></worksheet>`;

  it("rows, cells, styles and columns are read where they are", () => {
    const doc = new SheetDoc(xml);
    expect(doc.cell(5, 1)).toEqual({ xml: `<c r='A5' s = '3'><v>1</v></c>`, style: 3 });
    expect(doc.cell(9, 3)?.xml).toBe(`<c r = 'C9'><v>2</v></c>`);
    expect(doc.cell(1, 1)).toEqual({ xml: null, style: 0 });
    expect(doc.cell(9, 2)).toEqual({ xml: null, style: 4 });
    expect(doc.cols().map((c) => [c.min, c.max])).toEqual([[1, 3]]);
    expect(doc.colWidth(2)).toBe(12);
    expect(doc.columnStyle(2)).toBe(2);
  });

  it("the written part holds no attribute twice (a duplicate attribute is not well-formed XML)", () => {
    const doc = new SheetDoc(xml);
    doc.setCell(5, 4, num("D5", 4));
    doc.coverInDimension(5, 4);
    doc.setColWidth(2, 30);
    const out = doc.serialize();
    for (const tag of out.match(/<[^/!?][^>]*>/g) ?? []) {
      const names = [...tag.matchAll(/\s([\w:.-]+)\s*=\s*["']/g)].map((m) => m[1]);
      expect(names).toEqual([...new Set(names)]);
    }
    expect(out).toContain(`<row r='5' spans="1:4">`);
    expect(out).toMatch(/<dimension ref="A5:D9"\/>/);
    expect(new SheetDoc(out).cell(5, 4)?.xml).toBe(num("D5", 4));
    expect(new SheetDoc(out).colWidth(2)).toBe(30);
  });
});
