/** Property tests: the grammar is total (never throws) and linear enough for huge cells. */
import fc from "fast-check";
import { DEFAULT_CONFIG, findClaims, judge, normalizeHeader, plan, STATUS_CODES, toParseText, UnitList, type Cell } from "../../src/core";
import { findActuals } from "../../src/core/actual";
import { evaluateTargets } from "../../src/core/target";
import { RANGE } from "../../src/core/normalize";

const units = new UnitList(DEFAULT_CONFIG.units);
// Seeded, so a failure is reproducible: FC_SEED=… FC_RUNS=… (npm run fuzz runs more).
const seed = Number(process.env.FC_SEED ?? 20201);
const runs = Number(process.env.FC_RUNS ?? 10000);
// The speed bound; mutation runs (instrumented code) loosen it through tests/mutation/env.js.
const SPEED_LIMIT_MS = Number(process.env.SHINCHOKU_SPEED_LIMIT_MS ?? 1000);

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
          if (i.cell !== null) {
            // Exactly inside: the row among the sheet's rows, the column among its widest row's.
            expect(Number(/\d+$/.exec(i.cell)![0])).toBeLessThanOrEqual(cells.length);
            expect(colNumber(i.cell)).toBeLessThanOrEqual(width);
          }
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
    expect(performance.now() - t0).toBeLessThan(SPEED_LIMIT_MS);
    expect(ev).toBeDefined();
  });
});

describe("NFKC fast path", () => {
  it("gives the same parse text as always normalising", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.array(fc.constantFrom(...PIECES, "ア", "が", "ｶﾞ", "㈱", "①", "　", "～", "゛"), { maxLength: 30 }).map((a) => a.join(""))), (text) => {
        expect(toParseText(text)).toBe(toParseText(text).normalize("NFKC").replace(/[〜～~]/g, RANGE).replace(/[−▲]/g, "-"));
      }),
      { seed, numRuns: Math.min(runs, 5000) },
    );
  });
});

/** Column number of an A1 address's letters (A → 1, AA → 27). */
function colNumber(address: string): number {
  let n = 0;
  for (const ch of address.replace(/\d+$/, "")) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

describe("properties over sheets built from the grammar's pieces", () => {
  const text = (t: string): Cell => ({ value: t, kind: "text", text: t });
  const num = (n: number): Cell => ({ value: n, kind: "number", text: String(n) });
  const HEADER_ROW = ["番号", "項目名", "めざすべき状態", "目標達成水準", "行動計画・取組内容", "中間自己評価と下半期の方向性", "期末自己評価", "翌年度にむけた課題と方向性"].map(text);
  const UNITS = ["件", "回", "人", "%"];
  /** One KPI: a target with a year, a unit and a direction; an actual that matches, mismatches or is missing; a claim. */
  const kpiArb = fc.record({
    target: fc.integer({ min: 0, max: 200 }),
    // The actual as a share of the target, so every band comes out: above, near (概ね), below.
    share: fc.constantFrom(0, 0.5, 0.79, 0.85, 0.95, 1, 1.2, 2),
    unit: fc.constantFrom(...UNITS),
    direction: fc.constantFrom("", "以上", "以下", "未満"),
    year: fc.constantFrom("2年度", "令和2年度", "R2", "3年度"),
    actual: fc.constantFrom("same-unit", "other-unit", "none", "pending"),
    claim: fc.constantFrom("", "目標を達成した。", "目標を達成できなかった。", "概ね達成した。", "計画どおり実施した。"),
  });
  const qualArb = fc.record({ claim: fc.constantFrom("", "計画の策定を完了した。", "計画の策定は達成できなかった。", "概ね達成した。") });
  const itemArb = fc.oneof({ weight: 4, arbitrary: fc.array(kpiArb, { minLength: 1, maxLength: 2 }).map((kpis) => ({ kpis, qual: null, empty: false })) },
    { weight: 1, arbitrary: qualArb.map((qual) => ({ kpis: [], qual, empty: false })) },
    { weight: 1, arbitrary: fc.constant({ kpis: [], qual: null, empty: true }) });
  type ItemSpec = typeof itemArb extends fc.Arbitrary<infer T> ? T : never;

  function rowsOf(items: ItemSpec[]): Cell[][] {
    return items.map((it, i) => {
      let target: string;
      let self: string;
      if (it.qual) {
        target = "2年度 計画の策定";
        self = it.qual.claim;
      } else if (it.empty) {
        target = "2年度 10件";
        self = "";
      } else {
        const many = it.kpis.length > 1;
        const mark = (k: number) => (many ? "①②"[k] : "");
        target = it.kpis.map((k, j) => `${mark(j)}${k.year} ${k.target}${k.unit}${k.direction}`).join("\n");
        self = it.kpis
          .map((k, j) => {
            const value = Math.round(k.target * k.share * 10) / 10;
            const unit = k.actual === "other-unit" ? UNITS[(UNITS.indexOf(k.unit) + 1) % UNITS.length] : k.unit;
            const actual = k.actual === "none" ? "取組を進めた。" : k.actual === "pending" ? `${mark(j)}集計中` : `${mark(j)}実績 ${value}${unit}`;
            return `${actual}${k.claim}`;
          })
          .join("\n");
      }
      return [num(i + 1), text(`項目${i + 1}`), text("状態"), text(target), text("計画"), text("中間"), self === "" ? { value: null, kind: "empty" as const, text: "" } : text(self), text("課題")];
    });
  }

  it("every status comes out, in a fair share; determinism, exact cell bounds and idempotence hold on judged items", () => {
    const seen: Record<string, number> = Object.fromEntries(STATUS_CODES.map((s) => [s, 0]));
    let kpis = 0;
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), fc.constantFrom("令和2年度 進捗状況", ""), (items, title) => {
        const cells: Cell[][] = [[text(title || "進捗状況")], [], HEADER_ROW, ...rowsOf(items)];
        const input = { sheetName: title ? "S" : "R2進捗", cells, origin: { row: 0, col: 0 } };
        const r = judge(input);
        expect(r.recognized).toBe(true);
        expect(r.fiscalYear).toBe(2020);
        expect(r.items).toHaveLength(items.length);
        expect(judge(input)).toEqual(r);
        for (const item of r.items) {
          seen[item.status]++;
          kpis += item.kpis.length;
          expect(STATUS_CODES).toContain(item.status);
        }
        const width = Math.max(...cells.map((c) => c.length));
        for (const i of r.issues) {
          if (i.cell === null) continue;
          const m = /^([A-Z]+)(\d+)$/.exec(i.cell);
          expect(m).not.toBeNull();
          const row = Number(m![2]);
          expect(row).toBeGreaterThanOrEqual(1);
          expect(row).toBeLessThanOrEqual(cells.length);
          expect(colNumber(i.cell)).toBeGreaterThanOrEqual(1);
          expect(colNumber(i.cell)).toBeLessThanOrEqual(width);
          if (i.row !== null) expect(i.row).toBe(row);
        }
        const p = plan(r, input, DEFAULT_CONFIG);
        expect(p.ok).toBe(true);
        if (!p.ok) return;
        for (const c of p.plan.cells) {
          // Output cells: the header row and the item rows, in the four columns right of the input.
          expect(c.row === 3 || r.items.some((it) => it.row === c.row)).toBe(true);
          expect(c.col).toBeGreaterThan(width);
          expect(c.col).toBeLessThanOrEqual(width + 4);
        }
        const judged = cells.map((row) => [...row]);
        for (const c of p.plan.cells) {
          const row = judged[c.row - 1];
          while (row.length < c.col) row.push({ value: null, kind: "empty", text: "" });
          row[c.col - 1] = c.value === null ? { value: null, kind: "empty", text: "" } : typeof c.value === "number" ? num(c.value) : text(c.value);
        }
        // Judging the judged sheet gives the same statuses and plans the very same cells, with or without the record.
        for (const written of [p.plan.written, undefined]) {
          const again = { ...input, cells: judged, written };
          const r2 = judge(again);
          expect(r2.items.map((it) => [it.status, it.rate])).toEqual(r.items.map((it) => [it.status, it.rate]));
          const p2 = plan(r2, again, DEFAULT_CONFIG);
          expect(p2.ok).toBe(true);
          if (p2.ok) expect(p2.plan.cells).toEqual(p.plan.cells);
        }
      }),
      { seed, numRuns: Math.max(50, Math.ceil(runs / 10)) },
    );
    const total = Object.values(seen).reduce((a, b) => a + b, 0);
    if (process.env.FC_VERBOSE) console.log(seen, kpis);
    // Each of the five statuses is at least 5 % of the items judged.
    for (const s of STATUS_CODES) expect({ status: s, share: seen[s] / total >= 0.05 }).toEqual({ status: s, share: true });
    expect(kpis).toBeGreaterThan(total);
  });
});
