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

describe("manifest", () => {
  it("declares the ExcelApi set the gateway needs (1.9: cell properties, screen updating)", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const xml = require("fs").readFileSync(require("path").resolve(__dirname, "../../manifest.xml"), "utf8") as string;
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1\.9"\/>/);
    expect(xml).toMatch(/<FunctionName>judgeActiveSheet<\/FunctionName>/);
    expect(xml).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(xml).toMatch(/<DefaultLocale>ja-JP<\/DefaultLocale>/);
    for (const size of [16, 32, 80]) expect(xml).toContain(`icon-${size}.png`);
  });
});
