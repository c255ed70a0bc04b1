/** Pins behaviour of src/excel/gateway.ts and round-book.ts that a whole mutation run (2026-11-26) found unpinned. */
import { DEFAULT_CONFIG, RECORD_SHEET } from "../../src/core";
import { checkSheet, undoLast, writeRecord } from "../../src/excel/gateway";
import { editRecord } from "./edit-record";
import { cellOf, FakeContext, type FakeSheetData, sheetData } from "./fake-excel";
import { changeAfterSync } from "./change-after-sync";

const HEADER = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"];
const SHEET = "進捗";

/** A progress sheet: title, blank row, header in row 3, `items` items from row 4; results go to I:L. */
function progress(items: number): FakeSheetData {
  const rows: (string | number | null)[][] = [["令和2年度 進捗状況"], [], HEADER];
  for (let i = 0; i < items; i++) rows.push([i + 1, `項目${i + 1}`, "状態", "2年度 10件以上", "計画", "中間", `実績 ${8 + (i % 4)}件`, "課題"]);
  return sheetData(SHEET, rows);
}

const write = (ctx: FakeContext, payloadBudget?: number) => checkSheet(ctx, { config: DEFAULT_CONFIG, write: true, ...(payloadBudget ? { payloadBudget } : {}) });


describe("the record sheet as read back by undo", () => {
  it("a number typed in the record sheet's column A, below an empty cell, is not taken for a chunk: undo goes ahead", async () => {
    const ctx = new FakeContext([progress(3)]);
    const i4 = { ...cellOf(ctx.sheet(SHEET), "I4") };
    await write(ctx);
    const rec = ctx.sheet(RECORD_SHEET);
    expect(rec.cells.get("1,0")).toBeUndefined();
    rec.cells.set("2,0", { ...cellOf(rec, "A3"), value: 5, type: "Double" });
    expect(await undoLast(ctx)).toBe(true);
    expect(cellOf(ctx.sheet(SHEET), "I4")).toEqual(i4);
  });

  it("a formatted, empty cell far out on the record sheet is not read: the record is read from the cells with values", async () => {
    // Only 200 cells may be read at once here; a fill at T20 makes the used range with formatting A1:T20 (400 cells).
    const ctx = new FakeContext([progress(3)], { cellReadLimit: 200 });
    const i4 = { ...cellOf(ctx.sheet(SHEET), "I4") };
    await write(ctx);
    const rec = ctx.sheet(RECORD_SHEET);
    rec.cells.set("19,19", { ...cellOf(rec, "T20"), fill: { pattern: "Solid", color: "#FFFF00" } });
    expect(await undoLast(ctx)).toBe(true);
    expect(cellOf(ctx.sheet(SHEET), "I4")).toEqual(i4);
  });
});

describe("the check before the write", () => {
  it("a header's text replaced by another text between the read and the write is a changed sheet", async () => {
    const ctx = new FakeContext([progress(3)]);
    const s = ctx.sheet(SHEET);
    changeAfterSync(ctx, 1, () => s.cells.set("2,1", { ...s.cells.get("2,1")!, value: "項目" }));
    await expect(write(ctx)).rejects.toMatchObject({ code: "sheet-changed" });
    expect(s.cells.get("3,8")).toBeUndefined();
  });
});

describe("what the write leaves in the cells", () => {
  it("the header cells are filled, bold, wrapped and top-aligned; a status is filled only; a basis and a check result are wrapped and top-aligned", async () => {
    const ctx = new FakeContext([progress(3)]);
    await write(ctx);
    const s = ctx.sheet(SHEET);
    const look = (a: string) => {
      const c = cellOf(s, a);
      return { value: c.value, filled: c.fill.pattern, bold: c.bold, wrap: c.wrap, va: c.va ?? "Bottom" };
    };
    expect(["I3", "J3", "K3", "L3"].map(look)).toEqual(
      ["達成状況", "達成率", "判定根拠", "チェック結果"].map((value) => ({ value, filled: "Solid", bold: true, wrap: true, va: "Top" })),
    );
    expect(look("I4")).toEqual({ value: "概ね達成", filled: "Solid", bold: false, wrap: false, va: "Bottom" });
    expect(look("J4")).toEqual({ value: 0.8, filled: "None", bold: false, wrap: false, va: "Bottom" });
    expect(look("K4")).toMatchObject({ filled: "None", bold: false, wrap: true, va: "Top" });
    expect(look("L4")).toEqual({ value: "OK", filled: "None", bold: false, wrap: true, va: "Top" });
  });

  it("written in blocks of rows, every text Shinchoku writes ends in the cell's own number format, not text (@)", async () => {
    const ctx = new FakeContext([progress(6)]);
    // A budget that takes a few rows a sync: the header row and the item rows go in separate blocks.
    await write(ctx, 1500);
    const s = ctx.sheet(SHEET);
    const texts: [string, string][] = [];
    for (let r = 3; r <= 9; r++)
      for (const col of ["I", "K", "L"]) {
        const c = cellOf(s, `${col}${r}`);
        expect(c.type).toBe("String");
        texts.push([`${col}${r}`, c.numFmt]);
      }
    expect(texts).toEqual(texts.map(([a]) => [a, "General"]));
    expect(cellOf(s, "J4").numFmt).toBe("0.0%");
  });

  it("the results of a row that is no longer an item are cleared on the next run, fill and all", async () => {
    const ctx = new FakeContext([progress(3)]);
    await write(ctx);
    const s = ctx.sheet(SHEET);
    expect(cellOf(s, "I6").value).toBe("達成");
    for (let c = 0; c < 8; c++) s.cells.delete(`5,${c}`);
    expect((await write(ctx)).written).toBe(true);
    for (const col of ["I", "J", "K", "L"]) expect(cellOf(s, `${col}6`).type).toBe("Empty");
    // The status fill goes with the status it coloured.
    expect(cellOf(s, "I6").fill.pattern).toBe("None");
    expect(cellOf(s, "I5").value).toBe("概ね達成");
  });
  it("a number format the user gives a cell Shinchoku clears, after the check and before the write, is kept", async () => {
    const stale = async (ctx: FakeContext) => {
      await write(ctx);
      for (let c = 0; c < 8; c++) ctx.sheet(SHEET).cells.delete(`5,${c}`);
    };
    // The syncs a second run takes, counted on a twin: the change comes just before the last (the write).
    const twin = new FakeContext([progress(3)]);
    await stale(twin);
    let syncs = 0;
    const real = twin.sync.bind(twin);
    twin.sync = async () => {
      syncs++;
      await real();
    };
    await write(twin);
    const ctx = new FakeContext([progress(3)]);
    await stale(ctx);
    const s = ctx.sheet(SHEET);
    expect(cellOf(s, "J6").numFmt).toBe("0.0%");
    changeAfterSync(ctx, syncs - 1, () => s.cells.set("5,9", { ...s.cells.get("5,9")!, numFmt: "0.00" }));
    expect((await write(ctx)).written).toBe(true);
    expect(cellOf(s, "J6").type).toBe("Empty");
    expect(cellOf(s, "J6").numFmt).toBe("0.00");
  });
});

describe("undo with an edited record", () => {
  it("an undo whose every cell entry is damaged writes no cell and still puts the column widths and the drop-down back, as the CLI does", async () => {
    const twin = new FakeContext([progress(3)]);
    await write(twin);
    expect(await undoLast(twin)).toBe(true);
    const ctx = new FakeContext([progress(3)]);
    const s = ctx.sheet(SHEET);
    await write(ctx);
    const cells = JSON.stringify([...s.cells.entries()]);
    const written = new Map(s.widths);
    editRecord(ctx, (r) => {
      for (const c of r.lastRun!.undo[0].cells) c.address = "壊れた番地";
    });
    expect(await undoLast(ctx)).toBe(true);
    expect(JSON.stringify([...s.cells.entries()])).toBe(cells);
    expect(s.widths).not.toEqual(written);
    expect(s.widths).toEqual(twin.sheet(SHEET).widths);
    expect(s.validations).toEqual(twin.sheet(SHEET).validations);
  });

  // null is what the CLI records for a column with no width of its own: undo gives it the sheet's standard
  // width (RangeFormat.useStandardWidth), as the CLI's undo removes its <col>.
  it("an undo entry with no width (null) puts its column back to the standard width (not hidden); the others are put back", async () => {
    const ctx = new FakeContext([progress(3)]);
    await write(ctx);
    const s = ctx.sheet(SHEET);
    const writtenJ = s.widths.get(9);
    editRecord(ctx, (r) => {
      r.lastRun!.undo[0].widths[0].width = null;
    });
    expect(await undoLast(ctx)).toBe(true);
    expect(s.widths.has(8)).toBe(false);
    expect(s.widths.get(9)).not.toBe(writtenJ);
  });
});

describe("writeRecord", () => {
  it("chunks of which two exceed the budget are written one a sync, within a payload limit that one fits", async () => {
    const ctx = new FakeContext([sheetData(SHEET, [["x"]])], { payloadLimit: 2500 });
    let syncs = 0;
    const real = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      if (++syncs > 20) throw new Error("no end: over 20 syncs for three chunks");
      await real();
    };
    const chunks = ["a", "b", "c"].map((x) => x.repeat(1000));
    await writeRecord(ctx, false, chunks, 1500);
    const rec = ctx.sheet(RECORD_SHEET);
    expect([0, 1, 2, 3].map((r) => cellOf(rec, `A${r + 1}`).value)).toEqual([...chunks, ""]);
  });
});
