/** Pins behaviour of src/xlsx/styles.ts (reading and appending fonts, fills, number formats and cell formats of xl/styles.xml) that mutation testing found unpinned. */
import { StyleBook } from "../../src/xlsx/styles";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The records of one section (`fonts`, `fills`, `numFmts`, `cellXfs`) of a written styles part, each as written. */
function records(xml: string, section: string): string[] {
  const child = section === "numFmts" ? "numFmt" : section === "cellXfs" ? "xf" : section.slice(0, -1);
  const block = new RegExp(`<(?:[\\w.-]+:)?${section}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${section}>`).exec(xml);
  if (!block) return [];
  return [...block[1].matchAll(new RegExp(`<(?:[\\w.-]+:)?${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</(?:[\\w.-]+:)?${child}>)`, "g"))].map((m) => m[0]);
}

/** The opening tags of a styleSheet's children, in document order (`fonts`, `x:fills`, ...). */
function sectionOrder(xml: string): string[] {
  const root = /<((?:[\w.-]+:)?)styleSheet\b[^>]*>([\s\S]*)<\/\1styleSheet>/.exec(xml);
  if (!root) throw new Error("no styleSheet element with content");
  // Children of the root: each top-level element, skipping over its content.
  const out: string[] = [];
  const body = root[2];
  let i = 0;
  while (i < body.length) {
    const m = /^<([\w.:-]+)\b[^>]*?(\/?)>/.exec(body.slice(i));
    if (!m) throw new Error(`unexpected text in styleSheet at ${i}: ${body.slice(i, i + 40)}`);
    out.push(m[1]);
    if (m[2] === "/") i += m[0].length;
    else {
      const end = body.indexOf(`</${m[1]}>`, i);
      if (end < 0) throw new Error(`unclosed ${m[1]}`);
      i = end + m[1].length + 3;
    }
  }
  return out;
}

const PLAIN = { fill: null, numFmt: null, bold: false, wrap: false };

/**
 * A styles part as Excel writes it: one custom number format, a dxf number format with a higher id,
 * fonts normal / bold / italic red (with Excel's x14ac:knownFonts after count), a theme-coloured
 * solid fill, and cell formats with alignments.
 */
const EXCEL =
  PROLOG +
  `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
  '<fonts count="3" x14ac:knownFonts="1">' +
  '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><i/><sz val="11"/><color rgb="FFFF0000"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  "</fonts>" +
  '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.59999389629810485"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="2" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  "</cellXfs>" +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><numFmt numFmtId="170" formatCode="0.000"/></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

describe("a styles part that nothing was added to", () => {
  it("is not rewritten when loaded, and is written in full when there was none", () => {
    const loaded = new StyleBook(EXCEL);
    expect(loaded.created).toBe(false);
    expect(loaded.dirty).toBe(false);
    expect(loaded.look(1)).toEqual({ fill: null, numFmt: "0.0", bold: true, wrap: false });
    expect(loaded.serialize()).toBeNull();

    const fresh = new StyleBook(null);
    expect(fresh.created).toBe(true);
    expect(fresh.dirty).toBe(false);
    const made = fresh.serialize()!;
    expect(made).not.toBeNull();
    expect(made.startsWith("<?xml")).toBe(true);
    // Every section the schema orders, in its order (ECMA-376 Part 1, 18.8.39); one default of each.
    expect(sectionOrder(made)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"]);
    expect(records(made, "fonts")).toHaveLength(1);
    expect(records(made, "fills")).toHaveLength(2);
    expect(records(made, "cellXfs")).toHaveLength(1);
    expect(new StyleBook(made).look(0)).toEqual(PLAIN);
  });

  it("a derivation that finds an existing record adds nothing", () => {
    const book = new StyleBook(EXCEL);
    // xf 1 with bold asked again is xf 1 itself.
    expect(book.derive(1, { bold: true })).toBe(1);
    expect(book.dirty).toBe(false);
    expect(book.serialize()).toBeNull();
  });
});

describe("an Excel styles part", () => {
  it("reads fills, formats, weight and wrapping; an index past the table reads as format 0", () => {
    const book = new StyleBook(EXCEL);
    expect(book.look(0)).toEqual(PLAIN);
    // A theme-coloured solid fill has no rgb: no fill Shinchoku can name.
    expect(book.look(2)).toEqual(PLAIN);
    expect(book.look(3)).toEqual({ ...PLAIN, wrap: true });
    expect(book.look(99)).toEqual(book.look(0));
  });

  it("a new fill is appended, counts updated, and nothing else in the part changes", () => {
    const book = new StyleBook(EXCEL);
    expect(book.derive(0, { fill: "FFFFC000" })).toBe(5);
    expect(book.dirty).toBe(true);
    const out = book.serialize()!;
    const fill = '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC000"/><bgColor indexed="64"/></patternFill></fill>';
    const xf = '<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/>';
    const expected = EXCEL.replace('<fills count="3">', '<fills count="4">').replace("</fills>", `${fill}</fills>`).replace('<cellXfs count="5">', '<cellXfs count="6">').replace("</cellXfs>", `${xf}</cellXfs>`);
    expect(out).toBe(expected);
    expect(new StyleBook(out).look(5)).toEqual({ ...PLAIN, fill: "FFFFC000" });
  });

  it("a derived format keeps the base's other attributes; no fill means fill 0 without adding one", () => {
    const book = new StyleBook(EXCEL);
    // xf 1: 0.0 and bold. A fill added keeps both.
    const filled = book.derive(1, { fill: "FF92D050" });
    // xf 2: italic red on a theme fill. The fill taken away: fill 0, and no fill record appended.
    const unfilled = book.derive(2, { fill: null });
    const out = book.serialize()!;
    const xfs = records(out, "cellXfs");
    expect(xfs[filled]).toBe('<xf numFmtId="164" fontId="1" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>');
    expect(xfs[unfilled]).toBe('<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyFill="1"/>');
    expect(records(out, "fills")).toHaveLength(4);
    const again = new StyleBook(out);
    expect(again.look(filled)).toEqual({ fill: "FF92D050", numFmt: "0.0", bold: true, wrap: false });
    expect(again.look(unfilled)).toEqual(PLAIN);
  });

  it("bold off finds the existing non-bold font; bold on an italic red font makes a bold italic red one", () => {
    const book = new StyleBook(EXCEL);
    const unbold = book.derive(1, { bold: false });
    const bold = book.derive(2, { bold: true });
    const out = book.serialize()!;
    const xfs = records(out, "cellXfs");
    expect(xfs[unbold]).toBe('<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>');
    expect(xfs[bold]).toBe('<xf numFmtId="0" fontId="3" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>');
    expect(records(out, "fonts")).toEqual([...records(EXCEL, "fonts"), '<font><b/><i/><sz val="11"/><color rgb="FFFF0000"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>']);
    expect(out).toContain('<fonts x14ac:knownFonts="1" count="4">');
  });

  it("number formats: built-in ids for built-in codes, the existing custom id, new ids above every id in the part", () => {
    const book = new StyleBook(EXCEL);
    const tenth = book.derive(0, { numFmt: "0.0%" });
    const hundredth = book.derive(0, { numFmt: "0.00%" });
    const whole = book.derive(0, { numFmt: "0%" });
    const existing = book.derive(0, { numFmt: "0.0" });
    // Built-in 14 shows in the reader's locale (m/d/yyyy in the US): ISO dates get their own format.
    const iso = book.derive(0, { numFmt: "yyyy-mm-dd" });
    const general = book.derive(1, { numFmt: null });
    const out = book.serialize()!;
    const id = (i: number) => /numFmtId="(\d+)"/.exec(records(out, "cellXfs")[i])![1];
    // 170 is used by a dxf: the next custom id is 171.
    expect([tenth, hundredth, whole, existing, iso, general].map(id)).toEqual(["171", "10", "9", "164", "172", "0"]);
    expect(records(out, "numFmts")).toEqual(['<numFmt numFmtId="164" formatCode="0.0"/>', '<numFmt numFmtId="171" formatCode="0.0%"/>', '<numFmt numFmtId="172" formatCode="yyyy-mm-dd"/>']);
    const again = new StyleBook(out);
    expect([tenth, hundredth, whole, existing, iso, general].map((i) => again.look(i).numFmt)).toEqual(["0.0%", "0.00%", "0%", "0.0", "yyyy-mm-dd", null]);
    expect(again.look(general).bold).toBe(true);
  });

  it("wrapping on sets wrapText and top alignment; off removes them but keeps other alignment", () => {
    const book = new StyleBook(EXCEL);
    const on = book.derive(0, { wrap: true });
    const onLeft = book.derive(3, { wrap: true });
    const offCenter = book.derive(3, { wrap: false });
    const offTop = book.derive(4, { wrap: false });
    const out = book.serialize()!;
    const xfs = records(out, "cellXfs");
    const head = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"';
    expect(xfs[on]).toBe(`${head}><alignment wrapText="1" vertical="top"/></xf>`);
    expect(xfs[onLeft]).toBe(`${head}><alignment horizontal="left" vertical="top" wrapText="1"/></xf>`);
    expect(xfs[offCenter]).toBe(`${head}><alignment horizontal="left" vertical="center"/></xf>`);
    expect(xfs[offTop]).toBe(`${head}/>`);
    const again = new StyleBook(out);
    expect([on, onLeft, offCenter, offTop].map((i) => again.look(i).wrap)).toEqual([true, true, false, false]);
  });

  it("only the asked change is made: a fill leaves font, number format and alignment alone", () => {
    const book = new StyleBook(EXCEL);
    const i = book.derive(3, { fill: "FFFFFF00" });
    const xfs = records(book.serialize()!, "cellXfs");
    expect(xfs[i]).toBe('<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment horizontal="left" vertical="center" wrapText="1"/></xf>');
  });
});

/**
 * Records as other producers write them: `<b val="1"/>` (openpyxl), `<b val="true"/>` (LibreOffice), `<b />`
 * (.NET writers), attributes wrapped onto CRLF lines (pretty printers), an empty `<font/>`, duplicate
 * fonts and formats, a six-digit rgb, an rgb on a pattern that is not solid, a number format written
 * with an end tag and one without formatCode, openpyxl's attribute order, and an extension attribute.
 */
const OTHER =
  `<styleSheet xmlns="${MAIN}" xmlns:ext="urn:example:ext">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"></numFmt><numFmt numFmtId="165"/></numFmts>' +
  '<fonts count="8">' +
  '<font><sz val="11"/><name val="Arial"/></font>' +
  '<font><b val="1"/><sz val="11"/><name val="Arial"/></font>' +
  '<font><b val="true"/><sz val="11"/><name val="Arial"/></font>' +
  '<font><b /><sz val="11"/><name val="Arial"/></font>' +
  '<font><b\r\n    val="1"/><sz val="11"/><name val="Arial"/></font>' +
  "<font/>" +
  '<font><b/><sz val="11"/><name val="Arial"/></font>' +
  '<font><b/><sz val="11"/><name val="Arial"/></font>' +
  "</fonts>" +
  '<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FF0000"/></patternFill></fill>' +
  '<fill><patternFill patternType="lightGray"><fgColor rgb="FFFF0000"/></patternFill></fill>' +
  '<fill><patternFill patternType="solid"><fgColor\r\n    rgb="ff00b050"/></patternFill></fill>' +
  "</fills>" +
  '<borders count="1"><border/></borders>' +
  '<cellXfs count="17">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  [1, 2, 3, 4, 5].map((f) => `<xf numFmtId="0" fontId="${f}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`).join("") +
  [2, 3, 4].map((f) => `<xf numFmtId="0" fontId="0" fillId="${f}" borderId="0" xfId="0" applyFill="1"/>`).join("") +
  [164, 165].map((n) => `<xf numFmtId="${n}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("") +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="center" wrapText="1"></alignment></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" pivotButton="0" quotePrefix="0" xfId="0"><alignment horizontal="center"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" pivotButton="1" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" ext:note="kept" applyAlignment="1" applyProtection="1"><alignment horizontal="left"/><protection locked="0"/></xf>' +
  '<xf numFmtId="0" fontId="7" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  "</cellXfs>" +
  "</styleSheet>";

describe("a styles part from other producers", () => {
  it("reads every spelling of bold, six-digit and wrapped rgb, non-solid patterns, and number formats", () => {
    const book = new StyleBook(OTHER);
    expect([1, 2, 3, 4, 5].map((i) => book.look(i).bold)).toEqual([true, true, true, true, false]);
    // A six-digit rgb is opaque (alpha FF); an rgb on a lightGray pattern is no solid fill.
    expect([6, 7, 8].map((i) => book.look(i).fill)).toEqual(["FFFF0000", null, "FF00B050"]);
    // 164 written with an end tag; 165 without formatCode reads as an empty code.
    expect([9, 10].map((i) => book.look(i).numFmt)).toEqual(["0.0%", ""]);
    expect(book.look(11)).toEqual({ ...PLAIN, wrap: true });
    expect(book.look(16).numFmt).toBe("0%");
  });

  it("bold off strips every spelling of bold; bold on an empty <font/> gives <font><b/></font>", () => {
    const book = new StyleBook(OTHER);
    const offs = [1, 2, 3, 4].map((i) => book.derive(i, { bold: false }));
    const on = book.derive(5, { bold: true });
    const out = book.serialize()!;
    const xfs = records(out, "cellXfs");
    expect(offs.map((i) => xfs[i])).toEqual(Array(4).fill('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="1"/>'));
    expect(xfs[on]).toBe('<xf numFmtId="0" fontId="8" fillId="0" borderId="0" xfId="0" applyFont="1"/>');
    expect(records(out, "fonts").slice(8)).toEqual(["<font><b/></font>"]);
    expect(new StyleBook(out).look(on)).toEqual({ ...PLAIN, bold: true });
  });

  it("a format or font that is already as asked is kept, even where an identical one comes earlier", () => {
    const book = new StyleBook(OTHER);
    // xf 14 uses font 7, a duplicate of bold font 6; xf 16 duplicates xf 15.
    expect(book.derive(14, { bold: true })).toBe(14);
    expect(book.derive(16, { numFmt: "0%" })).toBe(16);
    expect(book.serialize()).toBeNull();
  });

  it("a derived format keeps its content and attributes, in the schema's order, unknown ones last", () => {
    const book = new StyleBook(OTHER);
    const ended = book.derive(11, { fill: "FFFFC000" });
    const openpyxl = book.derive(12, { wrap: true });
    const full = book.derive(13, { fill: "FFFFC000" });
    const out = book.serialize()!;
    const xfs = records(out, "cellXfs");
    expect(xfs[ended]).toBe('<xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" applyFill="1" applyAlignment="1"><alignment horizontal="center" wrapText="1"></alignment></xf>');
    expect(xfs[openpyxl]).toBe('<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="0" pivotButton="0" applyAlignment="1"><alignment horizontal="center" wrapText="1" vertical="top"/></xf>');
    expect(xfs[full]).toBe(
      '<xf numFmtId="0" fontId="0" fillId="5" borderId="0" xfId="0" quotePrefix="1" pivotButton="1" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" applyProtection="1" ext:note="kept"><alignment horizontal="left"/><protection locked="0"/></xf>',
    );
    expect(records(out, "fills")).toHaveLength(6);
  });
});

describe.each(["x:", "ns0:"])("a styles part with the namespace prefix %s", (p) => {
  const xml =
    PROLOG +
    `<${p}styleSheet xmlns:${p.slice(0, -1)}="${MAIN}">` +
    `<${p}fonts count="2"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font><${p}font><${p}b/><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}fills count="3"><${p}fill><${p}patternFill patternType="none"/></${p}fill><${p}fill><${p}patternFill patternType="gray125"/></${p}fill>` +
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF92D050"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border/></${p}borders>` +
    `<${p}cellXfs count="3"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><${p}xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyFont="1" applyFill="1"/>` +
    `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><${p}alignment horizontal="center"/></${p}xf></${p}cellXfs>` +
    `</${p}styleSheet>`;

  it("reads fill and bold through the prefix", () => {
    expect(new StyleBook(xml).look(1)).toEqual({ ...PLAIN, fill: "FF92D050", bold: true });
  });

  it("writes new records, and a new numFmts section, with the part's prefix", () => {
    const book = new StyleBook(xml);
    const unbold = book.derive(1, { bold: false });
    const wrapped = book.derive(2, { wrap: true });
    const all = book.derive(0, { fill: "FFFFC000", numFmt: "0.0%", bold: true });
    expect([unbold, wrapped, all]).toEqual([3, 4, 5]);
    const out = book.serialize()!;
    const expected = xml
      .replace(`<${p}fonts`, `<${p}numFmts count="1"><${p}numFmt numFmtId="164" formatCode="0.0%"/></${p}numFmts><${p}fonts`)
      .replace(`<${p}fills count="3">`, `<${p}fills count="4">`)
      .replace(`</${p}fills>`, `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FFFFC000"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill></${p}fills>`)
      .replace(`<${p}cellXfs count="3">`, `<${p}cellXfs count="6">`)
      .replace(
        `</${p}cellXfs>`,
        `<${p}xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFont="1" applyFill="1"/>` +
          `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><${p}alignment horizontal="center" wrapText="1" vertical="top"/></${p}xf>` +
          `<${p}xf numFmtId="164" fontId="1" fillId="3" borderId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/></${p}cellXfs>`,
      );
    expect(out).toBe(expected);
    const again = new StyleBook(out);
    expect(again.look(5)).toEqual({ fill: "FFFFC000", numFmt: "0.0%", bold: true, wrap: false });
  });

  it("bold on a font without it appends a prefixed bold font", () => {
    const book = new StyleBook(xml.replace(`<${p}b/>`, `<${p}i/>`));
    book.derive(1, { bold: true });
    expect(records(book.serialize()!, "fonts")[2]).toBe(`<${p}font><${p}b/><${p}i/><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`);
  });
});

describe("sections a styles part lacks", () => {
  it("are seeded with Excel's defaults and inserted in the schema's order", () => {
    const xml =
      `<styleSheet xmlns="${MAIN}"><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
    const book = new StyleBook(xml);
    expect(book.look(0)).toEqual(PLAIN);
    expect(book.derive(0, { fill: "FFFFC000", numFmt: "0.0%", bold: true })).toBe(1);
    const out = book.serialize()!;
    expect(sectionOrder(out)).toEqual(["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles"]);
    // Appended records never take font 0, fill 0, fill 1 (gray125) or cell format 0.
    expect(records(out, "fonts")).toEqual(['<font><sz val="11"/><name val="Calibri"/></font>', '<font><b/><sz val="11"/><name val="Calibri"/></font>']);
    expect(records(out, "fills").slice(0, 2)).toEqual(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
    expect(records(out, "cellXfs")).toEqual(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>', '<xf numFmtId="164" fontId="1" fillId="2" borderId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>']);
    expect(out).toContain('<fills count="3">');
    expect(new StyleBook(out).look(1)).toEqual({ fill: "FFFFC000", numFmt: "0.0%", bold: true, wrap: false });
  });

  it("an empty styleSheet gets its sections inside it, in order", () => {
    const xml = `${PROLOG}<styleSheet xmlns="${MAIN}"></styleSheet>`;
    const book = new StyleBook(xml);
    book.derive(0, { fill: "FFFFC000" });
    const out = book.serialize()!;
    expect(out.startsWith(`${PROLOG}<styleSheet xmlns="${MAIN}"><fonts count="1">`)).toBe(true);
    expect(out.endsWith("</cellXfs></styleSheet>")).toBe(true);
    expect(sectionOrder(out)).toEqual(["fonts", "fills", "cellXfs"]);
    expect(new StyleBook(out).look(1)).toEqual({ ...PLAIN, fill: "FFFFC000" });
  });

  it("an empty styles part reads as plain formats", () => {
    expect(new StyleBook("").look(0)).toEqual(PLAIN);
  });
});

describe("a pretty-printed styles part", () => {
  const xfs = Array.from({ length: 12 }, (_, i) => `    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"${i ? ` applyProtection="${i % 2}"` : ""}/>\r\n`).join("");
  const xml =
    PROLOG +
    `<styleSheet xmlns="${MAIN}">\r\n` +
    '  <numFmts count="0"/>\r\n' +
    '  <fonts count="1">\r\n    <font>\r\n      <sz val="11"/>\r\n    </font>\r\n  </fonts>\r\n' +
    '  <fills count="2">\r\n    <fill><patternFill patternType="none"/></fill>\r\n    <fill><patternFill patternType="gray125"/></fill>\r\n  </fills>\r\n' +
    `  <cellXfs\r\n      count="12">\r\n${xfs}  </cellXfs>\r\n` +
    "</styleSheet>\r\n";

  it("gets its counts replaced, an empty self-closed section filled, and the rest kept", () => {
    const book = new StyleBook(xml);
    expect(book.derive(0, { numFmt: "0.0%" })).toBe(12);
    const out = book.serialize()!;
    const expected = xml
      .replace('<numFmts count="0"/>', '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>')
      .replace('<cellXfs\r\n      count="12">', '<cellXfs count="13">')
      .replace("  </cellXfs>", '  <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
    expect(out).toBe(expected);
  });
});

describe("styles parts in other valid forms (found by the mutation audit)", () => {
  const part = (cellXfs: string, fonts = `<fonts count="1"><font><sz val="11"/></font></fonts>`, fills = `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>`) =>
    `${PROLOG}<styleSheet xmlns="${MAIN}"><numFmts count="0"></numFmts>${fonts}${fills}<cellXfs count="1">${cellXfs}</cellXfs></styleSheet>`;

  it("a self-closed empty root gets its new sections inside it: well-formed, and read back", () => {
    const book = new StyleBook(`${PROLOG}<styleSheet xmlns="${MAIN}"/>`);
    const i = book.derive(0, { bold: true, fill: "FFFF0000" });
    const xml = book.serialize()!;
    expect(xml.startsWith(`${PROLOG}<styleSheet xmlns="${MAIN}">`)).toBe(true);
    expect(xml.endsWith("</styleSheet>")).toBe(true);
    expect(sectionOrder(xml)).toEqual(["fonts", "fills", "cellXfs"]);
    const again = new StyleBook(xml);
    expect(again.look(i)).toEqual({ ...PLAIN, bold: true, fill: "FFFF0000" });
  });

  it("an alignment written with an end tag is changed in place, never doubled", () => {
    const book = new StyleBook(part(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment horizontal="center" wrapText="1"></alignment></xf>`));
    expect(book.look(0).wrap).toBe(true);
    const off = book.derive(0, { wrap: false });
    const on = book.derive(0, { wrap: true });
    const xfs = records(book.serialize()!, "cellXfs");
    expect(xfs[off]).toBe(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment horizontal="center"/></xf>`);
    expect(xfs[on].match(/<alignment\b/g)).toHaveLength(1);
    expect(xfs[on]).toContain(`<alignment horizontal="center" wrapText="1" vertical="top"/>`);
    expect(new StyleBook(book.serialize()!).look(off).wrap).toBe(false);
  });

  // Valid XML, hand-made or from tools that quote with '; an extension attribute may end in "count" (n:count).
  it("a section's count in single quotes, spaced, or next to an extension attribute named count: one count, the extension kept", () => {
    for (const open of [`<cellXfs count='1'>`, `<cellXfs count = "1">`, `<cellXfs xmlns:n="urn:x" n:count="7" count="1">`]) {
      const book = new StyleBook(`${PROLOG}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>${open}<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`);
      book.derive(0, { fill: "FFFF0000" });
      const start = /<cellXfs\b[^>]*>/.exec(book.serialize()!)![0];
      expect({ open, counts: start.match(/(?:^|\s)count\s*=/g)?.length }).toEqual({ open, counts: 1 });
      expect(start).toContain(`count="2"`);
      if (open.includes("n:count")) expect(start).toContain(`n:count="7"`);
    }
  });

  it("bold written <b></b> or <b val='1'/> is bold; taking it off removes it", () => {
    for (const b of ["<b></b>", "<b val='1'/>", "<b val = \"true\"></b>"]) {
      const book = new StyleBook(part(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`, `<fonts count="1"><font>${b}<sz val="11"/></font></fonts>`));
      expect(book.look(0).bold).toBe(true);
      const plain = book.derive(0, { bold: false });
      expect(new StyleBook(book.serialize()!).look(plain).bold).toBe(false);
    }
  });

  it("a solid fill and wrapping written with single quotes or blanks around = are read", () => {
    for (const [pt, rgb, wrap] of [["patternType='solid'", "rgb='FFFFFF00'", "wrapText='1'"], [`patternType = "solid"`, `rgb = "FFFFFF00"`, `wrapText = "1"`]]) {
      const fills = `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill ${pt}><fgColor ${rgb}/></patternFill></fill></fills>`;
      const book = new StyleBook(part(`<xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"><alignment ${wrap}/></xf>`, undefined, fills));
      expect(book.look(0)).toMatchObject({ fill: "FFFFFF00", wrap: true });
    }
  });

  it("taking wrap off a format whose alignment Shinchoku set (wrap, top) leaves no alignment", () => {
    const book = new StyleBook(part(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"></alignment></xf>`));
    const off = book.derive(0, { wrap: false });
    expect(records(book.serialize()!, "cellXfs")[off]).toBe(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"/>`);
  });
});
