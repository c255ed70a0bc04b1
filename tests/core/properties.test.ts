/** Property tests: the grammar is total (never throws) and linear enough for huge cells. */
import fc from "fast-check";
import { DEFAULT_CONFIG, findClaims, judge, normalizeHeader, plan, STATUS_CODES, toParseText, UnitList, type Cell } from "../../src/core";
import { findActuals } from "../../src/core/actual";
import { evaluateTargets } from "../../src/core/target";

const units = new UnitList(DEFAULT_CONFIG.units);
// Seeded, so a failure is reproducible: FC_SEED=… FC_RUNS=… (npm run fuzz runs more).
const seed = Number(process.env.FC_SEED ?? 20201);
const runs = Number(process.env.FC_RUNS ?? 10000);

const PIECES = ["2年度", "令和2年度", "R3", "元年度", "21", "区長", "/", "24", "%", "以上", "以下", "→", "①", "②", "<①>", "＜②＞", "- 1", "(1)", "実績", "：", "達成した", "達成できなかった", "概ね", "計画どおり", "\n", " ", "。", "<p>", "</li>", "&amp;", "1万6069", "1,200", "▲", "〜", "基準値", "（現状 3件）", "件", "回"];
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
  const header = ["番号", "項目名", "目標達成水準", "期末自己評価", "中間自己評価と下半期の方向性"].map((t) => ({ value: t, kind: "text" as const, text: t }));

  it("judge and plan never throw; statuses are the five; issue cells are inside the sheet; deterministic; idempotent", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 12 }), fc.nat(5), fc.boolean(), (rows, headerAt, titled) => {
        const cells = rows.map((r) => [...r]);
        cells.splice(Math.min(headerAt, cells.length), 0, header);
        if (titled) cells.unshift([{ value: "令和2年度", kind: "text", text: "令和2年度" }]);
        const input = { sheetName: "S", cells, origin: { row: 0, col: 0 } };
        const r = judge(input);
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
      { seed, numRuns: runs },
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
  ])("a 100,000-character cell of %s parses in well under a second", (_n, text) => {
    const t0 = performance.now();
    const ev = evaluateTargets(text, 2020, 2020, units);
    const p = toParseText(text);
    findActuals(p, [{ id: "1", unit: "区長" }], 2020, 2020, units);
    findClaims(p, ["1"]);
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
