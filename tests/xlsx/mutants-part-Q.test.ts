/**
 * Pins behaviour a mutation run of src/xlsx/patch.ts and src/xlsx/format.ts found unpinned: exact undo across
 * several writes (the styles edits, the `<cols>` chain, undo --all after two writes), the renamed-sheet refusal,
 * and compound-file directory entries that start a directory sector placed after another sector (MS-CFB §2.6).
 */
import * as path from "path";
import { FILE_MESSAGES } from "../../src/core/messages-file";
import { detectFormat, FileError, patchWorkbook, readZip, undoWorkbook } from "../../src/xlsx";
import { entryText } from "../../src/xlsx/zip";
import { plans } from "./plans";
import { differing, load, parts, PRODUCER_FILES as FILES, withPart } from "./workbook-parts";
import { decodeRecord, encodeRecord, type ShinchokuRecord } from "../../src/core/record";
import { openPackage } from "../../src/xlsx/package";
import { RECORD_SHEET } from "../../src/core";

const AT1 = new Date("2026-04-01T00:00:00Z");
const AT2 = new Date("2026-04-02T00:00:00Z");
const AT3 = new Date("2026-04-03T00:00:00Z");

/** What `run` threw (null when it returned). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return null;
}
const text = (bytes: Uint8Array, name: string) => entryText(readZip(bytes), name)!;
const write = (bytes: Uint8Array, at: Date) => patchWorkbook(bytes, "t.xlsx", plans(bytes), at);
const writeOnly = (bytes: Uint8Array, sheet: string, at: Date) => patchWorkbook(bytes, "t.xlsx", plans(bytes).filter((p) => p.sheet === sheet), at);
const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** The record sheet's part, its record changed by `change` (as another version of the program might have stored it). */
function withRecord(bytes: Uint8Array, change: (r: ShinchokuRecord) => void): Uint8Array {
  const part = openPackage(readZip(bytes)).sheets.find((s) => s.name === RECORD_SHEET)!.part!;
  return withPart(bytes, part, (xml) => {
    const chunks = [...xml.matchAll(/<t xml:space="preserve">([\s\S]*?)<\/t>/g)].map((m) => unescape(m[1]));
    const record = decodeRecord(chunks)!;
    change(record);
    const rows = encodeRecord(record).map((c, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t xml:space="preserve">${escape(c)}</t></is></c></row>`).join("");
    return xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`);
  });
}

describe("exact undo across several writes", () => {
  it.each(FILES.map((f) => [path.basename(f), f]))("%s: write, write again, undo --all: every entry byte-identical", (_name, file) => {
    const src = load(file);
    const twice = write(write(src, AT1), AT2);
    const back = undoWorkbook(twice, "t.xlsx", { all: true })!;
    expect(back.scope).toBe("origin");
    expect(differing(src, back.bytes)).toEqual([]);
  });

  it.each(FILES.map((f) => [path.basename(f), f]))("%s: write, undo (the last write, the only one): every entry byte-identical", (_name, file) => {
    const src = load(file);
    const back = undoWorkbook(write(src, AT1), "t.xlsx")!;
    expect(back.scope).toBe("last");
    expect(differing(src, back.bytes)).toEqual([]);
  });

  it.each(FILES.map((f) => [path.basename(f), f]))("%s: three writes, undo, undo --all: every entry byte-identical", (_name, file) => {
    const src = load(file);
    const thrice = write(write(write(src, AT1), AT2), AT3);
    const last = undoWorkbook(thrice, "t.xlsx")!;
    expect(last.scope).toBe("last");
    const back = undoWorkbook(last.bytes, "t.xlsx", { all: true })!;
    expect(back.scope).toBe("origin");
    expect(differing(src, back.bytes)).toEqual([]);
  });
});

describe("what someone changed between two writes", () => {
  const file = () => path.join(__dirname, "../files/corpus/libreoffice.xlsx");
  const SHEET = "xl/worksheets/sheet1.xml";
  const colsOf = (xml: string) => /<cols>[\s\S]*?<\/cols>/.exec(xml)![0];

  it("a column width set by hand between the writes: undo gives back the sheet as the second write found it; undo --all keeps the width", () => {
    const src = load(file());
    const once = write(src, AT1);
    const edited = withPart(once, SHEET, (xml) => xml.replace(/(<col min="2" max="8"[^>]*?)width="30.63"/, '$1width="44"'));
    expect(text(edited, SHEET)).toContain('width="44"');
    const twice = write(edited, AT2);
    const last = undoWorkbook(twice, "t.xlsx")!;
    expect(last.scope).toBe("last");
    expect(text(last.bytes, SHEET)).toBe(text(edited, SHEET));
    for (const back of [undoWorkbook(last.bytes, "t.xlsx")!, undoWorkbook(twice, "t.xlsx", { all: true })!]) {
      expect(back.scope).toBe("origin");
      const cols = colsOf(text(back.bytes, SHEET));
      expect(cols).toContain('width="44"');
      expect(cols).not.toContain('width="30.63"');
      // Columns I–L carry again the attributes the range 9–16384 gave them (their format, a width not set by hand).
      for (const col of [9, 10, 11, 12]) {
        const covering = [...cols.matchAll(/<col ([^>]*)\/>/g)].map((m) => m[1]).find((a) => Number(/min="(\d+)"/.exec(a)![1]) <= col && Number(/max="(\d+)"/.exec(a)![1]) >= col)!;
        expect({ col, style: /style="(\d+)"/.exec(covering)?.[1], custom: /customWidth="(\w+)"/.exec(covering)?.[1] }).toEqual({ col, style: "1", custom: "false" });
      }
      // The sheet's cells are as before the first write.
      expect(text(back.bytes, SHEET).replace(/<cols>[\s\S]*?<\/cols>/, "")).toBe(text(src, SHEET).replace(/<cols>[\s\S]*?<\/cols>/, ""));
    }
  });

  it("the styles part rewritten by another program between the writes: undo takes back only the second write's formats", () => {
    const src = load(file());
    const once = write(src, AT1);
    const resaved = withPart(once, "xl/styles.xml", (xml) => xml.replace(/<fonts count="(\d+)">/, (_a, n: string) => `<fonts count="${Number(n) + 1}"><font><sz val="9"/></font>`));
    const twice = write(resaved, AT2);
    expect(text(twice, "xl/styles.xml")).not.toBe(text(resaved, "xl/styles.xml"));
    const last = undoWorkbook(twice, "t.xlsx")!;
    expect(last.scope).toBe("last");
    expect(text(last.bytes, "xl/styles.xml")).toBe(text(resaved, "xl/styles.xml"));
    expect(text(last.bytes, "xl/worksheets/sheet1.xml")).toBe(text(resaved, "xl/worksheets/sheet1.xml"));
  });
});

describe("writes of part of the workbook", () => {
  const file = () => path.join(__dirname, "../files/corpus/excel-style.xlsx");

  it("a sheet only the first write judged, renamed since: undo of the last write goes ahead; undo --all refuses with sheet-missing", () => {
    const src = load(file());
    const once = write(src, AT1);
    const twice = writeOnly(once, "進捗状況", AT2);
    const renamed = withPart(twice, "xl/workbook.xml", (xml) => xml.replace('name="第2期"', 'name="第2期（旧）"'));
    const last = undoWorkbook(renamed, "t.xlsx")!;
    expect(last.scope).toBe("last");
    expect(text(last.bytes, "xl/worksheets/sheet1.xml")).toBe(text(once, "xl/worksheets/sheet1.xml"));
    const err = thrownBy(() => undoWorkbook(renamed, "t.xlsx", { all: true }));
    expect(err).toBeInstanceOf(FileError);
    expect([(err as FileError).code, (err as FileError).detail]).toEqual(["sheet-missing", "第2期"]);
  });

  it.each(FILES.slice(0, 4).map((f) => [path.basename(f), f]))("%s: one sheet written, then all: undo, then undo --all, every entry byte-identical", (_name, file) => {
    const src = load(file);
    const once = writeOnly(src, "第2期", AT1);
    const twice = write(once, AT2);
    const last = undoWorkbook(twice, "t.xlsx")!;
    expect(last.scope).toBe("last");
    expect(differing(once, last.bytes, (n) => /worksheets\/sheet\d+\.xml$/.test(n) && !/sheet[12]\.xml$/.test(n))).toEqual([]);
    const back = undoWorkbook(last.bytes, "t.xlsx", { all: true })!;
    expect(back.scope).toBe("origin");
    expect(differing(src, back.bytes)).toEqual([]);
  });

  it("a styles part another program saved with a byte-order mark between two writes: undo keeps its bytes", () => {
    const src = load(file());
    const once = write(src, AT1);
    const marked = withPart(once, "xl/styles.xml", (xml) => `\ufeff${xml}`);
    const twice = write(marked, AT2);
    const back = undoWorkbook(twice, "t.xlsx")!;
    expect(back.scope).toBe("last");
    expect(parts(back.bytes).get("xl/styles.xml")).toBe(parts(marked).get("xl/styles.xml"));
  });

  it("a record whose styles edits are not a list (another version stored them otherwise): undo still puts the cells back", () => {
    const src = load(file());
    const once = write(src, AT1);
    const damaged = withRecord(once, (r) => (r.adapter = { ...r.adapter, stylesEdits: "?" }));
    const back = undoWorkbook(damaged, "t.xlsx")!;
    expect(back.scope).toBe("last");
    expect(text(back.bytes, "xl/worksheets/sheet1.xml")).toBe(text(src, "xl/worksheets/sheet1.xml"));
  });
});

describe("a styles part another program changed after Shinchoku's formats", () => {
  it("a differential format added by Excel (conditional formatting) since the write: undo and undo --all take none of the styles back", () => {
    const src = load(path.join(__dirname, "../files/corpus/excel-style.xlsx"));
    const once = write(src, AT1);
    const styles = text(once, "xl/styles.xml");
    const dxf = '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>';
    const resaved = withPart(once, "xl/styles.xml", (xml) => (/<dxfs count="0"\/>/.test(xml) ? xml.replace('<dxfs count="0"/>', `<dxfs count="1">${dxf}</dxfs>`) : xml.replace(/<dxfs count="(\d+)">/, (_a, n: string) => `<dxfs count="${Number(n) + 1}">${dxf}`)));
    expect(text(resaved, "xl/styles.xml")).not.toBe(styles);
    const xfsOf = (xml: string) => /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)![1];
    for (const back of [undoWorkbook(resaved, "t.xlsx")!, undoWorkbook(resaved, "t.xlsx", { all: true })!]) {
      const after = text(back.bytes, "xl/styles.xml");
      expect(after).toContain(dxf);
      // The formats the write appended (and the cells might point at) are all still there, in place.
      expect(xfsOf(after).startsWith(xfsOf(styles))).toBe(true);
      expect(text(back.bytes, "xl/worksheets/sheet1.xml")).not.toContain("達成");
    }
  });
});

describe("a record without the origin (as an earlier version stored it)", () => {
  it("undo --all of the last write, its sheet renamed since: sheet-missing", () => {
    const src = load(path.join(__dirname, "../files/corpus/excel-style.xlsx"));
    const once = withRecord(write(src, AT1), (r) => delete r.origin);
    const renamed = withPart(once, "xl/workbook.xml", (xml) => xml.replace('name="第2期"', 'name="第2期（旧）"'));
    const err = thrownBy(() => undoWorkbook(renamed, "t.xlsx", { all: true }));
    expect(err).toBeInstanceOf(FileError);
    expect([(err as FileError).code, (err as FileError).detail]).toEqual(["sheet-missing", "第2期"]);
    // Under its own name, the last write is undone.
    expect(undoWorkbook(once, "t.xlsx", { all: true })!.scope).toBe("last");
  });
});

describe("undo after the written sheets were renamed", () => {
  it("sheet-missing naming every renamed sheet, comma-separated; nothing is written", () => {
    const src = load(path.join(__dirname, "../files/corpus/excel-style.xlsx"));
    const written = write(src, AT1);
    const renamed = withPart(written, "xl/workbook.xml", (xml) => xml.replace('name="進捗状況"', 'name="進捗状況（旧）"').replace('name="第2期"', 'name="第2期（旧）"'));
    for (const all of [false, true]) {
      const err = thrownBy(() => undoWorkbook(renamed, "t.xlsx", { all }));
      expect(err).toBeInstanceOf(FileError);
      expect((err as FileError).code).toBe("sheet-missing");
      expect((err as FileError).detail).toBe("進捗状況, 第2期");
      expect((err as FileError).message).toBe(FILE_MESSAGES.ja["sheet-missing"]("t.xlsx", "進捗状況, 第2期"));
    }
  });
});

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** A 128-byte directory entry (MS-CFB §2.6.1): UTF-16LE name with terminator, zero-padded to 64 bytes; length; type. */
function dirEntry(name: string, type: number): number[] {
  const entry = new Array<number>(128).fill(0);
  [...name].forEach((ch, i) => {
    entry[i * 2] = ch.charCodeAt(0) & 0xff;
    entry[i * 2 + 1] = ch.charCodeAt(0) >> 8;
  });
  entry[64] = (name.length + 1) * 2;
  entry[66] = type;
  return entry;
}
/**
 * A version-3 compound file (512-byte sectors) whose directory chain is sector 0, then sector 2: sector 1 is the
 * FAT sector between them (its unused entries FREESECT, 0xFFFFFFFF), as when the directory grew after the FAT.
 * The header's unused DIFAT slots are FREESECT too.
 */
function compoundFile(first: string[], second: string[]): Uint8Array {
  const header = new Array<number>(512).fill(0);
  CFB_SIGNATURE.forEach((b, i) => (header[i] = b));
  for (let i = 76; i < 512; i++) header[i] = 0xff;
  header[76] = 1;
  header[77] = header[78] = header[79] = 0;
  const fat = new Array<number>(512).fill(0xff);
  // Sector 0 → 2 (directory), 1 FATSECT, 2 ENDOFCHAIN.
  fat.splice(0, 12, 2, 0, 0, 0, 0xfd, 0xff, 0xff, 0xff, 0xfe, 0xff, 0xff, 0xff);
  const dir = (entries: number[][]) => [...entries.flat(), ...new Array<number>(512 - entries.length * 128).fill(0)];
  return Uint8Array.from([...header, ...dir([dirEntry("Root Entry", 5), ...first.map((n) => dirEntry(n, 2))]), ...fat, ...dir(second.map((n) => dirEntry(n, 2)))]);
}
function refusal(bytes: Uint8Array, file: string): string {
  try {
    return `accepted as ${detectFormat(bytes, file).format}`;
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    return e.code;
  }
}

describe("compound files: a stream entry first in a directory sector that follows the FAT sector", () => {
  it("a workbook stream there is found: .xls", () => {
    const three = ["\u0005SummaryInformation", "\u0005DocumentSummaryInformation", "CompObj"];
    expect(detectFormat(compoundFile(three, ["Workbook"]), "a.xls").format).toBe("xls");
    expect(detectFormat(compoundFile(three, ["Book"]), "a.xls").format).toBe("xls");
  });

  it("an encrypted package there is found: encrypted", () => {
    expect(refusal(compoundFile(["EncryptionInfo", "\u0006DataSpaces", "Dummy"], ["EncryptedPackage"]), "a.xlsx")).toBe("encrypted");
  });

  it("a stream whose name has a character outside Latin-1 with the same low byte is not the workbook", () => {
    // U+0157 (ŗ) is stored as 57 01: its low byte is the "W" of Workbook.
    const bytes = compoundFile(["WordDocument", "1Table", "Data"], ["\u0157orkbook"]);
    expect(refusal(bytes, "a.xls")).toBe("corrupt");
    expect(refusal(compoundFile(["WordDocument"], ["\u0157orkbook"]), "a.doc")).toBe("unsupported-format");
  });
});
