/**
 * Pins behaviour of src/xlsx/read.ts (format dispatch and error mapping, the sheet listing, the record,
 * cell values as other producers write them, tab- and newline-separated attributes, rows and cells
 * without references, fills and merges) that mutation testing found unpinned.
 */
import { readFileSync } from "fs";
import path from "path";
import { emptyRecord, encodeRecord, RECORD_SHEET, type Cell } from "../../src/core";
import { EMPTY_CELL, FileError, readWorkbook, readZip, writeZip } from "../../src/xlsx";
import { scanCellValue } from "../../src/xlsx/read";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS = `xmlns="${MAIN}" xmlns:r="${REL}"`;
const RED = "FFFF0000";
/** Cell formats: 0 default, 1 a date (numFmt 14) on a solid red fill. */
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="${RED}"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="14" fontId="0" fillId="2" borderId="0" applyNumberFormat="1" applyFill="1"/></cellXfs></styleSheet>`;

interface SheetSpec {
  name: string;
  xml?: string;
  state?: "hidden" | "veryHidden";
  /** A chart sheet (no cells). */
  chart?: boolean;
}

interface BookOptions {
  /** The `<si>` items of the shared strings part (absent: no part). */
  shared?: string[];
  macro?: boolean;
  /** The root relationship's target for the workbook part. */
  workbookTarget?: string;
  /** Part name of each worksheet, by index (default xl/worksheets/sheetN.xml). */
  partName?: (i: number) => string;
}

function book(sheets: SheetSpec[], o: BookOptions = {}): Uint8Array {
  const parts = sheets.map((s, i) => (s.chart ? `xl/chartsheets/sheet${i + 1}.xml` : (o.partName?.(i) ?? `xl/worksheets/sheet${i + 1}.xml`)));
  const main = o.macro ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  const entries = [
    {
      name: "[Content_Types].xml",
      data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}"/>${sheets.map((s, i) => `<Override PartName="/${parts[i]}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.chart ? "chartsheet" : "worksheet"}+xml"/>`).join("")}</Types>`,
    },
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${o.workbookTarget ?? "xl/workbook.xml"}"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>` },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? "chartsheet" : "worksheet"}" Target="${parts[i].slice(3)}"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${o.shared ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    },
    ...sheets.map((s, i) => ({ name: parts[i], data: s.chart ? `<chartsheet ${NS}><drawing r:id="rId1"/></chartsheet>` : (s.xml ?? `<worksheet ${NS}><sheetData/></worksheet>`) })),
    { name: "xl/styles.xml", data: STYLES },
    ...(o.shared ? [{ name: "xl/sharedStrings.xml", data: `<sst xmlns="${MAIN}" count="${o.shared.length}" uniqueCount="${o.shared.length}">${o.shared.join("")}</sst>` }] : []),
  ];
  return writeZip(entries);
}

const ws = (body: string, after = "") => `<worksheet ${NS}><sheetData>${body}</sheetData>${after}</worksheet>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const text = (t: string): Cell => ({ value: t, kind: "text", text: t });
const numberOf = (n: number): Cell => ({ value: n, kind: "number", text: String(n) });

/** The FileError a read throws (fails the test when it does not throw one). */
function readError(bytes: Uint8Array, fileName: string): FileError {
  try {
    readWorkbook(bytes, fileName);
  } catch (e) {
    expect(e).toBeInstanceOf(FileError);
    return e as FileError;
  }
  throw new Error("the read did not fail");
}

/** Flips bits in an entry's central record (readZip's `central` is a view of the archive's bytes). */
function patchCentral(bytes: Uint8Array, name: string, edit: (view: DataView) => void): Uint8Array {
  const copy = bytes.slice();
  const entry = readZip(copy).byName.get(name)!;
  edit(new DataView(copy.buffer, entry.central.byteOffset, entry.central.length));
  return copy;
}

/** A value computed on first use (inside a test) and kept. */
/** Made again in each test that asks (no cache): Stryker ties a mutant to the tests that ran its code, and
 * activates it only while tests run, so a value made once at collection or by an earlier test hides it. */
function lazy<T>(make: () => T): () => T {
  return () => make();
}

const corpus = (name: string) => new Uint8Array(readFileSync(path.join(__dirname, "../files/corpus", name)));

describe(".xls and .ods go to the legacy reader", () => {
  // A fresh module registry: other test files of a one-registry run (the mutation suites) load the legacy
  // reader. Loaded when the block is collected, not in the test, so that Stryker does not tie every
  // module-level constant of src/xlsx to this one test.
  let fresh: typeof import("../../src/xlsx/read") | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<typeof import("../../src/xlsx/read")>("../../src/xlsx/read");
  });

  it("without the legacy reader loaded, an .xls is an unsupported format saying so in its detail", () => {
    let e: { code?: string; message?: string; detail?: string } = {};
    try {
      fresh!.readWorkbook(corpus("libreoffice.xls"), "old.xls");
    } catch (err) {
      e = err as typeof e;
    }
    expect(e.code).toBe("unsupported-format");
    expect(e.message).toContain("old.xls");
    expect(e.detail).toBe("legacy reader not loaded");
  });

  it("once loaded, LibreOffice's .xls and .ods are read by it, with their format", async () => {
    await import("../../src/xlsx/read-legacy");
    const xls = readWorkbook(corpus("libreoffice.xls"), "libreoffice.xls");
    const ods = readWorkbook(corpus("libreoffice.ods"), "libreoffice.ods");
    expect(xls.format).toBe("xls");
    expect(ods.format).toBe("ods");
    for (const r of [xls, ods]) {
      expect(r.sheets.length).toBeGreaterThan(0);
      expect(r.sheets[0].cells.some((row) => row.some((c) => c.kind === "text"))).toBe(true);
    }
    // The same sheets as the .xlsx LibreOffice saved from the same workbook.
    const xlsx = readWorkbook(corpus("libreoffice.xlsx"), "libreoffice.xlsx");
    expect(xls.listing.map((s) => s.name)).toEqual(xlsx.listing.map((s) => s.name));
    expect(ods.listing.map((s) => s.name)).toEqual(xlsx.listing.map((s) => s.name));
  });
});

describe("damaged and protected packages", () => {
  const good = () => book([{ name: "a", xml: ws(`<row r="1">${inline("A1", "x")}</row>`) }]);

  it("an entry encrypted at zip level is a password-protected file, with the zip's reason as detail", () => {
    const bytes = patchCentral(good(), "_rels/.rels", (v) => v.setUint16(8, v.getUint16(8, true) | 1, true));
    const e = readError(bytes, "t.xlsx");
    expect(e.code).toBe("encrypted");
    expect(e.detail).toMatch(/encrypted entry: _rels\/\.rels/);
  });

  it("an entry in a compression method we cannot inflate is a damaged file, not a protected one", () => {
    const bytes = patchCentral(good(), "_rels/.rels", (v) => v.setUint16(10, 14, true)); // LZMA
    const e = readError(bytes, "t.xlsx");
    expect(e.code).toBe("corrupt");
    expect(e.detail).toMatch(/compression method 14/);
  });

  it("damaged data in a part whose name merely contains 'encrypted' is a damaged file", () => {
    const bytes = book([{ name: "a", xml: ws(`<row r="1">${inline("A1", "x")}</row>`) }], { partName: () => "xl/worksheets/encrypted-copy.xml" });
    const bad = patchCentral(bytes, "xl/worksheets/encrypted-copy.xml", (v) => v.setUint32(16, (v.getUint32(16, true) ^ 1) >>> 0, true));
    const e = readError(bad, "t.xlsx");
    expect(e.code).toBe("corrupt");
    expect(e.detail).toMatch(/damaged data: xl\/worksheets\/encrypted-copy\.xml/);
  });

  it("a package whose workbook part is missing is a damaged file", () => {
    const e = readError(book([{ name: "a" }], { workbookTarget: "xl/book.xml" }), "t.xlsx");
    expect(e.code).toBe("corrupt");
    expect(e.message).toContain("t.xlsx");
    expect(e.detail).toBe("no workbook part");
  });

  it("an error thrown by the caller's sheet filter reaches the caller unchanged", () => {
    const boom = new RangeError("filter failed");
    expect(() =>
      readWorkbook(good(), "t.xlsx", {
        only: () => {
          throw boom;
        },
      }),
    ).toThrow(boom);
  });

  it("without a file name, the sheets are named as from book.xlsx", () => {
    const r = readWorkbook(good());
    expect(r.sheets[0].fileName).toBe("book.xlsx");
    expect(r.format).toBe("xlsx");
  });
});

describe("the workbook's sheets, record and format", () => {
  it("lists every sheet but the record in tab order with its state; reads only worksheets; gives the record and each sheet's written cells", () => {
    const record = emptyRecord();
    record.sheets["進捗"] = { written: { I4: "達成", J4: 1.2 } };
    const recordXml = ws(encodeRecord(record).map((chunk, i) => `<row r="${i + 1}">${inline(`A${i + 1}`, chunk.replace(/&/g, "&amp;").replace(/</g, "&lt;"))}</row>`).join(""));
    const bytes = book([
      { name: "進捗", xml: ws(`<row r="1">${inline("A1", "表題")}</row>`) },
      { name: "グラフ", chart: true },
      { name: "隠し", state: "hidden", xml: ws(`<row r="1">${inline("A1", "h")}</row>`) },
      { name: RECORD_SHEET, state: "veryHidden", xml: recordXml },
    ]);
    const r = readWorkbook(bytes, "t.xlsx");
    expect(r.listing).toEqual([
      { name: "進捗", state: "visible", worksheet: true },
      { name: "グラフ", state: "visible", worksheet: false },
      { name: "隠し", state: "hidden", worksheet: true },
    ]);
    expect(r.sheets.map((s) => s.sheetName)).toEqual(["進捗", "隠し"]);
    expect(r.record?.sheets["進捗"].written).toEqual({ I4: "達成", J4: 1.2 });
    expect(r.sheets[0].written).toEqual({ I4: "達成", J4: 1.2 });
    expect("written" in r.sheets[1]).toBe(false);
    expect(readWorkbook(bytes, "t.xlsx", { only: (n) => n === "隠し" }).sheets.map((s) => s.sheetName)).toEqual(["隠し"]);
  });

  it("a macro-enabled package is xlsm whatever its name; an .xlsm name without macros is xlsx", () => {
    const sheets = [{ name: "a" }];
    expect(readWorkbook(book(sheets, { macro: true }), "t.xlsx").format).toBe("xlsm");
    expect(readWorkbook(book(sheets, { macro: true }), "t.xlsm").format).toBe("xlsm");
    expect(readWorkbook(book(sheets), "t.xlsm").format).toBe("xlsx");
    expect(readWorkbook(book(sheets), "t.xlsx").format).toBe("xlsx");
  });
});

describe("cell values as other producers write them", () => {
  // Booleans as 0/1, "true" and padded; ISO dates (t="d"); formula strings (t="str") empty and not;
  // inline strings empty (<is/>, <t></t>); shared strings empty and out of range; numbers empty,
  // blank and not numbers; a formula with no cached value (openpyxl).
  const shared = ["<si><t>共有</t></si>", "<si><t/></si>"];
  const sheet = ws(
    [
      `<row r="1"><c r="A1" t="b"><v>0</v></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="b"><v>true</v></c><c r="D1" t="b"><v> 1 </v></c><c r="E1" t="b"><v> true </v></c><c r="F1" t="b"><v>false</v></c></row>`,
      `<row r="2"><c r="A2" t="d"><v>2024-02-24T00:00:00Z</v></c><c r="B2" t="str"><f>""</f><v></v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>a&amp;b</v></c><c r="D2" t="inlineStr"><is/></c><c r="E2" t="inlineStr"><is><t></t></is></c><c r="F2"><v>6</v></c></row>`,
      `<row r="3"><c r="A3" t="s"><v>99</v></c><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>0</v></c></row>`,
      `<row r="4"><c r="A4"><v></v></c><c r="B4"><v> </v></c><c r="C4"><v>x</v></c><c r="D4"><f>SUM(A4:C4)</f></c><c r="E4"><v>42</v></c></row>`,
    ].join(""),
  );
  // Read in the tests, not in a hook: the mutation runs' fail-fast environment hides a failing beforeAll.
  const cells = lazy(() => readWorkbook(book([{ name: "a", xml: sheet }], { shared }), "t.xlsx").sheets[0].cells);
  const T = { value: true, kind: "boolean", text: "TRUE" };
  const F = { value: false, kind: "boolean", text: "FALSE" };

  it("booleans: 1 and true (trimmed) are TRUE, anything else FALSE", () => {
    expect(cells()[0]).toEqual([F, T, T, T, T, F]);
  });

  it("an ISO date cell is its day; empty formula strings and empty inline strings are empty cells", () => {
    expect(cells()[1][0]).toEqual({ value: "2024-02-24", kind: "date", text: "2024-02-24" });
    expect(cells()[1][1]).toBe(EMPTY_CELL);
    expect(cells()[1][2]).toEqual(text("a&b"));
    expect(cells()[1][3]).toBe(EMPTY_CELL);
    expect(cells()[1][4]).toBe(EMPTY_CELL);
    expect(cells()[1][5]).toEqual(numberOf(6));
  });

  it("a shared string out of range or empty is an empty cell", () => {
    expect(cells()[2]).toEqual([EMPTY_CELL, EMPTY_CELL, text("共有")]);
    expect(cells()[2][0]).toBe(EMPTY_CELL);
    expect(cells()[2][1]).toBe(EMPTY_CELL);
  });

  it("numbers: empty, blank and non-numeric values and a formula without a cached value are empty cells", () => {
    expect(cells()[3]).toHaveLength(5);
    for (let c = 0; c < 4; c++) expect(cells()[3][c]).toBe(EMPTY_CELL);
    expect(cells()[3][4]).toEqual(numberOf(42));
  });
});

describe("one cell's value (what patch compares)", () => {
  it("takes the cell's own number format from its style index", () => {
    const formats = [null, "yyyy-mm-dd"];
    expect(scanCellValue(`<c r="A1" s="1"><v>45346</v></c>`, () => [], formats, false)).toEqual({ value: "2024-02-24", kind: "date", text: "2024-02-24" });
    expect(scanCellValue(`<c r="A1"><v>45346</v></c>`, () => [], formats, false)).toEqual(numberOf(45346));
  });

  it("text without a cell element is an empty cell", () => {
    expect(scanCellValue("", () => [], [], false)).toBe(EMPTY_CELL);
    expect(scanCellValue(`<c r="A1" s="1"/>`, () => [], [], false)).toBe(EMPTY_CELL);
  });
});

describe("where the cells go", () => {
  // Row 1: Z (uppercase) · row 2: lowercase references · rows 3-4: no r (a row with spans, cells without r,
  // one inline) · rows 5-6 missing · row 7: attributes separated by tabs (row and cells, one not first) and by
  // newlines · row 8: a value then a styled empty cell · rows 9 and 11: pretty-printed, no cells · row 10:
  // styled empty cells only.
  const sheet = ws(
    [
      `<row r="1"><c r="Z1"><v>26</v></c></row>`,
      `<row r="2"><c r="a2"><v>1</v></c><c r="az2"><v>52</v></c></row>`,
      `<row spans="1:3"><c><v>1</v></c><c t="inlineStr"><is><t>b</t></is></c><c r="D3"><v>4</v></c><c><v>5</v></c></row>`,
      `<row><c><v>1</v></c></row>`,
      `<row\tr="7"\tspans="1:5"><c\tr="B7"\tt="inlineStr"><is><t>tab</t></is></c><c r="C7"\ts="1"><v>45346</v></c><c\nr="E7"\nt="b"><v>1</v></c></row>`,
      `<row r="8"><c r="A8"><v>8</v></c><c r="B8" s="1"/></row>`,
      `<row r="9">\n  </row>`,
      `<row r="10"><c r="A10" s="1"/><c r="B10" s="1"/></row>`,
      `<row r="11">\n  </row>`,
    ].join(""),
  );
  const bytes = book([{ name: "a", xml: sheet }]);
  const plain = lazy(() => readWorkbook(bytes, "t.xlsx"));
  const withFills = lazy(() => readWorkbook(bytes, "t.xlsx", { fills: true }));
  const cells = lazy(() => plain().sheets[0].cells);

  it("uppercase and lowercase column letters", () => {
    expect(cells()[0]).toHaveLength(26);
    expect(cells()[0][25]).toEqual(numberOf(26));
    expect(cells()[0][0]).toBe(EMPTY_CELL);
    expect(cells()[1]).toHaveLength(52);
    expect(cells()[1][0]).toEqual(numberOf(1));
    expect(cells()[1][51]).toEqual(numberOf(52));
  });

  it("rows and cells without a reference follow the one before", () => {
    expect(cells()[2]).toEqual([numberOf(1), text("b"), EMPTY_CELL, numberOf(4), numberOf(5)]);
    expect(cells()[3]).toEqual([numberOf(1)]);
  });

  it("rows missing between are empty rows", () => {
    expect(cells()[4]).toEqual([]);
    expect(cells()[5]).toEqual([]);
  });

  it("attributes separated by tabs or newlines count", () => {
    expect(cells()[6]).toEqual([EMPTY_CELL, text("tab"), { value: "2024-02-24", kind: "date", text: "2024-02-24" }, EMPTY_CELL, { value: true, kind: "boolean", text: "TRUE" }]);
    expect(cells()[6][0]).toBe(EMPTY_CELL);
    expect(cells()[6][3]).toBe(EMPTY_CELL);
  });

  it("rows end at their last value, and the sheet at its last row with a value", () => {
    expect(cells()[7]).toEqual([numberOf(8)]);
    expect(cells()).toHaveLength(8);
  });

  it("no fills and no merges unless asked", () => {
    expect(plain().fills.size).toBe(0);
    expect(plain().merges.size).toBe(0);
    expect("merges" in plain().sheets[0]).toBe(false);
  });

  it("fills: every cell element's fill, empty cells' too; rows without cell elements are empty rows", () => {
    const fills = withFills().fills.get("a")!;
    expect(fills).toHaveLength(10);
    expect(fills[0]).toHaveLength(26);
    expect(fills[0][0] ?? null).toBeNull();
    expect(fills[0][25]).toBeNull();
    expect(fills[4]).toEqual([]);
    expect(fills[5]).toEqual([]);
    expect(fills[6][2]).toBe(RED);
    expect(fills[6][1]).toBeNull();
    expect(fills[7]).toEqual([null, RED]);
    expect(fills[8]).toEqual([]);
    expect(fills[9]).toEqual([RED, RED]);
    expect(withFills().merges.get("a")).toEqual([]);
    expect(withFills().sheets[0].cells).toEqual(cells());
  });
});

describe("merges", () => {
  // A title merged over A2:C2 (row 1 empty), a block B3:C4 with values under it.
  const sheet = ws(
    `<row r="2">${inline("A2", "表題")}${inline("B2", "隠れる")}</row><row r="3"><c r="A3"><v>1</v></c>${inline("B3", "左上")}${inline("C3", "右")}</row><row r="4">${inline("B4", "下")}${inline("C4", "右下")}${inline("D4", "外")}</row>`,
    `<mergeCells count="2"><mergeCell ref="A2:C2"/><mergeCell ref="B3:C4"/></mergeCells>`,
  );
  const bytes = book([{ name: "m", xml: sheet }]);

  it("the cells a merge covers, other than its first, are empty; the ranges come with the sheet", () => {
    const r = readWorkbook(bytes, "t.xlsx");
    const cells = r.sheets[0].cells;
    expect(cells[0]).toEqual([]);
    expect(cells[1]).toEqual([text("表題"), EMPTY_CELL]);
    expect(cells[2]).toEqual([numberOf(1), text("左上"), EMPTY_CELL]);
    expect(cells[3]).toEqual([EMPTY_CELL, EMPTY_CELL, EMPTY_CELL, text("外")]);
    expect(r.sheets[0].merges).toEqual(["A2:C2", "B3:C4"]);
  });

  it("with fills, the merges are given per sheet too", () => {
    const r = readWorkbook(bytes, "t.xlsx", { fills: true });
    expect(r.merges.get("m")).toEqual(["A2:C2", "B3:C4"]);
    const fills = r.fills.get("m")!;
    expect(fills[0]).toEqual([]);
    expect(fills).toHaveLength(4);
  });
});

describe("cell attributes written in any valid XML form", () => {
  // XML 1.0 §3.1: Eq allows white space around "=", and an attribute value may be single-quoted.
  it("single quotes and blanks around = give the same cells as the usual form", () => {
    const usual = `<row r="1"><c r="B1" t="s"><v>0</v></c><c r="D1" t="inlineStr"><is><t>x</t></is></c><c r="E1" s="1"><v>45000</v></c></row>`;
    const other = `<row r='1'><c r='B1' t='s'><v>0</v></c><c r = "D1" t = "inlineStr"><is><t>x</t></is></c><c\tr='E1'\ns = '1'><v>45000</v></c></row>`;
    const cells = (body: string) => readWorkbook(book([{ name: "S", xml: ws(body) }], { shared: ["<si><t>共有</t></si>"] }), "t.xlsx").sheets[0].cells;
    const expected = cells(usual);
    expect(expected[0].map((c) => c.text)).toEqual(["", "共有", "", "x", "2023-03-15"]);
    expect(cells(other)).toEqual(expected);
  });
});
