/** Opens .xlsx files with ExcelJS, telling apart the ways a file can fail to be one. */
import ExcelJS from "exceljs";
import * as fsSync from "fs";
import * as path from "path";

export type FileErrorCode = "file-not-found" | "not-a-file" | "xls-format" | "unsupported-format" | "encrypted" | "corrupt" | "empty-file" | "too-large" | "zip-bomb" | "read-failed";

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

/** Largest input accepted (bytes). ExcelJS holds the whole workbook in memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Largest total size the package may inflate to, and the largest inflate ratio of a big entry. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;
export const MAX_RATIO = 200;

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export const FILE_MESSAGES: Record<FileErrorCode, (file: string) => string> = {
  "file-not-found": (f) => `${f}: ファイルが見つかりません。パスを確認してください。`,
  "not-a-file": (f) => `${f}: ファイルではありません（フォルダーなど）。.xlsx ファイルを指定してください。`,
  "xls-format": (f) => `${f}: 古い Excel 形式（.xls）です。Excel で開いて「.xlsx で保存し直してください」。`,
  "unsupported-format": (f) => `${f}: .xlsx ではありません。Excel で開いて .xlsx 形式で保存し直してください。`,
  encrypted: (f) => `${f}: パスワードで保護されています。パスワードを解除して保存し直してください。`,
  corrupt: (f) => `${f}: ファイルが壊れているか .xlsx ではないため読めません。Excel で開けるか確認し、保存し直してください。`,
  "empty-file": (f) => `${f}: 空のファイルです（0 バイト）。提出されたファイルを確認してください。`,
  "too-large": (f) => `${f}: ファイルが大きすぎます（上限 ${MAX_FILE_BYTES / 1024 / 1024} MB）。シートを分けてください。`,
  "zip-bomb": (f) => `${f}: 展開すると極端に大きくなるファイルのため、読み込みを中止しました（上限 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB、圧縮率 ${MAX_RATIO} 倍）。提出元に確認してください。`,
  "read-failed": (f) => `${f}: ファイルを読み込めませんでした。アクセス権を確認してください。`,
};

const fail = (code: FileErrorCode, file: string, detail?: string): FileError => new FileError(code, FILE_MESSAGES[code](file), detail);

/** Reads a file's bytes after checking that it can be an .xlsx at all. */
/** Synchronous on purpose: a command reading files one after another gains nothing from the thread pool's round trips. */
export async function readXlsxBytes(file: string): Promise<Buffer> {
  let stat;
  try {
    stat = fsSync.statSync(file);
  } catch (e) {
    throw fail((e as NodeJS.ErrnoException).code === "ENOENT" ? "file-not-found" : "read-failed", file, String(e));
  }
  if (!stat.isFile()) throw fail("not-a-file", file);
  if (stat.size === 0) throw fail("empty-file", file);
  if (stat.size > MAX_FILE_BYTES) throw fail("too-large", file);
  let buf: Buffer;
  try {
    buf = fsSync.readFileSync(file);
  } catch (e) {
    throw fail("read-failed", file, String(e));
  }
  const ext = path.extname(file).toLowerCase();
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    // An OLE container: either a legacy .xls or an encrypted OOXML package.
    throw fail(ext === ".xls" ? "xls-format" : buf.includes(Buffer.from("EncryptedPackage", "utf16le")) ? "encrypted" : "xls-format", file);
  }
  if (buf[0] !== 0x50 || buf[1] !== 0x4b) {
    throw fail([".xlsx", ".xlsm"].includes(ext) ? "corrupt" : "unsupported-format", file);
  }
  const unpacked = unpackedSize(buf);
  if (unpacked === null) throw fail([".xlsx", ".xlsm"].includes(ext) ? "corrupt" : "unsupported-format", file);
  if (unpacked.total > MAX_UNPACKED_BYTES || unpacked.worstRatio > MAX_RATIO) throw fail("zip-bomb", file);
  // A zip that is not an Excel package (.ods, .docx, a plain archive).
  if (!unpacked.names.has("xl/workbook.xml")) throw fail([".xlsx", ".xlsm"].includes(ext) ? "corrupt" : "unsupported-format", file);
  return buf;
}

/**
 * Sizes from the zip's central directory, read before anything is inflated: the total, and the
 * worst compression ratio among entries over 1 MB (ordinary sheets stay under ~30×). Null when
 * there is no readable central directory (a truncated or damaged file).
 */
export function unpackedSize(buf: Buffer): { total: number; worstRatio: number; names: Set<string> } | null {
  const min = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  let worstRatio = 0;
  const names = new Set<string>();
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    const packed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    names.add(buf.toString("utf8", p + 46, p + 46 + nameLength));
    total += size;
    if (size > 1024 * 1024) worstRatio = Math.max(worstRatio, size / Math.max(1, packed));
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { total, worstRatio, names };
}

const isXlsxName = (file: string): boolean => [".xlsx", ".xlsm"].includes(path.extname(file).toLowerCase());

/** A parse failure of a file that passed the byte checks. */
export function parseFailure(file: string, e: unknown): FileError {
  return fail(isXlsxName(file) ? "corrupt" : "unsupported-format", file, String(e));
}

/** Loads the whole workbook model (needed to write). */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const buf = await readXlsxBytes(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw parseFailure(file, e);
  }
  return wb;
}
