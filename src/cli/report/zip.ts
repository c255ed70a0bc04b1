/** The report's .xlsx package: the same zip writer as the file patcher (src/xlsx), Node's zlib underneath. */
import "../../xlsx/node-file";
import { crc32, writeZip } from "../../xlsx";

export { crc32 };

export function zip(entries: { name: string; data: string | Buffer }[]): Buffer {
  const out = writeZip(entries);
  return Buffer.from(out.buffer, out.byteOffset, out.length);
}
