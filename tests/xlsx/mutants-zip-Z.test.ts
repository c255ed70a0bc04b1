/** Pins behaviour of src/xlsx/zip.ts (reading archives as other producers write them, its errors, and the bytes our writer produces) that mutation testing found unpinned. */
import * as zlib from "zlib";
import { FileError, readWorkbook } from "../../src/xlsx";
// No node-file import here: loaded with the other tests/xlsx files in one registry (mutation runs),
// it would switch every test to the native codecs. These tests hold with either codec.
import { deflateSync } from "fflate";
import { codecs, entryBytes, readZip, rewriteZip, writeZip, ZipError, type ZipArchive } from "../../src/xlsx/zip";

const enc = new TextEncoder();
const bytesOf = (s: string | Uint8Array): Uint8Array => (typeof s === "string" ? enc.encode(s) : s);
const crcOf = (b: Uint8Array): number => (zlib as unknown as { crc32: (b: Uint8Array) => number }).crc32(b) >>> 0;
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};
/** Little-endian fields, written as a separate, independent encoder of the ZIP format (APPNOTE.TXT). */
function le(fields: [number, 2 | 4][]): Uint8Array {
  const out = new Uint8Array(fields.reduce((n, [, w]) => n + w, 0));
  const v = new DataView(out.buffer);
  let o = 0;
  for (const [x, w] of fields) {
    if (w === 2) v.setUint16(o, x, true);
    else v.setUint32(o, x, true);
    o += w;
  }
  return out;
}

/** One entry as some other producer stores it. */
interface Part {
  name: string | Uint8Array;
  data: string | Uint8Array;
  method?: number; // 0 stored, 8 deflated (default), anything else as given
  utf8Flag?: boolean; // general purpose bit 11 (default true)
  flags?: number; // extra general purpose bits
  descriptor?: "sig" | "nosig"; // bit 3: sizes and CRC after the data, with or without the optional signature
  localExtra?: Uint8Array;
  centralExtra?: Uint8Array;
  comment?: string;
  time?: number;
  date?: number;
  crc?: number; // a lying CRC
  size?: number; // a lying size
  compressedSize?: number; // a lying compressed size
  localOffset?: number; // a lying offset
}

// Info-ZIP's extra fields: extended timestamp (0x5455) in both headers, Unix uid/gid (0x7875) in the local one.
const UT_LOCAL = concat(le([[0x5455, 2], [13, 2]]), new Uint8Array([3]), le([[1715941812, 4], [1715941812, 4]]));
const UX_LOCAL = concat(le([[0x7875, 2], [11, 2]]), new Uint8Array([1, 4]), le([[1000, 4]]), new Uint8Array([4]), le([[1000, 4]]));
const UT_CENTRAL = concat(le([[0x5455, 2], [5, 2]]), new Uint8Array([3]), le([[1715941812, 4]]));
const T_1030 = (10 << 11) | (30 << 5) | 6; // 10:30:12
const D_2024 = ((2024 - 1980) << 9) | (5 << 5) | 17; // 2024-05-17

/** A whole archive laid out the usual way: local records, central directory, end record (+ comment, + trailing bytes). */
function build(parts: Part[], o: { comment?: Uint8Array; trailing?: Uint8Array; count?: number; cdOffset?: number } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = bytesOf(p.name);
    const data = bytesOf(p.data);
    const method = p.method ?? 8;
    const packed = method === 8 ? new Uint8Array(zlib.deflateRawSync(data)) : data;
    const crc = p.crc ?? crcOf(data);
    const size = p.size ?? data.length;
    const csize = p.compressedSize ?? packed.length;
    const flags = (p.utf8Flag === false ? 0 : 0x800) | (p.descriptor ? 0x8 : 0) | (p.flags ?? 0);
    const time = p.time ?? T_1030;
    const date = p.date ?? D_2024;
    const localExtra = p.localExtra ?? new Uint8Array(0);
    const centralExtra = p.centralExtra ?? new Uint8Array(0);
    const comment = enc.encode(p.comment ?? "");
    const dd = p.descriptor ? [0, 0, 0] : [crc, csize, size];
    const local = concat(
      le([[0x04034b50, 4], [20, 2], [flags, 2], [method, 2], [time, 2], [date, 2], [dd[0], 4], [dd[1], 4], [dd[2], 4], [name.length, 2], [localExtra.length, 2]]),
      name,
      localExtra,
      packed,
      p.descriptor === "sig" ? le([[0x08074b50, 4], [crc, 4], [csize, 4], [size, 4]]) : p.descriptor === "nosig" ? le([[crc, 4], [csize, 4], [size, 4]]) : new Uint8Array(0),
    );
    centrals.push(
      concat(
        le([[0x02014b50, 4], [0x031e, 2], [20, 2], [flags, 2], [method, 2], [time, 2], [date, 2], [crc, 4], [csize, 4], [size, 4], [name.length, 2], [centralExtra.length, 2], [comment.length, 2], [0, 2], [0, 2], [0, 4], [p.localOffset ?? offset, 4]]),
        name,
        centralExtra,
        comment,
      ),
    );
    locals.push(local);
    offset += local.length;
  }
  const cd = concat(...centrals);
  const comment = o.comment ?? new Uint8Array(0);
  const count = o.count ?? parts.length;
  const eocd = le([[0x06054b50, 4], [0, 2], [0, 2], [count, 2], [count, 2], [cd.length, 4], [o.cdOffset ?? offset, 4], [comment.length, 2]]);
  return concat(...locals, cd, eocd, comment, o.trailing ?? new Uint8Array(0));
}

const text = (zip: ZipArchive, name: string): string => new TextDecoder().decode(entryBytes(zip, zip.byName.get(name)!));
function zipError(f: () => unknown): ZipError {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw new Error(`not a ZipError: ${String(e)}`);
  }
  throw new Error("no error");
}
function fileErr(f: () => unknown): FileError {
  try {
    f();
  } catch (e) {
    if (e instanceof FileError) return e;
    throw new Error(`not a FileError: ${String(e)}`);
  }
  throw new Error("no error");
}

const SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>進捗</t></is></c></row></sheetData></worksheet>`;

describe("archives as other producers write them", () => {
  // Stored and deflated entries, Info-ZIP extra fields (different in the local and central headers),
  // data descriptors with and without their optional signature (streaming writers), a file comment,
  // a UTF-8 name without the UTF-8 flag, and an archive comment holding look-alikes of the end record.
  const decoys = concat(enc.encode("QK"), new Uint8Array([5, 6]), enc.encode("PX"), new Uint8Array([5, 6]), enc.encode("PKX"), new Uint8Array([6]), enc.encode("PK"), new Uint8Array([5]), enc.encode("X"), enc.encode("P"), new Uint8Array([0x4b]));
  const archiveComment = concat(enc.encode("made by tool 1.0 "), decoys, enc.encode(" ".repeat(30)), enc.encode("PK"), new Uint8Array([5, 6]), enc.encode("zz"));
  const parts: Part[] = [
    { name: "[Content_Types].xml", data: "<Types/>", method: 0, localExtra: concat(UT_LOCAL, UX_LOCAL), centralExtra: UT_CENTRAL },
    { name: "xl/worksheets/sheet1.xml", data: SHEET, descriptor: "sig", comment: "the first sheet" },
    { name: "xl/worksheets/sheet2.xml", data: SHEET.replace("進捗", "研修"), descriptor: "nosig", localExtra: UT_LOCAL, centralExtra: UT_CENTRAL, comment: "second" },
    { name: "表", data: "no UTF-8 flag", utf8Flag: false, descriptor: "nosig" },
    { name: "docProps/app.xml", data: "<Properties/>", method: 0, descriptor: "sig", time: (8 << 11) | (1 << 5), date: D_2024 - 1 },
  ];
  const original = build(parts, { comment: archiveComment });

  test("every entry is found and reads back its content; names and the archive comment come out as written", () => {
    const zip = readZip(original);
    expect(zip.entries.map((e) => e.name)).toEqual(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "表", "docProps/app.xml"]);
    expect(text(zip, "[Content_Types].xml")).toBe("<Types/>");
    expect(text(zip, "xl/worksheets/sheet1.xml")).toBe(SHEET);
    expect(text(zip, "xl/worksheets/sheet2.xml")).toContain("研修");
    expect(text(zip, "表")).toBe("no UTF-8 flag");
    expect(text(zip, "docProps/app.xml")).toBe("<Properties/>");
    expect(Array.from(zip.comment)).toEqual(Array.from(archiveComment));
  });

  test("rewriting with nothing replaced gives the archive back byte for byte (descriptors, extras and comments included)", () => {
    const zip = readZip(original);
    const out = rewriteZip(zip, new Map());
    expect(out.length).toBe(original.length);
    expect(Buffer.from(out).equals(Buffer.from(original))).toBe(true);
  });

  test("replacing one entry copies every other local record unchanged, descriptor and all, and keeps the archive comment", () => {
    const zip = readZip(original);
    const out = rewriteZip(zip, new Map([["xl/worksheets/sheet2.xml", enc.encode(SHEET.replace("進捗", "更新"))]]));
    const again = readZip(out);
    expect(again.entries.map((e) => e.name)).toEqual(zip.entries.map((e) => e.name));
    for (const e of zip.entries) {
      if (e.name === "xl/worksheets/sheet2.xml") continue;
      const n = again.byName.get(e.name)!;
      expect(Buffer.from(out.subarray(n.localOffset, n.localEnd)).equals(Buffer.from(original.subarray(e.localOffset, e.localEnd)))).toBe(true);
      expect(text(again, e.name)).toBe(text(zip, e.name));
    }
    // The records follow each other with no gap: each copied one ends where the next begins.
    for (let i = 0; i + 1 < again.entries.length; i++) expect(again.entries[i].localEnd).toBe(again.entries[i + 1].localOffset);
    expect(text(again, "xl/worksheets/sheet2.xml")).toContain("更新");
    expect(Array.from(again.comment)).toEqual(Array.from(archiveComment));
  });

  test("a comment of the greatest length (65,535 bytes) still lets the end record be found", () => {
    const comment = new Uint8Array(65535).fill(0x20);
    const bytes = build([{ name: "a.txt", data: "a" }], { comment });
    const zip = readZip(bytes);
    expect(text(zip, "a.txt")).toBe("a");
    expect(zip.comment.length).toBe(65535);
  });

  test("an empty archive (the end record alone) is an archive with no entries", () => {
    const empty = writeZip([]);
    expect(empty.length).toBe(22);
    const zip = readZip(empty);
    expect(zip.entries).toEqual([]);
    expect(zip.comment.length).toBe(0);
  });

  test("entries whose records sit after the end record, ending exactly at the end of the file, are read", () => {
    // Central directory first, then the end record, then the local record: the local header and data end the file.
    const name = enc.encode("a.txt");
    const data = enc.encode("hello");
    const cdLen = 46 + name.length;
    const localOffset = cdLen + 22;
    const central = concat(le([[0x02014b50, 4], [20, 2], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [crcOf(data), 4], [data.length, 4], [data.length, 4], [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [localOffset, 4]]), name);
    const eocd = le([[0x06054b50, 4], [0, 2], [0, 2], [1, 2], [1, 2], [cdLen, 4], [0, 4], [0, 2]]);
    const local = concat(le([[0x04034b50, 4], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [crcOf(data), 4], [data.length, 4], [data.length, 4], [name.length, 2], [0, 2]]), name, data);
    const zip = readZip(concat(central, eocd, local));
    expect(text(zip, "a.txt")).toBe("hello");

    // The shortest local record there is (30 bytes: no name, no data) as the very last bytes.
    const empty = concat(le([[0x02014b50, 4], [20, 2], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [0, 4], [0, 4], [0, 4], [name.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [localOffset, 4]]), name);
    const tail = le([[0x04034b50, 4], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [0, 4], [0, 4], [0, 4], [0, 2], [0, 2]]);
    const zip2 = readZip(concat(empty, eocd, tail));
    expect(zip2.entries.map((e) => e.name)).toEqual(["a.txt"]);
    expect(entryBytes(zip2, zip2.entries[0]).length).toBe(0);
  });

  test("a central record that ends exactly at the end of the file is read", () => {
    // The directory kept in the end record's comment: its one record (no name) is the file's last 46 bytes.
    const data = enc.encode("x");
    const local = concat(le([[0x04034b50, 4], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [crcOf(data), 4], [1, 4], [1, 4], [0, 2], [0, 2]]), data);
    const central = le([[0x02014b50, 4], [20, 2], [20, 2], [0, 2], [0, 2], [0, 2], [0x21, 2], [crcOf(data), 4], [1, 4], [1, 4], [0, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [0, 4]]);
    const eocd = le([[0x06054b50, 4], [0, 2], [0, 2], [1, 2], [1, 2], [46, 4], [local.length + 22, 4], [46, 2]]);
    const zip = readZip(concat(local, eocd, central));
    expect(zip.entries.length).toBe(1);
    expect(new TextDecoder().decode(entryBytes(zip, zip.entries[0]))).toBe("x");
  });
});

describe("what a damaged or unsupported archive reports", () => {
  const ok: Part[] = [
    { name: "a.xml", data: "<a/>" },
    { name: "b.xml", data: "<b/>" },
  ];

  test("no end record: no-directory, 'no end of central directory', a ZipError", () => {
    const e = zipError(() => readZip(enc.encode("PK\u0003\u0004 this is not an archive, only its first bytes look like one")));
    expect(e.reason).toBe("no-directory");
    expect(e.message).toMatch(/end of central directory/);
    expect(String(e)).toMatch(/^ZipError: /);
    const f = fileErr(() => readWorkbook(enc.encode("PK\u0003\u0004 damaged"), "t.xlsx"));
    expect(f.code).toBe("corrupt");
    expect(f.detail).toMatch(/end of central directory/);
  });

  // Without the Node codecs (the browser page), fflate inflated into a buffer of the stated size and cut a longer
  // stream short, so a forged size 0 with CRC 0 read as an empty part; zlib (Node) refused it. Both refuse it now.
  test("an entry that inflates to more than its stated size is damaged, with or without the Node codecs", () => {
    const forged = build([{ name: "a.xml", data: "<a>more than nothing</a>", size: 0, crc: 0 }]);
    const zip = readZip(forged);
    const saved = codecs.inflate;
    try {
      codecs.inflate = undefined;
      expect(zipError(() => entryBytes(zip, zip.entries[0])).reason).toBe("data");
      codecs.inflate = (data, size) => new Uint8Array(zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size + 1) }));
      expect(zipError(() => entryBytes(zip, zip.entries[0])).reason).toBe("data");
    } finally {
      codecs.inflate = saved;
    }
  });

  test("an end record further than a 65,535-byte comment from the end is not looked for", () => {
    const e = zipError(() => readZip(concat(build(ok), new Uint8Array(65536).fill(0x20))));
    expect(e.reason).toBe("no-directory");
  });

  test("zip64 archives (entry count 0xffff or directory offset 0xffffffff in the end record) are unsupported", () => {
    for (const o of [{ count: 0xffff }, { cdOffset: 0xffffffff }]) {
      const e = zipError(() => readZip(build(ok, o)));
      expect(e.reason).toBe("unsupported");
      expect(e.message).toMatch(/zip64 archives/);
    }
  });

  test("zip64 entries (compressed size, size or local offset 0xffffffff) are unsupported", () => {
    for (const p of [{ compressedSize: 0xffffffff }, { size: 0xffffffff }, { localOffset: 0xffffffff }]) {
      const e = zipError(() => readZip(build([ok[0], { ...ok[1], ...p }])));
      expect(e.reason).toBe("unsupported");
      expect(e.message).toMatch(/zip64 entries/);
    }
  });

  test("a central directory that is not where the end record says, or shorter than it says: damaged central directory", () => {
    const bytes = build(ok);
    const cases = [
      build(ok, { count: 3 }), // one record more than there is: the end record where the third should be
      build(ok, { cdOffset: 0 }), // pointing at a local header
    ];
    // A record cut short by the end of the file (its signature intact, in the archive comment).
    const eocdAt = bytes.length - 22;
    const cdStart = new DataView(bytes.buffer).getUint32(eocdAt + 16, true);
    const cut = concat(bytes.subarray(0, eocdAt), le([[0x06054b50, 4], [0, 2], [0, 2], [1, 2], [1, 2], [20, 4], [eocdAt + 22, 4], [20, 2]]), bytes.subarray(cdStart, cdStart + 20));
    cases.push(cut);
    for (const b of cases) {
      const e = zipError(() => readZip(b));
      expect(e.reason).toBe("bad-entry");
      expect(e.message).toBe("damaged central directory");
    }
  });

  test("a central record pointing at no local header, or at one cut short: damaged local header, with the name", () => {
    const atData = build([ok[0], { ...ok[1], localOffset: 40 }]);
    // The local header's signature in the last bytes of the file, its fixed part cut short.
    const base = build([{ name: "a.xml", data: "<a/>", localOffset: 0 }]);
    const cutHeader = concat(base, le([[0x04034b50, 4], [20, 2], [0, 2], [0, 2]]));
    const z = readZip(base);
    const lying = cutHeader;
    new DataView(lying.buffer).setUint32(z.entries[0].central.byteOffset + 42, base.length, true);
    for (const [b, name] of [
      [atData, "b.xml"],
      [lying, "a.xml"],
    ] as const) {
      const e = zipError(() => readZip(b));
      expect(e.reason).toBe("bad-entry");
      expect(e.message).toBe(`damaged local header: ${name}`);
    }
  });

  test("an entry whose data runs past the end of the file: truncated entry, with the name; a workbook like that is corrupt", () => {
    const e = zipError(() => readZip(build([ok[0], { ...ok[1], compressedSize: 5000 }])));
    expect(e.reason).toBe("bad-entry");
    expect(e.message).toBe("truncated entry: b.xml");
    const f = fileErr(() => readWorkbook(build([{ name: "[Content_Types].xml", data: "<Types/>", compressedSize: 5000 }]), "t.xlsx"));
    expect(f.code).toBe("corrupt");
    expect(f.detail).toBe("truncated entry: [Content_Types].xml");
  });

  test("an encrypted entry: unsupported 'encrypted entry: name'; a workbook with encrypted parts is reported as encrypted", () => {
    const zip = readZip(build([ok[0], { ...ok[1], flags: 0x1 }]));
    expect(text(zip, "a.xml")).toBe("<a/>");
    const e = zipError(() => entryBytes(zip, zip.byName.get("b.xml")!));
    expect(e.reason).toBe("unsupported");
    expect(e.message).toBe("encrypted entry: b.xml");
    const book = build(
      ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"].map((name) => ({ name, data: "<x/>", flags: 0x1 })),
    );
    const f = fileErr(() => readWorkbook(book, "t.xlsx"));
    expect(f.code).toBe("encrypted");
  });

  test("a compression method other than stored or deflate (bzip2, LZMA, zstd): unsupported, with method and name", () => {
    for (const method of [12, 14, 93]) {
      const zip = readZip(build([{ name: "c.xml", data: "<c/>", method }]));
      const e = zipError(() => entryBytes(zip, zip.entries[0]));
      expect(e.reason).toBe("unsupported");
      expect(e.message).toBe(`compression method ${method}: c.xml`);
    }
  });

  test("data that does not inflate: data, 'cannot inflate name: …'", () => {
    const bytes = build([{ name: "d.xml", data: "<d>some text to deflate</d>" }]);
    const zip = readZip(bytes);
    const e0 = zip.entries[0];
    bytes.fill(0xff, e0.dataOffset, e0.dataOffset + e0.compressedSize); // 0xff: a reserved block type
    const e = zipError(() => entryBytes(zip, e0));
    expect(e.reason).toBe("data");
    expect(e.message).toMatch(/^cannot inflate d\.xml: ./);
  });

  test("a stored entry whose CRC or size does not match its data: data, 'damaged data: name'", () => {
    for (const lie of [{ crc: crcOf(enc.encode("<e/>")) ^ 1 }, { size: 3 }]) {
      const zip = readZip(build([{ name: "e.xml", data: "<e/>", method: 0, ...lie }]));
      const e = zipError(() => entryBytes(zip, zip.entries[0]));
      expect(e.reason).toBe("data");
      expect(e.message).toBe("damaged data: e.xml");
    }
  });
});

/** The records of an archive as a streaming reader sees them (local headers, in order) and as the central directory lists them. */
function dissect(bytes: Uint8Array) {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const locals = [];
  let p = 0;
  while (v.getUint32(p, true) === 0x04034b50) {
    const l = { offset: p, version: v.getUint16(p + 4, true), flags: v.getUint16(p + 6, true), method: v.getUint16(p + 8, true), time: v.getUint16(p + 10, true), date: v.getUint16(p + 12, true), crc: v.getUint32(p + 14, true), csize: v.getUint32(p + 18, true), size: v.getUint32(p + 22, true), name: new TextDecoder().decode(bytes.subarray(p + 30, p + 30 + v.getUint16(p + 26, true))), data: new Uint8Array(0) };
    const start = p + 30 + v.getUint16(p + 26, true) + v.getUint16(p + 28, true);
    l.data = new Uint8Array(zlib.inflateRawSync(bytes.subarray(start, start + l.csize)));
    locals.push(l);
    p = start + l.csize;
  }
  const e = bytes.length - 22; // what we check here has no archive comment
  const eocd = { sig: v.getUint32(e, true), disk: v.getUint16(e + 4, true), cdDisk: v.getUint16(e + 6, true), onDisk: v.getUint16(e + 8, true), total: v.getUint16(e + 10, true), cdSize: v.getUint32(e + 12, true), cdOffset: v.getUint32(e + 16, true), commentLength: v.getUint16(e + 20, true) };
  const centrals = [];
  p = eocd.cdOffset;
  for (let i = 0; i < eocd.total; i++) {
    const n = v.getUint16(p + 28, true);
    centrals.push({ madeBy: v.getUint16(p + 4, true), version: v.getUint16(p + 6, true), flags: v.getUint16(p + 8, true), method: v.getUint16(p + 10, true), time: v.getUint16(p + 12, true), date: v.getUint16(p + 14, true), crc: v.getUint32(p + 16, true), csize: v.getUint32(p + 20, true), size: v.getUint32(p + 24, true), name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + n)), offset: v.getUint32(p + 42, true) });
    p += 46 + n + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return { locals, centrals, eocd, cdEnd: p, eocdAt: e };
}

describe("what our writer puts in the archive", () => {
  test("local headers agree with the central directory, UTF-8 names flagged, deflate 2.0, sizes and CRCs right, end record consistent", () => {
    const files = [
      { name: "xl/worksheets/sheet1.xml", data: SHEET },
      { name: "進捗/メモ.txt", data: "メモ" },
      { name: "image.bin", data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]) },
    ];
    const out = writeZip(files);
    const { locals, centrals, eocd, cdEnd, eocdAt } = dissect(out);
    expect(locals.map((l) => l.name)).toEqual(files.map((f) => f.name));
    expect(centrals.map((c) => c.name)).toEqual(files.map((f) => f.name));
    locals.forEach((l, i) => {
      const c = centrals[i];
      const data = bytesOf(files[i].data);
      expect(Array.from(l.data)).toEqual(Array.from(data));
      expect([l.version, l.flags, l.method, l.time, l.date, l.crc, l.csize, l.size, l.offset]).toEqual([c.version, c.flags, c.method, c.time, c.date, c.crc, c.csize, c.size, c.offset]);
      expect(l.version).toBe(20); // APPNOTE 4.4.3.2: 2.0, deflate
      expect(l.flags).toBe(0x800); // bit 11: the name is UTF-8; no descriptor, not encrypted
      expect(l.method).toBe(8);
      expect(l.crc).toBe(crcOf(data));
      expect(l.size).toBe(data.length);
      expect(c.madeBy >> 8).toBe(0); // host MS-DOS: the (zero) external attributes are DOS attributes
      expect(c.madeBy & 0xff).toBe(20);
      expect(l.date).toBe((0 << 9) | (1 << 5) | 1); // no original entry: 1980-01-01, the format's earliest date
    });
    expect(eocd.sig).toBe(0x06054b50);
    expect([eocd.disk, eocd.cdDisk, eocd.onDisk, eocd.total]).toEqual([0, 0, files.length, files.length]);
    expect(cdEnd).toBe(eocdAt);
    expect(eocd.cdSize).toBe(eocdAt - eocd.cdOffset);
    expect(eocd.commentLength).toBe(0);
  });

  test("a replaced entry keeps the original's time and date; an added one takes the last entry's", () => {
    const original = build([
      { name: "a.xml", data: "<a/>", time: T_1030, date: D_2024 },
      { name: "b.xml", data: "<b/>", time: (23 << 11) | (59 << 5) | 29, date: ((2023 - 1980) << 9) | (12 << 5) | 31 },
    ]);
    const out = rewriteZip(readZip(original), new Map([["a.xml", enc.encode("<a>new</a>")], ["c.xml", enc.encode("<c/>")]]));
    const { locals, centrals } = dissect(out);
    expect(locals.map((l) => [l.name, l.time, l.date])).toEqual([
      ["a.xml", T_1030, D_2024],
      ["b.xml", (23 << 11) | (59 << 5) | 29, ((2023 - 1980) << 9) | (12 << 5) | 31],
      ["c.xml", (23 << 11) | (59 << 5) | 29, ((2023 - 1980) << 9) | (12 << 5) | 31],
    ]);
    expect(centrals.map((c) => [c.name, c.time, c.date])).toEqual(locals.map((l) => [l.name, l.time, l.date]));
    expect(new TextDecoder().decode(locals[0].data)).toBe("<a>new</a>");
  });

  test("an archive comment survives a rewrite that replaces an entry, its length in the end record", () => {
    const comment = enc.encode("kept: コメント");
    const original = build([{ name: "a.xml", data: "<a/>" }], { comment });
    const out = rewriteZip(readZip(original), new Map([["a.xml", enc.encode("<a>2</a>")]]));
    expect(new DataView(out.buffer).getUint16(out.length - comment.length - 2, true)).toBe(comment.length);
    expect(Buffer.from(out.subarray(out.length - comment.length)).equals(Buffer.from(comment))).toBe(true);
    expect(Array.from(readZip(out).comment)).toEqual(Array.from(comment));
  });

  test("binary data handed to writeZip is stored as those bytes", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0x80]);
    const zip = readZip(writeZip([{ name: "xl/media/image1.png", data: png }]));
    expect(Array.from(entryBytes(zip, zip.entries[0]))).toEqual(Array.from(png));
  });

  test("a part of ordinary size is compressed as well as the codec's default level does", () => {
    // A sheet as Excel writes it: styled cells of shared strings, row spans.
    const xml = `<worksheet><sheetData>${Array.from({ length: 300 }, (_, i) => `<row r="${i + 1}" spans="1:8">${Array.from({ length: 8 }, (_, j) => `<c r="${"ABCDEFGH"[j]}${i + 1}" s="${(i + j) % 4}" t="s"><v>${((i * 8 + j) * 13) % 997}</v></c>`).join("")}</row>`).join("")}</sheetData></worksheet>`;
    const zip = readZip(writeZip([{ name: "xl/worksheets/sheet1.xml", data: xml }]));
    const byDefault = codecs.deflate ? zlib.deflateRawSync(enc.encode(xml)) : deflateSync(enc.encode(xml)); // Node's zlib (the CLI) or fflate (the browser)
    expect(zip.entries[0].compressedSize).toBeLessThanOrEqual(byDefault.length);
  });
});
