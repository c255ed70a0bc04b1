/**
 * A round folded file by file: each judged file is turned at once into what the outputs need
 * (summary counts, table lines, JSON and CSV text streamed out, the report's compact rows) and
 * its full report is dropped, so memory grows with the report rows only, not with the reports.
 */
import * as fs from "fs";
import * as path from "path";
import { type Lang, type StatusCode } from "../core";
import { CLI_TEXT, type CliText } from "../core/messages-cli";
import { type Change, changeKey, compareWithPrevious } from "../report/compare";
import { type FileResult, type RunSummary, summarize } from "./model";
import { csvHead, csvRows } from "./render-csv";
import { sheetJson } from "./render-json";
import { displayWidth, renderFileTable, summaryLine } from "./render-table";
import { renderHtmlReport } from "../report/html-report";
import { type RoundRows, roundRows } from "../report/rows";
import { buildReportXlsx } from "./report/write";

export interface Out {
  write(s: string): unknown;
}

/**
 * What the table shows: every item ("items", with evidence when verbose), a line per file
 * ("files"), the files with errors ("errors", a report's default), or the summary alone ("quiet").
 */
export type View = "items" | "files" | "errors" | "quiet";

export interface RoundOptions {
  lang: Lang;
  format: "table" | "json" | "csv";
  view: View;
  verbose: boolean;
  color: boolean;
  width: number;
  stdout: Out;
  stderr: Out;
  previous: Map<string, StatusCode> | null;
  /** Folder of 集計.xlsx, report.html and report.json, when the round writes them. */
  reportDir?: string;
}

const ZERO = (): RunSummary => ({ achieved: 0, mostly_achieved: 0, not_achieved: 0, unknown: 0, not_entered: 0, errors: 0, warnings: 0 });

/**
 * A file's name in a column: the path when it fits, else the file's own name, else that name cut
 * in the middle (its start and its end stay: 「部会001_…名.xlsx」); padded to the width.
 */
export function fitName(file: string, width: number): string {
  const clean = (x: string) => x.replace(/[\u0000-\u001f\u007f-\u009f]/g, "?");
  const padded = (x: string) => x + " ".repeat(Math.max(0, width - displayWidth(x)));
  const full = clean(file);
  if (displayWidth(full) <= width) return padded(full);
  const base = clean(path.basename(file));
  if (displayWidth(base) <= width) return padded(base);
  const chars = [...base];
  let head = "";
  let tail = "";
  let i = 0;
  let j = chars.length - 1;
  // Fill from both ends, the end (extension) getting a third of the room.
  while (i <= j) {
    if (displayWidth(tail) < (width - 1) / 3 && displayWidth(chars[j] + tail + head) <= width - 1) tail = chars[j--] + tail;
    else if (displayWidth(head + chars[i] + tail) <= width - 1) head += chars[i++];
    else break;
  }
  return padded(`${head}…${tail}`);
}

const padStart = (s: string, w: number): string => " ".repeat(Math.max(0, w - displayWidth(s))) + s;

/** A report.json written as the round goes: a temporary file beside it, renamed when complete. */
class JsonFile implements Out {
  readonly tmp: string;
  private readonly fd: number;
  constructor(readonly target: string) {
    this.tmp = `${target}.${process.pid}.tmp`;
    this.fd = fs.openSync(this.tmp, "w");
  }
  write(s: string): void {
    fs.writeSync(this.fd, s);
  }
  close(): void {
    fs.closeSync(this.fd);
    fs.renameSync(this.tmp, this.target);
  }
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      /* closed already */
    }
    fs.rmSync(this.tmp, { force: true });
  }
}

function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export class Round {
  readonly summary: RunSummary = ZERO();
  files = 0;
  written = 0;
  /** Files with at least one checked sheet (a round where none is has nothing to show: exit 2). */
  checked = 0;
  private readonly T: CliText;
  private readonly rows: RoundRows | null;
  private reportJson: JsonFile | null = null;
  private readonly errorRows: string[] = [];
  private errorFiles = 0;
  /** Table and stderr text held back while a progress bar is drawn. */
  private held: { out: string[]; err: string[] } | null = null;

  constructor(private readonly o: RoundOptions) {
    this.T = CLI_TEXT[o.lang];
    this.rows = o.reportDir ? { submissions: [], kpis: [], issues: [] } : null;
  }

  /** Holds table and stderr text back (a progress bar is on the terminal) until release(). */
  hold(): void {
    this.held = { out: [], err: [] };
  }

  release(): void {
    const h = this.held;
    this.held = null;
    if (h) {
      for (const s of h.err) this.o.stderr.write(s);
      for (const s of h.out) this.o.stdout.write(s);
    }
  }

  private out(s: string): void {
    if (this.held) this.held.out.push(s);
    else this.o.stdout.write(s);
  }

  private err(s: string): void {
    if (this.held) this.held.err.push(s);
    else this.o.stderr.write(s);
  }

  private jsonHead(): string {
    return '{"tool":"shinchoku","schemaVersion":1,"files":[';
  }

  begin(): void {
    if (this.o.reportDir) {
      fs.mkdirSync(this.o.reportDir, { recursive: true });
      this.reportJson = new JsonFile(path.join(this.o.reportDir, "report.json"));
      this.reportJson.write(this.jsonHead());
    }
    if (this.o.format === "json") this.o.stdout.write(this.jsonHead());
    else if (this.o.format === "csv") this.o.stdout.write(csvHead(this.o.lang));
    else if (this.o.view === "files") this.out(this.fileHeader() + "\n");
  }

  private fileHeader(): string {
    const [name, ...counts] = this.T.fileColumns;
    return `  ${fitName(name, this.nameWidth())}${counts.map((c) => padStart(c, 7)).join("")}`;
  }

  private nameWidth(): number {
    return Math.max(12, this.o.width - 2 - 7 * 8);
  }

  /** One file's line: name, items and counts per status, errors, warnings (or 「読めない」). */
  private fileRow(f: FileResult, s: RunSummary): string {
    const name = fitName(f.file, this.nameWidth());
    if (f.error && f.sheets.every((sh) => !sh.recognized)) return `✖ ${name}${padStart(this.T.unreadable, 7)}`;
    const items = s.achieved + s.mostly_achieved + s.not_achieved + s.unknown + s.not_entered;
    const cells = [items, s.achieved, s.mostly_achieved, s.not_achieved, s.unknown, s.not_entered, s.errors, s.warnings];
    return `${s.errors > 0 ? "✖" : " "} ${name}${cells.map((n) => padStart(String(n), 7)).join("")}`;
  }

  /** Folds one judged file into the round; the file's report is not kept. */
  add(f: FileResult): void {
    const s = summarize([f]);
    for (const k of Object.keys(s) as (keyof RunSummary)[]) this.summary[k] += s[k];
    this.files++;
    if (!(f.error !== null && f.sheets.length === 0)) this.checked++;
    if (f.writtenTo) this.written++;
    const changes = this.o.previous ? compareWithPrevious([f], this.o.previous) : null;
    if (f.error) this.err(`shinchoku: ${f.error.message}\n`);
    if (this.o.format === "json" || this.reportJson) {
      const json = JSON.stringify(fileJson(f, changes));
      const sep = this.files > 1 ? "," : "";
      if (this.o.format === "json") this.o.stdout.write(sep + json);
      this.reportJson?.write(sep + json);
    }
    if (this.o.format === "csv") this.o.stdout.write(csvRows(f, this.o.lang));
    if (this.rows) {
      const r = roundRows([f], changes);
      for (const x of r.submissions) this.rows.submissions.push(x);
      for (const x of r.kpis) this.rows.kpis.push(x);
      for (const x of r.issues) this.rows.issues.push(x);
    }
    if (this.o.format !== "table") return;
    if (this.o.view === "items") {
      const lines = renderFileTable(f, this.o.color, this.o.verbose, this.o.width);
      if (lines.length > 0) this.out(lines.join("\n") + "\n");
    } else if (this.o.view === "files") {
      this.out(this.fileRow(f, s) + "\n");
    } else if (this.o.view === "errors" && s.errors > 0) {
      this.errorFiles++;
      this.errorRows.push(this.fileRow(f, s));
    }
  }

  /** Ends the outputs: JSON tails, the report files, the table's closing lines. */
  finish(now = new Date()): string[] {
    const written: string[] = [];
    const tail = `],"summary":${JSON.stringify(this.summary)}}\n`;
    if (this.o.format === "json") this.o.stdout.write(tail);
    if (this.o.reportDir && this.rows && this.reportJson) {
      const dir = this.o.reportDir;
      const withChanges = this.o.previous !== null;
      const xlsx = path.join(dir, "集計.xlsx");
      const html = path.join(dir, "report.html");
      writeAtomic(xlsx, buildReportXlsx(this.rows, dir, withChanges));
      const stamp = now.toISOString().replace("T", " ").slice(0, 19);
      writeAtomic(html, renderHtmlReport(this.rows, { generatedAt: stamp, withChanges }));
      this.reportJson.write(tail);
      this.reportJson.close();
      this.reportJson = null;
      written.push(xlsx, html, path.join(dir, "report.json"));
    }
    if (this.o.format !== "table" || this.checked === 0) return written;
    const T = this.T;
    if (this.o.view === "errors") {
      if (this.errorFiles === 0) this.out(`${T.noFileWithErrors}\n`);
      else this.out(`${T.filesWithErrors(this.errorFiles)}\n${this.fileHeader()}\n${this.errorRows.join("\n")}\n`);
      this.out(`${this.o.reportDir ? T.moreInReport : T.moreWithVerbose}\n`);
    } else if (this.o.view === "files") this.out(`${T.moreWithVerbose}\n`);
    if (this.o.view !== "items" && this.written > 0) this.out(`${T.writtenFiles(this.written)}\n`);
    this.out(summaryLine(this.summary, this.files, this.o.color, this.o.width) + "\n");
    return written;
  }

  /** Removes a half-written report.json (an interrupted or failed round). */
  abandon(): void {
    this.reportJson?.abandon();
    this.reportJson = null;
  }
}

/** One file's entry in report.json / --format json (the schemaVersion 1 contract). */
export function fileJson(f: FileResult, changes: Map<string, Change> | null) {
  return {
    file: f.file,
    error: f.error,
    writtenTo: f.writtenTo,
    sheets: f.sheets.map((s) => sheetJson(s, changes ? (row) => changes.get(changeKey(f.file, s.sheet, row)) : undefined)),
  };
}
