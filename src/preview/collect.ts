/**
 * The submissions of a round from what the user gave the page: picked files, a picked folder, or
 * a drop of files and folders. Folders contribute their workbooks (Office lock files and hidden
 * files left out) in the order `shinchoku report <folder>` walks them; picked files are kept as
 * given, sorted by name.
 */
import { walkOrder } from "../report/path";
import type { Submission } from "./round-protocol";

export { walkOrder };

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;
const hidden = (name: string): boolean => name.startsWith(".") || name.startsWith("~$");

const inFolder = (path: string): boolean => WORKBOOK.test(path) && !path.split("/").some(hidden);

/** From an <input type="file" multiple> (or webkitdirectory: then each file has its relative path). */
export function fromFileList(list: ArrayLike<File>): Submission[] {
  const out: Submission[] = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    const rel = f.webkitRelativePath || "";
    if (rel) {
      if (inFolder(rel)) out.push({ name: rel, file: f });
    } else out.push({ name: f.name, file: f });
  }
  return out.sort((a, b) => walkOrder(a.name, b.name));
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntry extends Entry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirEntry extends Entry {
  createReader(): { readEntries(ok: (e: Entry[]) => void, fail: (e: unknown) => void): void };
}

const fileOf = (e: FileEntry) => new Promise<File>((ok, fail) => e.file(ok, fail));

async function walk(dir: DirEntry, out: Submission[]): Promise<void> {
  const reader = dir.createReader();
  const all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) break;
    all.push(...batch);
  }
  for (const e of all) {
    if (hidden(e.name)) continue;
    if (e.isDirectory) await walk(e as DirEntry, out);
    else if (e.isFile && WORKBOOK.test(e.name)) out.push({ name: e.fullPath.replace(/^\//, ""), file: await fileOf(e as FileEntry) });
  }
}

/** From a drop: files as dropped, folders walked. */
export async function fromDrop(data: DataTransfer): Promise<Submission[]> {
  const entries: Entry[] = [];
  const loose: File[] = [];
  for (let i = 0; i < data.items.length; i++) {
    const item = data.items[i];
    if (item.kind !== "file") continue;
    const entry = (item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null;
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  const out: Submission[] = loose.map((f) => ({ name: f.name, file: f }));
  for (const e of entries) {
    if (e.isDirectory) await walk(e as DirEntry, out);
    else if (e.isFile) out.push({ name: e.name, file: await fileOf(e as FileEntry) });
  }
  return out.sort((a, b) => walkOrder(a.name, b.name));
}
