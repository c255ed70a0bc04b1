/** Issue 6 load figures: 100,000 items through the core and the gateway fake; 1,000 workbooks through the CLI. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { type Cell, DEFAULT_CONFIG, judge, plan } from "../src/core";
import { HEADER, itemRow } from "./generate";
import { makeRound } from "./round-bench";
import { BENCH_DIR, report, ROOT, round } from "./util";

const mb = (kb: number) => round(kb / 1024);

function rows(items: number): (string | number)[][] {
  const out: (string | number)[][] = [["令和2年度 市政改革プラン3.0 進捗状況"], [], HEADER];
  for (let i = 0; i < items; i++) out.push(itemRow(i));
  return out;
}

export async function benchLoad(): Promise<void> {
  const items = 100_000;
  const toCell = (v: string | number): Cell => (typeof v === "number" ? { value: v, kind: "number", text: String(v) } : v === "" ? { value: null, kind: "empty", text: "" } : { value: v, kind: "text", text: v });
  const input = { sheetName: "進捗", cells: rows(items).map((r) => r.map(toCell)), origin: { row: 0, col: 0 } };
  let t = performance.now();
  const r = judge(input, DEFAULT_CONFIG);
  const judgeMs = performance.now() - t;
  t = performance.now();
  const p = plan(r, input, DEFAULT_CONFIG);
  report("load.core_100k", { items: r.items.length, judgeMs: Math.round(judgeMs), planMs: Math.round(performance.now() - t), planned: p.ok ? p.plan.cells.length : 0, maxRSS_MB: mb(process.resourceUsage().maxRSS), goal: "finishes; < 1 GB" });

  // The gateway runs in a process of its own, so that the fake Excel's memory can be told apart.
  const gw = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, "load-gateway.js"), String(items)], { encoding: "utf8" });
  process.stdout.write(gw.stdout);

  const dir = path.join(BENCH_DIR, "round-1000x10");
  await makeRound(dir, 1000, 10);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-load-"));
  t = performance.now();
  const res = spawnSync(process.execPath, ["-r", path.join(ROOT, "bench/rss.js"), path.join(ROOT, "bin/shinchoku.js"), "report", dir, "--out", out, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  const rss = Number(/maxRSS_KB (\d+)/.exec(res.stderr)?.[1] ?? NaN);
  report("load.cli_round_1000_workbooks", { files: 1000, itemsPerFile: 10, exit: res.status, ms: Math.round(ms), maxRSS_MB: mb(rss), goal: "finishes; < 1 GB" });
  fs.rmSync(out, { recursive: true, force: true });
}
