/**
 * What a file is, told from its bytes before anything is inflated: an OOXML workbook (.xlsx,
 * .xlsm), a legacy BIFF workbook (.xls), an OpenDocument spreadsheet (.ods), an encrypted
 * package, or none of these; and whether its zip would inflate to an unreasonable size.
 */
import { FILE_LIMITS, FILE_MESSAGES, type FileErrorCode } from "../core/messages-file";
import { readZip, type ZipArchive, ZipError } from "./zip";

export type { FileErrorCode };
export type WorkbookFormat = "xlsx" | "xlsm" | "xls" | "ods";

/** A file that cannot be read or written; `message` is Japanese, `en` the same in English (the CLI's --lang en). */
export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    message: string,
    readonly detail?: string,
    readonly en: string = message,
  ) {
    super(message);
    this.name = "FileError";
  }
}

export const fileError = (code: FileErrorCode, file: string, detail?: string): FileError => new FileError(code, FILE_MESSAGES.ja[code](file, detail), detail, FILE_MESSAGES.en[code](file, detail));

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Whether a compound file's directory names a stream (MS-CFB §2.6): a 128-byte directory entry whose name is
 * `name` (UTF-16LE, zero-terminated, compared without case as CFB does), with the name's length in bytes at
 * +64 and the stream type (2) at +66. Directory sectors follow the 512-byte header, so entries start at
 * multiples of 128; the same letters inside a stream's data (a Word document that mentions 「Workbook」) do not
 * carry that shape.
 */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const size = (name.length + 1) * 2;
  for (let p = 512; p + 128 <= bytes.length; p += 128) {
    if (bytes[p + 64] !== size || bytes[p + 65] !== 0 || bytes[p + 66] !== 2) continue;
    let same = bytes[p + size - 2] === 0 && bytes[p + size - 1] === 0;
    for (let i = 0; same && i < name.length; i++) same = bytes[p + i * 2 + 1] === 0 && String.fromCharCode(bytes[p + i * 2]).toLowerCase() === name[i].toLowerCase();
    if (same) return true;
  }
  return false;
}

export interface Detected {
  format: WorkbookFormat;
  /** The zip directory (OOXML and ODS). */
  zip: ZipArchive | null;
}

/** Tells the format; throws a FileError (corrupt, encrypted, unsupported, zip bomb …). */
export function detectFormat(bytes: Uint8Array, file: string): Detected {
  if (bytes.length === 0) throw fileError("empty-file", file);
  if (bytes.length > FILE_LIMITS.maxFileBytes) throw fileError("too-large", file);
  const ext = (/\.[^./\\]+$/.exec(file)?.[0] ?? "").toLowerCase();
  const spreadsheetName = [".xlsx", ".xlsm", ".xls", ".ods", ".xltx", ".xltm"].includes(ext);
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    // An OLE compound file: an encrypted OOXML package, or a BIFF workbook (stream "Workbook" or "Book").
    if (hasStream(bytes, "EncryptedPackage")) throw fileError("encrypted", file);
    if (hasStream(bytes, "Workbook") || hasStream(bytes, "Book")) return { format: "xls", zip: null };
    throw fileError(spreadsheetName ? "corrupt" : "unsupported-format", file);
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fileError(spreadsheetName ? "corrupt" : "unsupported-format", file);
  let zip: ZipArchive;
  try {
    zip = readZip(bytes);
  } catch (e) {
    throw fileError(spreadsheetName ? "corrupt" : "unsupported-format", file, e instanceof ZipError ? e.message : String(e));
  }
  let total = 0;
  let worst = 0;
  for (const e of zip.entries) {
    total += e.size;
    if (e.size > 1024 * 1024) worst = Math.max(worst, e.size / Math.max(1, e.compressedSize));
  }
  if (total > FILE_LIMITS.maxUnpackedBytes || worst > FILE_LIMITS.maxRatio) throw fileError("zip-bomb", file);
  if (zip.byName.has("[Content_Types].xml")) {
    const ct = zip.byName.get("[Content_Types].xml");
    if (ct && (zip.byName.has("xl/workbook.xml") || zip.entries.some((e) => /workbook\d*\.xml$/i.test(e.name))))
      return { format: ext === ".xlsm" || ext === ".xltm" ? "xlsm" : "xlsx", zip };
  }
  const mimetype = zip.byName.get("mimetype");
  if (mimetype && mimetype.method === 0) {
    const text = new TextDecoder().decode(bytes.subarray(mimetype.dataOffset, mimetype.dataOffset + mimetype.compressedSize));
    if (text.trim() === "application/vnd.oasis.opendocument.spreadsheet") return { format: "ods", zip };
  }
  // A zip that is not a spreadsheet (.docx, a plain archive).
  throw fileError(spreadsheetName ? "corrupt" : "unsupported-format", file);
}
