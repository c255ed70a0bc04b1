export { readWorkbook, type WorkbookRead, type SheetListing, type ReadOptions } from "./read";
export { patchWorkbook, undoWorkbook, type FileUndoSheet, type UndoResult } from "./patch";
export { detectFormat, FileError, fileError, type FileErrorCode, type WorkbookFormat } from "./format";
export { EMPTY_CELL } from "./cells";
export { readZip, rewriteZip, writeZip, entryBytes, entryText, crc32 } from "./zip";
