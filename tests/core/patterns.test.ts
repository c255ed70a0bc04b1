/** Every line of spec/patterns.tsv (copied into tests/fixtures) must pass. */
import * as fs from "fs";
import * as path from "path";
import {
  DEFAULT_CONFIG, UnitList, eraYear, findActuals, findClaims, findYearTokens, rateOf, toParseText,
} from "../../src/core";
import { evaluateTargets } from "../../src/core/target";
import { fixture, sharedDir } from "../helpers/shared";
import type { Era } from "../../src/core/fiscal-year";

const units = new UnitList(DEFAULT_CONFIG.units);
const tsv = fs.readFileSync(fixture("patterns.tsv"), "utf8");
const lines = tsv
  .split("\n")
  .map((line, i) => ({ line, no: i + 1 }))
  .filter(({ line }) => line.trim() !== "" && !line.startsWith("#"))
  .map(({ line, no }) => {
    const [kind, context, input, expected] = line.split("\t");
    return { no, kind, context, input: input.replace(/\\n/g, "\n"), expected: JSON.parse(expected) as unknown };
  });

function referenceOf(eraAndYear: string): number {
  const m = /^(令和|平成|昭和)(元|\d+)?$/.exec(eraAndYear.trim());
  if (!m) throw new Error(`bad context ${eraAndYear}`);
  return eraYear(m[1] as Era, m[2] === undefined || m[2] === "元" ? 1 : Number(m[2]));
}

describe("patterns.tsv", () => {
  it("is the same file as ../shared/spec/patterns.tsv (when ../shared is there)", () => {
    const shared = sharedDir();
    if (!shared) {
      console.warn("SKIP: ../shared not found beside the repo; comparing with the bundled copy only");
      return;
    }
    expect(tsv).toBe(fs.readFileSync(path.join(shared, "spec/patterns.tsv"), "utf8"));
  });

  it("has examples of every kind", () => {
    const kinds = new Set(lines.map((l) => l.kind));
    expect([...kinds].sort()).toEqual(["actual", "claim", "rate", "target", "year"]);
    expect(lines.length).toBeGreaterThan(60);
  });

  test.each(lines.map((l) => [`${l.no}: ${l.kind} ${l.context} ${l.input.slice(0, 50)}`, l] as const))("%s", (_name, l) => {
    switch (l.kind) {
      case "year": {
        const tokens = findYearTokens(toParseText(l.input), referenceOf(l.context));
        expect(tokens.length > 0 ? tokens[0].year : null).toEqual(l.expected);
        break;
      }
      case "target": {
        const [yearText, era] = l.context.split(" ");
        const year = Number(yearText);
        const titleEra = era as Era;
        const reference = titleEra ? year : year;
        const ev = evaluateTargets(l.input, year, reference, units);
        if (!Array.isArray(l.expected)) {
          expect({ issue: ev.issue }).toEqual(l.expected);
          break;
        }
        const got = ev.kpis.map((k) => {
          const t = ev.forYear.get(k.id);
          if (!t) return { id: k.id, missing: true };
          return t.kind === "numeric"
            ? { id: k.id, kind: "numeric", value: t.value, denominator: t.denominator, unit: t.unit, direction: t.direction }
            : { id: k.id, kind: "qualitative", text: t.text };
        });
        const expected = (l.expected as Record<string, unknown>[]).map((e) => ({ id: e.id ?? "1", ...e }));
        expect(got).toEqual(expected);
        expect(ev.issue).toBeNull();
        break;
      }
      case "actual": {
        const [maybeYear, spec] = l.context.includes(";") ? l.context.split(";") : [null, l.context];
        const year = maybeYear === null ? 2020 : Number(maybeYear);
        const kpis = spec.split(",").map((s) => {
          const [id, unitSpec] = s.split(":");
          return { id, unit: unitSpec.split("/")[0] || null };
        });
        const found = findActuals(toParseText(l.input), kpis, year, year, units);
        const got = Object.fromEntries([...found].map(([id, v]) => [id, v === "pending" ? v : { value: v.value, denominator: v.denominator, unit: v.unit }]));
        expect(got).toEqual(l.expected);
        break;
      }
      case "claim": {
        // v2: `id=TEXT` makes KPI id qualitative with target text TEXT.
        const specs = l.context.split(",").map((s) => s.split("="));
        const ids = specs.map(([id]) => id);
        const qualitative = new Map(specs.filter((s) => s.length > 1).map(([id, text]) => [id, toParseText(text)]));
        expect(Object.fromEntries(findClaims(toParseText(l.input), ids, qualitative))).toEqual(l.expected);
        break;
      }
      case "rate": {
        // v2: `higher 0.8 gap 50` — the rubric's gap rate against baseline 50.
        const [direction, threshold, method, baseline] = l.context.split(" ");
        const [target, actual, td, ad] = l.input.split(" ").map(Number);
        const r = rateOf(
          { direction: direction as "higher" | "lower", target, actual, targetDenominator: td ?? null, actualDenominator: ad ?? null, baseline: baseline === undefined ? null : Number(baseline) },
          Number(threshold),
          method === "gap" ? "gap" : "ratio",
        );
        expect(r).toEqual(l.expected);
        break;
      }
      default:
        throw new Error(`unknown kind ${l.kind} on line ${l.no}`);
    }
  });
});
