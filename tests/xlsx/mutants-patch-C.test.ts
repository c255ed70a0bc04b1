/**
 * Pins behaviour of src/xlsx/patch.ts (the record's origin, its fingerprint, undo by value and look, undo of
 * records made by the add-in or by older versions) that mutation testing found unpinned.
 */
import { a1, encodeRecord, RECORD_SHEET, STATUS_FILLS, type ShinchokuRecord, type WritePlan, type WrittenValue } from "../../src/core";
import { crc32, FileError, patchWorkbook, readWorkbook, readZip, rewriteZip, undoWorkbook, writeZip, type FileUndoSheet } from "../../src/xlsx";
import { openPackage } from "../../src/xlsx/package";
import { SheetDoc } from "../../src/xlsx/sheet-doc";
import { StyleBook } from "../../src/xlsx/styles";
import { escapeText } from "../../src/xlsx/xml";
import { entryBytes, entryText } from "../../src/xlsx/zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS = `xmlns="${MAIN}" xmlns:r="${REL}"`;
const F = "t.xlsx";
const GREEN = "FF00B050";

/** fonts: normal, bold; fills: none, gray125, green; cell formats: default, green and bold (index 1). */
const STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="${GREEN}"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" applyFont="1" applyFill="1"/></cellXfs></styleSheet>`;
const USER_RULE = `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="H4:H5"><formula1>0</formula1></dataValidation></dataValidations>`;

/** The judged sheet: column I has the user's width 20 and, in I4, a note (a shared string) formatted green and bold. */
function progressSheet(shared: boolean): string {
  const text = (ref: string, i: number, t: string, s = "") => (shared ? `<c r="${ref}"${s} t="s"><v>${i}</v></c>` : `<c r="${ref}"${s} t="inlineStr"><is><t>${t}</t></is></c>`);
  const rows = `<row r="1">${text("A1", 0, "表題")}</row><row r="4">${text("A4", 1, "項目")}${text("I4", 2, "メモ", ' s="1"')}</row><row r="5">${text("A5", 1, "項目")}</row>`;
  return `<worksheet ${NS}><dimension ref="A1:I5"/><cols><col min="9" max="9" width="20" customWidth="1"/></cols><sheetData>${rows}</sheetData>${USER_RULE}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

function book(o: { shared?: boolean; sheets?: string[] } = {}): Uint8Array {
  const shared = o.shared ?? true;
  const names = o.sheets ?? ["進捗"];
  const sheets = names.map((name, i) => ({ name, part: `xl/worksheets/sheet${i + 1}.xml`, xml: progressSheet(shared) }));
  const sst = `<sst xmlns="${MAIN}" count="4" uniqueCount="3"><si><t>表題</t></si><si><t>項目</t></si><si><t>メモ</t></si></sst>`;
  const entries = [
    { name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((s) => `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>` },
    { name: "_rels/.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: `<workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>` },
    { name: "xl/_rels/workbook.xml.rels", data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${s.part.slice(3)}"/>`).join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${shared ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>` },
    ...sheets.map((s) => ({ name: s.part, data: s.xml })),
    { name: "xl/styles.xml", data: STYLES },
    ...(shared ? [{ name: "xl/sharedStrings.xml", data: sst }] : []),
  ];
  return writeZip(entries);
}

interface Out {
  col: number;
  value: WrittenValue;
}
/** A plan writing 達成状況 (column I) and, when asked, 達成率 (J) in rows 4 and 5, as plan() makes them. */
function planOf(o: { sheet?: string; status?: [WrittenValue, WrittenValue]; rates?: [number, number] | null; statusRange?: boolean } = {}): WritePlan {
  const sheet = o.sheet ?? "進捗";
  const status = o.status ?? ["達成", "未達成"];
  const rates = o.rates === undefined ? [1.2, 0.5] : o.rates;
  const outs: Out[][] = [0, 1].map((i) => [{ col: 9, value: status[i] }, ...(rates ? [{ col: 10, value: rates[i] }] : [])]);
  const cells = outs.flatMap((row, i) =>
    row.map((c) => ({ row: i + 4, col: c.col, address: a1(i + 4, c.col), value: c.value, fill: c.col === 9 ? (c.value === "達成" ? STATUS_FILLS.achieved : STATUS_FILLS.not_achieved) : null, numFmt: c.col === 10 ? "0.0%" : null, bold: false, wrap: false })),
  );
  return {
    sheet,
    headerRow: 3,
    columns: [{ header: "達成状況" as const, col: 9, width: 10 }, ...(rates ? [{ header: "達成率" as const, col: 10, width: 9 }] : [])],
    cells,
    previous: cells.map((c) => ({ address: c.address, value: null })),
    written: Object.fromEntries(cells.map((c) => [c.address, c.value])),
    statusRange: o.statusRange === false ? null : { col: 9, firstRow: 4, lastRow: 5 },
  };
}

const zipText = (bytes: Uint8Array, name: string) => entryText(readZip(bytes), name) ?? "";
const sheetPart = (bytes: Uint8Array, sheet = "進捗") => {
  const pkg = openPackage(readZip(bytes));
  return pkg.sheets.find((s) => s.name === sheet)!.part!;
};
const docOf = (bytes: Uint8Array, sheet = "進捗") => new SheetDoc(zipText(bytes, sheetPart(bytes, sheet)));
const recordOf = (bytes: Uint8Array): ShinchokuRecord => readWorkbook(bytes, F).record!;
/** What a cell shows: its text as read, and the look of its format. */
function shown(bytes: Uint8Array, address: string, sheet = "進捗") {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const row = Number(m[2]);
  const cell = readWorkbook(bytes, F).sheets.find((s) => s.sheetName === sheet)!.cells[row - 1]?.[col - 1];
  const styles = new StyleBook(zipText(bytes, "xl/styles.xml"));
  return { text: cell?.text ?? "", look: styles.look(docOf(bytes, sheet).cell(row, col).style) };
}

function replaceParts(bytes: Uint8Array, parts: Record<string, string>): Uint8Array {
  return rewriteZip(readZip(bytes), new Map(Object.entries(parts).map(([k, v]) => [k, new TextEncoder().encode(v)])));
}
/** The workbook with its record sheet rewritten after `edit` (a record some other writer left). */
function withRecord(bytes: Uint8Array, edit: (r: ShinchokuRecord) => void): Uint8Array {
  const r = recordOf(bytes);
  edit(r);
  const rows = encodeRecord(r).map((c, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escapeText(c)}</t></is></c></row>`);
  return replaceParts(bytes, { [sheetPart(bytes, RECORD_SHEET)]: `<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData></worksheet>` });
}
/** An undo entry as the add-in stores it: no exact XML, column attributes, validations or dimension. */
function asAddIn(u: FileUndoSheet): void {
  delete u.cellXml;
  delete u.colAttrs;
  delete u.validations;
  delete u.dimension;
}

/**
 * Another program re-saved the workbook and renumbered its cell formats (a new one at index 1, every
 * `s` from 1 up moved one place); `extra` edits the sheet as the user did there.
 */
function resavedWithNewFormat(bytes: Uint8Array, extra: (sheetXml: string) => string = (x) => x): Uint8Array {
  const styles = zipText(bytes, "xl/styles.xml").replace(/<cellXfs count="(\d+)">(<xf [^>]*\/>)/, (_m, n: string, first: string) => `<cellXfs count="${Number(n) + 1}">${first}<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>`);
  const part = sheetPart(bytes);
  const sheet = zipText(bytes, part).replace(/(<c [^>]*?\bs=")(\d+)"/g, (_m, head: string, s: string) => `${head}${Number(s) >= 1 ? Number(s) + 1 : 0}"`);
  return replaceParts(bytes, { "xl/styles.xml": styles, [part]: extra(sheet) });
}

describe("patch.ts: the origin a first write leaves", () => {
  const src = book();
  const once = patchWorkbook(src, F, [planOf()]);

  it("holds, for a sheet's first write, exactly that write's snapshot: cells, widths, exact XML, columns, the list's range", () => {
    const r = recordOf(once);
    const run = r.lastRun!.undo[0] as FileUndoSheet;
    const origin = r.origin!["進捗"] as FileUndoSheet;
    expect(origin.cells).toEqual(run.cells);
    expect(origin.widths).toEqual(run.widths);
    expect(origin.cellXml).toEqual(run.cellXml);
    expect(origin.colAttrs).toEqual(run.colAttrs);
    expect(origin.validationRange).toBe(run.validationRange);
    // The note in I4 and the user's width of column I are in it as they were.
    expect(origin.cellXml!.I4).toBe(docOf(src).cell(4, 9).xml);
    expect(origin.colAttrs!["9"]).toBe(docOf(src).colAttrs(9));
  });

  it("undo --all gives the judged sheet back byte for byte, after one write or two", () => {
    const all = undoWorkbook(once, F, { all: true })!;
    expect(all.scope).toBe("origin");
    expect(zipText(all.bytes, "xl/worksheets/sheet1.xml")).toBe(zipText(src, "xl/worksheets/sheet1.xml"));
    // A second write over the same cells and columns: the origin keeps the state before the first.
    const twice = patchWorkbook(once, F, [planOf({ status: ["未達成", "達成"], rates: [0.5, 1.2] })]);
    expect(recordOf(twice).origin!["進捗"].widths).toEqual(recordOf(once).origin!["進捗"].widths);
    const back = undoWorkbook(twice, F, { all: true })!;
    expect(zipText(back.bytes, "xl/worksheets/sheet1.xml")).toBe(zipText(src, "xl/worksheets/sheet1.xml"));
  });

  it("a fingerprint is the length and CRC-32 of each shared part as stored (an absent part counting as empty)", () => {
    const mark = (bytes: Uint8Array) => `${bytes.length}:${crc32(bytes)}`;
    const stored = (bytes: Uint8Array, name: string) => {
      const zip = readZip(bytes);
      const e = zip.byName.get(name);
      return e ? entryBytes(zip, e) : new Uint8Array(0);
    };
    expect(recordOf(once).fingerprint).toEqual({ styles: mark(stored(once, "xl/styles.xml")), sharedStrings: mark(stored(once, "xl/sharedStrings.xml")) });
    const plain = book({ shared: false });
    const written = patchWorkbook(plain, F, [planOf()]);
    expect(readZip(written).byName.has("xl/sharedStrings.xml")).toBe(false);
    expect(recordOf(written).fingerprint).toEqual({ styles: mark(stored(written, "xl/styles.xml")), sharedStrings: mark(new Uint8Array(0)) });
  });
});

describe("patch.ts: undo after another program rewrote the shared parts", () => {
  const src = book();
  const before = docOf(src);
  const once = patchWorkbook(src, F, [planOf()]);

  it("restores value and look (not the stored XML, whose format indexes moved) when the styles changed", () => {
    // Re-saved elsewhere, where the user also cleared J5 (the element is gone).
    const resaved = resavedWithNewFormat(once, (x) => x.replace(/<c r="J5"[^>]*?(?:\/>|>.*?<\/c>)/, ""));
    expect(docOf(resaved).cell(5, 10).xml).toBeNull();
    const undone = undoWorkbook(resaved, F)!;
    expect(undone.scope).toBe("last");
    expect(shown(undone.bytes, "I4")).toEqual(shown(src, "I4"));
    expect(shown(undone.bytes, "I4").look.fill).toBe(GREEN);
    for (const address of ["J4", "I5", "J5"]) expect(shown(undone.bytes, address)).toEqual(shown(src, address));
    const after = docOf(undone.bytes);
    // The columns: I back to the user's width, J without a <col> of its own again.
    expect(after.colWidth(9)).toBe(20);
    expect(after.colAttrs(9)).toBe(before.colAttrs(9));
    expect(after.colAttrs(10)).toBeNull();
    expect(after.validationsXml()).toBe(before.validationsXml());
    expect(after.dimension()).toBe(before.dimension());
  });

  it("restores the text (not a shared-string index that now means another text) when the shared strings changed", () => {
    // Re-saved elsewhere with the shared strings in another order (the sheet's indexes follow); styles untouched.
    const sst = `<sst xmlns="${MAIN}" count="4" uniqueCount="3"><si><t>メモ</t></si><si><t>表題</t></si><si><t>項目</t></si></sst>`;
    const part = sheetPart(once);
    const sheet = zipText(once, part).replace(/(t="s"><v>)(\d+)</g, (_m, head: string, i: string) => `${head}${(Number(i) + 1) % 3}<`);
    const resaved = replaceParts(once, { "xl/sharedStrings.xml": sst, [part]: sheet });
    expect(shown(resaved, "A1").text).toBe("表題");
    const undone = undoWorkbook(resaved, F)!;
    expect(shown(undone.bytes, "I4")).toEqual(shown(src, "I4"));
    expect(shown(undone.bytes, "I4").text).toBe("メモ");
  });

  it("after such an undo the record's fingerprint describes the parts as now stored", () => {
    const twice = patchWorkbook(once, F, [planOf({ status: ["未達成", "達成"], rates: [0.5, 1.2] })]);
    const undone = undoWorkbook(resavedWithNewFormat(twice), F)!;
    const r = recordOf(undone.bytes);
    expect(r.sheets["進捗"].written).toEqual(planOf().written);
    const mark = (name: string) => {
      const zip = readZip(undone.bytes);
      const b = entryBytes(zip, zip.byName.get(name)!);
      return `${b.length}:${crc32(b)}`;
    };
    expect(r.fingerprint).toEqual({ styles: mark("xl/styles.xml"), sharedStrings: mark("xl/sharedStrings.xml") });
  });

  it("a record without a fingerprint (older versions) is undone by value and look", () => {
    const older = withRecord(once, (r) => delete r.fingerprint);
    const undone = undoWorkbook(older, F)!;
    for (const address of ["I4", "J4", "I5", "J5"]) expect(shown(undone.bytes, address)).toEqual(shown(src, address));
    expect(docOf(undone.bytes).colWidth(9)).toBe(20);
  });
});

describe("patch.ts: records made by the add-in or by older versions", () => {
  const src = book();
  const before = docOf(src);
  const once = patchWorkbook(src, F, [planOf()]);
  const ours = (bytes: Uint8Array) => docOf(bytes).validationsXml()?.match(/errorTitle="Shinchoku"/g)?.length ?? 0;

  it("a last run stored without exact XML restores each cell's value and look, the widths, and drops the list it added", () => {
    const addIn = withRecord(once, (r) => r.lastRun!.undo.forEach((u) => asAddIn(u)));
    expect(ours(addIn)).toBe(1);
    const undone = undoWorkbook(addIn, F)!;
    for (const address of ["I4", "J4", "I5", "J5"]) expect(shown(undone.bytes, address)).toEqual(shown(src, address));
    const after = docOf(undone.bytes);
    expect(after.colWidth(9)).toBe(20);
    expect(after.colAttrs(10)).toBeNull();
    // Its list goes; the user's rule stays.
    expect(ours(undone.bytes)).toBe(0);
    expect(after.validationsXml()).toContain('sqref="H4:H5"');
  });

  it("a last run that added no list leaves the list and the dimension as they are", () => {
    const addIn = withRecord(once, (r) =>
      r.lastRun!.undo.forEach((u) => {
        asAddIn(u);
        u.validationRange = null;
      }),
    );
    const undone = undoWorkbook(addIn, F)!;
    expect(docOf(undone.bytes).validationsXml()).toBe(docOf(once).validationsXml());
    expect(docOf(undone.bytes).dimension()).toBe(docOf(once).dimension());
    expect(shown(undone.bytes, "I4")).toEqual(shown(src, "I4"));
  });

  it("a CLI write over an origin the add-in made adds its new cells and columns, and undo --all takes its list away too", () => {
    // The add-in wrote 達成状況 only (no list); then the CLI writes 達成状況 and 達成率 with the list.
    const first = withRecord(patchWorkbook(src, F, [planOf({ rates: null, statusRange: false })]), (r) => {
      r.lastRun!.undo.forEach((u) => asAddIn(u));
      Object.values(r.origin!).forEach((u) => asAddIn(u));
      delete r.fingerprint;
    });
    const second = patchWorkbook(first, F, [planOf()]);
    const origin = recordOf(second).origin!["進捗"] as FileUndoSheet;
    expect(origin.cells.map((c) => c.address).sort()).toEqual(["I4", "I5", "J4", "J5"]);
    expect(origin.widths.map((w) => w.col)).toEqual([9, 10]);
    expect(origin.cellXml).toBeUndefined();
    expect(origin.validationRange).toBe("I4:I5");
    expect(ours(second)).toBe(1);
    const all = undoWorkbook(second, F, { all: true })!;
    expect(all.scope).toBe("origin");
    for (const address of ["I4", "J4", "I5", "J5"]) expect(shown(all.bytes, address)).toEqual(shown(src, address));
    expect(docOf(all.bytes).validationsXml()).toBe(before.validationsXml());
    expect(docOf(all.bytes).colWidth(9)).toBe(20);
    expect(docOf(all.bytes).colAttrs(10)).toBeNull();
  });

  it("undo --all on a record without an origin (older versions) undoes the last write", () => {
    const older = withRecord(once, (r) => delete r.origin);
    const undone = undoWorkbook(older, F, { all: true })!;
    expect(undone.scope).toBe("last");
    for (const address of ["I4", "J4", "I5", "J5"]) expect(shown(undone.bytes, address)).toEqual(shown(src, address));
    expect(readWorkbook(undone.bytes, F).record).toBeNull();
  });

  it("nothing to undo when the record has neither a last run nor an origin", () => {
    const spent = withRecord(once, (r) => {
      r.lastRun = null;
      delete r.origin;
    });
    expect(readWorkbook(spent, F).record).not.toBeNull();
    expect(undoWorkbook(spent, F)).toBeNull();
    expect(undoWorkbook(spent, F, { all: true })).toBeNull();
  });

  it("an entry whose address is not a cell reference is passed over; the other cells are restored", () => {
    const damaged = withRecord(once, (r) => {
      const u = r.lastRun!.undo[0];
      for (const address of ["#I5", "I5#", "i5"]) u.cells.push({ address, value: "壊れた", fill: GREEN, numFmt: null, bold: true, wrap: false });
    });
    const undone = undoWorkbook(damaged, F)!;
    for (const address of ["I4", "J4", "I5", "J5"]) expect(shown(undone.bytes, address)).toEqual(shown(src, address));
    expect(zipText(undone.bytes, "xl/worksheets/sheet1.xml")).not.toContain("壊れた");
  });
});

describe("patch.ts: undo and the record across sheets and writes", () => {
  it("undoing the second write gives the ownership back to the first", () => {
    const src = book();
    const first = patchWorkbook(src, F, [planOf()]);
    const second = patchWorkbook(first, F, [planOf({ status: ["未達成", "達成"], rates: [0.5, 1.2] })]);
    const undone = undoWorkbook(second, F)!;
    expect(recordOf(undone.bytes).sheets["進捗"]).toEqual({ written: planOf().written });
  });

  it("undoing a sheet's first write forgets its origin: a later undo --all leaves that sheet as the user has it", () => {
    const src = book({ sheets: ["進捗", "別表"] });
    const a = patchWorkbook(src, F, [planOf()]);
    const b = patchWorkbook(a, F, [planOf({ sheet: "別表" })]);
    const undone = undoWorkbook(b, F)!;
    const r = recordOf(undone.bytes);
    expect(Object.keys(r.sheets)).toEqual(["進捗"]);
    expect(Object.keys(r.origin!)).toEqual(["進捗"]);
    // The user then types into 別表's I4 by hand.
    const part = sheetPart(undone.bytes, "別表");
    const typed = replaceParts(undone.bytes, { [part]: zipText(undone.bytes, part).replace(/<c r="I4"[^>]*?(?:\/>|>.*?<\/c>)/, `<c r="I4" t="inlineStr"><is><t>手入力</t></is></c>`) });
    const all = undoWorkbook(typed, F, { all: true })!;
    expect(shown(all.bytes, "I4", "別表").text).toBe("手入力");
    expect(shown(all.bytes, "I4", "進捗")).toEqual(shown(src, "I4", "進捗"));
  });

  // As the add-in (gateway.ts: sheet-missing): a partial undo would drop the record of the renamed sheet's cells.
  it("a sheet renamed since the write: the whole undo is refused (sheet-missing, naming it); named back, it undoes", () => {
    const src = book({ sheets: ["進捗", "別表"] });
    const written = patchWorkbook(src, F, [planOf(), planOf({ sheet: "別表" })]);
    const wb = zipText(written, "xl/workbook.xml");
    const renamed = replaceParts(written, { "xl/workbook.xml": wb.replace('name="別表"', 'name="改名"') });
    for (const all of [false, true]) {
      let error: unknown;
      try {
        undoWorkbook(renamed, F, { all });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FileError);
      expect(error).toMatchObject({ code: "sheet-missing", detail: "別表" });
      expect((error as FileError).message).toContain("「別表」");
      expect((error as FileError).en).toContain('"別表"');
    }
    const back = replaceParts(renamed, { "xl/workbook.xml": wb });
    const undone = undoWorkbook(back, F)!;
    expect(shown(undone.bytes, "I4", "進捗")).toEqual(shown(src, "I4", "進捗"));
    expect(shown(undone.bytes, "I4", "別表")).toEqual(shown(src, "I4", "別表"));
  });

  it("undo restores cells in two-letter columns", () => {
    const src = book();
    const p = planOf();
    const far = { ...p, columns: [{ header: "達成状況" as const, col: 28, width: 10 }], statusRange: null, cells: [{ ...p.cells[0], col: 28, address: "AB4" }] };
    far.written = { AB4: "達成" };
    const written = patchWorkbook(src, F, [far]);
    expect(shown(written, "AB4").text).toBe("達成");
    const undone = undoWorkbook(written, F)!;
    expect(docOf(undone.bytes).cell(4, 28).xml).toBeNull();
    expect(zipText(undone.bytes, "xl/worksheets/sheet1.xml")).toBe(zipText(src, "xl/worksheets/sheet1.xml"));
  });
});

describe("patch.ts: bugs this audit found, fixed", () => {
  const src = book();
  const once = patchWorkbook(src, F, [planOf()]);

  it("undo --all after a re-save that renumbered the formats and a second write gives the note back with its own look", () => {
    // Before the fix the origin kept its first XML (s="1") and the second write stamped a fresh fingerprint
    // over it, so undo --all put back a cell whose format index now means a date format.
    const twice = patchWorkbook(resavedWithNewFormat(once), F, [planOf({ status: ["未達成", "達成"], rates: [0.5, 1.2] })]);
    const all = undoWorkbook(twice, F, { all: true })!;
    expect(all.scope).toBe("origin");
    expect(shown(all.bytes, "I4")).toEqual(shown(src, "I4"));
    expect(shown(all.bytes, "I4").look).toMatchObject({ fill: GREEN, bold: true });
    // The same after a re-save, an undo (restored by value) and undo --all.
    const resaved = resavedWithNewFormat(patchWorkbook(once, F, [planOf({ status: ["未達成", "達成"] })]));
    const last = undoWorkbook(resaved, F)!;
    expect(last.scope).toBe("last");
    const back = undoWorkbook(last.bytes, F, { all: true })!;
    expect(shown(back.bytes, "I4")).toEqual(shown(src, "I4"));
  });

  it("a comment after the root of the relationships or content types: the record sheet is still wired in, and undo works", () => {
    const rels = zipText(src, "xl/_rels/workbook.xml.rels") + "\n<!-- saved by a tool -->\n";
    const types = zipText(src, "[Content_Types].xml") + '<?tool note?>\r\n<!-- </Types> -->';
    const commented = replaceParts(src, { "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types });
    const written = patchWorkbook(commented, F, [planOf()]);
    expect(readWorkbook(written, F).record?.sheets["進捗"].written).toEqual(planOf().written);
    expect(zipText(written, "xl/_rels/workbook.xml.rels")).toMatch(/<Relationship [^>]*worksheets\/sheet2\.xml"\/><\/Relationships>\n<!-- saved by a tool -->\n$/);
    expect(zipText(written, "[Content_Types].xml")).toMatch(/sheet2\.xml" ContentType="[^"]+"\/><\/Types><\?tool note\?>\r\n<!-- <\/Types> -->$/);
    const undone = undoWorkbook(written, F)!;
    expect(zipText(undone.bytes, "xl/_rels/workbook.xml.rels")).toBe(rels);
    expect(zipText(undone.bytes, "[Content_Types].xml")).toBe(types);
  });

  it("a package whose relationships do not end in their end tag is refused as corrupt, not written half-wired", () => {
    const broken = replaceParts(src, { "xl/_rels/workbook.xml.rels": zipText(src, "xl/_rels/workbook.xml.rels").replace("</Relationships>", "") });
    expect(() => patchWorkbook(broken, F, [planOf()])).toThrow(expect.objectContaining({ code: "corrupt" }));
  });

  it("undo removes the record sheet's entries also when a tool re-saved them as start and end tags", () => {
    const expand = (xml: string, tag: string) => xml.replace(new RegExp(`<(${tag}\\b[^>]*?)\\s*/>`, "g"), "<$1></" + tag + ">");
    const canon = replaceParts(once, {
      "xl/workbook.xml": expand(zipText(once, "xl/workbook.xml"), "sheet"),
      "xl/_rels/workbook.xml.rels": expand(zipText(once, "xl/_rels/workbook.xml.rels"), "Relationship"),
      "[Content_Types].xml": expand(zipText(once, "[Content_Types].xml"), "Override"),
    });
    expect(zipText(canon, "xl/workbook.xml")).toContain(`</sheet>`);
    const undone = undoWorkbook(canon, F)!.bytes;
    expect(zipText(undone, "xl/workbook.xml")).not.toContain(RECORD_SHEET);
    expect(zipText(undone, "xl/_rels/workbook.xml.rels")).not.toContain("sheet2.xml");
    expect(zipText(undone, "[Content_Types].xml")).not.toContain("sheet2.xml");
    expect(readZip(undone).byName.has("xl/worksheets/sheet2.xml")).toBe(false);
    // The user's own sheet entry, written the same way, stays.
    expect(zipText(undone, "xl/workbook.xml")).toContain(`<sheet name="進捗" sheetId="1" r:id="rId1"></sheet>`);
  });
});
