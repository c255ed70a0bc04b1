/** Issue 2 figures: the core's items/s, and whole-process `shinchoku check` against the ExcelJS load floor. */
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_CONFIG, judge } from "../src/core";
import { readWorkbook } from "../src/xlsx";
import { writeProgressWorkbook } from "./generate";
import { cached, median, report, ROOT, round, timeProcess } from "./util";

export async function benchCore(items = 20000): Promise<void> {
  const file = await cached(`items-${items}.xlsx`, (f) => writeProgressWorkbook(f, items));
  const input = readWorkbook(fs.readFileSync(file), file).sheets[0];
  const t0 = performance.now();
  judge(input, DEFAULT_CONFIG);
  const cold = performance.now() - t0;
  const runs: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    judge(input, DEFAULT_CONFIG);
    runs.push(performance.now() - t);
  }
  const ms = median(runs.slice(2));
  report("core.items_per_second", { items, medianMs: round(ms), itemsPerSecond: Math.round((items / ms) * 1000), coldFirstRunMs: round(cold), goal: ">= 100000" });
}

export async function benchCheckProcess(items = 20000, runs = 5): Promise<void> {
  const file = await cached(`items-${items}.xlsx`, (f) => writeProgressWorkbook(f, items));
  const cli = path.join(ROOT, "bin/shinchoku.js");
  const floor = path.join(ROOT, "bench/floor.js");
  const check: number[] = [];
  const load: number[] = [];
  timeProcess([floor, file]); // warm the page cache
  for (let i = 0; i < runs; i++) {
    load.push(timeProcess([floor, file]));
    check.push(timeProcess([cli, "check", file, "--format", "json"]));
  }
  const c = median(check);
  const l = median(load);
  report("cli.check_vs_exceljs_load", { items, checkMs: round(c), exceljsLoadOnlyMs: round(l), ratio: round(c / l, 2), runs, goal: "ratio <= 1.3" });
  const write: number[] = [];
  for (let i = 0; i < 3; i++) write.push(timeProcess([cli, "check", file, "--write", path.join(path.dirname(file), "judged.xlsx")]));
  report("cli.check_write_ms", { items, medianMs: round(median(write)), note: "full load + write plan + save (no goal set)" });
}
