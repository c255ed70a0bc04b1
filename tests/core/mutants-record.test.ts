/**
 * Tests aimed at the mutants that survived in record.ts, plan.ts and config.ts (core mutation run).
 * Each test states behaviour of the exported functions, taken from the spec or the doc comments.
 */
import { decodeRecord, emptyRecord, encodeRecord, RECORD_CHUNK, type ShinchokuRecord } from "../../src/core/record";
import { countStatuses, HEADER_FILL, itemCheckText, itemSummary, kpiSummary, plan, RATE_FORMAT, STATUS_FILLS, statusText, type WritePlan } from "../../src/core/plan";
import { BUILTIN_RUBRICS, CANONICAL_COLUMNS, ConfigError, DEFAULT_CONFIG, DEFAULT_LABELS, resolveConfig, type Config } from "../../src/core/config";
import type { Cell, ItemResult, KpiResult, SheetInput, SheetReport } from "../../src/core/types";

// ───────────────────────────── record.ts ─────────────────────────────

/** A record whose JSON is `size` characters long or more, padded with a written text value. */
function recordWithText(text: string): ShinchokuRecord {
  return { version: 1, sheets: { S: { written: { A1: text } } }, lastRun: null };
}
/** The offset of the padding text inside the record's JSON. */
const PAD_AT = JSON.stringify(recordWithText("")).indexOf('""') + 1;

describe("emptyRecord", () => {
  it("is version 1 with no sheets and no last run", () => {
    expect(emptyRecord()).toEqual({ version: 1, sheets: {}, lastRun: null });
  });
});

describe("encodeRecord", () => {
  it("stores a small record as one chunk of its JSON", () => {
    const r = emptyRecord();
    expect(encodeRecord(r)).toEqual([JSON.stringify(r)]);
  });
  it("splits a long record into chunks no longer than RECORD_CHUNK that join back to the JSON", () => {
    const r = recordWithText("x".repeat(2 * RECORD_CHUNK + 10));
    const chunks = encodeRecord(r);
    expect(chunks.length).toBe(3);
    expect(chunks[0].length).toBe(RECORD_CHUNK);
    expect(chunks[1].length).toBe(RECORD_CHUNK);
    expect(chunks.join("")).toBe(JSON.stringify(r));
    expect(decodeRecord(chunks)).toEqual(r);
  });
  it.each([
    ["U+10000 (high half D800)", "\u{10000}"],
    ["U+10FC00 (high half DBFF)", "\u{10FC00}"],
    ["U+1F600", "😀"],
  ])("never splits a surrogate pair across chunks: %s", (_name, ch) => {
    // Put the pair so that its high half is the last character of a full first chunk.
    const text = "a".repeat(RECORD_CHUNK - 1 - PAD_AT) + ch + "b".repeat(100);
    const r = recordWithText(text);
    const json = JSON.stringify(r);
    expect(json.charCodeAt(RECORD_CHUNK - 1)).toBe(ch.charCodeAt(0));
    const chunks = encodeRecord(r);
    expect(chunks[0].length).toBe(RECORD_CHUNK - 1);
    expect(chunks[1].startsWith(ch)).toBe(true);
    expect(chunks.join("")).toBe(json);
  });
  it("keeps a full chunk when a whole pair ends exactly at the boundary", () => {
    const text = "a".repeat(RECORD_CHUNK - 2 - PAD_AT) + "😀" + "b".repeat(100);
    const r = recordWithText(text);
    expect(JSON.stringify(r).charCodeAt(RECORD_CHUNK - 1)).toBe("😀".charCodeAt(1));
    const chunks = encodeRecord(r);
    expect(chunks[0].length).toBe(RECORD_CHUNK);
    expect(chunks.join("")).toBe(JSON.stringify(r));
  });
  it("keeps a full chunk when the boundary character is just outside the high-surrogate range", () => {
    for (const ch of ["\ud7ff", "\udc00"]) {
      const text = "a".repeat(RECORD_CHUNK - 1 - PAD_AT) + ch + "b".repeat(10);
      const r = recordWithText(text);
      const chunks = encodeRecord(r);
      expect(chunks[0].length).toBe(RECORD_CHUNK);
      expect(chunks.join("")).toBe(JSON.stringify(r));
    }
  });
});

describe("decodeRecord", () => {
  const full: ShinchokuRecord = {
    version: 1,
    sheets: { S: { written: { A1: "達成" } } },
    lastRun: { at: "2024-01-01", undo: [] },
    origin: { S: { at: "2024-01-01", sheet: "S", cells: [], widths: [], written: null, validationRange: null } },
    fingerprint: { styles: "a", sharedStrings: "b" },
    summarySheet: true,
  };
  it("reads back what encodeRecord stored, joined from its chunks", () => {
    const json = JSON.stringify(full);
    expect(decodeRecord([json.slice(0, 10), json.slice(10)])).toEqual(full);
  });
  it("takes a missing last run as null", () => {
    const r = decodeRecord(['{"version":1,"sheets":{}}']);
    expect(r).not.toBeNull();
    expect(r?.lastRun).toBeNull();
  });
  it("leaves out summarySheet unless it is exactly true", () => {
    for (const v of [false, "true", 1]) {
      const r = decodeRecord([JSON.stringify({ version: 1, sheets: {}, lastRun: null, summarySheet: v })]);
      expect(r).toEqual({ version: 1, sheets: {}, lastRun: null });
      expect(r && "summarySheet" in r).toBe(false);
    }
  });
  it("leaves out an origin or fingerprint that is not an object", () => {
    const r = decodeRecord([JSON.stringify({ version: 1, sheets: {}, lastRun: null, origin: [1], fingerprint: "x" })]);
    expect(r).toEqual({ version: 1, sheets: {}, lastRun: null });
    expect(r && ("origin" in r || "fingerprint" in r)).toBe(false);
  });
  it.each([
    ["not JSON", ["{oops"]],
    ["an array", ["[1]"]],
    ["null", ["null"]],
    ["a string", ['"x"']],
    ["another version", ['{"version":2,"sheets":{}}']],
    ["no version", ['{"sheets":{}}']],
    ["sheets missing", ['{"version":1}']],
    ["sheets an array", ['{"version":1,"sheets":[]}']],
    ["sheets null", ['{"version":1,"sheets":null}']],
  ])("gives null for a damaged or foreign record: %s", (_name, chunks) => {
    expect(decodeRecord(chunks)).toBeNull();
  });
});

// ───────────────────────────── plan.ts ─────────────────────────────

const NO_EVIDENCE = { target: null, actual: null, claim: null };

function kpi(over: Partial<KpiResult> = {}): KpiResult {
  return {
    id: "1", kind: "numeric", direction: "higher", unit: "区長", target: 21, actual: 23, denominator: null, actualDenominator: null,
    actualUnit: null, claim: "none", rate: 23 / 21, status: "achieved", baseline: null, evidence: NO_EVIDENCE, ...over,
  } as KpiResult;
}
function item(over: Partial<ItemResult> = {}): ItemResult {
  return { row: 2, rows: [2], number: "1", title: "t", status: "achieved", rate: 1.0952, kpis: [kpi()], issues: [], notes: [], grade: null, ...over };
}
function report(over: Partial<SheetReport> = {}): SheetReport {
  return {
    sheet: "S", recognized: true, layout: "progress", fiscalYear: 2020, fiscalYearSource: "title", phase: "final", headerRow: 1,
    columns: { 期末自己評価: "B", 中間自己評価と下半期の方向性: "A" }, outputColumns: {}, lastInputColumn: 2, title: "", items: [item()], issues: [], ...over,
  };
}
const txt = (v: string): Cell => ({ value: v, kind: "text", text: v });
const num = (v: number): Cell => ({ value: v, kind: "number", text: String(v) });
const empty: Cell = { value: null, kind: "empty", text: "" };
/** A sheet of `rows` rows and 6 columns (A–B input, C–F output), empty but for `at` (A1 → cell). */
function input(at: Record<string, Cell> = {}, rows = 3, extra: Partial<SheetInput> = {}): SheetInput {
  const cells: Cell[][] = Array.from({ length: rows }, () => Array.from({ length: 6 }, () => empty));
  for (const [addr, c] of Object.entries(at)) {
    const col = addr.charCodeAt(0) - 64;
    const row = Number(addr.slice(1));
    cells[row - 1][col - 1] = c;
  }
  return { sheetName: "S", cells, origin: { row: 0, col: 0 }, ...extra };
}
function ok(r: ReturnType<typeof plan>): WritePlan {
  if (!r.ok) throw new Error(r.error.message);
  return r.plan;
}
const cellOf = (p: WritePlan, addr: string) => p.cells.find((c) => c.address === addr);

describe("statusText", () => {
  it("uses the rubric's label, with the grade in full-width brackets", () => {
    expect(statusText(item(), DEFAULT_CONFIG)).toBe("達成");
    expect(statusText(item({ grade: "B", status: "mostly_achieved" }), DEFAULT_CONFIG)).toBe("概ね達成（B）");
  });
  it("falls back to the default label when a config has no rubric (older configs)", () => {
    expect(statusText(item({ status: "not_achieved" }), { ...DEFAULT_CONFIG, rubric: undefined } as unknown as Config)).toBe("未達成");
  });
});

describe("kpiSummary", () => {
  it("a year without target", () => {
    expect(kpiSummary(kpi({ target: null, status: "unknown" }))).toBe("①当該年度の目標なし 判定不能");
  });
  it("a qualitative KPI", () => {
    expect(kpiSummary(kpi({ kind: "qualitative", target: "計画どおり実施", actual: null, rate: null }))).toBe("①定性目標 達成");
  });
  it("a numeric KPI with actual and rate", () => {
    expect(kpiSummary(kpi())).toBe("①23/21区長 109.5% 達成");
    expect(kpiSummary(kpi({ id: "2", rate: 0.5, actual: 10.5, status: "not_achieved" }))).toBe("②10.5/21区長 50.0% 未達成");
  });
  it("rounds non-integer numbers to four decimals", () => {
    expect(kpiSummary(kpi({ target: 1.234567, actual: 2.345678, unit: null, rate: null }))).toBe("①2.3457/1.2346 達成");
  });
  it("a numeric KPI without a rate shows only the ratio", () => {
    expect(kpiSummary(kpi({ rate: null, status: "unknown" }))).toBe("①23/21区長 判定不能");
  });
  it("no actual: 実績なし, or 実績未確定 when an actual was read but not settled", () => {
    expect(kpiSummary(kpi({ actual: null, rate: null, status: "unknown" }))).toBe("①目標21区長 実績なし 判定不能");
    expect(kpiSummary(kpi({ actual: null, rate: null, unit: null, status: "unknown" }))).toBe("①目標21 実績なし 判定不能");
    const evidence = { ...NO_EVIDENCE, actual: { cell: "G2", text: "実績は集計中", words: "集計中" } };
    expect(kpiSummary(kpi({ actual: null, rate: null, status: "unknown", evidence }))).toBe("①目標21区長 実績未確定 判定不能");
  });
  it("names the actual's unit only when it differs from the target's", () => {
    expect(kpiSummary(kpi({ actualUnit: "%", unit: "件", target: 10, actual: 50, rate: null }))).toBe("①50%/10件 達成");
    expect(kpiSummary(kpi({ actualUnit: "区長" }))).toBe("①23/21区長 109.5% 達成");
    expect(kpiSummary(kpi({ actualUnit: null }))).toBe("①23/21区長 109.5% 達成");
  });
});

describe("itemSummary", () => {
  it("joins the KPI summaries with a space", () => {
    const it2 = item({ kpis: [kpi(), kpi({ id: "2", actual: 24, rate: 24 / 21 })] });
    expect(itemSummary(it2, report(), DEFAULT_CONFIG)).toBe("①23/21区長 109.5% 達成 ②24/21区長 114.3% 達成");
  });
  it("says the self-assessment column is missing on a progress sheet (layout absent counts as progress)", () => {
    const r = report({ columns: {} });
    expect(itemSummary(item(), r, DEFAULT_CONFIG)).toBe("期末自己評価列なし");
    expect(itemSummary(item(), { ...r, layout: null }, DEFAULT_CONFIG)).toBe("期末自己評価列なし");
    expect(itemSummary(item(), { ...r, layout: "kpi-table" }, DEFAULT_CONFIG)).toBe("①23/21区長 109.5% 達成");
  });
  it("uses the phase's self-assessment column", () => {
    const interim = { ...DEFAULT_CONFIG, phase: "interim" } as Config;
    expect(itemSummary(item(), report({ columns: { 期末自己評価: "B" } }), interim)).toBe("中間自己評価と下半期の方向性列なし");
    expect(itemSummary(item({ status: "not_entered" }), report(), interim)).toBe("中間自己評価と下半期の方向性が未入力");
  });
  it("not entered, and no KPI read", () => {
    expect(itemSummary(item({ status: "not_entered" }), report(), DEFAULT_CONFIG)).toBe("期末自己評価が未入力");
    expect(itemSummary(item({ status: "unknown", kpis: [] }), report(), DEFAULT_CONFIG)).toBe("目標を読み取れず");
  });
});

describe("itemCheckText", () => {
  const issue = (message: string) => ({ code: "x", severity: "warning", message }) as unknown as ItemResult["issues"][number];
  it("OK when there is nothing to say; the issues one per line otherwise", () => {
    expect(itemCheckText(item())).toBe("OK");
    expect(itemCheckText(item({ issues: [issue("a"), issue("b")] }))).toBe("a\nb");
  });
  it("ignores notes of an item that is not 判定不能", () => {
    expect(itemCheckText(item({ notes: ["n"] }), report(), DEFAULT_CONFIG)).toBe("OK");
  });
  it("a 判定不能 item adds its notes once each", () => {
    expect(itemCheckText(item({ status: "unknown", issues: [issue("a")], notes: ["a", "n"] }))).toBe("a\nn");
  });
  it("a 判定不能 item without anything to say gives the generic reason", () => {
    expect(itemCheckText(item({ status: "unknown" }))).toBe("判定に必要な目標値・実績値・記述が読み取れませんでした。");
    expect(itemCheckText(item({ status: "unknown", notes: undefined as unknown as string[] }))).toBe("判定に必要な目標値・実績値・記述が読み取れませんでした。");
    expect(itemCheckText(item({ status: "unknown" }), report(), DEFAULT_CONFIG)).toBe("判定に必要な目標値・実績値・記述が読み取れませんでした。");
  });
  it("names a missing fiscal year", () => {
    expect(itemCheckText(item({ status: "unknown" }), report({ fiscalYear: null }), DEFAULT_CONFIG)).toBe("評価年度がわからないため判定できません。");
  });
  it("names a missing self-assessment column on a progress sheet, by the config's phase or else the report's", () => {
    const u = item({ status: "unknown" });
    expect(itemCheckText(u, report({ columns: {} }), DEFAULT_CONFIG)).toBe("「期末自己評価」列がないため判定できません。");
    expect(itemCheckText(u, report({ columns: {}, layout: null }), DEFAULT_CONFIG)).toBe("「期末自己評価」列がないため判定できません。");
    expect(itemCheckText(u, report({ columns: { 期末自己評価: "B" }, phase: "interim" }))).toBe("「中間自己評価と下半期の方向性」列がないため判定できません。");
    expect(itemCheckText(u, report({ columns: { 中間自己評価と下半期の方向性: "A" }, phase: "final" }), { ...DEFAULT_CONFIG, phase: "interim" } as Config)).toBe(
      "判定に必要な目標値・実績値・記述が読み取れませんでした。",
    );
    expect(itemCheckText(u, report({ columns: {}, layout: "kpi-table" }), DEFAULT_CONFIG)).toBe("判定に必要な目標値・実績値・記述が読み取れませんでした。");
  });
});

describe("countStatuses", () => {
  it("counts each status, zero for the absent ones", () => {
    expect(countStatuses([item(), item({ status: "unknown" }), item()])).toEqual({ achieved: 2, mostly_achieved: 0, not_achieved: 0, unknown: 1, not_entered: 0 });
  });
});

describe("plan", () => {
  it("refuses a sheet that is not a progress sheet, naming it", () => {
    for (const r of [report({ recognized: false }), report({ headerRow: null })]) {
      const res = plan(r, input(), DEFAULT_CONFIG);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe("not-a-progress-sheet");
        expect(res.error.message).toContain("シート「S」");
      }
    }
  });
  it("writes headers and item cells with their looks", () => {
    const p = ok(plan(report(), input(), DEFAULT_CONFIG));
    expect(p.columns).toEqual([
      { header: "達成状況", col: 3, width: 10 },
      { header: "達成率", col: 4, width: 9 },
      { header: "判定根拠", col: 5, width: 42 },
      { header: "チェック結果", col: 6, width: 50 },
    ]);
    for (const a of ["C1", "D1", "E1", "F1"]) expect(cellOf(p, a)).toMatchObject({ fill: HEADER_FILL, bold: true, wrap: true, numFmt: null });
    expect(cellOf(p, "C2")).toEqual({ row: 2, col: 3, address: "C2", value: "達成", fill: STATUS_FILLS.achieved, numFmt: null, bold: false, wrap: false });
    expect(cellOf(p, "D2")).toEqual({ row: 2, col: 4, address: "D2", value: 1.0952, fill: null, numFmt: RATE_FORMAT, bold: false, wrap: false });
    expect(cellOf(p, "E2")).toMatchObject({ value: "①23/21区長 109.5% 達成", fill: null, bold: false, wrap: true });
    expect(cellOf(p, "F2")).toMatchObject({ value: "OK", fill: null, bold: false, wrap: true });
    expect(p.previous).toEqual(p.cells.map((c) => ({ address: c.address, value: null })));
    expect(p.statusRange).toEqual({ col: 3, firstRow: 2, lastRow: 2 });
  });
  it("records only the non-null values it writes", () => {
    const p = ok(plan(report({ items: [item({ rate: null })] }), input(), DEFAULT_CONFIG));
    expect("D2" in p.written).toBe(false);
    expect(p.written.C2).toBe("達成");
  });
  it("spans the status range over the first and last item rows; none without items", () => {
    const p = ok(plan(report({ items: [item(), item({ row: 3, rows: [3] }), item({ row: 4, rows: [4] })] }), input({}, 4), DEFAULT_CONFIG));
    expect(p.statusRange).toEqual({ col: 3, firstRow: 2, lastRow: 4 });
    expect(ok(plan(report({ items: [] }), input(), DEFAULT_CONFIG)).statusRange).toBeNull();
  });
  it("places new columns right of the existing output columns", () => {
    const p = ok(plan(report({ outputColumns: { 達成状況: 10 } }), input(), DEFAULT_CONFIG));
    expect(p.columns.map((c) => c.col)).toEqual([10, 11, 12, 13]);
  });
  it("reads rows and columns beyond the used range as empty", () => {
    const narrow: SheetInput = { sheetName: "S", cells: [[txt("a"), txt("b")]], origin: { row: 0, col: 0 } };
    expect(ok(plan(report(), narrow, DEFAULT_CONFIG)).cells).toHaveLength(8);
  });
  it("reads cells relative to the input's origin", () => {
    // cells[0][0] is B2: header row 2, item row 3, status column D (col 4) is cells[1][2].
    const cells = [
      [txt("a"), txt("b"), empty, empty, empty, empty],
      [txt("1"), txt("x"), txt("ユーザーのメモ"), empty, empty, empty],
    ];
    const r = report({ headerRow: 2, lastInputColumn: 3, items: [item({ row: 3, rows: [3] })] });
    const res = plan(r, { sheetName: "S", cells, origin: { row: 1, col: 1 } }, DEFAULT_CONFIG);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.cell).toBe("D3");
  });

  describe("ownership without a record (by the look of the value)", () => {
    const refused = (at: Record<string, Cell>, config: Config = DEFAULT_CONFIG, r: SheetReport = report()): string | null => {
      const res = plan(r, input(at), config);
      return res.ok ? null : res.error.cell;
    };
    it("accepts its own labels, with a grade of one to twelve characters", () => {
      expect(refused({ C2: txt("未達成") })).toBeNull();
      expect(refused({ C2: txt("概ね達成（B）") })).toBeNull();
      expect(refused({ C2: txt("達成（AA）") })).toBeNull();
      expect(refused({ C2: txt("達成（ＡＢＣＤＥＦＧＨＩＪＫＬ）") })).toBeNull();
    });
    it("refuses a label with words before it or a bracket that is not a trailing grade", () => {
      expect(refused({ C2: txt("（済）達成") })).toBe("C2");
      expect(refused({ C2: txt("達成（（B））") })).toBe("C2");
      expect(refused({ C2: txt("達成（ＡＢＣＤＥＦＧＨＩＪＫＬＭ）") })).toBe("C2");
    });
    it("accepts the labels of a custom rubric", () => {
      const custom = resolveConfig({ rubric: { labels: { achieved: "順調" } } });
      expect(refused({ C2: txt("順調") }, custom)).toBeNull();
      expect(refused({ C2: txt("順調") })).toBe("C2");
      // a config without rubric (older versions) still knows the default labels
      const noRubric = { ...DEFAULT_CONFIG, rubric: undefined } as unknown as Config;
      expect(refused({ C2: txt("順調") }, noRubric)).toBe("C2");
      expect(refused({ C2: txt("未達成") }, noRubric)).toBeNull();
    });
    it("a header cell is its own only when it holds the header text", () => {
      expect(refused({ C1: txt("達成状況") })).toBeNull();
      expect(refused({ C1: txt("備考") })).toBe("C1");
    });
    it("a rate cell is its own only when it holds a number", () => {
      expect(refused({ D2: num(0.5) })).toBeNull();
      expect(refused({ D2: txt("5割") })).toBe("D2");
    });
    it("a text cell is its own only in a row whose status cell holds a label", () => {
      expect(refused({ C2: txt("達成"), E2: txt("前回の根拠") })).toBeNull();
      expect(refused({ E2: txt("ユーザーのメモ") })).toBe("E2");
      expect(refused({ C2: txt("達成"), F2: num(3) })).toBe("F2");
    });
    it("takes a text cell holding an empty string as empty", () => {
      expect(refused({ C2: txt("") })).toBeNull();
      expect(refused({ C1: { value: null, kind: "error", text: "#N/A" } })).toBeNull();
    });
    it("cuts the refused value to 40 characters in the message", () => {
      const long = "あ".repeat(40) + "Z".repeat(20);
      const res = plan(report(), input({ F2: txt(long) }), DEFAULT_CONFIG);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.message).toContain(`「${"あ".repeat(40)}」`);
        expect(res.error.message).not.toContain("Z");
      }
    });
  });

  describe("ownership by the record", () => {
    const withRecord = (at: Record<string, Cell>, written: Record<string, string | number>, rows = 3) =>
      plan(report(), input(at, rows, { written }), DEFAULT_CONFIG);
    it("accepts a recorded number up to float noise, refuses a changed one", () => {
      expect(withRecord({ D2: num(1.0952000000001) }, { D2: 1.0952 }).ok).toBe(true);
      expect(withRecord({ D2: num(0.9) }, { D2: 0.5 }).ok).toBe(false);
    });
    it("accepts a recorded label and refuses a cell not in the record", () => {
      expect(withRecord({ C2: txt("達成") }, { C2: "達成" }).ok).toBe(true);
      expect(withRecord({ C2: txt("達成") }, {}).ok).toBe(false);
    });
    it("a recorded number does not match a text of the same digits, nor the reverse", () => {
      expect(withRecord({ D2: txt("1") }, { D2: 1 }).ok).toBe(false);
      expect(withRecord({ F2: num(12) }, { F2: "12" }).ok).toBe(false);
    });
    it("keeps the previous values, numbers as numbers", () => {
      const p = ok(withRecord({ C2: txt("達成"), D2: num(0.5) }, { C2: "達成", D2: 0.5 }));
      expect(p.previous.find((x) => x.address === "C2")?.value).toBe("達成");
      expect(p.previous.find((x) => x.address === "D2")?.value).toBe(0.5);
      expect(p.previous.find((x) => x.address === "E2")?.value).toBeNull();
    });
    it("clears its own stale results in rows that are no longer items, and leaves the user's", () => {
      const p = ok(withRecord({ C3: txt("達成"), F3: txt("メモ") }, { C3: "達成" }));
      expect(cellOf(p, "C3")).toMatchObject({ value: null, fill: null });
      expect(cellOf(p, "F3")).toBeUndefined();
      expect(p.previous.find((x) => x.address === "C3")?.value).toBe("達成");
    });
    it("reads a date or error cell by its shown text, else its value", () => {
      const date: Cell = { value: 45000, kind: "date", text: "2023/3/15" };
      const p = ok(withRecord({ E3: date }, { E3: "2023/3/15" }));
      expect(cellOf(p, "E3")?.value).toBeNull();
      const bare: Cell = { value: 45000, kind: "date", text: "" };
      expect(cellOf(ok(withRecord({ E3: bare }, { E3: "45000" })), "E3")?.value).toBeNull();
      const err: Cell = { value: 7, kind: "error", text: "#DIV/0!" };
      expect(cellOf(ok(withRecord({ E3: err }, { E3: "#DIV/0!" })), "E3")?.value).toBeNull();
    });
  });
});

// ───────────────────────────── config.ts ─────────────────────────────

/** The problems resolveConfig reports for an input (it must throw a ConfigError). */
function problems(inputValue: unknown): string[] {
  try {
    resolveConfig(inputValue);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
  throw new Error("resolveConfig accepted " + JSON.stringify(inputValue));
}

describe("ConfigError", () => {
  it("carries its code, name and every problem in the message", () => {
    const e = new ConfigError(["a", "b"]);
    expect(e.code).toBe("invalid-config");
    expect(e.name).toBe("ConfigError");
    expect(e.message).toBe("設定が正しくありません: a / b");
  });
});

describe("resolveConfig: the input and its keys", () => {
  it.each([["null", null], ["an array", []], ["a string", "x"], ["a number", 1]])("refuses %s", (_n, v) => {
    expect(problems(v)).toEqual(["設定はオブジェクト（{...}）で指定してください"]);
  });
  it("accepts every known key, including $schema and comment", () => {
    expect(() => resolveConfig({ $schema: "s", comment: "c", fiscalYear: 2020, phase: "final", mostlyThreshold: 0.8, columns: {}, aliases: {}, units: ["件"], layout: null, rubric: "default" })).not.toThrow();
  });
  it("names an unknown key and lists the eight setting keys", () => {
    expect(problems({ foo: 1 })).toEqual(["不明な項目「foo」（使える項目: fiscalYear, phase, mostlyThreshold, columns, aliases, units, layout, rubric）"]);
  });
});

describe("resolveConfig: scalar settings", () => {
  it("fiscalYear: integers 1900–2200, or null", () => {
    expect(resolveConfig({ fiscalYear: 1900 }).fiscalYear).toBe(1900);
    expect(resolveConfig({ fiscalYear: 2200 }).fiscalYear).toBe(2200);
    expect(resolveConfig({ fiscalYear: null }).fiscalYear).toBeNull();
    for (const v of [1899, 2201, 2020.5, "2020"]) expect(problems({ fiscalYear: v })[0]).toContain("fiscalYear");
  });
  it("phase: final or interim", () => {
    expect(resolveConfig({ phase: "final" }).phase).toBe("final");
    expect(resolveConfig({ phase: "interim" }).phase).toBe("interim");
    expect(problems({ phase: "x" })[0]).toContain("phase");
  });
  it("mostlyThreshold: above 0, at most 1", () => {
    expect(resolveConfig({ mostlyThreshold: 1 }).mostlyThreshold).toBe(1);
    expect(resolveConfig({ mostlyThreshold: 0.5 }).mostlyThreshold).toBe(0.5);
    for (const v of [0, 1.1, "0.8"]) expect(problems({ mostlyThreshold: v })[0]).toContain("mostlyThreshold");
  });
  it("layout: one of the three layouts, or null", () => {
    expect(resolveConfig({ layout: "kpi-table" }).layout).toBe("kpi-table");
    expect(resolveConfig({ layout: null }).layout).toBeNull();
    expect(problems({ layout: "grid" })[0]).toContain("layout");
    expect(problems({ layout: 3 })[0]).toContain("layout");
  });
});

describe("resolveConfig: columns", () => {
  it("a severity word sets both phases; an object sets the phases it names", () => {
    expect(resolveConfig({ columns: { 番号: "off" } }).columns.番号).toEqual({ final: "off", interim: "off" });
    expect(resolveConfig({ columns: { 期末自己評価: { final: "info" } } }).columns.期末自己評価).toEqual({ final: "info", interim: "warning" });
  });
  it("refuses what is not a map of known columns to severities", () => {
    expect(problems({ columns: "x" })).toEqual(["columns は {列名: 重要度} の形で指定してください"]);
    expect(problems({ columns: [] })).toEqual(["columns は {列名: 重要度} の形で指定してください"]);
    expect(problems({ columns: { 備考: "off" } })).toEqual([`columns の列名「備考」は標準の列ではありません（${CANONICAL_COLUMNS.join("、")}）`]);
    expect(problems({ columns: { 番号: "fatal" } })).toEqual(["columns.番号 は error / warning / info / off のいずれかです"]);
    expect(problems({ columns: { 番号: { final: "fatal" } } })).toEqual(["columns.番号.final は error / warning / info / off のいずれかです"]);
    expect(problems({ columns: { 番号: { interim: 3 } } })).toEqual(["columns.番号.interim は error / warning / info / off のいずれかです"]);
    expect(problems({ columns: { 番号: 5 } })).toEqual(["columns.番号 は重要度の文字列か {final, interim} です"]);
  });
});

describe("resolveConfig: aliases", () => {
  it("role aliases replace, column aliases add to the defaults", () => {
    const c = resolveConfig({ aliases: { target: ["目標(R5)"], 番号: ["Num"] } });
    expect(c.roleAliases.target).toEqual(["目標(R5)"]);
    expect(c.aliases.番号).toEqual([...DEFAULT_CONFIG.aliases.番号, "Num"]);
  });
  it("refuses a non-object and an unknown name", () => {
    expect(problems({ aliases: "x" })).toEqual(["aliases は {列名: [別名, …]} の形で指定してください"]);
    expect(problems({ aliases: { foo: ["a"] } })).toEqual(["aliases の列名「foo」は標準の列でも役割（name, target, actual, unit, baseline, direction, kind）でもありません"]);
  });
  it.each([["a string", "x"], ["an empty text", ["a", ""]], ["a blank text", [" "]], ["a number", ["a", 1]]])("refuses a list with %s", (_n, list) => {
    expect(problems({ aliases: { target: list } })).toEqual(["aliases.target は空でない文字列の配列です"]);
    expect(problems({ aliases: { 番号: list } })).toEqual(["aliases.番号 は空でない文字列の配列です"]);
  });
});

describe("resolveConfig: units", () => {
  it("replaces the unit list", () => {
    expect(resolveConfig({ units: ["件", "人"] }).units).toEqual(["件", "人"]);
  });
  it.each([["a string", "件"], ["an empty text", ["件", ""]], ["a blank text", [" "]], ["a number", [1]]])("refuses %s", (_n, units) => {
    expect(problems({ units })).toEqual(["units は空でない文字列の配列です"]);
  });
});

describe("resolveConfig: rubric by name", () => {
  it("accepts the three built-in names with their labels and grades", () => {
    expect(resolveConfig({ rubric: "default" }).rubric).toEqual(BUILTIN_RUBRICS.default.rubric);
    const abcd = resolveConfig({ rubric: "abcd" });
    expect(abcd.rubric).toEqual(BUILTIN_RUBRICS.abcd.rubric);
    expect(abcd.rubric.labels).toEqual(DEFAULT_LABELS);
    expect(resolveConfig({ rubric: "binary" }).mostlyThreshold).toBe(1);
  });
  it("binary ignores a given threshold; the others keep it", () => {
    expect(resolveConfig({ rubric: "binary", mostlyThreshold: 0.5 }).mostlyThreshold).toBe(1);
    expect(resolveConfig({ rubric: "abcd", mostlyThreshold: 0.7 }).mostlyThreshold).toBe(0.7);
  });
  it("refuses another name or a value that is neither name nor object", () => {
    expect(problems({ rubric: "strict" })[0]).toContain('"strict"');
    expect(problems({ rubric: 5 })).toEqual(['rubric は "binary" / "abcd" か {labels, mostlyThreshold, grades, rateMethod} です']);
  });
});

describe("resolveConfig: custom rubric", () => {
  const rubricProblems = (rubric: unknown) => problems({ rubric });
  it("an empty object is the default labels, ratio method, no grades, named custom", () => {
    const c = resolveConfig({ rubric: {} });
    expect(c.rubric).toEqual({ name: "custom", labels: DEFAULT_LABELS, grades: null, rateMethod: "ratio" });
    expect(c.mostlyThreshold).toBe(0.8);
  });
  it("names an unknown key and lists the known ones", () => {
    expect(rubricProblems({ colour: 1 })).toEqual(["rubric の不明な項目「colour」（使える項目: labels, mostlyThreshold, grades, rateMethod）"]);
  });
  it("labels: trimmed, merged over the defaults", () => {
    expect(resolveConfig({ rubric: { labels: { achieved: " 順調 " } } }).rubric.labels).toEqual({ ...DEFAULT_LABELS, achieved: "順調" });
  });
  it("labels: refuses a non-object, an unknown status, a blank or non-text label, duplicates", () => {
    expect(rubricProblems({ labels: "x" })).toEqual(['rubric.labels は {achieved: "順調", …} の形です']);
    expect(rubricProblems({ labels: { great: "x" } })).toEqual(["rubric.labels の「great」は状態ではありません（achieved, mostly_achieved, not_achieved, unknown, not_entered）"]);
    expect(rubricProblems({ labels: { achieved: " " } })).toEqual(["rubric.labels.achieved は空でない文字列です"]);
    expect(rubricProblems({ labels: { achieved: "" } })).toEqual(["rubric.labels.achieved は空でない文字列です"]);
    expect(rubricProblems({ labels: { achieved: 5 } })).toEqual(["rubric.labels.achieved は空でない文字列です"]);
    expect(rubricProblems({ labels: { achieved: "未達成" } })).toEqual(["rubric.labels の5つの言葉はすべて違うものにしてください"]);
  });
  it("mostlyThreshold: above 0, at most 1", () => {
    expect(resolveConfig({ rubric: { mostlyThreshold: 0.7 } }).mostlyThreshold).toBe(0.7);
    expect(resolveConfig({ rubric: { mostlyThreshold: 1 } }).mostlyThreshold).toBe(1);
    for (const t of [0, -0.5, 1.5, "0.5"]) expect(rubricProblems({ mostlyThreshold: t })).toEqual([`rubric.mostlyThreshold は 0 より大きく 1 以下の比率です（値: ${JSON.stringify(t)}）`]);
  });
  it("grades: trimmed labels, highest first, the last band open below", () => {
    const c = resolveConfig({ rubric: { grades: [{ min: 1, label: " A " }, { min: 0.5, label: "B" }] } });
    expect(c.rubric.grades).toEqual([{ min: 1, label: "A" }, { min: Number.NEGATIVE_INFINITY, label: "B" }]);
  });
  it.each([
    ["not an array", "x"],
    ["empty", []],
    ["a band not an object", [5]],
    ["a null band", [null]],
    ["a text min", [{ min: "1", label: "A" }]],
    ["an infinite min", [{ min: Infinity, label: "A" }]],
    ["a blank label", [{ min: 1, label: " " }]],
    ["a number label", [{ min: 1, label: 5 }]],
    ["one bad band among good ones", [{ min: 1, label: "A" }, { min: 0.5, label: "" }]],
  ])("grades: refuses %s", (_n, grades) => {
    expect(rubricProblems({ grades })).toEqual(['rubric.grades は [{"min": 1.1, "label": "A"}, …] の形の、空でない配列です']);
  });
  it("grades: refuses bands not strictly decreasing", () => {
    expect(rubricProblems({ grades: [{ min: 1, label: "A" }, { min: 1, label: "B" }] })).toEqual(["rubric.grades は min の大きい順に並べてください"]);
  });
  it("rateMethod: ratio or gap", () => {
    expect(resolveConfig({ rubric: { rateMethod: "gap" } }).rubric.rateMethod).toBe("gap");
    expect(resolveConfig({ rubric: { rateMethod: "ratio" } }).rubric.rateMethod).toBe("ratio");
    expect(rubricProblems({ rateMethod: "diff" })).toEqual(['rubric.rateMethod は "ratio" か "gap" です（値: "diff"）']);
  });
});
