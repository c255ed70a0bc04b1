/** Attainment edges that the mutation run found unpinned (boundaries, denominators, the gap rate, the item's order). */
import { itemStatus, rateOf, statusOfRate } from "../../src/core/attainment";

describe("statusOfRate: the band edges", () => {
  it("1 is achieved, the threshold itself is mostly, just below is not", () => {
    expect(statusOfRate(1, 0.8)).toBe("achieved");
    expect(statusOfRate(0.9999, 0.8)).toBe("mostly_achieved");
    expect(statusOfRate(0.8, 0.8)).toBe("mostly_achieved");
    expect(statusOfRate(0.7999, 0.8)).toBe("not_achieved");
    expect(statusOfRate(0.5, 0.5)).toBe("mostly_achieved");
  });
});

describe("itemStatus: the first of not_achieved, unknown, mostly_achieved", () => {
  it.each([
    [[], "unknown"],
    [["achieved"], "achieved"],
    [["achieved", "mostly_achieved"], "mostly_achieved"],
    [["mostly_achieved", "unknown"], "unknown"],
    [["unknown", "not_achieved", "mostly_achieved"], "not_achieved"],
    [["achieved", "not_achieved"], "not_achieved"],
  ])("%j → %s", (kpis, want) => expect(itemStatus(kpis as never)).toBe(want));
});

describe("rateOf", () => {
  it("lower-is-better: ratio target ÷ actual; zero actual achieves; a zero target missed by anything above", () => {
    expect(rateOf({ direction: "lower", target: 10, actual: 8 }, 0.8)).toEqual({ rate: 1.25, status: "achieved" });
    expect(rateOf({ direction: "lower", target: 10, actual: 12 }, 0.8)).toEqual({ rate: 0.8333, status: "mostly_achieved" });
    expect(rateOf({ direction: "lower", target: 5, actual: 0 }, 0.8)).toEqual({ rate: null, status: "achieved" });
    expect(rateOf({ direction: "lower", target: 0, actual: 3 }, 0.8)).toEqual({ rate: null, status: "not_achieved" });
    expect(rateOf({ direction: "higher", target: 0, actual: 3 }, 0.8)).toEqual({ rate: null, status: "unknown" });
    expect(rateOf({ direction: "higher", target: 5, actual: 0 }, 0.8)).toEqual({ rate: null, status: "unknown" });
    expect(rateOf({ direction: "higher", target: 5, actual: -1 }, 0.8)).toEqual({ rate: null, status: "unknown" });
  });
  it("denominators: shares compared when both are given and differ", () => {
    expect(rateOf({ direction: "higher", target: 21, actual: 18, targetDenominator: 24, actualDenominator: 20 }, 0.8).rate).toBe(1.0286);
    expect(rateOf({ direction: "higher", target: 21, actual: 18, targetDenominator: 24, actualDenominator: 24 }, 0.8).rate).toBe(0.8571);
    expect(rateOf({ direction: "higher", target: 21, actual: 18, targetDenominator: 24, actualDenominator: null }, 0.8).rate).toBe(0.8571);
    expect(rateOf({ direction: "higher", target: 21, actual: 18, targetDenominator: null, actualDenominator: 20 }, 0.8).rate).toBe(0.8571);
    expect(rateOf({ direction: "higher", target: 21, actual: 18, targetDenominator: 0, actualDenominator: 20 }, 0.8).rate).toBe(0.8571);
    expect(rateOf({ direction: "higher", target: 21, actual: 18, targetDenominator: 24, actualDenominator: 0 }, 0.8).rate).toBe(0.8571);
    expect(rateOf({ direction: "lower", target: 2, actual: 3, targetDenominator: 10, actualDenominator: 20 }, 0.8).rate).toBe(1.3333);
  });
  it("the gap rate: (actual − baseline) ÷ (target − baseline), only with a usable baseline", () => {
    expect(rateOf({ direction: "higher", target: 20, actual: 15, baseline: 10 }, 0.8, "gap")).toEqual({ rate: 0.5, status: "not_achieved" });
    expect(rateOf({ direction: "lower", target: 10, actual: 12, baseline: 20 }, 0.8, "gap")).toEqual({ rate: 0.8, status: "mostly_achieved" });
    expect(rateOf({ direction: "higher", target: 20, actual: 15, baseline: 20 }, 0.8, "gap").rate).toBe(0.75);
    expect(rateOf({ direction: "higher", target: 20, actual: 15, baseline: null }, 0.8, "gap").rate).toBe(0.75);
    expect(rateOf({ direction: "higher", target: 20, actual: 15, baseline: Infinity }, 0.8, "gap").rate).toBe(0.75);
    expect(rateOf({ direction: "higher", target: 20, actual: 15, baseline: 10 }, 0.8, "ratio").rate).toBe(0.75);
    expect(rateOf({ direction: "higher", target: 20, actual: 15, baseline: 10 }, 0.8).rate).toBe(0.75);
  });
  it("a rate that is not finite is unknown", () => {
    expect(rateOf({ direction: "higher", target: Number.MIN_VALUE, actual: Number.MAX_VALUE }, 0.8)).toEqual({ rate: null, status: "unknown" });
  });
});
