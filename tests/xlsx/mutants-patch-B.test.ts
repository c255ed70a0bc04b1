/** Pins behaviour of src/xlsx/patch.ts (adding and removing the record sheet, the looks it writes and records) that mutation testing found unpinned. */
import type { PlannedCell, WritePlan } from "../../src/core";
import { FileError, patchWorkbook, readWorkbook, readZip, undoWorkbook, writeZip } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";
import { SheetDoc } from "../../src/xlsx/sheet-doc";
import { StyleBook } from "../../src/xlsx/styles";
import { attrs } from "../../src/xlsx/xml";
import { entryText } from "../../src/xlsx/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const RECORD = "_shinchoku";

type Files = Record<string, string>;

const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1"><alignment wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyFont="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
// Style indexes in STYLES: 1 wraps, 2 is bold, 3 is a date format.
const WRAP = 1;
const BOLD = 2;
const DATE = 3;

/** A package as Excel lays it out: sheets named `names`, each an empty worksheet, plus styles. */
function files(names: string[], sheetXml: (i: number) => string = () => `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`): Files {
  const out: Files = {
    "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${WS_CT}"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG_REL}">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${names.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml": STYLES,
  };
  names.forEach((_, i) => (out[`xl/worksheets/sheet${i + 1}.xml`] = sheetXml(i)));
  return out;
}

const zipOf = (f: Files): Uint8Array => writeZip(Object.entries(f).map(([name, data]) => ({ name, data })));
function filesOf(bytes: Uint8Array): Files {
  const zip = readZip(bytes);
  return Object.fromEntries(zip.entries.map((e) => [e.name, entryText(zip, e.name) ?? ""]));
}

function at(address: string): { row: number; col: number } {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return { row: Number(m[2]), col: m[1].charCodeAt(0) - 64 };
}
function cell(address: string, value: PlannedCell["value"], extra: Partial<PlannedCell> = {}): PlannedCell {
  return { ...at(address), address, value, fill: null, numFmt: null, bold: false, wrap: false, ...extra };
}
function planFor(sheet: string, cells: PlannedCell[], extra: Partial<WritePlan> = {}): WritePlan {
  return { sheet, headerRow: 1, columns: [], cells, previous: [], written: Object.fromEntries(cells.map((c) => [c.address, c.value])), statusRange: null, ...extra };
}

/** The `<sheet>` entries of a workbook part, in tab order. */
const sheetEntries = (wb: string): string[] => [...wb.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*?\/>/g)].map((m) => m[0]);
const recordEntry = (wb: string): string => sheetEntries(wb).find((e) => attrs(e).name === RECORD)!;

describe("the looks it writes and records for each cell", () => {
  // Column B is formatted bold, column C wraps; row 2 has its own format (wrap), which wins over its column's.
  // B1 exists without a style of its own; A3 holds a date.
  const sheet = `<worksheet xmlns="${MAIN}"><cols><col min="2" max="2" width="9" style="${BOLD}" customWidth="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>5</v></c></row><row r="2" s="${WRAP}" customFormat="1"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3" s="${DATE}"><v>45000</v></c></row></sheetData></worksheet>`;
  const src = zipOf(files(["表"], () => sheet));
  const cells = [cell("B1", "x"), cell("B5", "y"), cell("B2", "z"), cell("A3", 7), cell("A1", "plain"), cell("D1", "bold", { bold: true }), cell("E1", "wrapped", { wrap: true })];
  const plan = planFor("表", cells, {
    columns: [
      { header: "達成状況", col: 2, width: 14 },
      { header: "達成率", col: 5, width: 11 },
    ],
    statusRange: { col: 2, firstRow: 1, lastRow: 5 },
  });
  const out = patchWorkbook(src, "t.xlsx", [plan]);
  const f = filesOf(out);
  const doc = new SheetDoc(f["xl/worksheets/sheet1.xml"]);
  const styles = new StyleBook(f["xl/styles.xml"]);
  const look = (address: string) => {
    const { row, col } = at(address);
    return styles.look(doc.cell(row, col).style);
  };
  const before = new StyleBook(STYLES);

  it("a cell present without a style keeps its own plain format, not its column's", () => {
    expect(look("B1").bold).toBe(false);
  });

  it("an absent cell takes its column's format as the base (bold column: written bold)", () => {
    expect(look("B5").bold).toBe(true);
  });

  it("an absent cell in a formatted row takes the row's format, not the column's", () => {
    expect(look("B2")).toMatchObject({ wrap: true, bold: false });
  });

  it("a cell without a planned number format keeps the one it had (the date stays a date format)", () => {
    expect(before.look(DATE).numFmt).not.toBeNull();
    expect(look("A3").numFmt).toBe(before.look(DATE).numFmt);
  });

  it("bold and wrapping are set exactly where planned", () => {
    expect(look("A1")).toMatchObject({ bold: false, wrap: false });
    expect(look("D1")).toMatchObject({ bold: true, wrap: false });
    expect(look("E1")).toMatchObject({ bold: false, wrap: true });
  });

  it("the status range gets the list validation", () => {
    expect(doc.validationsXml()).toContain('sqref="B1:B5"');
  });

  it("a plan for a sheet the workbook lacks is skipped: the others are written and recorded, it is not", () => {
    const both = patchWorkbook(src, "t.xlsx", [planFor("無い", [cell("A1", "never")]), plan]);
    const record = readWorkbook(both, "t.xlsx").record!;
    expect(Object.keys(record.sheets)).toEqual(["表"]);
    expect(record.lastRun!.undo.map((u) => u.sheet)).toEqual(["表"]);
    expect(readWorkbook(both, "t.xlsx").sheets[0].cells[0][1].value).toBe("x");
  });

  it("the undo snapshot holds each planned cell's look before the run, absent cells as their row or column shows them", () => {
    const undo = readWorkbook(out, "t.xlsx").record!.lastRun!.undo[0];
    expect(undo.cells.map((c) => c.address)).toEqual(cells.map((c) => c.address));
    const snap = (address: string) => undo.cells.find((c) => c.address === address)!;
    expect(snap("B1")).toMatchObject({ value: 5, bold: false, wrap: false });
    expect(snap("B5")).toMatchObject({ value: null, bold: true, wrap: false });
    expect(snap("B2")).toMatchObject({ value: null, bold: false, wrap: true });
    expect(snap("A3").numFmt).toBe(before.look(DATE).numFmt);
    expect(undo.validationRange).toBe("B1:B5");
    // Column B had width 9 before; column E no <col> of its own.
    expect(undo.widths).toEqual([
      { col: 2, width: 9 },
      { col: 5, width: null },
    ]);
  });

  it("a plan without a status range writes its cells and adds no validation", () => {
    const plain = patchWorkbook(src, "t.xlsx", [planFor("表", [cell("D1", "only")])]);
    const d = new SheetDoc(filesOf(plain)["xl/worksheets/sheet1.xml"]);
    expect(d.validationsXml()).toBeNull();
    expect(readWorkbook(plain, "t.xlsx").sheets[0].cells[0][3].value).toBe("only");
  });
});

describe("a formula in a planned cell is refused", () => {
  it("with the error code formula-in-output", () => {
    const src = zipOf(files(["表"], () => `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="B1"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`));
    let err: unknown;
    try {
      patchWorkbook(src, "t.xlsx", [planFor("表", [cell("B1", "x")])]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FileError);
    expect((err as FileError).code).toBe("formula-in-output");
  });

  it("also a filled-down shared formula's follower (<f t=\"shared\" si=\"0\"/>)", () => {
    const src = zipOf(files(["表"], () => `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="B1"><f t="shared" ref="B1:B2" si="0">A1*2</f><v>2</v></c></row><row r="2"><c r="B2"><f t="shared" si="0"/><v>4</v></c></row></sheetData></worksheet>`));
    expect(() => patchWorkbook(src, "t.xlsx", [planFor("表", [cell("B2", "x")])])).toThrow(/B2/);
  });

  it("also in a worksheet whose elements carry a prefix (ns0:f)", () => {
    const src = zipOf(files(["表"], () => `<ns0:worksheet xmlns:ns0="${MAIN}"><ns0:sheetData><ns0:row r="1"><ns0:c r="B1"><ns0:f>1+1</ns0:f><ns0:v>2</ns0:v></ns0:c></ns0:row></ns0:sheetData></ns0:worksheet>`));
    expect(() => patchWorkbook(src, "t.xlsx", [planFor("表", [cell("B1", "x")])])).toThrow(/B1/);
  });
});

describe("adding the record sheet", () => {
  it("its entry has a fresh positive sheetId and reuses the root's relationships prefix; its relationship a fresh, non-empty Id", () => {
    const f = files(["表", "他"]);
    // Relationships part ending in a line break (as many producers write it).
    f["xl/_rels/workbook.xml.rels"] += "\r\n";
    const out = filesOf(patchWorkbook(zipOf(f), "t.xlsx", []));
    const wb = out["xl/workbook.xml"];
    const entry = recordEntry(wb);
    expect(entry).toBeDefined();
    const a = attrs(entry);
    const ids = sheetEntries(wb).filter((e) => e !== entry).map((e) => Number(attrs(e).sheetId));
    const id = Number(a.sheetId);
    expect(Number.isInteger(id) && id >= 1 && !ids.includes(id)).toBe(true);
    // The root declares the relationships namespace as r: the entry uses it and declares nothing itself.
    expect(entry).not.toContain("xmlns");
    const rid = a["r:id"];
    expect(rid).toBeTruthy();
    const relIds = [...out["xl/_rels/workbook.xml.rels"].matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]);
    expect(relIds.filter((x) => x === rid)).toHaveLength(1);
    expect(new Set(relIds).size).toBe(relIds.length);
    const pkg = openPackage(readZip(zipOf(out)));
    expect(pkg.sheets.find((s) => s.name === RECORD)?.part).toBeTruthy();
  });

  it("never takes the name of a zip entry no content type names, nor of a part the content types still name", () => {
    const f = files(["表", "他"]);
    f["xl/worksheets/sheet3.xml"] = "left over by another tool";
    f["[Content_Types].xml"] = f["[Content_Types].xml"].replace("</Types>", `<Override PartName="/xl/worksheets/sheet4.xml" ContentType="${WS_CT}"/></Types>`);
    const out = filesOf(patchWorkbook(zipOf(f), "t.xlsx", []));
    expect(out["xl/worksheets/sheet3.xml"]).toBe("left over by another tool");
    const names = [...out["[Content_Types].xml"].matchAll(/PartName="([^"]+)"/g)].map((m) => m[1].toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(readWorkbook(zipOf(out), "t.xlsx").record).not.toBeNull();
  });

  it("in a workbook written with ElementTree prefixes (ns0:, ns1:) the entry goes into ns0:sheets with ns1:id", () => {
    const f = files(["表"]);
    f["xl/workbook.xml"] = `<ns0:workbook xmlns:ns0="${MAIN}" xmlns:ns1="${REL}"><ns0:sheets><ns0:sheet name="表" sheetId="1" ns1:id="rId1"/></ns0:sheets></ns0:workbook>`;
    const out = patchWorkbook(zipOf(f), "t.xlsx", []);
    const wb = filesOf(out)["xl/workbook.xml"];
    const entry = recordEntry(wb);
    expect(entry).toMatch(/^<ns0:sheet\b/);
    expect(entry).toMatch(/\bns1:id="/);
    expect(entry).not.toContain("xmlns");
    expect(readWorkbook(out, "t.xlsx").record).not.toBeNull();
  });

  it("a workbook without a relationships part gets one naming the record sheet", () => {
    const f = files([]);
    delete f["xl/_rels/workbook.xml.rels"];
    delete f["xl/styles.xml"];
    const out = patchWorkbook(zipOf(f), "t.xlsx", []);
    expect(readWorkbook(out, "t.xlsx").record).not.toBeNull();
  });

  it("styles created for a workbook outside xl/ are found again (the relationship points at /xl/styles.xml)", () => {
    const f = files(["表"]);
    const moved: Files = {
      "[Content_Types].xml": f["[Content_Types].xml"].replace("/xl/workbook.xml", "/wb/workbook.xml").replace('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>', "").replace("/xl/worksheets/", "/wb/worksheets/"),
      "_rels/.rels": f["_rels/.rels"].replace("xl/workbook.xml", "wb/workbook.xml"),
      "wb/workbook.xml": f["xl/workbook.xml"],
      "wb/_rels/workbook.xml.rels": `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "wb/worksheets/sheet1.xml": f["xl/worksheets/sheet1.xml"],
    };
    const out = patchWorkbook(zipOf(moved), "t.xlsx", [planFor("表", [cell("A1", "達成", { fill: "FF00B050" })])]);
    const pkg = openPackage(readZip(out));
    expect(pkg.stylesPart).toBe("xl/styles.xml");
    expect(readWorkbook(out, "t.xlsx", { fills: true }).fills.get("表")![0][0]).toBe("FF00B050");
  });
});

describe("removing the record sheet on undo", () => {
  /** Patches, lets `edit` change the written package (as a user or another tool would), then undoes to before the first write. */
  function roundTrip(f: Files, edit: (out: Files) => void): { before: Files; after: Files } {
    const out = filesOf(patchWorkbook(zipOf(f), "t.xlsx", [planFor("表", [cell("A1", "x")])]));
    edit(out);
    const undone = undoWorkbook(zipOf(out), "t.xlsx", { all: true })!;
    return { before: out, after: filesOf(undone.bytes) };
  }
  const recordPart = (out: Files) => {
    const pkg = openPackage(readZip(zipOf(out)));
    return pkg.sheets.find((s) => s.name === RECORD)!.part!;
  };

  it("its relationship, its content type override and its own relationships part go with it: the package parts are as before", () => {
    const f = files(["表", "他"]);
    const { after } = roundTrip(f, (out) => {
      const part = recordPart(out);
      const dir = part.slice(0, part.lastIndexOf("/") + 1);
      out[`${dir}_rels/${part.slice(dir.length)}.rels`] = `<Relationships xmlns="${PKG_REL}"/>`;
    });
    expect(Object.keys(after).sort()).toEqual(Object.keys(f).sort());
    expect(after["[Content_Types].xml"]).toBe(f["[Content_Types].xml"]);
    expect(after["xl/_rels/workbook.xml.rels"]).toBe(f["xl/_rels/workbook.xml.rels"]);
    expect(after["xl/workbook.xml"]).toBe(f["xl/workbook.xml"]);
  });

  it("when it is the first sheet: its entry and the names scoped to it go, later sheets' names move up", () => {
    const f = files(["表"]);
    const { after } = roundTrip(f, (out) => {
      const wb = out["xl/workbook.xml"];
      const entry = recordEntry(wb);
      out["xl/workbook.xml"] = wb
        .replace(entry, "")
        .replace("<sheets>", `<sheets>${entry}`)
        .replace("</sheets>", `</sheets><definedNames><definedName name="Ours" localSheetId="0">${RECORD}!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">表!$A$1:$B$2</definedName></definedNames>`);
    });
    const wb = after["xl/workbook.xml"];
    expect(wb).not.toContain(RECORD);
    expect(wb).toContain('<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">表!$A$1:$B$2</definedName></definedNames>');
  });

  it("the tabs follow: the active tab on it falls back to the first sheet, tabs before it stay, names after it keep their other attributes", () => {
    const f = files(["表", "他"]);
    const { after } = roundTrip(f, (out) => {
      out["xl/workbook.xml"] = out["xl/workbook.xml"]
        .replace(/<workbookView[^>]*\/>/, '<workbookView firstSheet="1" activeTab="2"/>')
        .replace("</sheets>", `<sheet name="後 の表" sheetId="9" r:id="rIdL"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="3" hidden="1">'後 の表'!$A$1:$B$2</definedName></definedNames>`);
    });
    const wb = after["xl/workbook.xml"];
    expect(wb).toContain('<workbookView firstSheet="1" activeTab="0"/>');
    expect(wb).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="2" hidden="1">'後 の表'!$A$1:$B$2</definedName>`);
  });

  it("positions of ten and more move up too", () => {
    const f = files(["表"]);
    const later = Array.from({ length: 10 }, (_, i) => `<sheet name="S${i}" sheetId="${20 + i}" r:id="rIdX${i}"/>`).join("");
    const { after } = roundTrip(f, (out) => {
      out["xl/workbook.xml"] = out["xl/workbook.xml"]
        .replace(/<workbookView[^>]*\/>/, '<workbookView activeTab="11"/>')
        .replace("</sheets>", `${later}</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="11">S9!$A$1</definedName></definedNames>`);
    });
    const wb = after["xl/workbook.xml"];
    expect(wb).toContain('activeTab="10"');
    expect(wb).toContain('localSheetId="10">S9!$A$1<');
  });

  it("in a workbook written with ElementTree prefixes the workbook part comes back as it was", () => {
    const f = files(["表", "他"]);
    f["xl/workbook.xml"] = `<ns0:workbook xmlns:ns0="${MAIN}" xmlns:ns1="${REL}"><ns0:sheets><ns0:sheet name="表" sheetId="1" ns1:id="rId1"/><ns0:sheet name="他" sheetId="2" ns1:id="rId2"/></ns0:sheets><ns0:definedNames><ns0:definedName name="_xlnm.Print_Area" localSheetId="1">他!$A$1</ns0:definedName></ns0:definedNames></ns0:workbook>`;
    const { after } = roundTrip(f, (out) => {
      // The record sheet moved before 他: 他's name now says position 2.
      const wb = out["xl/workbook.xml"];
      const entry = recordEntry(wb);
      out["xl/workbook.xml"] = wb.replace(entry, "").replace('<ns0:sheet name="他"', `${entry}<ns0:sheet name="他"`).replace('localSheetId="1"', 'localSheetId="2"');
    });
    expect(after["xl/workbook.xml"]).toBe(f["xl/workbook.xml"]);
  });
});
