/** No data lost on .xlsx files: write/undo cycles, and --in-place killed at any moment. */
import { spawn } from "child_process";
import { createHash } from "crypto";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { writeProgressWorkbook } from "../../bench/generate";
import { fixture } from "../helpers/shared";

const quiet = { write: () => true };
const run = (...argv: string[]) => main(argv, { stdout: quiet, stderr: quiet });

/** What a user sees of every visible cell: its text, fill colour and number format (hashed, to keep failures short). */
async function values(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[] = [];
  wb.worksheets
    .filter((w) => w.state === "visible")
    .forEach((ws) =>
      ws.eachRow((row, r) =>
        row.eachCell({ includeEmpty: true }, (c, k) => {
          const fill = c.fill && c.fill.type === "pattern" && c.fill.pattern === "solid" ? (c.fill.fgColor as { argb?: string })?.argb ?? null : null;
          const text = c.text ?? "";
          // Formatting that differs from its row's (a row style shows the same on a cell created later).
          const bold = Boolean(c.font?.bold) !== Boolean(row.font?.bold);
          const wrap = Boolean(c.alignment?.wrapText) !== Boolean(row.alignment?.wrapText);
          if (text || fill || bold || wrap) out.push([ws.name, r, k, text, fill, c.numFmt && c.numFmt !== "General" ? c.numFmt : null, bold, wrap]);
        }),
      ),
    );
  const json = JSON.stringify(out);
  return `${out.length}:${createHash("sha256").update(json).digest("hex").slice(0, 16)}:${json.includes("達成状況") ? "judged" : "plain"}`;
}

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-nolost-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("write, undo, write, undo on a file: every value, fill and format as at the start", async () => {
  const f = path.join(dir, "seed.xlsx");
  const seed = new ExcelJS.Workbook();
  await seed.xlsx.readFile(fixture("seed-jinji-zaisei-r2.libreoffice.xlsx"));
  // A cell the user formatted (bold, wrapped, filled) where the output columns will go.
  const mark = seed.getWorksheet("Sheet1")!.getCell("J7");
  mark.font = { bold: true };
  mark.alignment = { wrapText: true };
  mark.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00FF00" } };
  await seed.xlsx.writeFile(f);
  const start = await values(f);
  expect(await run("check", f, "--in-place")).toBe(0);
  const judged = await values(f);
  expect(judged).not.toBe(start);
  expect(await run("undo", f)).toBe(0);
  expect(await values(f)).toBe(start);
  expect(await run("check", f, "--in-place")).toBe(0);
  expect(await values(f)).toBe(judged);
  expect(await run("undo", f)).toBe(0);
  expect(await values(f)).toBe(start);
});

const BIN = path.resolve(__dirname, "../../bin/shinchoku.js");
const built = fs.existsSync(path.resolve(__dirname, "../../build/src/cli/main.js"));
(built ? it : it.skip)("--in-place killed at any moment leaves a readable file, old or new", async () => {
  const f = path.join(dir, "big.xlsx");
  await writeProgressWorkbook(f, 6000);
  const original = await values(f);
  for (const delay of [150, 400, 700, 1000, 1400, 1900]) {
    const child = spawn(process.execPath, [BIN, "check", f, "--in-place"], { stdio: "ignore" });
    const exited = new Promise((r) => child.on("exit", r));
    await new Promise((r) => setTimeout(r, delay));
    child.kill("SIGKILL");
    await exited;
    const now = await values(f); // throws if the file is not a readable workbook
    expect(now === original || now.endsWith(":judged")).toBe(true);
    if (now !== original) expect(await run("undo", f)).toBe(0);
    expect(await values(f)).toBe(original);
  }
}, 120000);
