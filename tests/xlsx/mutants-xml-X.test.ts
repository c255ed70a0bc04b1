/** Pins behaviour of src/xlsx/xml.ts and src/xlsx/node-file.ts (XML text decoding and escaping, file checks, atomic saves, native codecs) that mutation testing found unpinned. */
import * as fs from "fs";
import nodeFs from "fs";
import * as os from "os";
import * as path from "path";
import * as zlib from "zlib";
import { FILE_LIMITS, FILE_MESSAGES } from "../../src/core/messages-file";
import { entryBytes, FileError, fileError, readWorkbook, readZip, writeZip } from "../../src/xlsx";
import { readFileBytes, saveHooks, writeFileAtomically } from "../../src/xlsx/node-file";
import { codecs } from "../../src/xlsx/zip";
import { attrLocal, attrs, decodeXml, escapeText, escapeXml, rootPrefix, stringItemText } from "../../src/xlsx/xml";

// Loading node-file.ts (above) puts Node's zlib into zip.ts's codecs. In a one-registry mutation run that would
// hold for every xlsx test file, and fflate, the browser page's path, would go untested: take them out again,
// and put them in only for this file's codec tests.
const NODE_CODECS = { ...codecs };
codecs.deflate = codecs.inflate = codecs.crc32 = undefined;

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A one-sheet package whose parts are written as the given producer wrote them; the sheet's column A holds `cells`. */
function book(o: { workbook: string; rels: string; sst: string; cells: string[] }): Uint8Array {
  const rows = o.cells.map((c, i) => `<row r="${i + 1}">${c.replace(/\{r\}/g, `A${i + 1}`)}</row>`).join("");
  return writeZip([
    { name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>` },
    { name: "_rels/.rels", data: `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: "xl/workbook.xml", data: o.workbook },
    { name: "xl/_rels/workbook.xml.rels", data: o.rels },
    { name: "xl/worksheets/sheet1.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>` },
    { name: "xl/sharedStrings.xml", data: o.sst },
  ]);
}

const columnA = (bytes: Uint8Array) => {
  const read = readWorkbook(bytes, "producer.xlsx");
  return { names: read.sheets.map((s) => s.sheetName), values: read.sheets[0].cells.map((r) => r[0]?.value ?? null) };
};

describe("reading text as other producers write it (xml.ts through readWorkbook)", () => {
  // Single-quoted attributes and white space around `=` (XML's Eq production), as some non-Excel writers emit them.
  const workbook = `<?xml version='1.0' encoding='UTF-8'?>\n<workbook xmlns='${MAIN}' xmlns:r='${REL}'><sheets><sheet name='R&amp;D &#x9032;&#25431;' sheetId = '1' r:id = 'rId1'/></sheets></workbook>`;
  const rels = `<Relationships xmlns='${PKG_REL}'><Relationship Id='rId1' Type='${REL}/worksheet' Target='worksheets/sheet1.xml'/><Relationship Id = "rId2" Type = "${REL}/sharedStrings" Target = "sharedStrings.xml"/></Relationships>`;
  // Excel's phonetic runs (<rPh>) and numeric references; ElementTree's ns0: prefix; OOXML's _xHHHH_ escapes.
  const items = [
    `<si><t>&#36914;&#x6357;&#x41;&#x1F600;</t></si>`,
    `<si><t>人事評価</t><rPh sb="0" eb="2"><t>ジンジ</t></rPh><rPh sb="2" eb="4"><t>ヒョウカ</t></rPh><phoneticPr fontId="1"/></si>`,
    `<si><r><rPr><b/></rPr><t>財政</t></r><rPh sb="0" eb="2"><t>ザイセイ</t></rPh><r><t xml:space="preserve"> 課</t></r></si>`,
    `<si><ns0:t>総務</ns0:t><ns0:rPh sb="0" eb="2"><ns0:t>ソウム</ns0:t></ns0:rPh></si>`,
    `<si><t>_x0009_字下げ_x000D_\n次行</t></si>`,
    `<si><t>_x005F_x0041_ は文字どおり</t></si>`,
    `<si><t>A &amp; B &lt;C&gt; &quot;D&quot; &apos;E&apos; &#38;amp;</t></si>`,
  ];
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<sst xmlns="${MAIN}" xmlns:ns0="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
  const cells = [
    ...items.map((_, i) => `<c r="{r}" t="s"><v>${i}</v></c>`),
    `<c r="{r}" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>`,
    `<c r="{r}" t="str"><f>CHAR(65)&amp;CHAR(66)</f><v>&#65;&#x42;</v></c>`,
  ];
  const expected = ["進捗A😀", "人事評価", "財政 課", "総務", "\t字下げ\r\n次行", "_x0041_ は文字どおり", `A & B <C> "D" 'E' &amp;`, "東京", "AB"];

  it("decodes entities, decimal and hex references, _xHHHH_ escapes, and leaves phonetic runs out", () => {
    const got = columnA(book({ workbook, rels, sst, cells }));
    expect(got.names).toEqual(["R&D 進捗"]);
    expect(got.values).toEqual(expected);
  });
});

describe("decodeXml, escapeText, escapeXml: the text contract", () => {
  it("numeric character references up to U+10FFFF become characters; beyond it they stay as written", () => {
    expect(decodeXml("&#x10FFFF;")).toBe(String.fromCodePoint(0x10ffff));
    expect(decodeXml("&#1114111;")).toBe(String.fromCodePoint(0x10ffff));
    expect(decodeXml("a&#x110000;b")).toBe("a&#x110000;b");
    expect(decodeXml("&#1114112;")).toBe("&#1114112;");
    const huge = `&#${"9".repeat(400)};`;
    expect(decodeXml(huge)).toBe(huge);
    expect(decodeXml("&#9;&#10;&#x20AC;&#8364;")).toBe("\t\n€€");
    expect(decodeXml("&nbsp;&unknown;")).toBe("&nbsp;&unknown;");
  });

  it("_xHHHH_ needs exactly four hex digits (either case), at any place in the text", () => {
    expect(decodeXml("_x000d_")).toBe("\r");
    expect(decodeXml("_x41_ _x00041_")).toBe("_x41_ _x00041_");
    expect(decodeXml("_x004G_")).toBe("_x004G_");
  });

  it("element text escapes only &, <, >; quotes stay as typed", () => {
    expect(escapeText(`「A&B」 <x> "q" 'a'`)).toBe(`「A&amp;B」 &lt;x&gt; "q" 'a'`);
    expect(escapeText("&")).toBe("&amp;");
    expect(escapeText("<>")).toBe("&lt;&gt;");
    expect(escapeText("plain 文字")).toBe("plain 文字");
  });

  it("attribute text escapes the double quote too (the default)", () => {
    expect(escapeXml(`"¥"#,##0 & <`)).toBe("&quot;¥&quot;#,##0 &amp; &lt;");
    expect(escapeXml(`"`, false)).toBe(`"`);
  });

  it("characters XML 1.0 forbids become _xHHHH_ (four upper-case hex digits), and a literal _xHHHH_ is protected with _x005F_", () => {
    expect(escapeText("a\x01b\x1fc\x0bd\ufffe")).toBe("a_x0001_b_x001F_c_x000B_d_xFFFE_");
    expect(escapeXml("\x00")).toBe("_x0000_");
    expect(escapeText("_x0041_")).toBe("_x005F_x0041_");
    expect(escapeText("id_x00aF_ok")).toBe("id_x005F_x00aF_ok");
    expect(escapeText("tab\tand\nnewline\r")).toBe("tab\tand\nnewline\r");
    // Whatever a user typed comes back as typed.
    for (const s of ["_x0041_", "\x01\x02\x1f", `A&B<"x">`, "__x0041__", "\ufffe\uffff", "x_x12_y", "_x000D_\r\n"]) {
      expect(decodeXml(escapeText(s))).toBe(s);
      expect(decodeXml(escapeXml(s))).toBe(s);
    }
  });

  // Two literal _xHHHH_ sharing an underscore: each one is protected, so the text reads back as typed
  // (before, the first match used up the shared underscore and 「_x0041_x0042_」 came back as 「_x0041B」).
  it("literal _xHHHH_ sequences that share an underscore all come back as typed", () => {
    expect(escapeText("_x0041_x0042_")).toBe("_x005F_x0041_x005F_x0042_");
    for (const s of ["_x0041_x0042_", "_x005F_x0041_", "a_x0001_x0002_x0003_b"]) {
      expect(decodeXml(escapeText(s))).toBe(s);
      expect(decodeXml(escapeXml(s))).toBe(s);
    }
  });
});

describe("attrs, attrLocal, rootPrefix, stringItemText", () => {
  it("attrs reads double- and single-quoted values, with white space around =, decoding each", () => {
    expect(attrs(` r = "A1"  s='3' t ='inlineStr' x:v="a&amp;b" empty="" q='say "hi"'`)).toEqual({ r: "A1", s: "3", t: "inlineStr", "x:v": "a&b", empty: "", q: 'say "hi"' });
  });

  it("attrLocal finds an attribute by its local name, with or without a prefix", () => {
    expect(attrLocal({ name: "a", id: "rId7" }, "id")).toBe("rId7");
    expect(attrLocal({ name: "a", "ns2:id": "rId8" }, "id")).toBe("rId8");
    expect(attrLocal({ sheetId: "1" }, "id")).toBeUndefined();
  });

  it("rootPrefix is the root element's prefix, even when no child element has a short name", () => {
    expect(rootPrefix(`<?xml version="1.0"?>\n<!-- made by hand --><x:worksheet xmlns:x="${MAIN}"><x:sheetData/></x:worksheet>`)).toBe("x:");
    expect(rootPrefix(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`)).toBe("");
    expect(rootPrefix("")).toBe("");
    expect(rootPrefix("not xml at all")).toBe("");
  });

  it("stringItemText drops every phonetic run, prefixed or not, whatever it holds", () => {
    expect(stringItemText(`<t>前</t><rPh sb="0" eb="1"><t>マエ</t></rPh><t>後</t><rPh sb="1" eb="2"><t>ウシロ</t></rPh>`)).toBe("前後");
    expect(stringItemText(`<x:t>前</x:t><x:rPh sb="0" eb="1"><x:t>マエ</x:t></x:rPh>`)).toBe("前");
    expect(stringItemText(`<t>R</t><rPh></rPh><t>2</t>`)).toBe("R2");
  });
});

describe("readFileBytes: the checks before any parsing", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-nodefile-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const errorOf = (f: () => unknown): FileError => {
    try {
      f();
    } catch (e) {
      if (e instanceof FileError) return e;
      throw e;
    }
    throw new Error("no error thrown");
  };

  it("names what is wrong with the path, with the catalogue's message", () => {
    const missing = path.join(dir, "missing.xlsx");
    const e1 = errorOf(() => readFileBytes(missing));
    expect([e1.code, e1.message]).toEqual(["file-not-found", FILE_MESSAGES.ja["file-not-found"](missing)]);
    expect(e1.detail).toMatch(/ENOENT/);

    // A path through a regular file: stat fails, but not because the file is missing.
    const plain = path.join(dir, "plain.txt");
    fs.writeFileSync(plain, "x");
    const through = path.join(plain, "book.xlsx");
    const e2 = errorOf(() => readFileBytes(through));
    expect([e2.code, e2.message]).toEqual(["read-failed", FILE_MESSAGES.ja["read-failed"](through)]);
    expect(e2.detail).toMatch(/ENOTDIR/);

    const e3 = errorOf(() => readFileBytes(dir));
    expect([e3.code, e3.message]).toEqual(["not-a-file", FILE_MESSAGES.ja["not-a-file"](dir)]);

    const empty = path.join(dir, "empty.xlsx");
    fs.writeFileSync(empty, "");
    const e4 = errorOf(() => readFileBytes(empty));
    expect([e4.code, e4.message]).toEqual(["empty-file", FILE_MESSAGES.ja["empty-file"](empty)]);
  });

  it("refuses a file over the size limit without reading it, and reads one of exactly the limit", () => {
    const big = path.join(dir, "big.xlsx");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, FILE_LIMITS.maxFileBytes + 1); // sparse: nothing is written
    const e = errorOf(() => readFileBytes(big));
    expect([e.code, e.message]).toEqual(["too-large", FILE_MESSAGES.ja["too-large"](big)]);
    fs.rmSync(big);

    const limits = FILE_LIMITS as { maxFileBytes: number };
    const saved = limits.maxFileBytes;
    const at = path.join(dir, "at-limit.xlsx");
    fs.writeFileSync(at, "PK\x03\x04");
    try {
      limits.maxFileBytes = 4;
      expect(Array.from(readFileBytes(at))).toEqual([0x50, 0x4b, 3, 4]);
      limits.maxFileBytes = 3;
      expect(errorOf(() => readFileBytes(at)).code).toBe("too-large");
    } finally {
      limits.maxFileBytes = saved;
    }
  });

  it("a read that fails after the checks is a read-failed error carrying the cause", () => {
    const f = path.join(dir, "unreadable.xlsx");
    fs.writeFileSync(f, "PK");
    // The one fault a test cannot make real as root: the disk fails between stat and read.
    const spy = jest.spyOn(nodeFs, "readFileSync").mockImplementation(() => {
      throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO" });
    });
    try {
      const e = errorOf(() => readFileBytes(f));
      expect([e.code, e.message]).toEqual(["read-failed", FILE_MESSAGES.ja["read-failed"](f)]);
      expect(e.detail).toMatch(/EIO/);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("writeFileAtomically: a failed save leaves the original and says why", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-save-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => (saveHooks.step = undefined));

  const original = new TextEncoder().encode("original bytes");
  const next = new TextEncoder().encode("new bytes");
  const leftovers = () => fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"));

  // No fault hook set (as in every real save): the file is replaced, and keeps the mode and times of the file
  // it replaces (`like`), as --in-place promises.
  it("with no hook set, replaces the file keeping the original's mode and modification time", () => {
    const target = path.join(dir, "plain.xlsx");
    fs.writeFileSync(target, original);
    fs.chmodSync(target, 0o640);
    const when = new Date("2024-04-01T09:00:00Z");
    fs.utimesSync(target, when, when);
    writeFileAtomically(next, target, target);
    expect(fs.readFileSync(target, "utf8")).toBe("new bytes");
    const st = fs.statSync(target);
    expect(st.mode & 0o777).toBe(0o640);
    expect(st.mtime.getTime()).toBe(when.getTime());
    expect(leftovers()).toEqual([]);
  });

  it("walks its steps in order and replaces the file", () => {
    const target = path.join(dir, "ok.xlsx");
    fs.writeFileSync(target, original);
    const steps: string[] = [];
    saveHooks.step = (s) => void steps.push(s);
    writeFileAtomically(next, target, target);
    expect(steps).toEqual(["tmp-written", "before-rename"]);
    expect(fs.readFileSync(target, "utf8")).toBe("new bytes");
    expect(leftovers()).toEqual([]);
  });

  const cases: [string, string, string][] = [
    ["EACCES", "書き込み権限がありません", "write-denied"],
    ["EPERM", "書き込み権限がありません", "write-denied"],
    ["EROFS", "書き込み権限がありません", "write-denied"],
    ["ENOSPC", "ディスクの空きが足りません", "disk-full"],
    ["ENOENT", "保存先のフォルダーがありません", "write-no-folder"],
    ["EIO", "保存できませんでした", "write-failed"],
  ];
  it.each(cases)("%s while saving: %s (%s), the original unchanged, no temporary file left", (code, reason, kind) => {
    for (const step of ["tmp-written", "before-rename"] as const) {
      const target = path.join(dir, `${code}-${step}.xlsx`);
      fs.writeFileSync(target, original);
      saveHooks.step = (s) => {
        if (s === step) throw Object.assign(new Error(`${code}: injected`), { code });
      };
      let err: unknown;
      try {
        writeFileAtomically(next, target, target);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FileError);
      const fe = err as FileError;
      expect(fe.code).toBe(kind);
      expect(fe.message).toBe(`${target}: ${reason}。保存先を確認してください。元のファイルは変更していません。`);
      expect(fe.detail).toContain(code);
      expect(fs.readFileSync(target, "utf8")).toBe("original bytes");
      expect(leftovers()).toEqual([]);
    }
  });

  it("a folder that does not exist is named as such (a real ENOENT)", () => {
    const target = path.join(dir, "no-such-folder", "out.xlsx");
    expect(() => writeFileAtomically(next, target)).toThrow(`${target}: 保存先のフォルダーがありません。保存先を確認してください。元のファイルは変更していません。`);
  });

  it("an error without a code is a plain save failure", () => {
    const target = path.join(dir, "nocode.xlsx");
    saveHooks.step = () => {
      throw new Error("something else");
    };
    expect(() => writeFileAtomically(next, target)).toThrow(`${target}: 保存できませんでした。保存先を確認してください。元のファイルは変更していません。`);
    expect(fs.existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it("a FileError raised during the save passes through as it is", () => {
    const target = path.join(dir, "fileerror.xlsx");
    fs.writeFileSync(target, original);
    const own = fileError("too-large", target, "from a step");
    saveHooks.step = () => {
      throw own;
    };
    let err: unknown;
    try {
      writeFileAtomically(next, target);
    } catch (e) {
      err = e;
    }
    expect(err).toBe(own);
    expect(fs.readFileSync(target, "utf8")).toBe("original bytes");
    expect(leftovers()).toEqual([]);
  });
});

describe("native codecs installed by node-file.ts", () => {
  beforeAll(() => Object.assign(codecs, NODE_CODECS));
  afterAll(() => {
    codecs.deflate = codecs.inflate = codecs.crc32 = undefined;
  });

  /** Text that compresses differently at different levels (repetitive, but not trivially). */
  function sample(bytes: number): Uint8Array {
    let seed = 12345;
    const words = ["進捗", "達成", "課題", "研修", "事務", "予算", "評価", "計画", "<c r=", "<v>", "</row>", "\n"];
    const parts: string[] = [];
    for (let n = 0; n < bytes; ) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const w = words[seed % words.length] + String(seed % 97);
      parts.push(w);
      n += Buffer.byteLength(w);
    }
    return new TextEncoder().encode(parts.join(""));
  }

  it("a part over 1 MiB is deflated at the fast level 1, a smaller one at level 6", () => {
    const big = sample(1.5 * 1024 * 1024);
    const small = sample(64 * 1024);
    expect(big.length).toBeGreaterThan(1 << 20);
    const zip = readZip(writeZip([{ name: "big.xml", data: big }, { name: "small.xml", data: small }]));
    const raw = (name: string) => {
      const e = zip.byName.get(name)!;
      return Buffer.from(zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
    };
    expect(zlib.deflateRawSync(big, { level: 1 }).equals(zlib.deflateRawSync(big, { level: 6 }))).toBe(false);
    expect(raw("big.xml").equals(zlib.deflateRawSync(big, { level: 1 }))).toBe(true);
    expect(raw("small.xml").equals(zlib.deflateRawSync(small, { level: 6 }))).toBe(true);
    expect(Buffer.from(entryBytes(zip, zip.byName.get("big.xml")!)).equals(Buffer.from(big))).toBe(true);
  });

  it("an entry whose directory understates its size stops inflating just past the declared size", () => {
    const payload = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    const zip = readZip(writeZip([{ name: "bomb.xml", data: payload }]));
    const entry = zip.byName.get("bomb.xml")!;
    // The directory (and the local header) now claim 100 bytes.
    const bytes = new Uint8Array(zip.bytes);
    const view = new DataView(bytes.buffer);
    view.setUint32(entry.localOffset + 22, 100, true);
    const central = zip.bytes.length - 22 - entry.central.length;
    view.setUint32(central + 24, 100, true);
    const lying = readZip(bytes);
    expect(lying.byName.get("bomb.xml")!.size).toBe(100);
    expect(() => entryBytes(lying, lying.byName.get("bomb.xml")!)).toThrow(/cannot inflate bomb\.xml/);
    // The truthful archive reads back whole.
    expect(entryBytes(zip, entry).length).toBe(payload.length);
  });
});
