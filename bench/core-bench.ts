/**
 * Core figures of kpi-grammar v2 (issue 10): items/s on the v1 bench sheet built in memory, on a
 * workbook of the three layouts, and the parse time of a 100,000-character cell.
 */
import { type Cell, DEFAULT_CONFIG, judge, type SheetInput } from "../src/core";
import { evaluateTargets } from "../src/core/target";
import { findActuals } from "../src/core/actual";
import { findClaims, toParseText, UnitList } from "../src/core";
import { HEADER, itemRow } from "./generate";
import { median, report, round } from "./util";

const text = (t: string | number | null): Cell =>
  t === null || t === "" ? { value: null, kind: "empty", text: "" } : typeof t === "number" ? { value: t, kind: "number", text: String(t) } : { value: t, kind: "text", text: t };

function input(name: string, rows: (string | number | null)[][]): SheetInput {
  return { sheetName: name, cells: rows.map((r) => r.map(text)), origin: { row: 0, col: 0 } };
}

export function progressInput(items: number): SheetInput {
  return input("進捗状況", [["令和2年度 市政改革プラン3.0 進捗状況"], [], HEADER, ...Array.from({ length: items }, (_, i) => itemRow(i))]);
}

/** A progress sheet whose every other item spans two rows (merged 番号/項目名 read empty below). */
function multiRowInput(items: number): SheetInput {
  const rows: (string | number | null)[][] = [["令和5年度 環境部会 進捗状況"], HEADER];
  for (let i = 0; i < items; i++) {
    if (i % 2 === 0) {
      rows.push([i + 1, `項目${i + 1}`, "状態", "①家庭ごみの排出量\n5年度 380g以下", "計画", "中間", "＜①＞372g", "課題"]);
      rows.push([null, null, null, "②資源化率\n5年度 30%以上", null, null, "＜②＞27.6％", null]);
    } else rows.push([i + 1, `項目${i + 1}`, "状態", "5年度 庁舎の電力使用量 前年度から3%削減", "計画", "中間", "・前年度から3.4%削減した。", "課題"]);
  }
  return input("複数行", rows);
}

function kpiTableInput(items: number): SheetInput {
  const rows: (string | number | null)[][] = [["総合計画 成果指標の進捗（令和5年度）"], ["番号", "指標名", "単位", "基準値", "方向性", "目標値", "実績値", "備考"]];
  const t: (string | number | null)[][] = [
    ["図書館の貸出冊数", "万冊", 210, "増加", 230, 241],
    ["市税の収納率", "%", 97.8, null, 98.5, 98.1],
    ["ごみの最終処分量", "t", 5200, "減少", 4800, 4650],
    ["子育て相談の満足度", "%", 70, null, 75, "集計中"],
  ];
  for (let i = 0; i < items; i++) rows.push([i + 1, ...t[i % t.length], null]);
  return input("KPI", rows);
}

function yearsAcrossInput(items: number): SheetInput {
  const rows: (string | number | null)[][] = [["令和5年度 施策評価シート"], ["番号", "成果指標", "区分", "R3", "R4", "R5", "R6"]];
  for (let i = 0; i < items; i++) {
    if (i % 2 === 0) {
      rows.push([i + 1, `健診受診率${i}（％）`, "目標値", 40, 42, 45, 48]);
      rows.push([null, null, "実績値", 38.2, 41, 46.3, null]);
    } else {
      rows.push([i + 1, `救急搬送時間${i}（分）`, "目標値", 40, 39, 38, 37]);
      rows.push([null, null, "実績値", 41.5, 40.2, 39.5, null]);
    }
  }
  return input("施策評価", rows);
}

function timeJudge(inputs: SheetInput[], reps = 7): { ms: number; cold: number } {
  const t0 = performance.now();
  for (const i of inputs) judge(i, DEFAULT_CONFIG);
  const cold = performance.now() - t0;
  const runs: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    for (const i of inputs) judge(i, DEFAULT_CONFIG);
    runs.push(performance.now() - t);
  }
  return { ms: median(runs.slice(2)), cold };
}

/** items/s on the v1 bench sheet (the templates of bench/generate.ts), judged from memory. */
export function benchCoreV1(items = 20000): void {
  const { ms, cold } = timeJudge([progressInput(items)]);
  report("core.v1_sheet_items_per_second", { items, medianMs: round(ms), itemsPerSecond: Math.round((items / ms) * 1000), coldFirstRunMs: round(cold), goal: ">= 100000" });
}

/** items/s over a workbook of the three layouts (a third of the items each; progress items over two rows). */
export function benchCoreLayouts(items = 30000): void {
  const third = Math.floor(items / 3);
  const inputs = [multiRowInput(third), kpiTableInput(third), yearsAcrossInput(third)];
  const count = inputs.map((i) => judge(i, DEFAULT_CONFIG).items.length).reduce((a, b) => a + b, 0);
  const { ms, cold } = timeJudge(inputs);
  const per: Record<string, number> = {};
  for (const i of inputs) {
    const { ms: m } = timeJudge([i], 5);
    per[judge(i, DEFAULT_CONFIG).layout ?? "?"] = Math.round((third / m) * 1000);
  }
  report("core.three_layouts_items_per_second", { items: count, medianMs: round(ms), itemsPerSecond: Math.round((count / ms) * 1000), perLayout: per, coldFirstRunMs: round(cold) });
}

/** The parse of one 100,000-character cell (target, actual and claim rules), worst of several shapes. */
export function benchLongCell(): void {
  const units = new UnitList(DEFAULT_CONFIG.units);
  const shapes: Record<string, string> = {
    markers: "①".repeat(100000),
    values: "2年度 21区長/24区長 ".repeat(6000),
    mixed: "＜①＞実績 2年度 1,2".repeat(10000),
    labels: "（前年度 1%）2%から".repeat(10000),
    everyYear: "毎年度 5件 各年度の".repeat(10000),
    ownWords: "計画の改定には至らなかった".repeat(7000),
  };
  const ms: Record<string, number> = {};
  for (const [name, raw] of Object.entries(shapes)) {
    const cell = raw.slice(0, 100000);
    const t = performance.now();
    evaluateTargets(cell, 2020, 2020, units);
    const p = toParseText(cell);
    findActuals(p, [{ id: "1", unit: "区長" }], 2020, 2020, units);
    findClaims(p, ["1"], new Map([["1", "計画の改定"]]));
    judge(input("S", [["令和2年度"], ["指標名", "目標値", "実績値"], ["A", cell, cell]]));
    ms[name] = round(performance.now() - t);
  }
  report("core.long_cell_parse_ms", { chars: 100000, worstMs: Math.max(...Object.values(ms)), byShape: ms, goal: "well under 1000" });
}
