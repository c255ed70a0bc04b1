/** Pins behaviour of src/xlsx/package.ts, src/xlsx/cells.ts and src/xlsx/record.ts (part resolution, sheet states, the 1904 system, macro packages, shared strings, styles and fills, merges, the record sheet) that mutation testing found unpinned. */
import { type Cell, emptyRecord, encodeRecord, RECORD_SHEET, type ShinchokuRecord } from "../../src/core";
import { EMPTY_CELL, readWorkbook, readZip, writeZip } from "../../src/xlsx";
import { blankRange } from "../../src/xlsx/cells";
import { openPackage, parseRels, readSharedStrings, readStyleInfo, resolveTarget } from "../../src/xlsx/package";
import { readRecordOf } from "../../src/xlsx/record";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const SHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const XLSX_MAIN_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const XLSM_MAIN_CT = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const worksheet = (rows: string, after = "") => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
const contentTypes = (main = XLSX_MAIN_CT, parts: string[] = ["/xl/worksheets/sheet1.xml"]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="${CT_NS}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}"/>${parts.map((p) => `<Override PartName="${p}" ContentType="${SHEET_CT}"/>`).join("")}</Types>`;

interface SheetSpec {
  name: string;
  /** Relationship target as written in workbook.xml.rels (null: no relationship). */
  target: string | null;
  state?: string;
  /** Zip entry name and its XML (omit for a relationship whose part is elsewhere). */
  part?: string;
  xml?: string;
  type?: string;
}

interface BookSpec {
  sheets: SheetSpec[];
  rootRels?: string | null;
  workbookPr?: string;
  styles?: string;
  shared?: string;
  ct?: string;
  extraEntries?: { name: string; data: string }[];
  sheetsXml?: string;
}

/** A package as a producer writes it: content types, root rels, workbook, its rels, sheets, optional styles and shared strings. */
function book(s: BookSpec): Uint8Array {
  const rels = s.sheets
    .map((sh, i) => (sh.target === null ? "" : `<Relationship Id="rId${i + 1}" Type="${REL}/${sh.type ?? "worksheet"}" Target="${sh.target}"/>`))
    .concat(s.styles ? [`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`] : [])
    .concat(s.shared ? [`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`] : [])
    .join("");
  const sheetsXml = s.sheetsXml ?? `<sheets>${s.sheets.map((sh, i) => `<sheet name="${sh.name}" sheetId="${i + 1}"${sh.state ? ` state="${sh.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets>`;
  const entries: { name: string; data: string }[] = [{ name: "[Content_Types].xml", data: s.ct ?? contentTypes(XLSX_MAIN_CT, s.sheets.filter((sh) => sh.part).map((sh) => `/${sh.part}`)) }];
  if (s.rootRels !== null) entries.push({ name: "_rels/.rels", data: s.rootRels ?? ROOT_RELS });
  entries.push(
    { name: "xl/workbook.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${s.workbookPr ?? ""}<bookViews><workbookView/></bookViews>${sheetsXml}<calcPr calcId="191029"/></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PKG_REL}">${rels}</Relationships>` },
  );
  for (const sh of s.sheets) if (sh.part) entries.push({ name: sh.part, data: sh.xml ?? worksheet(`<row r="1">${inline("A1", sh.name)}</row>`) });
  if (s.styles) entries.push({ name: "xl/styles.xml", data: s.styles });
  if (s.shared) entries.push({ name: "xl/sharedStrings.xml", data: s.shared });
  entries.push(...(s.extraEntries ?? []));
  return writeZip(entries);
}

const texts = (cells: Cell[][]) => cells.map((row) => row.map((c) => c.text));
const one = (target: string, part: string, xml?: string) => book({ sheets: [{ name: "進捗", target, part, xml }] });
const firstSheetTexts = (bytes: Uint8Array) => texts(readWorkbook(bytes, "t.xlsx").sheets[0].cells);

describe("relationship targets resolve as the producers write them", () => {
  it("absolute (openpyxl), ./ and ../ targets, and a directory written twice, all reach the worksheet", () => {
    const xml = worksheet(`<row r="1">${inline("A1", "見出し")}<c r="B1"><v>7</v></c></row>`);
    for (const target of ["/xl/worksheets/sheet1.xml", "./worksheets/sheet1.xml", "../xl/worksheets/sheet1.xml", "worksheets//sheet1.xml", "worksheets/./../worksheets/sheet1.xml"]) {
      const read = readWorkbook(one(target, "xl/worksheets/sheet1.xml", xml), "t.xlsx");
      expect({ target, listing: read.listing }).toEqual({ target, listing: [{ name: "進捗", state: "visible", worksheet: true }] });
      expect(texts(read.sheets[0].cells)).toEqual([["見出し", "7"]]);
    }
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("xl/workbook.xml", "./styles.xml")).toBe("xl/styles.xml");
  });

  it("a percent-escaped target is decoded; a lone % (not an escape) is kept as written", () => {
    const xml = worksheet(`<row r="1">${inline("A1", "名前")}</row>`);
    expect(firstSheetTexts(one("worksheets/sheet%201.xml", "xl/worksheets/sheet 1.xml", xml))).toEqual([["名前"]]);
    expect(firstSheetTexts(one("worksheets/100%.xml", "xl/worksheets/100%.xml", xml))).toEqual([["名前"]]);
    expect(resolveTarget("xl/workbook.xml", "worksheets/100%.xml")).toBe("xl/worksheets/100%.xml");
  });

  it("escaped dots are dot segments (RFC 3986 §6.2.2.2: %2E is the unreserved '.'): resolved, not left in the part name", () => {
    const xml = worksheet(`<row r="1">${inline("A1", "点")}</row>`);
    expect(resolveTarget("xl/workbook.xml", "worksheets/%2E%2E/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "%2e/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(firstSheetTexts(one("worksheets/%2E%2E/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", xml))).toEqual([["点"]]);
  });

  it("a target in another letter case finds the part; an exact match wins over a case-folded one", () => {
    const xml = worksheet(`<row r="1">${inline("A1", "小文字")}</row>`);
    expect(firstSheetTexts(one("worksheets/Sheet1.xml", "xl/worksheets/sheet1.xml", xml))).toEqual([["小文字"]]);
    // Two parts differing only in case: the one the relationship names is read, not the first in the zip.
    const upperFirst = writeZip([
      { name: "[Content_Types].xml", data: contentTypes() },
      { name: "_rels/.rels", data: ROOT_RELS },
      { name: "xl/workbook.xml", data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="進捗" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
      { name: "xl/worksheets/SHEET1.xml", data: worksheet(`<row r="1">${inline("A1", "大文字")}</row>`) },
      { name: "xl/worksheets/sheet1.xml", data: xml },
    ]);
    expect(firstSheetTexts(upperFirst)).toEqual([["小文字"]]);
  });

  it("parseRels keeps external targets raw and gives empty strings for missing attributes", () => {
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId2" Type="${REL}/hyperlink" Target="https://example.com/a/../b?q=1" TargetMode="External"/><Relationship Id="rId3" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Type="${REL}/hyperlink" TargetMode="External"/><Relationship Id="rId5"></Relationship></Relationships>`;
    expect(parseRels(xml, "xl/worksheets/sheet1.xml")).toEqual([
      { id: "rId2", type: `${REL}/hyperlink`, target: "https://example.com/a/../b?q=1", external: true },
      { id: "rId3", type: `${REL}/drawing`, target: "xl/drawings/drawing1.xml", external: false },
      { id: "", type: `${REL}/hyperlink`, target: "", external: true },
      { id: "rId5", type: "", target: "xl/worksheets", external: false },
    ]);
  });

  it("a worksheet relationship marked External is not read as a sheet", () => {
    const bytes = writeZip([
      { name: "[Content_Types].xml", data: contentTypes() },
      { name: "_rels/.rels", data: ROOT_RELS },
      { name: "xl/workbook.xml", data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="外部" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml" TargetMode="External"/></Relationships>` },
      { name: "xl/worksheets/sheet1.xml", data: worksheet(`<row r="1">${inline("A1", "x")}</row>`) },
    ]);
    const read = readWorkbook(bytes, "t.xlsx");
    expect(read.listing).toEqual([{ name: "外部", state: "visible", worksheet: false }]);
    expect(read.sheets).toEqual([]);
  });
});

describe("finding the workbook part", () => {
  const xml = worksheet(`<row r="1">${inline("A1", "本体")}</row>`);
  it("without _rels/.rels the workbook is xl/workbook.xml", () => {
    expect(firstSheetTexts(book({ rootRels: null, sheets: [{ name: "進捗", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml }] }))).toEqual([["本体"]]);
  });
  it("a _rels/.rels naming only the document properties still leads to xl/workbook.xml", () => {
    const rootRels = `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
    expect(firstSheetTexts(book({ rootRels, sheets: [{ name: "進捗", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml }] }))).toEqual([["本体"]]);
  });
  it("a workbook with an empty <sheets/> lists no sheets", () => {
    const read = readWorkbook(book({ sheets: [], sheetsXml: "<sheets/>" }), "t.xlsx");
    expect(read.listing).toEqual([]);
    expect(read.sheets).toEqual([]);
  });
  it("a sheet entry without name or r:id gives empty strings and no part", () => {
    const pkg = openPackage(readZip(book({ sheets: [], sheetsXml: `<sheets><sheet sheetId="3"/></sheets>` })));
    expect(pkg.sheets).toEqual([{ name: "", sheetId: 3, rid: "", state: "visible", part: null }]);
  });
});

describe("workbook properties", () => {
  it("sheet states: hidden and veryHidden are kept, anything else is visible (the record sheet is not listed)", () => {
    const bytes = book({
      sheets: [
        { name: "表", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml" },
        { name: "隠し", target: "worksheets/sheet2.xml", part: "xl/worksheets/sheet2.xml", state: "hidden" },
        { name: "深く隠し", target: "worksheets/sheet3.xml", part: "xl/worksheets/sheet3.xml", state: "veryHidden" },
        { name: "明示", target: "worksheets/sheet4.xml", part: "xl/worksheets/sheet4.xml", state: "visible" },
        { name: "不明", target: "worksheets/sheet5.xml", part: "xl/worksheets/sheet5.xml", state: "Hidden" },
        { name: "グラフ", target: "chartsheets/sheet1.xml", type: "chartsheet" },
      ],
    });
    expect(readWorkbook(bytes, "t.xlsx").listing).toEqual([
      { name: "表", state: "visible", worksheet: true },
      { name: "隠し", state: "hidden", worksheet: true },
      { name: "深く隠し", state: "veryHidden", worksheet: true },
      { name: "明示", state: "visible", worksheet: true },
      { name: "不明", state: "visible", worksheet: true },
      { name: "グラフ", state: "visible", worksheet: false },
    ]);
  });

  it("dates follow the workbook's date system: date1904 as 1 or true, 0 or absent is 1900", () => {
    // Serial 45000 with the built-in date format 14: 2023-03-15 in the 1900 system, 1462 days later in 1904.
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const xml = worksheet(`<row r="1"><c r="A1" s="1"><v>45000</v></c></row>`);
    const dateOf = (workbookPr: string | undefined) => firstSheetTexts(book({ workbookPr, styles, sheets: [{ name: "日付", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml }] }))[0][0];
    expect(dateOf(undefined)).toBe("2023-03-15");
    expect(dateOf(`<workbookPr date1904="0"/>`)).toBe("2023-03-15");
    expect(dateOf(`<workbookPr defaultThemeVersion="166925"/>`)).toBe("2023-03-15");
    expect(dateOf(`<workbookPr date1904="1"/>`)).toBe("2027-03-16");
    expect(dateOf(`<workbookPr date1904="true" defaultThemeVersion="124226"/>`)).toBe("2027-03-16");
    expect(openPackage(readZip(book({ workbookPr: `<workbookPr date1904="1"/>`, sheets: [] }))).date1904).toBe(true);
  });

  it("a macro-enabled main part makes the book xlsm whatever its file name says", () => {
    const sheets = [{ name: "進捗", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml" }];
    expect(readWorkbook(book({ sheets, ct: contentTypes(XLSM_MAIN_CT) }), "book.xlsx").format).toBe("xlsm");
    expect(readWorkbook(book({ sheets }), "book.xlsm").format).toBe("xlsx");
    expect(readWorkbook(book({ sheets }), "book.xlsx").format).toBe("xlsx");
  });
});

describe("shared strings", () => {
  it("without a shared strings part a t=\"s\" cell reads empty", () => {
    const xml = worksheet(`<row r="1">${inline("A1", "題")}<c r="B1" t="s"><v>0</v></c></row>`);
    expect(firstSheetTexts(one("worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", xml))).toEqual([["題"]]);
  });
  it("an empty <si/> keeps its index and reads as an empty cell", () => {
    const shared = `<sst xmlns="${MAIN}" count="3" uniqueCount="3"><si/><si><t>二番目</t></si><si><r><t>三</t></r><r><rPr><b/></rPr><t>番目</t></r></si></sst>`;
    const xml = worksheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`);
    const bytes = book({ shared, sheets: [{ name: "進捗", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml }] });
    expect(firstSheetTexts(bytes)).toEqual([["", "二番目", "三番目"]]);
    expect(readSharedStrings(openPackage(readZip(bytes)))).toEqual(["", "二番目", "三番目"]);
  });
});

describe("styles: number formats and fills", () => {
  it("General is no format (null), a custom format is its code, a custom format without formatCode is not a date", () => {
    const styles = `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const xml = worksheet(`<row r="1"><c r="A1"><v>0.5</v></c><c r="B1" s="1"><v>0.5</v></c><c r="C1" s="2"><v>0.5</v></c><c r="D1" s="3"><v>45000</v></c></row>`);
    const bytes = book({ styles, sheets: [{ name: "進捗", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml }] });
    expect(firstSheetTexts(bytes)).toEqual([["0.5", "50.0%", "0.5", "2023-03-15"]]);
    const formats = readStyleInfo(openPackage(readZip(bytes))).formats;
    expect(formats[0]).toBeNull();
    expect(formats[1]).toBe("0.0%");
  });

  /** A fills table as Excel, openpyxl and pretty-printers write it. */
  const FILLS =
    `<fill><patternFill patternType="none"/></fill>` + // 0
    `<fill><patternFill patternType="gray125"/></fill>` + // 1
    `<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill>` + // 2 yellow
    `<fill><patternFill patternType="solid"><fgColor rgb="00b050"/></patternFill></fill>` + // 3 six digits, lower case
    `<fill><patternFill patternType="darkGray"><fgColor rgb="FFFF0000"/></patternFill></fill>` + // 4 a pattern, not solid
    `<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.3999"/></patternFill></fill>` + // 5 theme colour only
    `<fill><patternFill patternType="solid"><fgColor tint="0" rgb="FF4472C4"/></patternFill></fill>` + // 6 another attribute first
    `<fill/>`; // 7
  const XFS = [0, 2, 3, 4, 5, 6, 7, 1].map((f) => `<xf numFmtId="0" fillId="${f}"/>`).join("");
  const grid = worksheet(`<row r="1">${[0, 1, 2, 3, 4, 5, 6, 7].map((s, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${s}"><v>${i}</v></c>`).join("")}</row>`);
  const EXPECTED = [null, "FFFFFF00", "FF00B050", null, null, "FF4472C4", null, null];

  it("solid fills give their ARGB colour per cell; patterns, theme colours and empty fills give none", () => {
    const styles = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="8">${FILLS}</fills><borders count="1"><border/></borders><cellXfs count="8">${XFS}</cellXfs></styleSheet>`;
    const bytes = book({ styles, sheets: [{ name: "色", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml: grid }] });
    const read = readWorkbook(bytes, "t.xlsx", { fills: true });
    expect(read.fills.get("色")).toEqual([EXPECTED]);
  });

  it("a styles part with a namespace prefix (ElementTree's ns0:) gives the same colours", () => {
    const p = (xml: string) => xml.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1ns0:");
    const styles = `<ns0:styleSheet xmlns:ns0="${MAIN}">${p(`<fonts count="1"><font/></fonts><fills count="8">${FILLS}</fills><cellXfs count="8">${XFS}</cellXfs>`)}</ns0:styleSheet>`;
    const bytes = book({ styles, sheets: [{ name: "色", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml: grid }] });
    expect(readWorkbook(bytes, "t.xlsx", { fills: true }).fills.get("色")).toEqual([EXPECTED]);
  });

  it("single-quoted attributes, or blanks around = (valid XML), give the same colours", () => {
    for (const form of ["='$1'", " = \"$1\""]) {
      const styles = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="8">${FILLS.replace(/="([^"]*)"/g, form)}</fills><cellXfs count="8">${XFS}</cellXfs></styleSheet>`;
      const bytes = book({ styles, sheets: [{ name: "色", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml: grid }] });
      expect(readWorkbook(bytes, "t.xlsx", { fills: true }).fills.get("色")).toEqual([EXPECTED]);
    }
  });

  it("a styles part without <fills> reads with fills asked for: no colours", () => {
    const styles = `<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="0" fillId="2"/></cellXfs></styleSheet>`;
    const xml = worksheet(`<row r="1"><c r="A1" s="1"><v>1</v></c></row>`);
    const bytes = book({ styles, sheets: [{ name: "色", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml", xml }] });
    expect(readWorkbook(bytes, "t.xlsx", { fills: true }).fills.get("色")).toEqual([[null]]);
  });
});

describe("merged cells read as Excel shows them", () => {
  it("every cell a merge covers but its first is empty; cells outside stay; a one-cell merge changes nothing", () => {
    const xml = worksheet(
      `<row r="1">${inline("A1", "表題")}${inline("B1", "b1")}${inline("C1", "c1")}${inline("D1", "d1")}</row>` +
        `<row r="2">${inline("A2", "a2")}${inline("B2", "b2")}${inline("C2", "c2")}${inline("D2", "d2")}</row>` +
        `<row r="3">${inline("A3", "a3")}${inline("B3", "b3")}${inline("C3", "c3")}</row>` +
        `<row r="4">${inline("A4", "a4")}${inline("B4", "b4")}</row>`,
      `<mergeCells count="3"><mergeCell ref="A1:C2"/><mergeCell ref="B3:C3"/><mergeCell ref="A4"/></mergeCells>`,
    );
    const read = readWorkbook(one("worksheets/sheet1.xml", "xl/worksheets/sheet1.xml", xml), "t.xlsx");
    expect(texts(read.sheets[0].cells)).toEqual([
      ["表題", "", "", "d1"],
      ["", "", "", "d2"],
      ["a3", "b3", ""],
      ["a4", "b4"],
    ]);
    expect(read.sheets[0].merges).toEqual(["A1:C2", "B3:C3", "A4"]);
  });

  it("blankRange stops at the rows and columns there are, skips missing rows, and ignores a reference it cannot parse", () => {
    const t = (s: string): Cell => ({ value: s, kind: "text", text: s });
    const cells: Cell[][] = [];
    cells[0] = [t("a1"), t("b1")];
    cells[2] = [t("a3"), t("b3"), t("c3")];
    blankRange("A1:Z9", cells);
    expect(cells[0]).toEqual([t("a1"), EMPTY_CELL]);
    expect(cells[1]).toBeUndefined();
    expect(cells[2]).toEqual([EMPTY_CELL, EMPTY_CELL, EMPTY_CELL]);
    expect(cells.length).toBe(3);
    const kept = [[t("a1"), t("b1")], [t("a2"), t("b2")]];
    for (const bad of ["", "A1:", ":B2", "A1:B", "R1C1:R2C2"]) blankRange(bad, kept);
    expect(kept).toEqual([[t("a1"), t("b1")], [t("a2"), t("b2")]]);
  });
});

describe("the record sheet", () => {
  const record: ShinchokuRecord = { ...emptyRecord(), summarySheet: true };
  const recordRows = (extra: string) => worksheet(encodeRecord(record).map((c, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, c.replace(/&/g, "&amp;").replace(/</g, "&lt;"))}</row>`).join("") + extra);
  const withRecord = (xml: string) =>
    book({
      sheets: [
        { name: "進捗", target: "worksheets/sheet1.xml", part: "xl/worksheets/sheet1.xml" },
        { name: RECORD_SHEET, target: "worksheets/sheet2.xml", part: "xl/worksheets/sheet2.xml", state: "veryHidden", xml },
      ],
    });

  it("reads column A from row 1 down and stops at the first row without text in A", () => {
    expect(readWorkbook(withRecord(recordRows("")), "t.xlsx").record).toEqual(record);
    // A row further down with something only in B, or a number in A, ends the record.
    expect(readWorkbook(withRecord(recordRows(`<row r="3">${inline("B3", "メモ")}</row><row r="4">${inline("A4", "後")}</row>`)), "t.xlsx").record).toEqual(record);
    expect(readWorkbook(withRecord(recordRows(`<row r="2"><c r="A2"><v>5</v></c></row>`)), "t.xlsx").record).toEqual(record);
    const pkg = openPackage(readZip(withRecord(recordRows(`<row r="2"><c r="A2"><v>5</v></c></row>`))));
    expect(readRecordOf(pkg)).toEqual(record);
  });

  it("a record sheet with nothing in A1 is no record", () => {
    expect(readWorkbook(withRecord(worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)), "t.xlsx").record).toBeNull();
    expect(readWorkbook(withRecord(worksheet("")), "t.xlsx").record).toBeNull();
  });
});
