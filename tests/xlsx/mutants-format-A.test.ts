/** Pins behaviour of src/xlsx/format.ts (detectFormat and its FileError) that mutation testing found unpinned. */
import * as fs from "fs";
import * as path from "path";
import { FILE_LIMITS, FILE_MESSAGES } from "../../src/core/messages-file";
import { detectFormat, FileError, writeZip } from "../../src/xlsx";

const CT = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet";
const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const enc = new TextEncoder();

interface RawEntry {
  name: string;
  data: Uint8Array | string;
  /** The compression method the headers declare (the data is stored as given). */
  method?: number;
  /** The uncompressed size the headers declare (default: the data's length). */
  size?: number;
}

/** A zip written field by field, so a test can declare what a producer (or an attacker) declared; `stub` goes before it, offsets counted from the file's start. */
function rawZip(entries: RawEntry[], stub: Uint8Array = new Uint8Array(0)): Uint8Array {
  const parts: Uint8Array[] = [stub];
  const centrals: Uint8Array[] = [];
  let offset = stub.length;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const data = typeof e.data === "string" ? enc.encode(e.data) : e.data;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method ?? 0, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, e.size ?? data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method ?? 0, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, e.size ?? data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    parts.push(local, data);
    offset += local.length + data.length;
  }
  const cdStart = offset;
  const cdSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, cdStart, true);
  const all = [...parts, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
  let p = 0;
  for (const b of all) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

/** An OLE compound file whose directory names the given streams (UTF-16LE, as a real directory stores them). */
/** A 128-byte compound-file directory entry (MS-CFB §2.6.1): the name in UTF-16LE with its terminator, padded to
 * 64 bytes, its length in bytes, and the object type (5 root storage, 2 stream). */
function dirEntry(name: string, type: number): number[] {
  const entry = new Array<number>(128).fill(0);
  [...name].forEach((ch, i) => (entry[i * 2] = ch.charCodeAt(0)));
  entry[64] = (name.length + 1) * 2;
  entry[66] = type;
  return entry;
}

/** A compound file's header sector, then a directory sector with the root entry and these streams. */
function compoundFile(root: string, ...streams: string[]): Uint8Array {
  return Uint8Array.from([...CFB_SIGNATURE, ...new Array<number>(504).fill(0), ...dirEntry(root, 5), ...streams.flatMap((s) => dirEntry(s, 2))]);
}

const utf16 = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);

/** The FileError detectFormat throws (failing the test when it returns or throws something else). */
function refusal(bytes: Uint8Array, file: string): FileError {
  try {
    const got = detectFormat(bytes, file);
    throw new Error(`accepted as ${got.format}`);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    return e;
  }
}

const workbookZip = (names: string[] = ["xl/workbook.xml"]) => writeZip([{ name: "[Content_Types].xml", data: CT }, ...names.map((name) => ({ name, data: "<workbook/>" }))]);

describe("detectFormat: refusals", () => {
  it("a FileError is named FileError and carries the catalogue's message for its code", () => {
    const e = refusal(new Uint8Array(0), "空.xlsx");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("FileError");
    expect(String(e)).toBe(`FileError: ${FILE_MESSAGES.ja["empty-file"]("空.xlsx")}`);
  });

  it("an empty file is empty-file, whatever its name", () => {
    for (const name of ["a.xlsx", "a.csv"]) expect(refusal(new Uint8Array(0), name).code).toBe("empty-file");
  });

  it("a file larger than the limit is too-large; one of exactly the limit is looked at", () => {
    const big = new Uint8Array(FILE_LIMITS.maxFileBytes + 1);
    const over = refusal(big, "big.xlsx");
    expect(over.code).toBe("too-large");
    expect(over.message).toBe(FILE_MESSAGES.ja["too-large"]("big.xlsx"));
    // Exactly at the limit: read, and refused for what it is (zeros: not a workbook).
    expect(refusal(big.subarray(0, FILE_LIMITS.maxFileBytes), "big.xlsx").code).toBe("corrupt");
  });

  it("bytes that are no known container: corrupt under a spreadsheet name (any of the six), unsupported-format otherwise", () => {
    const text = enc.encode("番号,項目名\n1,事務処理\n");
    for (const name of ["a.xlsx", "a.xlsm", "a.xls", "a.ods", "a.xltx", "a.xltm", "A.XLSX"]) {
      const e = refusal(text, name);
      expect([name, e.code]).toEqual([name, "corrupt"]);
      expect(e.message).toBe(FILE_MESSAGES.ja.corrupt(name));
    }
    for (const name of ["a.csv", "a.txt", "noext", "a.xlsx.csv", "dir.xlsx/plain"]) expect([name, refusal(text, name).code]).toEqual([name, "unsupported-format"]);
  });

  it("only the full eight-byte OLE signature makes a compound file", () => {
    // The signature's first bytes, then a UTF-16 "Workbook" as a BIFF directory would hold it: still not an .xls.
    const bytes = Uint8Array.from([...CFB_SIGNATURE.slice(0, 1), ...new Array<number>(100).fill(0), ...utf16("Workbook"), 0, 0]);
    expect(refusal(bytes, "a.xls").code).toBe("corrupt");
    expect(refusal(bytes, "a.bin").code).toBe("unsupported-format");
  });

  it("a compound file without a workbook stream or an encrypted package: corrupt under a spreadsheet name, unsupported-format otherwise", () => {
    const doc = compoundFile("Root Entry", "WordDocument", "1Table");
    expect(refusal(doc, "a.xls").code).toBe("corrupt");
    expect(refusal(doc, "a.doc").code).toBe("unsupported-format");
  });

  it("a compound file with only the encryption info (no EncryptedPackage stream) is damaged, not password-protected", () => {
    expect(refusal(compoundFile("Root Entry", "EncryptionInfo"), "a.xlsx").code).toBe("corrupt");
    expect(refusal(compoundFile("Root Entry", "EncryptionInfo", "EncryptedPackage"), "a.xlsx").code).toBe("encrypted");
  });

  it("a stream name is matched whole: Notebook is not Book", () => {
    expect(refusal(compoundFile("Root Entry", "Notebook"), "a.xls").code).toBe("corrupt");
    expect(detectFormat(compoundFile("Root Entry", "Book"), "a.xls").format).toBe("xls");
  });

  it("a directory entry that ends the file is found; names are compared without case, as CFB does", () => {
    const bytes = compoundFile("Root Entry", "WORKBOOK");
    expect(bytes.length).toBe(512 + 2 * 128);
    expect(detectFormat(bytes, "a.xls")).toEqual({ format: "xls", zip: null });
  });

  it("a stream name in a stream's data, not in a directory entry, is not a stream", () => {
    // A Word document that mentions the words: the letters are in its text, at no entry's place or shape.
    const text = [...utf16("xxWorkbook"), 0, 0, ...utf16("EncryptedPackage"), 0, 0];
    const bytes = Uint8Array.from([...compoundFile("Root Entry", "WordDocument"), ...text, ...new Array<number>(128).fill(0)]);
    expect(refusal(bytes, "a.doc").code).toBe("unsupported-format");
    // A name at an entry's place but with the wrong length or type is not one either.
    const wrongType = dirEntry("Workbook", 1);
    const wrongSize = dirEntry("Workbook", 2);
    wrongSize[64] = 16;
    for (const e of [wrongType, wrongSize]) expect(refusal(Uint8Array.from([...compoundFile("Root Entry"), ...e]), "a.xls").code).toBe("corrupt");
  });

  it("a file that does not begin with the zip signature is refused even when a zip directory follows (a self-extracting stub)", () => {
    const entries = [{ name: "[Content_Types].xml", data: CT }, { name: "xl/workbook.xml", data: "<workbook/>" }];
    expect(detectFormat(rawZip(entries), "a.xlsx").format).toBe("xlsx");
    for (const stub of ["PX", "MK", "MZ"]) {
      const bytes = rawZip(entries, enc.encode(`${stub}stub`));
      expect([stub, refusal(bytes, "a.xlsx").code]).toEqual([stub, "corrupt"]);
      expect([stub, refusal(bytes, "a.zip").code]).toEqual([stub, "unsupported-format"]);
    }
  });

  it("a damaged zip: corrupt (or unsupported-format) with the zip reader's reason as the detail", () => {
    const bytes = enc.encode("PK\u0003\u0004 and then nothing a zip needs");
    const e = refusal(bytes, "a.xlsx");
    expect(e.code).toBe("corrupt");
    expect(e.message).toBe(FILE_MESSAGES.ja.corrupt("a.xlsx"));
    expect(e.detail).toMatch(/central directory/);
    expect(refusal(bytes, "a.zip").code).toBe("unsupported-format");
  });

  it("a zip that is no spreadsheet (a .docx; a plain archive): corrupt under a spreadsheet name, unsupported-format otherwise", () => {
    const docx = writeZip([
      { name: "[Content_Types].xml", data: CT },
      { name: "word/document.xml", data: "<w:document/>" },
    ]);
    expect(refusal(docx, "report.xlsx").code).toBe("corrupt");
    expect(refusal(docx, "report.docx").code).toBe("unsupported-format");
    const plain = writeZip([{ name: "readme.txt", data: "hello" }]);
    expect(refusal(plain, "a.xlsx").code).toBe("corrupt");
    expect(refusal(plain, "a.zip").code).toBe("unsupported-format");
    // The workbook's relationships without the workbook do not make a workbook.
    const relsOnly = writeZip([
      { name: "[Content_Types].xml", data: CT },
      { name: "xl/_rels/workbook.xml.rels", data: "<Relationships/>" },
    ]);
    expect(refusal(relsOnly, "a.xlsx").code).toBe("corrupt");
  });
});

describe("detectFormat: zip bombs (sizes as the directory declares them, before anything is inflated)", () => {
  const MB = 1024 * 1024;
  const wb = [
    { name: "[Content_Types].xml", data: CT },
    { name: "xl/workbook.xml", data: "<workbook/>" },
  ];
  const smallTotal = wb.reduce((n, e) => n + enc.encode(e.data).length, 0);

  it("a package inflating to more than the limit in all is refused; exactly the limit is accepted", () => {
    const packed = new Uint8Array(3 * MB); // each big entry's ratio stays well under the limit
    const half = FILE_LIMITS.maxUnpackedBytes / 2;
    const exact = rawZip([...wb, { name: "xl/media/a.bin", data: packed, size: half }, { name: "xl/media/b.bin", data: packed, size: half - smallTotal }]);
    expect(detectFormat(exact, "a.xlsx").format).toBe("xlsx");
    const over = rawZip([...wb, { name: "xl/media/a.bin", data: packed, size: half }, { name: "xl/media/b.bin", data: packed, size: half - smallTotal + 1 }]);
    const e = refusal(over, "a.xlsx");
    expect(e.code).toBe("zip-bomb");
    expect(e.message).toBe(FILE_MESSAGES.ja["zip-bomb"]("a.xlsx"));
  });

  it("a big entry inflating by more than the ratio limit is refused; exactly the limit is accepted", () => {
    const packed = new Uint8Array(8192);
    const size = packed.length * FILE_LIMITS.maxRatio;
    expect(size).toBeGreaterThan(MB);
    expect(detectFormat(rawZip([...wb, { name: "xl/media/a.bin", data: packed, size }]), "a.xlsx").format).toBe("xlsx");
    expect(refusal(rawZip([...wb, { name: "xl/media/a.bin", data: packed, size: size + 1 }]), "a.xlsx").code).toBe("zip-bomb");
  });

  it("the ratio is checked only for big entries: 1 MiB of repeated XML deflates far past the ratio and is fine; one byte more is a bomb", () => {
    const okay = writeZip([...wb, { name: "xl/worksheets/sheet1.xml", data: " ".repeat(MB) }]);
    const entry = rawZipSizes(okay).find((e) => e.name === "xl/worksheets/sheet1.xml")!;
    expect(entry.size / entry.compressedSize).toBeGreaterThan(FILE_LIMITS.maxRatio);
    expect(detectFormat(okay, "a.xlsx").format).toBe("xlsx");
    const bomb = writeZip([...wb, { name: "xl/worksheets/sheet1.xml", data: " ".repeat(MB + 1) }]);
    expect(refusal(bomb, "a.xlsx").code).toBe("zip-bomb");
  });
});

/** Each entry's declared sizes, from the directory detectFormat hands back. */
function rawZipSizes(bytes: Uint8Array): { name: string; size: number; compressedSize: number }[] {
  return detectFormat(bytes, "x.xlsx").zip!.entries;
}

describe("detectFormat: what a package is", () => {
  it("OOXML: xlsm for .xlsm and .xltm names (any letter case), xlsx for the rest", () => {
    const bytes = workbookZip();
    const cases: [string, string][] = [
      ["a.xlsx", "xlsx"],
      ["a.xltx", "xlsx"],
      ["a.xlsm", "xlsm"],
      ["a.xltm", "xlsm"],
      ["A.XLSM", "xlsm"],
      ["a.XlTm", "xlsm"],
      ["a.zip", "xlsx"],
      ["noext", "xlsx"],
      // The extension is the last one: dots earlier in the name or in a folder do not count.
      ["提出.2024.xlsm", "xlsm"],
      ["a.xlsm.xlsx", "xlsx"],
      ["dir.xlsm/book.xlsx", "xlsx"],
      ["dir.v2/book.xlsm", "xlsm"],
    ];
    for (const [name, format] of cases) expect([name, detectFormat(bytes, name).format]).toEqual([name, format]);
  });

  it("the workbook part is found wherever its producer put it (workbook.xml, workbook2.xml …)", () => {
    expect(detectFormat(workbookZip(["xl/workbook2.xml"]), "a.xlsx").format).toBe("xlsx");
    expect(detectFormat(workbookZip(["docProps/app.xml", "book/workbook.xml"]), "a.xlsx").format).toBe("xlsx");
    expect(detectFormat(workbookZip(["docProps/app.xml", "xl/workbook12.xml"]), "a.xlsm").format).toBe("xlsm");
    // No content types: not OOXML.
    expect(refusal(writeZip([{ name: "xl/workbook.xml", data: "<workbook/>" }]), "a.xlsx").code).toBe("corrupt");
  });

  it("the detected package's directory comes back with it", () => {
    const got = detectFormat(workbookZip(), "a.xlsx");
    expect(got.zip?.entries.map((e) => e.name)).toEqual(["[Content_Types].xml", "xl/workbook.xml"]);
  });

  it("ODS: a stored mimetype naming an OpenDocument spreadsheet (trailing whitespace allowed)", () => {
    const content = { name: "content.xml", data: "<office:document-content/>" };
    for (const mime of [ODS_MIME, `${ODS_MIME}\n`, `${ODS_MIME}\r\n`]) expect(detectFormat(rawZip([{ name: "mimetype", data: mime }, content]), "a.ods").format).toBe("ods");
    // Another OpenDocument type is not a spreadsheet.
    const odt = rawZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.text" }, content]);
    expect(refusal(odt, "a.odt").code).toBe("unsupported-format");
    expect(refusal(odt, "a.ods").code).toBe("corrupt");
    // ODF stores the mimetype uncompressed; one declared compressed is not read as a mimetype.
    const declaredDeflated = rawZip([{ name: "mimetype", data: ODS_MIME, method: 8 }, content]);
    expect(refusal(declaredDeflated, "a.ods").code).toBe("corrupt");
    expect(refusal(declaredDeflated, "a.zip").code).toBe("unsupported-format");
  });

  it("the corpus files are told apart by their bytes", () => {
    const dir = path.join(__dirname, "../files/corpus");
    const fmt = (f: string) => detectFormat(new Uint8Array(fs.readFileSync(path.join(dir, f))), f).format;
    expect(fmt("libreoffice.ods")).toBe("ods");
    expect(fmt("libreoffice.xls")).toBe("xls");
    expect(fmt("excel-style.xlsm")).toBe("xlsm");
    expect(fmt("excel-style.xlsx")).toBe("xlsx");
  });

  // A Word 97 document LibreOffice Writer saved from a text that mentions 「Workbook」, 「Book」 and
  // 「EncryptedPackage」 (tests/files/make-corpus.sh). Before, the detector searched the whole file for the
  // names and called it password-protected.
  it("a Word .doc whose text names the streams is no workbook and not password-protected", () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../files/corpus/libreoffice-words.doc")));
    expect(refusal(bytes, "memo.doc").code).toBe("unsupported-format");
    expect(refusal(bytes, "memo.xls").code).toBe("corrupt");
  });
});
