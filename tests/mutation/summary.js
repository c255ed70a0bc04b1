#!/usr/bin/env node
/* Prints the scores of the mutation reports (reports/mutation/<area>.json, mutation-testing-report-schema):
 * per file and in all, by Stryker's rule — (killed + timeout) / (all − ignored − compile/runtime errors).
 *   node tests/mutation/summary.js [area …] [--survivors]      e.g. `core-full xlsx excel --survivors`
 * With several areas named, a last line gives their score together (for areas that mutate different files,
 * e.g. `xlsx-part xlsx-edge xlsx-unit`, the three parts of `npm run mutate:xlsx`). */
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
const showSurvivors = args.includes("--survivors");
const areas = args.filter((a) => !a.startsWith("--"));
const dir = path.join(__dirname, "../../reports/mutation");
const list = areas.length ? areas : fs.readdirSync(dir).filter((f) => f.endsWith(".json") && !f.includes("incremental")).map((f) => f.replace(/\.json$/, ""));

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
