/** Pins behaviour of src/excel that the audit of its surviving mutants (docs/mutation-survivors-adapters.md) found unpinned. */
import { DEFAULT_CONFIG } from "../../src/core";
import { checkSheet, readInBlocks, undoLast } from "../../src/excel/gateway";
import { checkAllSheets } from "../../src/excel/office-port";
import { writeRoundBook } from "../../src/excel/round-book";
import { FakeContext, type FakeSheetData, sheetData } from "./fake-excel";
import { storedRecord } from "./stored-record";
import { changeAfterSync } from "./change-after-sync";

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];

/** A progress sheet; `lead` empty columns before it. */
function progress(name: string, items: number, lead = 0): FakeSheetData {
  const pad = Array.from({ length: lead }, () => null);
  const rows: (string | number | null)[][] = [[...pad, "令和2年度 進捗状況"], [], [...pad, ...HEADER]];
  for (let i = 0; i < items; i++) rows.push([...pad, i + 1, `項目${i + 1}`, "状態", "2年度 10件以上", "計画", "中間", `実績 ${8 + (i % 4)}件`, "課題"]);
  return sheetData(name, rows);
}


const write = (ctx: FakeContext, runAt?: string) => checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, ...(runAt ? { runAt } : {}) });

describe("writeRoundBook: a new workbook where Excel.createWorkbook is there, else the sheets added here", () => {
  const g = globalThis as unknown as { Excel: unknown; Office: unknown };
  let ctx: FakeContext;
  let created: string[];
  let runs: number;
  const sheets = [{ name: "提出状況", header: ["部会", "項目数"], rows: [["a", 1]] }];
  // The globals go back as they were: the mutation suite runs every excel test file in one registry.
  let saved: { Excel: unknown; Office: unknown };
  beforeAll(() => {
    saved = { Excel: g.Excel, Office: g.Office };
  });
  afterAll(() => {
    g.Excel = saved.Excel;
    g.Office = saved.Office;
  });
  function host(supported: boolean, withCreate: boolean) {
    created = [];
    runs = 0;
    ctx = new FakeContext([sheetData("進捗", [["x"]])]);
    // Office.context.requirements.isSetSupported(name, minVersion): whether the host supports that requirement set.
    g.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => supported && name === "ExcelApi" && v === "1.8" } } };
    g.Excel = {
      run: <T>(batch: (c: unknown) => Promise<T>): Promise<T> => {
        runs++;
        return Promise.resolve().then(() => batch(ctx));
      },
      // Excel.createWorkbook(base64File): "Creates and opens a new workbook. Optionally, the workbook can be
      // pre-populated with a base64-encoded .xlsx file." (ExcelApi 1.8)
      ...(withCreate ? { createWorkbook: (b64?: string) => Promise.resolve(void created.push(b64 ?? "")) } : {}),
    };
  }

  it("ExcelApi 1.8 with createWorkbook: the file opened as a new workbook, its bytes as base64, nothing added here", async () => {
    host(true, true);
    // Over two 32 KiB slices, every byte value: the base64 of the whole file, not of a part.
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 1234 }, (_, i) => (i * 7 + (i >> 8)) & 0xff);
    expect(await writeRoundBook(bytes, sheets)).toBe("new");
    expect(created).toEqual([Buffer.from(bytes).toString("base64")]);
    expect(runs).toBe(0);
    expect(ctx.engine.sheets.map((s) => s.name)).toEqual(["進捗"]);
  });

  it("without ExcelApi 1.8 the sheets go into the current workbook, createWorkbook left alone", async () => {
    host(false, true);
    expect(await writeRoundBook(new Uint8Array([1, 2, 3]), sheets)).toBe("here");
    expect(created).toEqual([]);
    expect(runs).toBe(1);
    expect(ctx.engine.sheets.map((s) => s.name)).toEqual(["進捗", "提出状況"]);
    expect(ctx.sheet("提出状況").cells.get("1,0")?.value).toBe("a");
  });

  it("ExcelApi 1.8 reported but no createWorkbook function: the sheets go into the current workbook", async () => {
    host(true, false);
    expect(await writeRoundBook(new Uint8Array([1]), sheets)).toBe("here");
    expect(ctx.engine.sheets.map((s) => s.name)).toEqual(["進捗", "提出状況"]);
  });
});

describe("a check without writing sends no write to Excel", () => {
  it("an all-sheets check with write off, on a workbook with a record: every request is reads only", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    await write(ctx);
    const from = ctx.requestBytes.length;
    const out = await checkAllSheets(ctx, DEFAULT_CONFIG, false);
    expect(out.written).toBe(false);
    expect(ctx.requestBytes.length).toBeGreaterThan(from);
    expect(ctx.requestBytes.slice(from)).toEqual(ctx.requestBytes.slice(from).map(() => 0));
  });
});

describe("a failed read is not retried as if it were too large", () => {
  it("readInBlocks: a block's sync failing with another error fails the read with that error", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    ctx.failSync(1, "GeneralException", 0);
    const ws = ctx.workbook.worksheets.getItem("進捗");
    await expect(readInBlocks(ctx, ws, { rowIndex: 0, columnIndex: 0, rowCount: 6, columnCount: 8 })).rejects.toMatchObject({ code: "GeneralException" });
  });
});

describe("the check before the write, on re-runs and on used-range changes", () => {
  it("a second run over the numbers Shinchoku wrote (達成率) is not taken for a changed sheet", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    await write(ctx);
    expect(typeof ctx.sheet("進捗").cells.get("3,9")?.value).toBe("number");
    expect((await write(ctx)).written).toBe(true);
  });

  it("a user's column right of Shinchoku's columns is not read as part of the cells it writes", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    await write(ctx);
    const s = ctx.sheet("進捗");
    const note = sheetData("n", [["備考"], ["メモ1"], ["メモ2"], ["メモ3"]]);
    for (let r = 0; r < 4; r++) s.cells.set(`${r + 2},12`, note.cells.get(`${r},0`)!);
    expect((await write(ctx)).written).toBe(true);
    expect(s.cells.get("3,12")?.value).toBe("メモ1");
  });

  it("the used range grown by a column to the right (nothing else) is a changed sheet", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    const s = ctx.sheet("進捗");
    const a1 = s.cells.get("0,0")!;
    changeAfterSync(ctx, 1, () => s.cells.set("0,20", { ...a1, value: "右" }));
    await expect(write(ctx)).rejects.toMatchObject({ code: "sheet-changed" });
    expect(s.cells.get("3,9")).toBeUndefined();
  });

  it("the used range moved left by a column at the same size (nothing else) is a changed sheet", async () => {
    // Data from column B, two notes in row 1 at O and P; then P1 goes and A2 comes: B:P becomes A:O.
    const s = progress("進捗", 3, 1);
    const b1 = s.cells.get("0,1")!;
    s.cells.set("0,14", { ...b1, value: "o" });
    s.cells.set("0,15", { ...b1, value: "p" });
    const ctx = new FakeContext([s]);
    changeAfterSync(ctx, 1, () => {
      s.cells.delete("0,15");
      s.cells.set("1,0", { ...b1, value: "a" });
    });
    await expect(write(ctx)).rejects.toMatchObject({ code: "sheet-changed" });
    expect(s.cells.get("3,10")).toBeUndefined();
  });
});

describe("undo of the last of two runs", () => {
  it("the record keeps what the first run wrote as the sheet's own values", async () => {
    const ctx = new FakeContext([progress("進捗", 3)]);
    await write(ctx, "2026-04-01T00:00:00.000Z");
    const first = storedRecord(ctx)!.sheets["進捗"].written;
    expect(first).toBeTruthy();
    await write(ctx, "2026-04-02T00:00:00.000Z");
    expect(await undoLast(ctx)).toBe(true);
    expect(storedRecord(ctx)!.sheets["進捗"]).toEqual({ written: first });
  });
});

describe("a sheet with a header and no items", () => {
  it("is written without a drop-down, keeps no earlier rules for undo, and undo puts it back", async () => {
    const ctx = new FakeContext([progress("進捗", 0)]);
    const out = await write(ctx);
    expect(out.written).toBe(true);
    expect(out.plan?.statusRange).toBeNull();
    const undo = storedRecord(ctx)!.lastRun!.undo[0] as unknown as Record<string, unknown>;
    expect(undo.validationRange).toBeNull();
    expect("validationBefore" in undo).toBe(false);
    expect(await undoLast(ctx)).toBe(true);
    expect(ctx.sheet("進捗").cells.get("2,8")?.value ?? "").toBe("");
  });
});
