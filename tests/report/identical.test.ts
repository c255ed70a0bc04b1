/**
 * The page's round files are the CLI's: for the same submissions, the builders in src/report called
 * from the page's path (bytes judged by judgeFileBytes, names as given) give 集計.xlsx,
 * report.html and report.json byte for byte equal to what `shinchoku report` writes.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { resolveConfig } from "../../src/core";
import { parsePrevious } from "../../src/report/compare";
import { judgeFileBytes } from "../../src/report/judge-file";
import { roundFiles } from "../../src/report/round-files";
import { entryText, readZip } from "../../src/xlsx";
import { makeRound } from "./round-fixture";

const quiet = { write: () => true };
const NOW = new Date("2026-11-25T09:30:00Z");

async function cliReport(dir: string, names: string[], extra: string[] = []): Promise<{ xlsx: Buffer; html: string; json: string }> {
  const cwd = process.cwd();
  process.chdir(dir);
  jest.useFakeTimers({ now: NOW, doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"] });
  try {
    await main(["report", ...names, "--out", ".", ...extra], { stdout: quiet, stderr: quiet });
  } finally {
    jest.useRealTimers();
    process.chdir(cwd);
  }
  return { xlsx: fs.readFileSync(path.join(dir, "集計.xlsx")), html: fs.readFileSync(path.join(dir, "report.html"), "utf8"), json: fs.readFileSync(path.join(dir, "report.json"), "utf8") };
}

function pageReport(dir: string, names: string[], previous: string | null) {
  const config = resolveConfig({});
  const results = names.map((n) => judgeFileBytes(new Uint8Array(fs.readFileSync(path.join(dir, n))), n, config).result);
  return roundFiles(results, previous === null ? null : parsePrevious(previous), NOW);
}

describe("the page's round files equal `shinchoku report`'s", () => {
  let dir: string;
  let names: string[];
  beforeAll(async () => {
    ({ dir, names } = await makeRound());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("集計.xlsx, report.html and report.json, byte for byte", async () => {
    const page = pageReport(dir, names, null);
    const cli = await cliReport(dir, names);
    expect(cli.html).toContain("作成: 2026-11-25 09:30:00");
    expect(page.html).toBe(cli.html);
    expect(page.json).toBe(cli.json);
    expect(Buffer.from(page.xlsx).equals(cli.xlsx)).toBe(true);
    // What the round holds: every file, the broken one first in the HTML, links into the submissions' cells.
    const sheets = readZip(page.xlsx);
    expect(entryText(sheets, "xl/sharedStrings.xml")).toContain("人事・財政部会");
    expect(entryText(sheets, "xl/worksheets/_rels/sheet3.xml.rels")).toMatch(/Target="こども部会\.xlsx#'進捗'!G\d+"/);
    expect(page.html.indexOf("壊れた.xlsx")).toBeLessThan(page.html.indexOf("人事・財政部会.xlsx"));
    expect(page.html).toContain("&lt;b&gt;こども&lt;/b&gt;部会");
  });

  it("with last round's report.json: the same 改善/悪化", async () => {
    const before = await cliReport(dir, names);
    // Last round: one item was still blank (未入力); now it is filled in.
    const previous = JSON.parse(before.json) as { files: { file: string; sheets: { items: { status: string }[] }[] }[] };
    const kodomo = previous.files.find((f) => f.file === "こども部会.xlsx")!;
    kodomo.sheets[0].items[0].status = "not_entered";
    kodomo.sheets[0].items[1].status = "achieved";
    const prevFile = path.join(dir, "..", `${path.basename(dir)}-previous.json`);
    fs.writeFileSync(prevFile, JSON.stringify(previous));
    try {
      const cli = await cliReport(dir, names, ["--previous", prevFile]);
      const page = pageReport(dir, names, JSON.stringify(previous));
      expect(page.html).toContain("前回からの変化");
      expect(page.html).toContain("<td>改善</td>");
      expect(page.html).toBe(cli.html);
      expect(page.json).toBe(cli.json);
      expect(Buffer.from(page.xlsx).equals(cli.xlsx)).toBe(true);
    } finally {
      fs.rmSync(prevFile, { force: true });
    }
  });
});
