/**
 * Issue 12 figure: `shinchoku report` over a large round (300 workbooks × 300 items), whole
 * process: wall time and peak resident memory (goal: under 300 MB, faster than 16 s / 992 MB).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeRound } from "./round-bench";
import { BENCH_DIR, median, report, ROOT, round } from "./util";

/** Wall time (ms), peak RSS (MB) and stdout line count of one `shinchoku` process. */
export function measureCli(args: string[]): { ms: number; peakMb: number; lines: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", path.join(ROOT, "bench/rss.js"), path.join(ROOT, "bin/shinchoku.js"), ...args], { cwd: ROOT, maxBuffer: 1 << 30, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== null && r.status > 1) throw new Error(`shinchoku ${args.join(" ")} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const m = /maxRSS_KB (\d+)/.exec(r.stderr);
  return { ms, peakMb: m ? Number(m[1]) / 1024 : NaN, lines: r.stdout.split("\n").length - 1 };
}

export async function benchRoundLarge(files = 300, items = 300, runs = 2): Promise<void> {
  const dir = path.join(BENCH_DIR, `round-${files}x${items}`);
  await makeRound(dir, files, items);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-round-large-"));
  const results = [];
  for (let i = 0; i < runs; i++) results.push(measureCli(["report", dir, "--out", out]));
  report("round.large_report", {
    files,
    itemsPerFile: items,
    medianMs: round(median(results.map((r) => r.ms))),
    peakMb: round(Math.max(...results.map((r) => r.peakMb))),
    stdoutLines: results[0].lines,
    runs,
    goal: "peak < 300 MB, faster than before (16 s, 992 MB)",
    command: `shinchoku report ${dir} --out DIR`,
  });
  fs.rmSync(out, { recursive: true, force: true });
}
