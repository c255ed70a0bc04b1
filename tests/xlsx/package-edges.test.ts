/**
 * Package edge cases found in review, each on a small hand-built package as some producer writes
 * it: x14 validations in <extLst>, formulas in the output column, Excel's unescaped list quotes,
 * number formats in <dxfs>, sheets added after the record sheet, emoji at a record chunk
 * boundary, an unclosed-row bomb, empty <t/>, a styles part without fills, part names in
 * another letter case.
 */
import { decodeRecord, encodeRecord, emptyRecord, RECORD_CHUNK } from "../../src/core";
import { patchWorkbook, readWorkbook, readZip, undoWorkbook, writeZip } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";
import { StyleBook } from "../../src/xlsx/styles";
import { entryText } from "../../src/xlsx/zip";
import { plans } from "./plans";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"`;
const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const col = (n: number) => String.fromCharCode(64 + n);

/** A progress sheet's rows (title, header, two items) plus `extraCells` per item row. */
function sheetData(extraCells: (row: number) => string = () => "", extraHeader = ""): string {
  const rows = [`<row r="1">${inline("A1", "令和2年度 進捗状況")}</row>`, `<row r="3">${HEADER.map((h, i) => inline(`${col(i + 1)}3`, h)).join("")}${extraHeader}</row>`];
  [["事務処理", "2年度 10件", "実績 12件"], ["研修", "2年度 80%", "実績 70%"]].forEach(([title, target, actual], i) => {
    const r = i + 4;
    rows.push(`<row r="${r}"><c r="A${r}"><v>${i + 1}</v></c>${inline(`B${r}`, title)}${inline(`C${r}`, "状態")}${inline(`D${r}`, target)}${inline(`E${r}`, "計画")}${inline(`F${r}`, "中間")}${inline(`G${r}`, actual)}${inline(`H${r}`, "課題")}${extraCells(r)}</row>`);
  });
  return `<sheetData>${rows.join("")}</sheetData>`;
}

interface Options {
  sheetXml?: string;
  styles?: string | null;
  sheetPart?: string;
  extraSheets?: { name: string; xml: string }[];
  workbookExtra?: string;
}

function book(o: Options = {}): Uint8Array {
  const sheetPart = o.sheetPart ?? "xl/worksheets/sheet1.xml";
  const sheets = [{ name: "進捗", part: sheetPart, xml: o.sheetXml ?? `<worksheet ${NS}>${sheetData()}</worksheet>` }, ...(o.extraSheets ?? []).map((s, i) => ({ name: s.name, part: `xl/worksheets/extra${i + 1}.xml`, xml: s.xml }))];
  const styles = o.styles === undefined ? `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>` : o.styles;
  const entries = [
    { name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>` },
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook ${NS}><bookViews><workbookView activeTab="${sheets.length - 1}"/></bookViews><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${o.workbookExtra ?? ""}</workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.part.slice(3)}"/>`).join("")}${styles !== null ? `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` : ""}</Relationships>` },
    ...sheets.map((s) => ({ name: s.part, data: s.xml })),
    ...(styles !== null ? [{ name: "xl/styles.xml", data: styles }] : []),
  ];
  return writeZip(entries);
}


const part = (bytes: Uint8Array, name: string) => entryText(readZip(bytes), name) ?? "";

describe("package edges", () => {
  it("a sheet with x14 validations in <extLst> gets its own <dataValidations> before <extLst>, the x14 block untouched", () => {
    const ext = `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list"><x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H4:H5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>`;
    const src = book({ sheetXml: `<worksheet ${NS}>${sheetData()}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${ext}</worksheet>` });
    const xml = part(patchWorkbook(src, "t.xlsx", plans(src)), "xl/worksheets/sheet1.xml");
    expect(xml).toContain(ext);
    const ours = xml.indexOf("<dataValidations");
    expect(ours).toBeGreaterThan(0);
    expect(ours).toBeLessThan(xml.indexOf("<pageMargins"));
    expect(xml.indexOf("</dataValidations>")).toBeLessThan(xml.indexOf("<extLst>"));
  });

  it("refuses to write over a formula in its columns, naming the cell (a filled-down 達成率 is the user's)", () => {
    // The output columns exist already (a judged sheet), and someone filled 達成率 down with a formula.
    const header = ["達成状況", "達成率", "判定根拠", "チェック結果"].map((h, i) => inline(`${col(9 + i)}3`, h)).join("");
    const withFormula = book({ sheetXml: `<worksheet ${NS}>${sheetData((r) => `<c r="J${r}"><f>G${r}/D${r}</f><v>1.2</v></c>`, header)}</worksheet>` });
    const p = plans(withFormula);
    expect(p[0].cells.some((c) => c.address === "J4")).toBe(true);
    expect(() => patchWorkbook(withFormula, "t.xlsx", p)).toThrow(/数式があるため.*J4/);
  });

  it("knows its own validation when Excel re-saved it with bare quotes: a re-run replaces it, never adds a second", () => {
    const src = book();
    const once = patchWorkbook(src, "t.xlsx", plans(src));
    const zip = readZip(once);
    const sheet = (entryText(zip, "xl/worksheets/sheet1.xml") ?? "").replace(/&quot;/g, '"');
    const resaved = writeZip(zip.entries.map((e) => ({ name: e.name, data: e.name === "xl/worksheets/sheet1.xml" ? sheet : (entryText(zip, e.name) ?? "") })));
    const twice = part(patchWorkbook(resaved, "t.xlsx", plans(resaved)), "xl/worksheets/sheet1.xml");
    expect(twice.match(/<dataValidation\b/g)).toHaveLength(1);
  });

  it("a number format id used in <dxfs> is not reused, and is not read as a cell format", () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs><dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/></dxf></dxfs></styleSheet>`;
    const src = book({ styles });
    const once = patchWorkbook(src, "t.xlsx", plans(src));
    const book2 = new StyleBook(part(once, "xl/styles.xml"));
    expect(part(once, "xl/styles.xml")).toMatch(/<numFmts count="1"><numFmt numFmtId="165" formatCode="0.0%"\/>/);
    expect(book2.formatCode(165)).toBe("0.0%");
    // The rates read back as numbers (not dates), so a re-run writes without refusing.
    expect(() => patchWorkbook(once, "t.xlsx", plans(once))).not.toThrow();
  });

  it("undo that removes the record sheet moves later sheets' names and the active tab up one place", () => {
    const src = book();
    const once = patchWorkbook(src, "t.xlsx", plans(src));
    // The user adds a sheet after the record sheet (index 2) with a sheet-scoped print area, and makes it active.
    const zip = readZip(once);
    const texts = new Map(zip.entries.map((e) => [e.name, entryText(zip, e.name) ?? ""]));
    texts.set("xl/workbook.xml", texts.get("xl/workbook.xml")!.replace("</sheets>", `<sheet name="後" sheetId="9" r:id="rIdL"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">後!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">進捗!$A$1:$H$5</definedName></definedNames>`).replace(/activeTab="\d+"/, 'activeTab="2"'));
    texts.set("xl/_rels/workbook.xml.rels", texts.get("xl/_rels/workbook.xml.rels")!.replace("</Relationships>", `<Relationship Id="rIdL" Type="${REL}/worksheet" Target="worksheets/later.xml"/></Relationships>`));
    texts.set("xl/worksheets/later.xml", `<worksheet ${NS}><sheetData/></worksheet>`);
    const edited = writeZip([...texts].map(([name, data]) => ({ name, data })));
    const wb = openPackage(readZip(undoWorkbook(edited, "t.xlsx")!.bytes)).workbookXml;
    expect(wb).not.toContain("_shinchoku");
    expect(wb).toContain('localSheetId="1">後!');
    expect(wb).toContain('localSheetId="0">進捗!');
    expect(wb).toContain('activeTab="1"');
  });

  it("never splits an emoji between two record chunks", () => {
    const record = emptyRecord();
    const filler = "a".repeat(RECORD_CHUNK - '{"version":1,"sheets":{"s":{"written":{"A1":"'.length - 1);
    record.sheets.s = { written: { A1: `${filler}😀` } };
    const chunks = encodeRecord(record);
    for (const c of chunks) expect(new TextDecoder().decode(new TextEncoder().encode(c))).toBe(c);
    expect(decodeRecord(chunks)?.sheets.s.written.A1).toBe(`${filler}😀`);
  });

  it("an unclosed-row bomb reads in well under a second", () => {
    const src = book({ sheetXml: `<worksheet ${NS}><sheetData>${"<row>".repeat(200000)}<row r="1">${inline("A1", "ok")}</row></sheetData></worksheet>` });
    const t = Date.now();
    readWorkbook(src, "t.xlsx");
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('an empty <t xml:space="preserve"/> run is empty text, not the markup up to the next </t>', () => {
    const src = book({ sheetXml: `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t xml:space="preserve"/></r><r><rPr><b/></rPr><t>abc</t></r></is></c></row></sheetData></worksheet>` });
    expect(readWorkbook(src, "t.xlsx").sheets[0].cells[0][0].text).toBe("abc");
  });

  it("a styles part without fills or cell formats: appended records never take the default or reserved places", () => {
    const src = book({ styles: `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts></styleSheet>` });
    const styles = new StyleBook(part(patchWorkbook(src, "t.xlsx", plans(src)), "xl/styles.xml"));
    expect(styles.look(0)).toEqual({ fill: null, numFmt: null, bold: false, wrap: false });
    const xml = part(patchWorkbook(src, "t.xlsx", plans(src)), "xl/styles.xml");
    expect(xml).toMatch(/<fills count="\d+"><fill><patternFill patternType="none"\/><\/fill><fill><patternFill patternType="gray125"\/><\/fill><fill><patternFill patternType="solid">/);
  });

  it("a new part's name never equals an existing one in another letter case", () => {
    const src = book({ sheetPart: "xl/worksheets/Sheet1.xml" });
    const out = readZip(patchWorkbook(src, "t.xlsx", plans(src)));
    const names = out.entries.map((e) => e.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });
});
