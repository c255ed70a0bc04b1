/** Property tests: the grammar is total (never throws) and linear enough for huge cells. */
import fc from "fast-check";
import { DEFAULT_CONFIG, findClaims, judge, normalizeHeader, plan, STATUS_CODES, toParseText, UnitList, type Cell } from "../../src/core";
import { findActuals } from "../../src/core/actual";
import { evaluateTargets } from "../../src/core/target";

const units = new UnitList(DEFAULT_CONFIG.units);
// Seeded, so a failure is reproducible: FC_SEED=… FC_RUNS=… (npm run fuzz runs more).
const seed = Number(process.env.FC_SEED ?? 20201);
const runs = Number(process.env.FC_RUNS ?? 10000);

const PIECES = ["2年度", "令和2年度", "R3", "元年度", "21", "区長", "/", "24", "%", "以上", "以下", "→", "①", "②", "<①>", "＜②＞", "- 1", "(1)", "実績", "：", "達成した", "達成できなかった", "概ね", "計画どおり", "\n", " ", "。", "<p>", "</li>", "&amp;", "1万6069", "1,200", "▲", "〜", "基準値", "（現状 3件）", "件", "回",
  // v2
  "毎年度", "各年度", "毎年", "（R4）", "(令和4年度末)", "末", "R4.", "R6.3", "集計中", "予定どおり", "開始できなかった", "前年度の", "から", "目標", "に対し", "0件", "3駅以上", "380g", "（％）", "（万人）", "万人", "ともに", "いずれも", "と", "には至らなかった", "を導入した", "目標値", "実績値", "区分", "指標名"];
const grammarText = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(""));
const anyText = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), grammarText, fc.string({ unit: "grapheme", maxLength: 100 }));

describe("properties", () => {
  it("parsing any string never throws", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        const t = toParseText(a);
        normalizeHeader(a);
        const ev = evaluateTargets(a, 2020, 2020, units);
        findActuals(toParseText(b), ev.kpis.map((k) => ({ id: k.id, unit: null })), 2020, 2020, units);
        findClaims(toParseText(b), ["1", "2"]);
        expect(typeof t).toBe("string");
      }),
      { seed, numRuns: runs },
    );
  });

  it("normalization is idempotent on marker-free text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const clean = s.replace(/[<>&\-－‐(（①-⒇]/g, "");
        const once = toParseText(clean);
        expect(toParseText(once)).toBe(once);
      }),
      { seed, numRuns: runs },
    );
  });

  const cellArb: fc.Arbitrary<Cell> = fc.oneof(
    anyText.map((t) => ({ value: t, kind: "text" as const, text: t })),
    fc.double({ noNaN: true }).map((n) => ({ value: n, kind: "number" as const, text: String(n) })),
    fc.constant({ value: "#REF!", kind: "error" as const, text: "#REF!" }),
    fc.constant({ value: null, kind: "empty" as const, text: "" }),
  );
  const textCell = (t: string): Cell => ({ value: t, kind: "text" as const, text: t });
  // One header per layout (§8); kind words and percent-format cells mixed into the rows.
  const HEADERS: [string, Cell[], number][] = [
    ["progress", ["番号", "項目名", "目標達成水準", "期末自己評価", "中間自己評価と下半期の方向性"].map(textCell), runs],
    ["kpi-table", ["番号", "指標名", "単位", "基準値", "方向性", "目標値", "実績値"].map(textCell), Math.ceil(runs / 4)],
    ["years-across", ["指標名", "区分", "R3", "R4", "令和5年度"].map(textCell), Math.ceil(runs / 4)],
  ];
  const layoutCellArb: fc.Arbitrary<Cell> = fc.oneof(
    cellArb,
    fc.constantFrom("目標値", "実績値", "基準値", "見込", "集計中", "－", "増加", "減少", "%", "人").map(textCell),
    fc.double({ min: 0, max: 2, noNaN: true }).map((n) => ({ value: n, kind: "number" as const, text: `${(n * 100).toFixed(1)}%` })),
  );

  it.each(HEADERS)("%s: judge and plan never throw; statuses are the five; issue cells are inside the sheet; deterministic; idempotent", (layout, header, numRuns) => {
    fc.assert(
      fc.property(fc.array(fc.array(layout === "progress" ? cellArb : layoutCellArb, { maxLength: 7 }), { maxLength: 12 }), fc.nat(5), fc.boolean(), (rows, headerAt, titled) => {
        const cells = rows.map((r) => [...r]);
        cells.splice(Math.min(headerAt, cells.length), 0, header);
        if (titled) cells.unshift([{ value: "令和2年度", kind: "text", text: "令和2年度" }]);
        const input = { sheetName: "S", cells, origin: { row: 0, col: 0 } };
        const r = judge(input);
        if (r.recognized && headerAt === 0 && titled) expect(r.layout).toBe(layout);
        expect(judge(input)).toEqual(r);
        for (const item of r.items) {
          expect(STATUS_CODES).toContain(item.status);
          for (const k of item.kpis) expect(STATUS_CODES).toContain(k.status);
        }
        const width = Math.max(...cells.map((c) => c.length));
        for (const i of r.issues) {
          if (i.row !== null) expect(i.row).toBeLessThanOrEqual(cells.length);
          if (i.cell !== null) expect(/^[A-Z]+\d+$/.test(i.cell)).toBe(true);
          if (i.row !== null && i.cell !== null) expect(i.cell.replace(/\d+/, "").length).toBeLessThanOrEqual(width > 26 ? 2 : 1);
        }
        const p = plan(r, input, DEFAULT_CONFIG);
        if (p.ok) {
          // Judging the judged sheet plans the very same cells.
          const judged = cells.map((row) => [...row]);
          for (const c of p.plan.cells) {
            while (judged.length < c.row) judged.push([]);
            const row = judged[c.row - 1];
            while (row.length < c.col) row.push({ value: null, kind: "empty", text: "" });
            row[c.col - 1] = c.value === null ? { value: null, kind: "empty", text: "" } : typeof c.value === "number" ? { value: c.value, kind: "number", text: String(c.value) } : { value: c.value, kind: "text", text: c.value };
          }
          const again = { ...input, cells: judged, written: p.plan.written };
          const p2 = plan(judge(again), again, DEFAULT_CONFIG);
          expect(p2.ok).toBe(true);
          if (p2.ok) expect(p2.plan.cells).toEqual(p.plan.cells);
        }
      }),
      { seed, numRuns },
    );
  });

  it.each([
    ["tags without an end", "<a".repeat(50000)],
    ["markers", "①".repeat(100000)],
    ["dashes", "\n- 1".repeat(25000)],
    ["digits", "1".repeat(100000)],
    ["values", "2年度 21区長/24区長 ".repeat(6000)],
    ["claims", "達成".repeat(50000)],
    ["mixed", "＜①＞実績 2年度 1,2".repeat(10000)],
    ["label brackets and values", "（前年度 1%）2%から".repeat(10000)],
    ["every-year tokens", "毎年度 5件 各年度の".repeat(10000)],
    ["years after values", "80%以上（R4）".repeat(10000)],
    ["own words", "計画の改定には至らなかった".repeat(7000)],
    ["pending words", "＜①＞集計中".repeat(14000)],
  ])("a 100,000-character cell of %s parses in well under a second", (_n, text) => {
    const t0 = performance.now();
    const ev = evaluateTargets(text, 2020, 2020, units);
    const p = toParseText(text);
    findActuals(p, [{ id: "1", unit: "区長" }], 2020, 2020, units);
    findClaims(p, ["1"], new Map([["1", "計画の改定"]]));
    judge({ sheetName: "S", cells: [[textCell("令和2年度")], ["指標名", "目標値", "実績値"].map(textCell), [textCell("A"), textCell(text), textCell(text)]], origin: { row: 0, col: 0 } });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(ev).toBeDefined();
  });
});

describe("NFKC fast path", () => {
  it("gives the same parse text as always normalising", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.array(fc.constantFrom(...PIECES, "ア", "が", "ｶﾞ", "㈱", "①", "　", "～", "゛"), { maxLength: 30 }).map((a) => a.join(""))), (text) => {
        expect(toParseText(text)).toBe(toParseText(text).normalize("NFKC").replace(/[〜～~]/g, "\uE002").replace(/[−▲]/g, "-"));
      }),
      { seed, numRuns: Math.min(runs, 5000) },
    );
  });
});
