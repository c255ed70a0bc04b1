/** Test helpers for comparing and editing workbooks part by part (the exact-undo tests). */
import * as fs from "fs";
import * as path from "path";
import { readZip, writeZip } from "../../src/xlsx";
import { entryBytes, entryText } from "../../src/xlsx/zip";

/** Workbooks from other producers (Excel-style, LibreOffice, openpyxl) and the v2 fixtures. */
export const PRODUCER_FILES = [
  ...["excel-style.xlsx", "excel-style.xlsm", "libreoffice.xlsx", "openpyxl.xlsx"].map((f) => path.join(__dirname, "../files/corpus", f)),
  ...["seed-jinji-zaisei-r2.libreoffice.xlsx", "v2-kpi-table-r5.xlsx", "v2-multirow-r5.xlsx", "v2-years-across-r5.xlsx"].map((f) => path.join(__dirname, "../fixtures", f)),
];

export const load = (file: string) => new Uint8Array(fs.readFileSync(file));

/** Every entry's bytes by name. */
export function parts(bytes: Uint8Array): Map<string, string> {
  const zip = readZip(bytes);
  return new Map(zip.entries.map((e) => [e.name, Buffer.from(entryBytes(zip, e)).toString("latin1")]));
}

/** The names of the entries that differ (or exist on one side only), but those `skip` names. */
export function differing(a: Uint8Array, b: Uint8Array, skip: (name: string) => boolean = () => false): string[] {
  const pa = parts(a);
  const pb = parts(b);
  return [...new Set([...pa.keys(), ...pb.keys()])].filter((n) => !skip(n) && pa.get(n) !== pb.get(n)).sort();
}

/** The workbook with one part's text changed. */
export function withPart(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const zip = readZip(bytes);
  return writeZip(zip.entries.map((e) => ({ name: e.name, data: e.name === name ? change(entryText(zip, e.name)!) : entryBytes(zip, e) })));
}
