/** Pins behaviour that mutation testing found unpinned in src/excel/cells.ts, errors.ts, settings.ts and office-port.ts. */
import { DEFAULT_CONFIG } from "../../src/core";
import { officeCell, officeRows, utf8Bytes } from "../../src/excel/cells";
import { SUMMARY_SHEET } from "../../src/excel/gateway";
import { officeErrorCode, ShinchokuError, toShinchokuError } from "../../src/excel/errors";
import { checkAllSheets, OfficeWorkbookPort } from "../../src/excel/office-port";
import { readSettings, SETTINGS_KEY, writeSettings } from "../../src/excel/settings";
import { seedFromTsv } from "../helpers/sheet";
import { FakeContext, type FakeSheetData, OfficeError, sheetData } from "./fake-excel";

afterEach(() => jest.restoreAllMocks());
const quiet = (kind: "error" | "warn" = "error") => jest.spyOn(console, kind).mockImplementation(() => undefined);

describe("officeCell: Range.values + valueTypes → Cell", () => {
  // Excel.RangeValueType: "Unknown" | "Empty" | "String" | "Integer" | "Double" | "Boolean" | "Error" | "RichValue".
  it("an Error cell keeps its error text (#DIV/0!) as an error, not as text", () => {
    expect(officeCell("#DIV/0!", "Error")).toEqual({ value: "#DIV/0!", kind: "error", text: "#DIV/0!" });
  });
  it("Boolean cells show as TRUE / FALSE, as Excel displays them", () => {
    expect(officeCell(false, "Boolean")).toEqual({ value: false, kind: "boolean", text: "FALSE" });
    expect(officeCell(true, "Boolean")).toEqual({ value: true, kind: "boolean", text: "TRUE" });
  });
  it("without valueTypes, null / undefined / empty string are empty cells", () => {
    for (const v of [null, undefined, ""]) expect(officeCell(v, undefined).kind).toBe("empty");
    expect(officeCell("", undefined).text).toBe("");
  });
  it("without valueTypes, a number goes through the number format (a percent shows as percent)", () => {
    expect(officeCell(0.5, undefined, "0%")).toEqual({ value: 0.5, kind: "number", text: "50%" });
  });
  it("without valueTypes, booleans are booleans shown as TRUE / FALSE", () => {
    expect(officeCell(true, undefined)).toEqual({ value: true, kind: "boolean", text: "TRUE" });
    expect(officeCell(false, undefined)).toEqual({ value: false, kind: "boolean", text: "FALSE" });
  });
  it("officeRows copes with valueTypes / numberFormat missing, or shorter than values", () => {
    const values = [[0.25], [0.5]];
    expect(officeRows(values, undefined, undefined).map((r) => r[0].text)).toEqual(["0.25", "0.5"]);
    expect(officeRows(values, [["Double"]], [["0%"]]).map((r) => r[0].text)).toEqual(["25%", "0.5"]);
  });
});

describe("utf8Bytes counts UTF-8 bytes like Node's Buffer.byteLength", () => {
  it.each([
    ["a"],
    ["\u007f"],
    ["\u0080"],
    ["é"],
    ["\u07ff"],
    ["\u0800"],
    ["日本語"],
    ["\ud800\udc00"],
    ["\udbff\udfff"],
    ["a😀b"],
    ["\ue000\uffff"],
    ["進捗 10件"],
  ])("%j", (s) => {
    expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, "utf8"));
  });
});

describe("errors", () => {
  it("a ShinchokuError is named ShinchokuError (what the console shows before the message)", () => {
    quiet();
    const e = toShinchokuError(new OfficeError("AccessDenied"));
    expect(e).toBeInstanceOf(ShinchokuError);
    expect(e.name).toBe("ShinchokuError");
    expect(String(e)).toMatch(/^ShinchokuError: /);
  });
  it("officeErrorCode reads only a string code, and never throws on non-objects", () => {
    expect(officeErrorCode(null)).toBeNull();
    expect(officeErrorCode("AccessDenied")).toBeNull();
    expect(officeErrorCode(42)).toBeNull();
    expect(officeErrorCode({})).toBeNull();
    expect(officeErrorCode({ code: 5 })).toBeNull();
    expect(officeErrorCode(new OfficeError("ItemNotFound"))).toBe("ItemNotFound");
  });
  it("anything thrown that is not an Office error becomes 'unknown' (null, strings included)", () => {
    quiet();
    for (const e of [null, undefined, "boom", 7, new Error("x")]) expect(toShinchokuError(e).code).toBe("unknown");
  });
  it("a code that is not an Office code, even one named like an Object member, is 'unknown'", () => {
    quiet();
    for (const code of ["constructor", "toString", "NoSuchCode"]) {
      const e = toShinchokuError({ code });
      expect(e.code).toBe("unknown");
      expect(e.message).toBe(toShinchokuError(null).message);
      expect(e.message.length).toBeGreaterThan(0);
    }
  });
  it("logs the Office error's debugInfo (or the error itself when it has none) to the console", () => {
    const spy = quiet();
    const debugInfo = { errorLocation: "Range.values" };
    toShinchokuError(new OfficeError("AccessDenied", debugInfo));
    expect(spy).toHaveBeenLastCalledWith("Shinchoku: Office error", "AccessDenied", debugInfo);
    const plain = { code: "Conflict" };
    toShinchokuError(plain);
    expect(spy).toHaveBeenLastCalledWith("Shinchoku: Office error", "Conflict", plain);
    toShinchokuError("text");
    expect(spy).toHaveBeenLastCalledWith("Shinchoku: Office error", null, "text");
  });
});

describe("document settings", () => {
  function store(initial?: unknown, saved = true) {
    const data = new Map<string, unknown>();
    if (initial !== undefined) data.set(SETTINGS_KEY, initial);
    const error = { name: "SaveError", message: "could not save" };
    return {
      error,
      // Settings.get: "the value of the specified setting"; null when the setting was never stored (unsure of the exact doc wording).
      get: (k: string) => (data.has(k) ? data.get(k) : null),
      set: (k: string, v: unknown) => void data.set(k, v),
      // Settings.saveAsync calls back with an AsyncResult: "status: Gets the status of the asynchronous operation",
      // "error: Gets an Office.Error object that provides a description of the error, if any error occurred."
      saveAsync: (cb: (r: { status: string; error?: unknown }) => void) => cb(saved ? { status: "succeeded" } : { status: "failed", error }),
    };
  }
  beforeAll(() => {
    (globalThis as unknown as { Office: unknown }).Office = { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } };
  });
  it("nothing stored, or a non-object stored, reads as no settings and warns about nothing", () => {
    const warn = quiet("warn");
    for (const v of [undefined, null, "garbage", 2021, true]) expect(readSettings(store(v) as unknown as Office.Settings)).toEqual({});
    expect(warn).not.toHaveBeenCalled();
  });
  it("an invalid object stored is dropped with a console warning naming it", () => {
    const warn = quiet("warn");
    const bad = { phase: "end" };
    expect(readSettings(store(bad) as unknown as Office.Settings)).toEqual({});
    expect(warn).toHaveBeenCalledWith("Shinchoku: ignoring invalid stored settings", bad);
  });
  it("a failed saveAsync rejects with the AsyncResult's error", async () => {
    const s = store(undefined, false);
    await expect(writeSettings(s as unknown as Office.Settings, { phase: "interim" })).rejects.toBe(s.error);
  });
});

function seedSheet(name = "人事・財政部会"): FakeSheetData {
  const input = seedFromTsv();
  return sheetData(name, input.cells.map((r) => r.map((c) => (c.kind === "empty" ? null : (c.value as string | number)))));
}
const hasSummary = (ctx: FakeContext) => ctx.engine.sheets.some((s) => s.name === SUMMARY_SHEET);

describe("checkAllSheets: every visible sheet in one run", () => {
  it("a check-only run reports each sheet once, writes nothing and makes no 判定集計", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("メモ", [["x"]])]);
    const out = await checkAllSheets(ctx, DEFAULT_CONFIG, false);
    expect(out.written).toBe(false);
    expect(out.reports.map((r) => r.sheet)).toEqual(["人事・財政部会", "メモ"]);
    expect(hasSummary(ctx)).toBe(false);
  });
  it("a sheet that is not a progress sheet is skipped quietly (info), not an error: it was not asked for by name", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("メモ", [["x"]])]);
    const out = await checkAllSheets(ctx, DEFAULT_CONFIG, false);
    const memo = out.reports[1];
    expect(memo.recognized).toBeFalsy();
    expect(memo.issues.map((i) => [i.code, i.severity])).toEqual([["sheet-skipped", "info"]]);
  });
  it("a writing run writes 判定集計 when at least one sheet is a progress sheet, even if others are not", async () => {
    const ctx = new FakeContext([seedSheet(), sheetData("メモ", [["x"]])]);
    const out = await checkAllSheets(ctx, DEFAULT_CONFIG, true);
    expect(out.written).toBe(true);
    expect(hasSummary(ctx)).toBe(true);
  });
  it("a failure part-way still tries to record the sheets already written; a failing record write is logged, the first error thrown", async () => {
    const spy = quiet();
    let seen = false;
    for (let n = 2; n <= 40 && !seen; n++) {
      const ctx = new FakeContext([seedSheet(), seedSheet("二枚目")]);
      for (let k = n; k <= n + 60; k++) ctx.failSync(k, "GeneralException");
      spy.mockClear();
      const got = await checkAllSheets(ctx, DEFAULT_CONFIG, true).then(
        () => null,
        (e: unknown) => e,
      );
      if (got === null) break;
      expect(toShinchokuError(got).code).toBe("general");
      const logged = spy.mock.calls.find((c) => c[0] === "Shinchoku: record not written");
      if (logged) {
        expect(toShinchokuError(logged[1]).code).toBe("general");
        seen = true;
      }
    }
    expect(seen).toBe(true);
  });
});

describe("OfficeWorkbookPort over a stand-in Excel.run / Office.context", () => {
  let ctx: FakeContext;
  const data = new Map<string, unknown>();
  beforeEach(() => {
    ctx = new FakeContext([seedSheet(), sheetData("メモ", [["x"]])]);
    data.clear();
    (globalThis as unknown as { Excel: unknown }).Excel = {
      // Excel.run: "Executes a batch script that performs actions on the Excel object model, using a new
      // RequestContext. When the promise is resolved, any tracked objects that were automatically allocated
      // during execution will be released." (from memory of learn.microsoft.com; a rejection of the batch
      // rejects the promise Excel.run returns.) Here the "new RequestContext" is the fake's context.
      run: <T>(batch: (c: unknown) => Promise<T>): Promise<T> => Promise.resolve().then(() => batch(ctx)),
    };
    (globalThis as unknown as { Office: unknown }).Office = {
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        document: {
          // Office.context.document.settings: "Gets an object that represents the saved custom settings of
          // the content or task pane add-in for the current document." (wording from memory, may differ slightly)
          settings: {
            get: (k: string) => (data.has(k) ? data.get(k) : null),
            set: (k: string, v: unknown) => void data.set(k, v),
            saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
          },
        },
      },
    };
  });
  const port = () => new OfficeWorkbookPort();

  it("listSheets and activeSheet read the workbook", async () => {
    expect(await port().listSheets()).toEqual(["人事・財政部会", "メモ"]);
    expect(await port().activeSheet()).toBe("人事・財政部会");
  });
  it("Office errors come back as ShinchokuErrors with the catalogue's code", async () => {
    quiet();
    const calls: [string, () => Promise<unknown>][] = [
      ["listSheets", () => port().listSheets()],
      ["activeSheet", () => port().activeSheet()],
      ["check", () => port().check({ sheet: "人事・財政部会", write: false, settings: {} })],
      ["undoLast", () => port().undoLast()],
      ["select", () => port().select("人事・財政部会", "G7")],
    ];
    for (const [name, call] of calls) {
      ctx = new FakeContext([seedSheet()]);
      for (let k = 1; k <= 20; k++) ctx.failSync(k, "AccessDenied", 0);
      const e = await call().then(
        () => null,
        (x: unknown) => x,
      );
      expect([name, e instanceof ShinchokuError ? e.code : e]).toEqual([name, "protected"]);
    }
  });
  it("check of one named sheet reports just that sheet; '*' checks every sheet", async () => {
    const one = await port().check({ sheet: "メモ", write: false, settings: {} });
    expect(one.reports.map((r) => r.sheet)).toEqual(["メモ"]);
    expect(one.reports[0].issues.map((i) => i.code)).toEqual(["header-not-found"]);
    expect(one.written).toBe(false);
    const all = await port().check({ sheet: "*", write: false, settings: {} });
    expect(all.reports.map((r) => r.sheet)).toEqual(["人事・財政部会", "メモ"]);
  });
  it("check uses the given settings", async () => {
    await expect(port().check({ sheet: "人事・財政部会", write: false, settings: { mostlyThreshold: 3 } })).rejects.toThrow("mostlyThreshold");
    const ok = await port().check({ sheet: "人事・財政部会", write: true, settings: {} });
    expect(ok.written).toBe(true);
  });
  it("undoLast: nothing to undo on a fresh workbook, then undoes a written check", async () => {
    expect(await port().undoLast()).toBe(false);
    await port().check({ sheet: "人事・財政部会", write: true, settings: {} });
    expect(await port().undoLast()).toBe(true);
  });
  it("select selects the cell", async () => {
    await port().select("人事・財政部会", "G7");
    const { selected } = await import("./fake-excel");
    expect(selected.last).toBe("人事・財政部会!G7");
  });
  it("settings are saved in and read from the document's settings", async () => {
    expect(await port().loadSettings()).toEqual({});
    await port().saveSettings({ phase: "interim", mostlyThreshold: 0.9 });
    expect(data.get(SETTINGS_KEY)).toEqual({ phase: "interim", mostlyThreshold: 0.9 });
    expect(await port().loadSettings()).toEqual({ phase: "interim", mostlyThreshold: 0.9 });
  });
});
