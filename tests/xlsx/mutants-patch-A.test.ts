/** Pins behaviour of src/xlsx/patch.ts (opening for write, its own validation rule, snapshots, the record sheet, added parts) that mutation testing found unpinned. */
import * as fs from "fs";
import * as path from "path";
import { RECORD_SHEET, STATUS_LABELS, type WritePlan } from "../../src/core";
import { FileError, patchWorkbook, readWorkbook, readZip, undoWorkbook, writeZip } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";
import { readRecordOf } from "../../src/xlsx/record";
import { SheetDoc } from "../../src/xlsx/sheet-doc";
import { entryText } from "../../src/xlsx/zip";
import { plans } from "./plans";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
const OUTPUT_HEADER = ["達成状況", "達成率", "判定根拠", "チェック結果"];
const col = (n: number) => String.fromCharCode(64 + n);
/** The status list as a user would type it into Excel's list validation. */
const STATUS_LIST = `"${Object.values(STATUS_LABELS.ja).join(",")}"`;

interface Options {
  /** Namespace prefix of the worksheet's elements ("" for the default namespace). */
  prefix?: string;
  /** Extra cells per item row (4, 5), extra header cells, and XML after <sheetData>. */
  extraCells?: (row: number, p: string) => string;
  extraHeader?: (p: string) => string;
  afterData?: string;
  styles?: boolean;
  shared?: string[];
  workbookRels?: boolean;
  /** Whitespace after the content types' closing tag. */
  ctTail?: string;
  sheets?: boolean;
}

const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`;

/** A small progress workbook: title, header, two items, as a producer might write it. */
function book(o: Options = {}): Uint8Array {
  const p = o.prefix ? `${o.prefix}:` : "";
  const ns = o.prefix ? `xmlns:${o.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const inline = (ref: string, text: string) => `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t>${text}</${p}t></${p}is></${p}c>`;
  const rows = [`<${p}row r="1">${inline("A1", "令和2年度 進捗状況")}</${p}row>`, `<${p}row r="3">${HEADER.map((h, i) => inline(`${col(i + 1)}3`, h)).join("")}${o.extraHeader?.(p) ?? ""}</${p}row>`];
  [["事務処理", "2年度 10件", "実績 12件"], ["研修", "2年度 80%", "実績 70%"]].forEach(([title, target, actual], i) => {
    const r = i + 4;
    rows.push(`<${p}row r="${r}"><${p}c r="A${r}"><${p}v>${i + 1}</${p}v></${p}c>${inline(`B${r}`, title)}${inline(`C${r}`, "状態")}${inline(`D${r}`, target)}${inline(`E${r}`, "計画")}${inline(`F${r}`, "中間")}${inline(`G${r}`, actual)}${inline(`H${r}`, "課題")}${o.extraCells?.(r, p) ?? ""}</${p}row>`);
  });
  const sheet = `<${p}worksheet ${ns} xmlns:r="${REL}"><${p}sheetData>${rows.join("")}</${p}sheetData>${o.afterData ?? ""}</${p}worksheet>`;
  const styles = o.styles !== false;
  const withSheet = o.sheets !== false;
  const ct = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${withSheet ? `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` : ""}</Types>${o.ctTail ?? ""}`;
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${withSheet ? `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` : ""}${styles ? `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` : ""}${o.shared ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`;
  return writeZip([
    { name: "[Content_Types].xml", data: ct },
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${withSheet ? `<sheet name="進捗" sheetId="1" r:id="rId1"/>` : ""}</sheets></workbook>` },
    ...(o.workbookRels !== false ? [{ name: "xl/_rels/workbook.xml.rels", data: rels }] : []),
    ...(withSheet ? [{ name: "xl/worksheets/sheet1.xml", data: sheet }] : []),
    ...(styles ? [{ name: "xl/styles.xml", data: STYLES }] : []),
    ...(o.shared ? [{ name: "xl/sharedStrings.xml", data: `<sst xmlns="${MAIN}" count="${o.shared.length}" uniqueCount="${o.shared.length}">${o.shared.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>` }] : []),
  ]);
}


const part = (bytes: Uint8Array, name: string) => entryText(readZip(bytes), name) ?? "";
const recordOf = (bytes: Uint8Array) => readRecordOf(openPackage(readZip(bytes)));
const sheetXml = (bytes: Uint8Array) => part(bytes, "xl/worksheets/sheet1.xml");
const validations = (bytes: Uint8Array) => new SheetDoc(sheetXml(bytes)).validationsXml() ?? "";
const count = (s: string, sub: string) => s.split(sub).length - 1;

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("did not throw");
}

describe("opening a file for writing", () => {
  it(".ods and .xls files are read-only: patch and undo refuse them with read-only-format", () => {
    for (const f of ["libreoffice.ods", "libreoffice.xls"]) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../files/corpus", f)));
      for (const run of [() => patchWorkbook(bytes, f, []), () => undoWorkbook(bytes, f)]) {
        const e = thrown(run);
        expect(e).toBeInstanceOf(FileError);
        expect([f, (e as FileError).code]).toEqual([f, "read-only-format"]);
      }
    }
  });

  it("a package whose workbook part cannot be found is corrupt, with the reason as the detail", () => {
    // Content types and a part named like a workbook, but no relationship leads to a workbook.
    const bytes = writeZip([
      { name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
      { name: "xl/workbook2.xml", data: `<workbook xmlns="${MAIN}"/>` },
    ]);
    for (const run of [() => patchWorkbook(bytes, "a.xlsx", []), () => undoWorkbook(bytes, "a.xlsx")]) {
      const e = thrown(run) as FileError;
      expect(e).toBeInstanceOf(FileError);
      expect(e.code).toBe("corrupt");
      expect(e.message).toContain("a.xlsx");
      expect(e.detail).toMatch(/workbook/);
    }
  });

  it("a package whose workbook part's data is damaged (CRC mismatch) is corrupt", () => {
    const bytes = book();
    const zip = readZip(bytes);
    const wb = zip.byName.get("xl/workbook.xml")!;
    const damaged = new Uint8Array(bytes);
    damaged[wb.central.byteOffset + 16] ^= 0xff; // the central directory's CRC of the workbook part
    const e = thrown(() => patchWorkbook(damaged, "a.xlsx", plans(bytes))) as FileError;
    expect(e).toBeInstanceOf(FileError);
    expect(e.code).toBe("corrupt");
    expect(e.detail).toMatch(/xl\/workbook\.xml/);
  });
});

describe("Shinchoku's own list validation, told from the user's", () => {
  const userRules = [
    // The user's own status list (same labels) under their own title.
    `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="入力規則" sqref="M4:M5"><formula1>${STATUS_LIST}</formula1></dataValidation>`,
    // A rule titled like ours with another list.
    `<dataValidation type="list" showErrorMessage="1" errorTitle="Shinchoku" sqref="N4:N5"><formula1>"A,B"</formula1></dataValidation>`,
    // A rule titled like ours with no list at all (an input message only).
    `<dataValidation type="none" allowBlank="1" showInputMessage="1" errorTitle="Shinchoku" prompt="メモ" sqref="O4:O5"/>`,
    // An untitled list.
    `<dataValidation type="list" sqref="P4:P5"><formula1>"x,y"</formula1></dataValidation>`,
  ];
  const block = `<dataValidations count="${userRules.length}">${userRules.join("")}</dataValidations>`;
  const src = book({ afterData: block });

  it("keeps every user rule, adds its own once, and a re-run replaces its own rather than adding another", () => {
    const once = patchWorkbook(src, "t.xlsx", plans(src));
    const v = validations(once);
    for (const r of userRules) expect(v).toContain(r);
    expect(v).toContain(`count="${userRules.length + 1}"`);
    const ours = SheetDoc.ownRule(v, (x) => x.includes('sqref="I4:I5"'));
    expect(ours).toMatch(/errorTitle="Shinchoku"/);
    const twice = patchWorkbook(once, "t.xlsx", plans(once));
    const v2 = validations(twice);
    for (const r of userRules) expect(v2).toContain(r);
    expect(v2).toContain(`count="${userRules.length + 1}"`);
    expect(count(v2, 'sqref="I4:I5"')).toBe(1);
  });

  it("undo takes away its own rule only: the user's block comes back as it was", () => {
    const once = patchWorkbook(src, "t.xlsx", plans(src));
    const undone = undoWorkbook(once, "t.xlsx")!.bytes;
    expect(validations(undone)).toBe(block);
  });

  it("in a sheet whose elements carry a namespace prefix of several letters, a re-run still knows its rule", () => {
    const pre = book({ prefix: "ss" });
    const once = patchWorkbook(pre, "t.xlsx", plans(pre));
    const doc1 = new SheetDoc(sheetXml(once));
    expect(doc1.validationsXml()).toMatch(/^<ss:dataValidations\b/);
    expect(doc1.validationsXml()).toContain("<ss:formula1>");
    const twice = patchWorkbook(once, "t.xlsx", plans(once));
    const v = new SheetDoc(sheetXml(twice)).validationsXml()!;
    expect(count(v, "<ss:dataValidation ")).toBe(1);
    expect(v).toContain('count="1"');
    // Undo of the first run removes it again.
    const back = undoWorkbook(undoWorkbook(twice, "t.xlsx")!.bytes, "t.xlsx")!.bytes;
    expect(new SheetDoc(sheetXml(back)).validationsXml()).toBeNull();
  });
});

describe("the snapshot of what the output cells held", () => {
  it("records each prior value as the reader sees it: shared text, number, a boolean's text, empty as null", () => {
    const header = (p: string) => OUTPUT_HEADER.map((h, i) => `<${p}c r="${col(9 + i)}3" t="inlineStr"><${p}is><${p}t>${h}</${p}t></${p}is></${p}c>`).join("");
    const cells = (r: number) => (r === 4 ? `<c r="I4" t="s"><v>0</v></c><c r="J4"><v>1.2</v></c><c r="K4" t="b"><v>1</v></c><c r="L4" s="0"/>` : "");
    const src = book({ extraHeader: header, extraCells: cells, shared: ["達成"] });
    const before = readWorkbook(src, "t.xlsx").sheets[0].cells;
    // The plan of the same sheet without those values (the patcher records whatever the cells hold).
    const p = plans(book({ extraHeader: header }));
    expect(p[0].cells.map((c) => c.address)).toEqual(expect.arrayContaining(["I4", "J4", "K4", "L4", "I5"]));
    const written = patchWorkbook(src, "t.xlsx", p);
    const snap = new Map(recordOf(written)!.lastRun!.undo[0].cells.map((c) => [c.address, c.value]));
    expect(snap.get("I4")).toBe(before[3][8].value);
    expect(snap.get("I4")).toBe("達成");
    expect(snap.get("J4")).toBe(before[3][9].value);
    expect(typeof snap.get("J4")).toBe("number");
    expect(before[3][10].kind).toBe("boolean");
    expect(snap.get("K4")).toBe(before[3][10].text);
    expect(snap.get("L4")).toBeNull();
    expect(snap.get("I5")).toBeNull();
    expect(snap.get("L5")).toBeNull();
  });
});

describe("plans and sheets", () => {
  it("a plan for a sheet the workbook no longer has is skipped; the others are written", () => {
    const src = book();
    const p = plans(src);
    const gone: WritePlan = { ...p[0], sheet: "削除済み" };
    const written = patchWorkbook(src, "t.xlsx", [gone, ...p]);
    const rec = recordOf(written)!;
    expect(Object.keys(rec.sheets)).toEqual(["進捗"]);
    expect(rec.lastRun!.undo.map((u) => u.sheet)).toEqual(["進捗"]);
    expect(sheetXml(written)).toContain('r="I4"');
  });

  it("two plans for the same sheet in one run both land in it", () => {
    const src = book();
    const [whole] = plans(src);
    const half = Math.ceil(whole.cells.length / 2);
    const a: WritePlan = { ...whole, cells: whole.cells.slice(0, half) };
    const b: WritePlan = { ...whole, cells: whole.cells.slice(half) };
    const split = patchWorkbook(src, "t.xlsx", [a, b], new Date(0));
    const one = patchWorkbook(src, "t.xlsx", [whole], new Date(0));
    const doc = new SheetDoc(sheetXml(split));
    const ref = new SheetDoc(sheetXml(one));
    for (const c of whole.cells) expect([c.address, doc.cell(c.row, c.col).xml]).toEqual([c.address, ref.cell(c.row, c.col).xml]);
  });
});

describe("the record sheet", () => {
  it("holds one chunk per row, row n in cell An, nothing between the rows", () => {
    // Long prior texts in 判定根拠 make the record span several chunks.
    const long = (r: number) => `<c r="K${r}" t="inlineStr"><is><t>${String(r).repeat(40000)}</t></is></c>`;
    const header = (p: string) => OUTPUT_HEADER.map((h, i) => `<${p}c r="${col(9 + i)}3" t="inlineStr"><${p}is><${p}t>${h}</${p}t></${p}is></${p}c>`).join("");
    const src = book({ extraHeader: header, extraCells: long });
    const written = patchWorkbook(src, "t.xlsx", plans(book({ extraHeader: header })));
    const pkg = openPackage(readZip(written));
    const rec = pkg.sheets.find((s) => s.name === RECORD_SHEET)!;
    const xml = entryText(pkg.zip, rec.part!)!;
    const data = /<sheetData>([\s\S]*)<\/sheetData>/.exec(xml)![1];
    const rows = [...data.matchAll(/<row r="(\d+)"><c r="A(\d+)" t="inlineStr">[\s\S]*?<\/row>/g)];
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.map((m) => m[0]).join("")).toBe(data);
    rows.forEach((m, i) => expect([m[1], m[2]]).toEqual([String(i + 1), String(i + 1)]));
    // And it reads back whole.
    expect(recordOf(written)!.lastRun!.undo[0].cells.find((c) => c.address === "K4")!.value).toBe("4".repeat(40000));
  });
});

describe("parts the run adds", () => {
  const recordPart = (bytes: Uint8Array) => openPackage(readZip(bytes)).sheets.find((s) => s.name === RECORD_SHEET)?.part ?? null;

  it("a workbook without a styles part gets one, with its content type and relationship, next to the record sheet's", () => {
    const src = book({ styles: false });
    const written = patchWorkbook(src, "t.xlsx", plans(src));
    const pkg = openPackage(readZip(written));
    expect(pkg.stylesPart).toBe("xl/styles.xml");
    expect(pkg.zip.entries.map((e) => e.name)).not.toContain("");
    expect(pkg.zip.entries.map((e) => e.name)).not.toContain("null");
    const ct = part(written, "[Content_Types].xml");
    expect(ct).toContain(`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
    expect(ct).toContain(`<Override PartName="/${recordPart(written)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    expect(recordOf(written)).not.toBeNull();
    // The status cells show their fills.
    const fills = readWorkbook(written, "t.xlsx", { fills: true }).fills.get("進捗")!;
    const status = plans(src)[0].cells.find((c) => c.col === 9 && c.row === 4)!;
    expect(fills[3][8]).toBe(status.fill);
  });

  it("a workbook with a styles part keeps the one part and its one relationship", () => {
    const src = book();
    const written = patchWorkbook(src, "t.xlsx", plans(src));
    const rels = part(written, "xl/_rels/workbook.xml.rels");
    expect(count(rels, `Type="${REL}/styles"`)).toBe(1);
    expect(count(part(written, "[Content_Types].xml"), "/xl/styles.xml")).toBe(0);
    expect(part(written, "xl/styles.xml")).not.toBe(STYLES);
  });

  it("a workbook without a relationships part for its workbook gets one for the record sheet", () => {
    const src = book({ sheets: false, workbookRels: false });
    const written = patchWorkbook(src, "t.xlsx", []);
    const rels = part(written, "xl/_rels/workbook.xml.rels");
    expect(rels).toMatch(/^<\?xml[^>]*\?>\s*<Relationships xmlns="http:\/\/schemas\.openxmlformats\.org\/package\/2006\/relationships">(<Relationship [^>]*\/>)+<\/Relationships>$/);
    expect(rels).toMatch(/<Relationship Id="rId\d+" Type="[^"]+\/worksheet" Target="worksheets\/sheet1\.xml"\/>/);
    expect(recordPart(written)).toBe("xl/worksheets/sheet1.xml");
    expect(recordOf(written)).not.toBeNull();
  });

  it("the content types get the record sheet's override before </Types>, whatever whitespace followed it (kept as it was)", () => {
    for (const tail of ["", "\n", "\r\n", "  \n"]) {
      const src = book({ ctTail: tail });
      const written = patchWorkbook(src, "t.xlsx", plans(src));
      const ct = part(written, "[Content_Types].xml");
      expect([tail, ct.endsWith(`<Override PartName="/${recordPart(written)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>${tail}`)]).toEqual([tail, true]);
      expect(count(ct, "</Types>")).toBe(1);
    }
  });

  it("the override goes before the root's closing tag even when the text </Types> occurs earlier (in a comment)", () => {
    const src = book();
    const zip = readZip(src);
    const ct = entryText(zip, "[Content_Types].xml")!.replace("<Default ", "<!-- closed by </Types> --><Default ");
    const withComment = writeZip(zip.entries.map((e) => ({ name: e.name, data: e.name === "[Content_Types].xml" ? ct : entryText(zip, e.name)! })));
    const written = patchWorkbook(withComment, "t.xlsx", plans(withComment));
    const out = part(written, "[Content_Types].xml");
    expect(out).toContain("<!-- closed by </Types> -->");
    expect(out.endsWith(`<Override PartName="/${recordPart(written)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)).toBe(true);
  });
});
