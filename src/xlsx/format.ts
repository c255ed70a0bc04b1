/**
 * What a file is, told from its bytes before anything is inflated: an OOXML workbook (.xlsx,
 * .xlsm), a legacy BIFF workbook (.xls), an OpenDocument spreadsheet (.ods), an encrypted
 * package, or none of these; and whether its zip would inflate to an unreasonable size.
 */
import { FILE_LIMITS, FILE_MESSAGES, type FileErrorCode } from "../core/messages-file";
import { readZip, type ZipArchive, ZipError } from "./zip";

export type { FileErrorCode };
export type WorkbookFormat = "xlsx" | "xlsm" | "xls" | "ods";

export class FileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "FileError";
  }
}

export const fileError = (code: FileErrorCode, file: string, detail?: string, lang: "ja" | "en" = "ja"): FileError => new FileError(code, FILE_MESSAGES[lang][code](file), detail);

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether a UTF-16LE name occurs in a compound file's bytes (its directory holds the stream names). */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pat = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) pat[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + pat.length <= bytes.length; i++) {
    if (bytes[i] !== pat[0]) continue;
    for (let j = 1; j < pat.length; j++) if (bytes[i + j] !== pat[j]) continue outer;
    return true;
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
    if (hasUtf16(bytes, "EncryptedPackage")) throw fileError("encrypted", file);
    if (hasUtf16(bytes, "Workbook") || hasUtf16(bytes, "Book")) return { format: "xls", zip: null };
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
