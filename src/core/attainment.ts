/** Attainment (§6): rates and statuses. */
import type { Direction, StatusCode } from "./types";

/** Half-up rounding to 4 decimals, robust to binary noise (2.4 / 3 → 0.8). */
export function round4(x: number): number {
  // A nudge of a few ulps turns 7999.999999999999 (2.4 / 3 × 10⁴) into 8000 without moving real values.
  return Math.round(x * 10000 * (1 + 8 * Number.EPSILON)) / 10000;
}

export interface RateInput {
  direction: Direction;
  target: number;
  actual: number;
  targetDenominator?: number | null;
  actualDenominator?: number | null;
  /** The baseline (基準値), for the gap rate (§9). */
  baseline?: number | null;
}

export type RateMethod = "ratio" | "gap";

/** Rate and status of one numeric KPI; status unknown when no rate can be computed. */
export function rateOf(input: RateInput, mostlyThreshold: number, method: RateMethod = "ratio"): { rate: number | null; status: StatusCode } {
  const { direction, target, actual } = input;
  const td = input.targetDenominator ?? null;
  const ad = input.actualDenominator ?? null;
  if (direction === "lower" && actual === 0 && target >= 0) return { rate: null, status: "achieved" };
  // A lower-is-better zero target (事故件数 0件): anything above 0 misses it (v2 §6).
  if (direction === "lower" && target === 0 && actual > 0) return { rate: null, status: "not_achieved" };
  if (!(target > 0) || !(actual > 0)) return { rate: null, status: "unknown" };
  let t = target;
  let a = actual;
  if (td !== null && ad !== null && td > 0 && ad > 0 && td !== ad) {
    t = target / td;
    a = actual / ad;
  }
  let raw = direction === "higher" ? a / t : t / a;
  const baseline = input.baseline ?? null;
  if (method === "gap" && baseline !== null && Number.isFinite(baseline) && baseline !== target) {
    // (actual − baseline) ÷ (target − baseline); reads the same for lower-is-better (§9).
    raw = (actual - baseline) / (target - baseline);
  }
  if (!Number.isFinite(raw)) return { rate: null, status: "unknown" };
  const rate = round4(raw);
  return { rate, status: statusOfRate(rate, mostlyThreshold) };
}

export function statusOfRate(rate: number, mostlyThreshold: number): StatusCode {
  if (rate >= 1) return "achieved";
  if (rate >= mostlyThreshold) return "mostly_achieved";
  return "not_achieved";
}

/** The item's status from its KPIs: the first of not_achieved, unknown, mostly_achieved, else achieved. */
export function itemStatus(kpiStatuses: readonly StatusCode[]): StatusCode {
  if (kpiStatuses.length === 0) return "unknown";
  for (const s of ["not_achieved", "unknown", "mostly_achieved"] as StatusCode[]) if (kpiStatuses.includes(s)) return s;
  return "achieved";
}
