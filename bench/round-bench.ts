/** Issue 5 figure: a round of 200 workbooks × 30 items, whole process, against the ExcelJS load floor. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { addProgressSheet } from "./generate";
import { BENCH_DIR, median, report, ROOT, round, timeProcess } from "./util";

export async function makeRound(dir: string, files: number, items: number): Promise<void> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).filter((f) => f.endsWith(".xlsx")).length === files) return;
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < files; i++) {
    const wb = new ExcelJS.Workbook();
    addProgressSheet(wb, "進捗状況", items, `令和2年度 市政改革プラン3.0 第${i + 1}部会所管項目の進捗状況`);
    await wb.xlsx.writeFile(path.join(dir, `部会${String(i + 1).padStart(3, "0")}.xlsx`));
  }
}

export async function benchRound(files = 200, items = 30, runs = 3): Promise<void> {
  const dir = path.join(BENCH_DIR, `round-${files}x${items}`);
  await makeRound(dir, files, items);
  const cli = path.join(ROOT, "bin/shinchoku.js");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-round-out-"));
  const check: number[] = [];
  const checkOnly: number[] = [];
  const load: number[] = [];
  timeProcess([path.join(ROOT, "bench/floor-many.js"), dir]);
  for (let i = 0; i < runs; i++) {
    load.push(timeProcess([path.join(ROOT, "bench/floor-many.js"), dir]));
    check.push(timeProcess([cli, "report", dir, "--out", out, "--format", "json"]));
    checkOnly.push(timeProcess([cli, "check", dir, "--format", "json"]));
  }
  const c = median(check);
  const l = median(load);
  report("round.report_vs_exceljs_load", { files, itemsPerFile: items, reportMs: round(c), exceljsLoadOnlyMs: round(l), ratio: round(c / l, 2), runs, goal: "ratio <= 1.3", note: "report = check all + 集計.xlsx + report.html + report.json" });
  report("round.check_vs_exceljs_load", { files, itemsPerFile: items, checkMs: round(median(checkOnly)), exceljsLoadOnlyMs: round(l), ratio: round(median(checkOnly) / l, 2), runs, note: "check only, no reports written" });
  fs.rmSync(out, { recursive: true, force: true });
}
