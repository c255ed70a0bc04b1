import { ConfigError, DEFAULT_CONFIG, resolveConfig } from "../../src/core";

describe("resolveConfig", () => {
  it("gives the defaults for an empty object", () => {
    expect(resolveConfig({})).toEqual(DEFAULT_CONFIG);
  });
  it("merges overrides", () => {
    const c = resolveConfig({ fiscalYear: 2021, phase: "interim", mostlyThreshold: 0.9, columns: { めざすべき状態: "off", 期末自己評価: { interim: "error" } } });
    expect(c).toMatchObject({ fiscalYear: 2021, phase: "interim", mostlyThreshold: 0.9 });
    expect(c.columns["めざすべき状態"]).toEqual({ final: "off", interim: "off" });
    expect(c.columns["期末自己評価"]).toEqual({ final: "error", interim: "error" });
  });
  it.each([
    [{ phase: "end" }, "phase"],
    [{ mostlyThreshold: 80 }, "mostlyThreshold"],
    [{ fiscalYear: 2 }, "fiscalYear"],
    [{ columns: { 備考: "error" } }, "備考"],
    [{ colums: {} }, "colums"],
    [{ units: [""] }, "units"],
  ])("rejects %j with a message naming the problem", (input, word) => {
    expect(() => resolveConfig(input)).toThrow(ConfigError);
    expect(() => resolveConfig(input)).toThrow(word);
  });
  it("rejects a non-object", () => expect(() => resolveConfig([1])).toThrow(ConfigError));
});
