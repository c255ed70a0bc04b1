/**
 * @jest-environment jsdom
 */
import { fromDrop, fromFileList } from "../../src/preview/collect";

/** A dropped folder as Chromium hands it over: FileSystemEntry objects, read in batches. */
function fileEntry(fullPath: string) {
  const name = fullPath.split("/").pop()!;
  return { isFile: true, isDirectory: false, name, fullPath, file: (ok: (f: File) => void) => ok(new File(["x"], name)) };
}
function dirEntry(fullPath: string, children: object[]) {
  const name = fullPath.split("/").pop()!;
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader() {
      // Entries come in batches (readEntries returns at most 100 at a time), then an empty one.
      const batches = [children.slice(0, 2), children.slice(2), []];
      return { readEntries: (ok: (e: object[]) => void) => ok(batches.shift() ?? []) };
    },
  };
}
const item = (entry: object | null, file: File | null = null) => ({ kind: "file", webkitGetAsEntry: () => entry, getAsFile: () => file });

describe("the round's submissions from a drop or a picker", () => {
  it("a dropped folder: its workbooks, subfolders included, lock and hidden files left out, in walk order", async () => {
    const folder = dirEntry("/提出", [
      fileEntry("/提出/部会B.xlsx"),
      fileEntry("/提出/~$部会B.xlsx"),
      dirEntry("/提出/追加", [fileEntry("/提出/追加/部会C.ods"), fileEntry("/提出/追加/メモ.txt")]),
      fileEntry("/提出/.hidden.xlsx"),
      fileEntry("/提出/部会A.xls"),
      dirEntry("/提出/.git", [fileEntry("/提出/.git/x.xlsx")]),
    ]);
    const loose = item(fileEntry("/単独.xlsm"));
    const subs = await fromDrop({ items: [folder, loose].map((e) => (e === loose ? e : item(e))) } as unknown as DataTransfer);
    // Folder by folder, names compared with localeCompare (here: 追加 before 部会A, as the CLI's walk orders them).
    expect(subs.map((s) => s.name)).toEqual(["単独.xlsm", "提出/追加/部会C.ods", "提出/部会A.xls", "提出/部会B.xlsx"]);
    expect(subs.every((s) => s.file instanceof File)).toBe(true);
  });

  it("a drop without entries (a synthetic one) uses the files themselves", async () => {
    const f = new File(["x"], "a.xlsx");
    const subs = await fromDrop({ items: [item(null, f), { kind: "string", getAsFile: () => null }] } as unknown as DataTransfer);
    expect(subs).toEqual([{ name: "a.xlsx", file: f }]);
  });

  it("picked files are kept as given (sorted); a picked folder keeps paths and leaves out what is not a workbook", () => {
    const picked = [new File(["x"], "b.xlsx"), new File(["x"], "a.txt")];
    expect(fromFileList(picked).map((s) => s.name)).toEqual(["a.txt", "b.xlsx"]);
    const inFolder = (p: string) => Object.assign(new File(["x"], p.split("/").pop()!), {}) as File;
    const files = ["r/z.xlsx", "r/sub/a.xlsx", "r/~$z.xlsx", "r/notes.txt", "r/.h/b.xlsx"].map((p) => {
      const f = inFolder(p);
      Object.defineProperty(f, "webkitRelativePath", { value: p });
      return f;
    });
    expect(fromFileList(files).map((s) => s.name)).toEqual(["r/sub/a.xlsx", "r/z.xlsx"]);
  });
});
