/** No data lost on .xlsx files: write/undo cycles, and --in-place killed inside its save. */
import { execFileSync, spawn } from "child_process";
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

/** What a user sees of every visible cell: text, fill, number format, bold, wrap, vertical alignment; columns' widths and validation rules (hashed, to keep failures short). */
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
          const vertical = (c.alignment?.vertical ?? null) !== (row.alignment?.vertical ?? null) ? c.alignment?.vertical ?? "bottom" : null;
          if (text || fill || bold || wrap || vertical) out.push([ws.name, r, k, text, fill, c.numFmt && c.numFmt !== "General" ? c.numFmt : null, bold, wrap, vertical]);
        }),
      ),
    );
  // Every property the write sets: also the columns' widths and the sheet's validation rules.
  for (const ws of wb.worksheets.filter((w) => w.state === "visible")) {
    const widths: unknown[] = [];
    for (let k = 1; k <= ws.columnCount; k++) if (ws.getColumn(k).width !== undefined) widths.push([k, ws.getColumn(k).width]);
    const rules = (ws as unknown as { dataValidations?: { model?: Record<string, unknown> } }).dataValidations?.model ?? {};
    out.push([ws.name, "widths", widths, "validations", Object.keys(rules).sort().map((a) => [a, JSON.stringify(rules[a])])]);
  }
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
  mark.alignment = { wrapText: true, vertical: "middle" };
  // A width the user set where an output column will go, and a top-aligned cell beside it.
  seed.getWorksheet("Sheet1")!.getColumn("K").width = 7.5;
  seed.getWorksheet("Sheet1")!.getCell("K7").alignment = { vertical: "top" };
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

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/shinchoku.js");
const PRELOAD = path.join(ROOT, "tests/helpers/pause-at-save.js");

/** The built CLI, built here when missing (never a silent skip). */
function ensureBuilt(): void {
  if (fs.existsSync(path.join(ROOT, "build/src/cli/main.js")) && fs.existsSync(path.join(ROOT, "build/src/xlsx/node-file.js"))) return;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(ROOT, "tsconfig.build.json")], { cwd: ROOT, stdio: "inherit" });
}

/** Runs `check --in-place` until it pauses at a save step, kills it there (SIGKILL) and returns what it left. */
async function killAt(file: string, step: "tmp-written" | "before-rename"): Promise<{ tmpFiles: string[] }> {
  const child = spawn(process.execPath, ["-r", PRELOAD, BIN, "check", file, "--in-place"], {
    env: { ...process.env, SHINCHOKU_PAUSE_AT: step },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  let err = "";
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on("data", (d: Buffer) => {
      err += d.toString();
      if (err.includes(`PAUSED ${step}`)) resolve();
    });
    child.on("exit", () => reject(new Error(`the CLI ended before pausing at ${step}: ${err}`)));
  });
  // Paused inside the save: the temporary file is there, the target not yet replaced.
  const base = path.basename(file);
  const tmpFiles = fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith(`.${base}.${child.pid}.`) && n.endsWith(".tmp"));
  child.kill("SIGKILL");
  await exited;
  return { tmpFiles };
}

describe("--in-place killed inside the save", () => {
  beforeAll(ensureBuilt, 300000);
  it.each(["tmp-written", "before-rename"] as const)("killed at %s: the original file is intact, byte for byte", async (step) => {
    const f = path.join(dir, `kill-${step}.xlsx`);
    await writeProgressWorkbook(f, 300);
    const bytes = fs.readFileSync(f);
    const original = await values(f);
    const { tmpFiles } = await killAt(f, step);
    expect(tmpFiles).toHaveLength(1); // the kill landed inside the save, with the new file written beside
    const written = fs.readFileSync(path.join(dir, tmpFiles[0]));
    expect(written.equals(bytes)).toBe(false);
    expect(fs.readFileSync(f).equals(bytes)).toBe(true);
    expect(await values(f)).toBe(original);
    // The next run (and its undo) work over the leftover temporary file.
    // The generated sheet has rows in error (empty self-assessments): exit 1, written all the same.
    expect(await run("check", f, "--in-place")).toBe(1);
    expect((await values(f)).endsWith(":judged")).toBe(true);
    expect(await run("undo", f)).toBe(0);
    expect(await values(f)).toBe(original);
  }, 120000);
  it("without the pause the same command replaces the file (the hook changes nothing else)", async () => {
    const f = path.join(dir, "kill-none.xlsx");
    await writeProgressWorkbook(f, 300);
    const child = spawn(process.execPath, ["-r", PRELOAD, BIN, "check", f, "--in-place"], { env: { ...process.env, SHINCHOKU_PAUSE_AT: "" }, stdio: "ignore" });
    expect(await new Promise((r) => child.on("exit", r))).toBe(1);
    expect((await values(f)).endsWith(":judged")).toBe(true);
    expect(fs.readdirSync(dir).filter((n) => n.startsWith(".kill-none.xlsx."))).toEqual([]);
  }, 120000);
});
