#!/usr/bin/env node
/* Prints the scores of the mutation reports (reports/mutation/<area>.json, mutation-testing-report-schema):
 * per file and in all, by Stryker's rule — (killed + timeout) / (all − ignored − compile/runtime errors).
 *   node tests/mutation/summary.js [area …] [--survivors]      e.g. `core-full xlsx excel --survivors`
 * With several areas named, a last line gives their score together (for areas that mutate different files,
 * e.g. `xlsx-part xlsx-edge xlsx-unit`, the three parts of `npm run mutate:xlsx`).
 *   node tests/mutation/summary.js --goals
 * prints issue 14's two scores against their goals — src/core (core-full) ≥ 85 %, the adapters (xlsx-part +
 * xlsx-unit + excel together) ≥ 75 % — and exits 1 when a report is missing or a score is under its goal. */
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
const showSurvivors = args.includes("--survivors");
const areas = args.filter((a) => !a.startsWith("--"));
const GOALS = [
  { name: "src/core", areas: ["core-full"], goal: 85 },
  { name: "adapters (src/xlsx + src/excel)", areas: ["xlsx-part", "xlsx-unit", "excel"], goal: 75 },
];
const dir = path.join(__dirname, "../../reports/mutation");
const list = areas.length ? areas : fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("incremental")).map((f) => f.replace(/\.json$/, ""));

function counts(area) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, `${area}.json`), "utf8"));
  const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  for (const { mutants } of Object.values(report.files)) for (const m of mutants) if (m.status in c) c[m.status]++;
  return c;
}

if (args.includes("--goals")) {
  let ok = true;
  for (const g of GOALS) {
    const missing = g.areas.filter((a) => !fs.existsSync(path.join(dir, `${a}.json`)));
    if (missing.length > 0) {
      console.log(`${g.name}: no report (${missing.map((a) => `reports/mutation/${a}.json`).join(", ")}); run npm run mutate`);
      ok = false;
      continue;
    }
    const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
    for (const a of g.areas) for (const [k, n] of Object.entries(counts(a))) c[k] += n;
    const s = Number(score(c));
    const pass = s >= g.goal;
    ok &&= pass;
    console.log(`${g.name}: ${score(c)} % (goal ${g.goal} %: ${pass ? "met" : "NOT met"}; ${g.areas.join(" + ")}; killed ${c.Killed}, timeout ${c.Timeout}, survived ${c.Survived}, no coverage ${c.NoCoverage})`);
  }
  process.exit(ok ? 0 : 1);
}

function score(c) {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid ? (((c.Killed + c.Timeout) / valid) * 100).toFixed(2) : "—";
}

const together = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
for (const area of list) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, `${area}.json`), "utf8"));
  const total = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
  const rows = [];
  for (const [file, { mutants, source }] of Object.entries(report.files)) {
    const c = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0 };
    for (const m of mutants) if (m.status in c) c[m.status]++;
    for (const k of Object.keys(c)) {
      total[k] += c[k];
      together[k] += c[k];
    }
    rows.push([file, c]);
    if (showSurvivors) {
      const lines = source.split("\n");
      for (const m of mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
        const at = m.location.start;
        console.log(`${m.status === "Survived" ? "S" : "N"} ${file}:${at.line}:${at.column} ${m.mutatorName} ${JSON.stringify(m.replacement ?? "").slice(0, 80)} | ${lines[at.line - 1].trim().slice(0, 100)}`);
      }
    }
  }
  console.log(`\n${area}: ${score(total)} % (killed ${total.Killed}, timeout ${total.Timeout}, survived ${total.Survived}, no coverage ${total.NoCoverage})`);
  for (const [file, c] of rows.sort((a, b) => a[0].localeCompare(b[0]))) console.log(`  ${score(c).padStart(6)} %  ${file}  (${c.Survived} survived, ${c.NoCoverage} no coverage)`);
}
if (areas.length > 1) console.log(`\n${areas.join(" + ")}: ${score(together)} % together (killed ${together.Killed}, timeout ${together.Timeout}, survived ${together.Survived}, no coverage ${together.NoCoverage})`);
