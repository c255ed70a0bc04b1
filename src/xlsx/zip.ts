/**
 * The zip container of a workbook, read and rewritten without touching what Shinchoku does not
 * own: an entry that is not replaced is copied as its original bytes (local header, compressed
 * data, data descriptor and central record), so it comes out byte-identical, compressed form
 * included. Only replaced and added entries are deflated (fflate). Our own reader of the central
 * directory, rather than fflate's unzip, because the patcher needs each entry's raw byte range
 * and the size checks must run before anything is inflated. Runs in Node and in the browser.
 */
import { deflateSync, inflateSync } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Byte range of the whole local record (header, data, descriptor) in the archive. */
  localEnd: number;
  dataOffset: number;
  /** The central directory record, as stored. */
  central: Uint8Array;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  byName: Map<string, ZipEntry>;
  comment: Uint8Array;
}

export class ZipError extends Error {
  constructor(
    readonly reason: "no-directory" | "bad-entry" | "unsupported" | "data",
    message: string,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

const u16 = (b: Uint8Array, p: number): number => b[p] | (b[p + 1] << 8);
const u32 = (b: Uint8Array, p: number): number => (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16)) + b[p + 3] * 0x1000000;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * Native codecs where the platform has them: Node's zlib is several times faster than fflate on
 * large parts. node-file.ts installs them; the browser keeps fflate and the table CRC.
 */
export const codecs: { deflate?: (data: Uint8Array, level: number) => Uint8Array; inflate?: (data: Uint8Array, size: number) => Uint8Array; crc32?: (data: Uint8Array) => number } = {};

export function crc32(buf: Uint8Array): number {
  if (codecs.crc32) return codecs.crc32(buf);
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const utf8 = new TextDecoder("utf-8");
const latin = new TextDecoder("latin1");
const encoder = new TextEncoder();

/** Reads the central directory. Nothing is inflated. */
export function readZip(bytes: Uint8Array): ZipArchive {
  const min = Math.max(0, bytes.length - 65557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no-directory", "no end of central directory");
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError("unsupported", "zip64 archives are not supported");
  const comment = bytes.subarray(eocd + 22, eocd + 22 + u16(bytes, eocd + 20));
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipError("bad-entry", "damaged central directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    const compressedSize = u32(bytes, p + 20);
    const size = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const localOffset = u32(bytes, p + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new ZipError("unsupported", "zip64 entries are not supported");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : /[\x80-\xff]/.test(latin.decode(nameBytes)) ? utf8 : latin).decode(nameBytes);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== 0x04034b50) throw new ZipError("bad-entry", `damaged local header: ${name}`);
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    let localEnd = dataOffset + compressedSize;
    if (localEnd > bytes.length) throw new ZipError("bad-entry", `truncated entry: ${name}`);
    if (flags & 0x8) localEnd += localEnd + 4 <= bytes.length && u32(bytes, localEnd) === 0x08074b50 ? 16 : 12;
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, localEnd: Math.min(localEnd, bytes.length), dataOffset, central: bytes.subarray(p, end) });
    p = end;
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) byName.set(e.name, e);
  return { bytes, entries, byName, comment };
}

/** An entry's content, inflated and checked against its declared size and CRC. */
export function entryBytes(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  const raw = zip.bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array;
  if (entry.flags & 0x1) throw new ZipError("unsupported", `encrypted entry: ${entry.name}`);
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    try {
      // One byte of room past the stated size, as node-file's zlib has: a stream that inflates to more is
      // then caught by the size check below instead of being cut to the stated size.
      out = codecs.inflate ? codecs.inflate(raw, entry.size) : inflateSync(raw, { out: new Uint8Array(entry.size + 1) });
    } catch (e) {
      throw new ZipError("data", `cannot inflate ${entry.name}: ${String(e)}`);
    }
  } else throw new ZipError("unsupported", `compression method ${entry.method}: ${entry.name}`);
  if (out.length !== entry.size || crc32(out) !== entry.crc) throw new ZipError("data", `damaged data: ${entry.name}`);
  return out;
}

export function entryText(zip: ZipArchive, name: string): string | null {
  const e = zip.byName.get(name);
  return e ? utf8.decode(entryBytes(zip, e)) : null;
}

export const textBytes = (s: string): Uint8Array => encoder.encode(s);

function header(sig: number, size: number): { buf: Uint8Array; view: DataView } {
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  view.setUint32(0, sig, true);
  return { buf, view };
}

/**
 * A new archive: the original entries in their order, each either copied byte for byte or
 * (when `replace` has its name) stored anew; `null` removes it; names not in the original are
 * appended in the order given.
 */
export function rewriteZip(zip: ZipArchive, replace: Map<string, Uint8Array | null>): Uint8Array {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    offset += b.length;
  };
  const fresh = (name: string, data: Uint8Array, time: number, date: number) => {
    const nameBytes = encoder.encode(name);
    const level = data.length > 1 << 20 ? 1 : 6;
    const packed = codecs.deflate ? codecs.deflate(data, level) : deflateSync(data, { level });
    const crc = crc32(data);
    const local = header(0x04034b50, 30 + nameBytes.length);
    const lv = local.view;
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true);
    lv.setUint16(8, 8, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, packed.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.buf.set(nameBytes, 30);
    const central = header(0x02014b50, 46 + nameBytes.length);
    const cv = central.view;
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, packed.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.buf.set(nameBytes, 46);
    centrals.push(central.buf);
    push(local.buf);
    push(packed);
  };
  let time = 0;
  let date = (0 << 9) | (1 << 5) | 1;
  for (const e of zip.entries) {
    time = u16(zip.bytes, e.localOffset + 10);
    date = u16(zip.bytes, e.localOffset + 12);
    if (replace.has(e.name)) {
      const data = replace.get(e.name);
      if (data) fresh(e.name, data, time, date);
      continue;
    }
    const central = new Uint8Array(e.central);
    new DataView(central.buffer, central.byteOffset).setUint32(42, offset, true);
    centrals.push(central);
    push(zip.bytes.subarray(e.localOffset, e.localEnd));
  }
  for (const [name, data] of replace) if (data && !zip.byName.has(name)) fresh(name, data, time, date);
  const cdStart = offset;
  for (const c of centrals) push(c);
  const end = header(0x06054b50, 22 + zip.comment.length);
  end.view.setUint16(8, centrals.length, true);
  end.view.setUint16(10, centrals.length, true);
  end.view.setUint32(12, offset - cdStart, true);
  end.view.setUint32(16, cdStart, true);
  end.view.setUint16(20, zip.comment.length, true);
  end.buf.set(zip.comment, 22);
  push(end.buf);
  const out = new Uint8Array(offset);
  let p = 0;
  for (const b of parts) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

/** A new archive from scratch (reports): entries deflated in the order given. */
export function writeZip(entries: { name: string; data: string | Uint8Array }[]): Uint8Array {
  const empty: ZipArchive = { bytes: new Uint8Array(0), entries: [], byName: new Map(), comment: new Uint8Array(0) };
  const replace = new Map<string, Uint8Array | null>();
  for (const e of entries) replace.set(e.name, typeof e.data === "string" ? encoder.encode(e.data) : e.data);
  return rewriteZip(empty, replace);
}
