import { readSettings, SETTINGS_KEY, writeSettings } from "../../src/excel/settings";

function store(initial: unknown = null) {
  const data = new Map<string, unknown>([[SETTINGS_KEY, initial]]);
  return {
    data,
    get: (k: string) => data.get(k),
    set: (k: string, v: unknown) => void data.set(k, v),
    saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
  } as unknown as Office.Settings & { data: Map<string, unknown> };
}

(globalThis as unknown as { Office: unknown }).Office = { AsyncResultStatus: { Succeeded: "succeeded" } };

describe("document settings", () => {
  it("round-trips a valid configuration", async () => {
    const s = store();
    await writeSettings(s, { fiscalYear: 2021, phase: "interim", mostlyThreshold: 0.9 });
    expect(readSettings(s)).toEqual({ fiscalYear: 2021, phase: "interim", mostlyThreshold: 0.9 });
  });
  it("ignores an invalid stored value instead of failing", () => {
    const spy = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(readSettings(store({ phase: "end" }))).toEqual({});
    expect(readSettings(store("garbage"))).toEqual({});
    spy.mockRestore();
  });
  it("refuses to store what could not be used", () => {
    expect(() => writeSettings(store(), { mostlyThreshold: 3 })).toThrow("mostlyThreshold");
  });
});
