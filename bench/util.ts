/** Small helpers for the benchmarks: timing, medians, one JSON line per figure. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const BENCH_DIR = path.join(os.tmpdir(), "shinchoku-bench");

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export function report(figure: string, data: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify({ figure, ...data }) + "\n");
}

/** Wall time of a whole Node process, in ms. */
export function timeProcess(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: "ignore", cwd: ROOT });
  if (r.status !== null && r.status > 1) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

export async function cached(name: string, make: (file: string) => Promise<void>): Promise<string> {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, name);
  if (!fs.existsSync(file)) await make(file);
  return file;
}

export const round = (x: number, d = 1): number => Number(x.toFixed(d));
