/** Pins behaviour of src/xlsx/read-legacy.ts (.xls and .ods through SheetJS) that mutation testing found unpinned. */
import * as XLSX from "@e965/xlsx";
import * as fs from "fs";
import * as path from "path";
import { type Cell, encodeRecord, RECORD_SHEET, type ShinchokuRecord } from "../../src/core";
import { entryBytes, FileError, readWorkbook, readZip, rewriteZip, type WorkbookRead } from "../../src/xlsx";
import "../../src/xlsx/read-legacy";

const CORPUS = path.join(__dirname, "../files/corpus");

interface SheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  /** 0 visible, 1 hidden, 2 very hidden (as Excel stores a sheet's state). */
  hidden?: 0 | 1 | 2;
}

/** A workbook as SheetJS builds it, so that the same content can be saved as .xls, .ods and .xlsx. */
function book(sheets: SheetSpec[], date1904 = false): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws["!merges"] = s.merges.map((r) => XLSX.utils.decode_range(r));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ?? 0 })), WBProps: { date1904 } };
  return wb;
}

const save = (wb: XLSX.WorkBook, bookType: "biff8" | "xlsx" | "ods"): Uint8Array => new Uint8Array(XLSX.write(wb, { type: "array", bookType }) as ArrayBuffer);

/** The FileError readWorkbook throws (failing the test when it reads or throws something else). */
function refusal(bytes: Uint8Array, file: string): FileError {
  try {
    readWorkbook(bytes, file);
  } catch (e) {
    if (e instanceof FileError) return e;
    throw e;
  }
  throw new Error("read without error");
}

/** The part of SheetJS's bundled compound-file library these tests use (its typings say `any`). */
interface CfbApi {
  read(data: Uint8Array, opts: { type: "array" }): object;
  find(doc: object, name: string): { content: Uint8Array } | null;
  write(doc: object, opts: { type: "array" }): ArrayLike<number>;
}

const text = (t: string): Cell => ({ value: t, kind: "text", text: t });
const cellsOf = (read: WorkbookRead, name: string): Cell[][] => {
  const s = read.sheets.find((x) => x.sheetName === name);
  if (!s) throw new Error(`sheet ${name} not read`);
  return s.cells;
};

/** A progress sheet holding every value kind Excel stores, a merged title, blanks and empty-text cells. */
const PROGRESS: SheetSpec = {
  name: "進捗状況",
  rows: [
    ["令和2年度 進捗状況", "（結合で隠れる）", 5],
    ["項目", true, false, 3.5, ""],
    [{ t: "e", v: 0x07 }, { t: "e", v: 0x2a }, { t: "n", v: 45000, z: "yyyy-mm-dd" }, { t: "n", v: 0.25, z: "0.0%" }, { t: "n", v: 60, z: "yyyy-mm-dd" }, { t: "n", v: 45000.99999, z: "yyyy-mm-dd" }],
    [],
    [null, "B5", null, ""],
    ["", null, ""],
  ],
  merges: ["A1:C1"],
};

describe(".xls and .ods give the core the cells the .xlsx reader gives for the same workbook", () => {
  const wb = book([PROGRESS]);
  // Read inside each test, not when the block is collected: Stryker activates a mutant only while tests run.
  const asXlsx = () => readWorkbook(save(wb, "xlsx"), "進捗.xlsx");
  const asXls = () => readWorkbook(save(wb, "biff8"), "進捗.xls");

  it(".xls: same cells, row for row (values, kinds, displayed texts, blanks under the merge)", () => {
    expect(asXls().format).toBe("xls");
    expect(cellsOf(asXls(), "進捗状況")).toEqual(cellsOf(asXlsx(), "進捗状況"));
  });

  it(".xls: the values as Excel shows them", () => {
    const cells = cellsOf(asXls(), "進捗状況");
    // The merge shows only its first cell; the covered cells are empty.
    expect(cells[0][0]).toEqual(text("令和2年度 進捗状況"));
    expect(cells[0].slice(1).every((c) => c.kind === "empty")).toBe(true);
    // Booleans as TRUE/FALSE, a number as itself; the trailing empty text is no cell.
    expect(cells[1]).toEqual([text("項目"), { value: true, kind: "boolean", text: "TRUE" }, { value: false, kind: "boolean", text: "FALSE" }, { value: 3.5, kind: "number", text: "3.5" }]);
    // Error values by their Excel names; a date-formatted number is a date; a percent format shows the percent.
    expect(cells[2].slice(0, 4)).toEqual([
      { value: "#DIV/0!", kind: "error", text: "#DIV/0!" },
      { value: "#N/A", kind: "error", text: "#N/A" },
      { value: "2023-03-15", kind: "date", text: "2023-03-15" },
      { value: 0.25, kind: "number", text: "25.0%" },
    ]);
    expect(cells[2][5]).toEqual({ value: "2023-03-15", kind: "date", text: "2023-03-15" });
    // An empty row stays an empty row; a row's leading blank is an empty cell; rows of empty texts at the end are dropped.
    expect(cells[3]).toEqual([]);
    expect(cells[4]).toEqual([{ value: null, kind: "empty", text: "" }, text("B5")]);
    expect(cells).toHaveLength(5);
  });

  it(".xls: the merged ranges go with the sheet (and with fills, per sheet)", () => {
    expect(asXls().sheets[0].merges).toEqual(["A1:C1"]);
    expect(asXls().sheets[0].merges).toEqual(asXlsx().sheets[0].merges);
    expect(asXls().merges.size).toBe(0);
    const withFills = readWorkbook(save(wb, "biff8"), "進捗.xls", { fills: true });
    expect([...withFills.merges]).toEqual([["進捗状況", ["A1:C1"]]]);
  });

  it("a sheet without merges carries no merges field", () => {
    const plain = book([{ name: "a", rows: [["x", 1]] }]);
    const read = readWorkbook(save(plain, "biff8"), "a.xls", { fills: true });
    expect(read.sheets[0]).not.toHaveProperty("merges");
    expect([...read.merges]).toEqual([["a", []]]);
    expect(read.sheets[0]).toEqual({ ...readWorkbook(save(plain, "xlsx"), "a.xls").sheets[0], fileName: "a.xls" });
  });

  it("a 1904-date workbook: dates read as in the .xlsx", () => {
    const b1904 = book([{ name: "d", rows: [[{ t: "n", v: 45000, z: "yyyy-mm-dd" }, { t: "n", v: 0, z: "yyyy-mm-dd" }]] }], true);
    const xls = cellsOf(readWorkbook(save(b1904, "biff8"), "d.xls"), "d");
    expect(xls).toEqual(cellsOf(readWorkbook(save(b1904, "xlsx"), "d.xlsx"), "d"));
    expect(xls[0][1]).toEqual({ value: "1904-01-01", kind: "date", text: "1904-01-01" });
  });
});

/**
 * A record as the patcher keeps it, in column A from row 1 down. SheetJS's .xls writer stores at most 255
 * characters a cell, so the record's text is laid out in pieces of 200 (the reader joins column A's texts).
 */
function smallRecord(): { record: ShinchokuRecord; chunks: string[] } {
  const written: Record<string, string> = {};
  for (let r = 4; r < 40; r++) written[`H${r}`] = r % 2 ? "達成" : "概ね達成";
  const record: ShinchokuRecord = { version: 1, sheets: { 進捗状況: { written } }, lastRun: null };
  const json = encodeRecord(record).join("");
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += 200) chunks.push(json.slice(i, i + 200));
  return { record, chunks };
}

describe(".xls error cells", () => {
  it("an error code SheetJS has no name for is still an error cell, never shown blank", () => {
    // BIFF stores an error as a one-byte code; 0x01 is none of Excel's (#NULL! 0x00, #DIV/0! 0x07, … #N/A 0x2A).
    const read = readWorkbook(save(book([{ name: "e", rows: [[{ t: "e", v: 0x01 }, { t: "e", v: 0x00 }]] }]), "biff8"), "e.xls");
    const [unknown, nul] = cellsOf(read, "e")[0];
    expect(nul).toEqual({ value: "#NULL!", kind: "error", text: "#NULL!" });
    expect(unknown.kind).toBe("error");
    expect(unknown.text).not.toBe("");
    expect(unknown.value).toBe(unknown.text);
  });
});

describe(".xls listing, record sheet and read options", () => {
  const { record, chunks } = smallRecord();
  const sheets = (recordRows: unknown[][]): SheetSpec[] => [
    { name: "表示", rows: [["a"]] },
    { name: "非表示", rows: [["b"]], hidden: 1 },
    { name: "完全非表示", rows: [["c"]], hidden: 2 },
    { name: RECORD_SHEET, rows: recordRows, hidden: 2 },
    { name: "最後", rows: [["d"]] },
  ];
  const wb = book(sheets(chunks.map((c) => [c])));

  it("the record takes more than one row (what the next tests rely on)", () => {
    expect(chunks.length).toBeGreaterThan(1);
  });

  it("lists every sheet but the record, in tab order, with its state; the same listing as the .xlsx", () => {
    const read = readWorkbook(save(wb, "biff8"), "a.xls");
    expect(read.listing).toEqual([
      { name: "表示", state: "visible", worksheet: true },
      { name: "非表示", state: "hidden", worksheet: true },
      { name: "完全非表示", state: "veryHidden", worksheet: true },
      { name: "最後", state: "visible", worksheet: true },
    ]);
    expect(read.listing).toEqual(readWorkbook(save(wb, "xlsx"), "a.xlsx").listing);
  });

  it("reads the record from the record sheet's column A (not as a sheet), as the .xlsx reader does", () => {
    const read = readWorkbook(save(wb, "biff8"), "a.xls");
    expect(read.record).toEqual(record);
    expect(read.record).toEqual(readWorkbook(save(wb, "xlsx"), "a.xlsx").record);
    expect(read.sheets.map((s) => s.sheetName)).toEqual(["表示", "非表示", "完全非表示", "最後"]);
    expect(cellsOf(read, "最後")).toEqual([[text("d")]]);
  });

  it("the record ends at the first row whose column A is not text", () => {
    const withNumber = book(sheets([...chunks.map((c) => [c]), [7, "x"], ["続き"]]));
    expect(readWorkbook(save(withNumber, "biff8"), "a.xls").record).toEqual(record);
    const withBlankA = book(sheets([...chunks.map((c) => [c]), [null, "x"], ["続き"]]));
    expect(readWorkbook(save(withBlankA, "biff8"), "a.xls").record).toEqual(record);
    const withEmptyRow = book(sheets([...chunks.map((c) => [c]), [], ["続き"]]));
    expect(readWorkbook(save(withEmptyRow, "biff8"), "a.xls").record).toEqual(record);
  });

  it("no record: an absent record sheet, an empty one, or one not starting with text", () => {
    const none = book(sheets([]).filter((s) => s.name !== RECORD_SHEET));
    expect(readWorkbook(save(none, "biff8"), "a.xls").record).toBeNull();
    expect(readWorkbook(save(book(sheets([[7], ...chunks.map((c) => [c])])), "biff8"), "a.xls").record).toBeNull();
    expect(readWorkbook(save(book(sheets([["壊れた記録"]])), "biff8"), "a.xls").record).toBeNull();
  });

  it("options.only chooses the sheets read into cells; the listing stays whole", () => {
    const read = readWorkbook(save(wb, "biff8"), "a.xls", { only: (n) => n === "非表示" });
    expect(read.sheets.map((s) => s.sheetName)).toEqual(["非表示"]);
    expect(read.listing).toHaveLength(4);
    expect(read.record).toEqual(record);
  });
});

describe(".xls files SheetJS cannot read", () => {
  it("an .xls whose Workbook stream is cut short is corrupt, SheetJS's reason in the detail", () => {
    const cfb = XLSX.CFB as CfbApi;
    const doc = cfb.read(save(book([{ name: "a", rows: [["a"]] }]), "biff8"), { type: "array" });
    const stream = cfb.find(doc, "Workbook");
    if (!stream) throw new Error("no Workbook stream");
    stream.content = stream.content.slice(0, 40);
    const e = refusal(new Uint8Array(cfb.write(doc, { type: "array" })), "壊れた.xls");
    expect(e.code).toBe("corrupt");
    expect(e.detail).toMatch(/Truncated/);
  });

  it("a password-protected .xls is encrypted", () => {
    expect(refusal(new Uint8Array(fs.readFileSync(path.join(CORPUS, "libreoffice-encrypted.xls"))), "libreoffice-encrypted.xls").code).toBe("encrypted");
  });

  it("SheetJS's notes are kept off the console only while it reads: console.warn and console.error are given back", () => {
    const { warn, error } = console;
    readWorkbook(new Uint8Array(fs.readFileSync(path.join(CORPUS, "libreoffice.ods"))), "libreoffice.ods");
    expect(console.warn).toBe(warn);
    expect(console.error).toBe(error);
    refusal(new Uint8Array(fs.readFileSync(path.join(CORPUS, "libreoffice-encrypted.xls"))), "libreoffice-encrypted.xls");
    expect(console.warn).toBe(warn);
    expect(console.error).toBe(error);
  });
});

const ODS_NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
].join(" ");

/** An .ods whose content.xml is laid out as LibreOffice Calc writes it (repeated and covered cells, calcext value types, data styles). */
function libreOfficeOds(tables: string): Uint8Array {
  const content =
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${ODS_NS} office:version="1.3"><office:scripts/><office:automatic-styles>` +
    `<number:percentage-style style:name="N11"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>` +
    `<number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>` +
    `<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N11"/>` +
    `<style:style style:name="ce2" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N37"/>` +
    `</office:automatic-styles><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`;
  // SheetJS's own .ods gives the package around it (a stored mimetype first, the manifest); only content.xml is ours.
  const shell = save(book([{ name: "x", rows: [["x"]] }]), "ods");
  return rewriteZip(readZip(shell), new Map([["content.xml", new TextEncoder().encode(content)]]));
}

const str = (t: string, extra = "") => `<table:table-cell${extra} office:value-type="string" calcext:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
const ODS_PROGRESS =
  `<table:table table:name="進捗状況"><table:table-column table:number-columns-repeated="1024"/>` +
  `<table:table-row>${str("令和2年度 進捗状況", ' table:number-columns-spanned="3" table:number-rows-spanned="1"')}<table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="1021"/></table:table-row>` +
  `<table:table-row>${str("項目")}<table:table-cell office:value-type="boolean" office:boolean-value="true" calcext:value-type="boolean"><text:p>TRUE</text:p></table:table-cell>` +
  `<table:table-cell office:value-type="boolean" office:boolean-value="false" calcext:value-type="boolean"><text:p>FALSE</text:p></table:table-cell>` +
  `<table:table-cell office:value-type="float" office:value="3.5" calcext:value-type="float"><text:p>3.5</text:p></table:table-cell>` +
  `<table:table-cell office:value-type="string" calcext:value-type="string"><text:p/></table:table-cell><table:table-cell table:number-columns-repeated="1019"/></table:table-row>` +
  `<table:table-row><table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>` +
  `<table:table-cell table:style-name="ce1" office:value-type="percentage" office:value="0.25" calcext:value-type="percentage"><text:p>25.0%</text:p></table:table-cell>` +
  `<table:table-cell table:style-name="ce2" office:value-type="date" office:date-value="2023-03-15" calcext:value-type="date"><text:p>2023-03-15</text:p></table:table-cell>` +
  `<table:table-cell table:number-columns-repeated="1021"/></table:table-row>` +
  `<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>` +
  `<table:table-row><table:table-cell/>${str("B6")}<table:table-cell table:number-columns-repeated="1022"/></table:table-row>` +
  `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>`;

describe(".ods as LibreOffice writes it", () => {
  const read = () => readWorkbook(libreOfficeOds(ODS_PROGRESS), "進捗.ods");

  it("gives the values as Calc shows them, blanks under the merge, no trailing empties", () => {
    expect(read().format).toBe("ods");
    const empty: Cell = { value: null, kind: "empty", text: "" };
    expect(cellsOf(read(), "進捗状況")).toEqual([
      [text("令和2年度 進捗状況")],
      [text("項目"), { value: true, kind: "boolean", text: "TRUE" }, { value: false, kind: "boolean", text: "FALSE" }, { value: 3.5, kind: "number", text: "3.5" }],
      [
        { value: "#DIV/0!", kind: "error", text: "#DIV/0!" },
        { value: 0.25, kind: "number", text: "25.0%" },
        { value: "2023-03-15", kind: "date", text: "2023-03-15" },
      ],
      [],
      [],
      [empty, text("B6")],
    ]);
    expect(read().sheets[0].merges).toEqual(["A1:C1"]);
    expect(read().listing).toEqual([{ name: "進捗状況", state: "visible", worksheet: true }]);
    expect(read().record).toBeNull();
  });
});

describe(".ods: what SheetJS does not read the way LibreOffice means it", () => {
  // ODF 1.2 §17.15: a table style's <style:table-properties table:display="false"/> hides the table.
  it("a table LibreOffice hid is listed hidden, as the same workbook saved as .xls and .xlsx lists it", () => {
    const listing = (f: string) => readWorkbook(new Uint8Array(fs.readFileSync(path.join(CORPUS, f))), f).listing;
    const ods = listing("libreoffice.ods");
    expect(ods.find((s) => s.name === "非表示")?.state).toBe("hidden");
    expect(ods.map((s) => s.state)).toEqual(listing("libreoffice.xlsx").map((s) => s.state));
    expect(ods.map((s) => s.state)).toEqual(listing("libreoffice.xls").map((s) => s.state));
  });

  it("a table hidden by a style written with single quotes and its own end tag; another table stays visible", () => {
    const hiddenStyle = `<style:style style:name='ta9' style:family='table'><style:table-properties style:writing-mode='lr-tb' table:display = 'false'></style:table-properties></style:style>`;
    const bytes = libreOfficeOds(`<table:table table:name="見える"><table:table-row>${str("a")}</table:table-row></table:table><table:table table:name="隠す" table:style-name="ta9"><table:table-row>${str("b")}</table:table-row></table:table>`);
    const content = new TextDecoder().decode(entryBytesOf(bytes, "content.xml")).replace("</office:automatic-styles>", `${hiddenStyle}</office:automatic-styles>`);
    const withStyle = rewriteZip(readZip(bytes), new Map([["content.xml", new TextEncoder().encode(content)]]));
    expect(readWorkbook(withStyle, "x.ods").listing).toEqual([
      { name: "見える", state: "visible", worksheet: true },
      { name: "隠す", state: "hidden", worksheet: true },
    ]);
  });

  it("an empty sheet of an .xls has no rows, as in the .xlsx", () => {
    const wb = book([{ name: "空", rows: [] }, PROGRESS]);
    expect(cellsOf(readWorkbook(save(wb, "biff8"), "a.xls"), "空")).toEqual([]);
    expect(cellsOf(readWorkbook(save(wb, "xlsx"), "a.xlsx"), "空")).toEqual([]);
  });

  it("a float cell with no usable office:value is empty, as the .xlsx reader leaves a non-number value", () => {
    const bytes = libreOfficeOds(
      `<table:table table:name="s"><table:table-row>${str("x")}<table:table-cell office:value-type="float" calcext:value-type="float"><text:p>abc</text:p></table:table-cell>` +
        `<table:table-cell office:value-type="float" office:value="abc" calcext:value-type="float"><text:p>abc</text:p></table:table-cell>${str("y")}</table:table-row></table:table>`,
    );
    const empty: Cell = { value: null, kind: "empty", text: "" };
    expect(cellsOf(readWorkbook(bytes, "x.ods"), "s")).toEqual([[text("x"), empty, empty, text("y")]]);
  });
});

function entryBytesOf(bytes: Uint8Array, name: string): Uint8Array {
  const zip = readZip(bytes);
  const e = zip.entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return entryBytes(zip, e);
}
