/** The `shinchoku` command. */
import { Command, CommanderError, Option } from "commander";
import { promises as fs } from "fs";

import { ConfigError, resolveConfig, type ConfigInput } from "../core";
import { FileError, undoWorkbook } from "../xlsx";
import { readFileBytes, writeFileAtomically } from "../xlsx/node-file";
import { checkFiles, UsageError } from "./check";
import { compareWithPrevious, parsePrevious } from "./compare";
import { expandInputs, findConfigFile } from "./inputs";
import { writeReports } from "./report/write";
import { exitCodeOf } from "./model";
import { renderCsv } from "./render-csv";
import { renderJson } from "./render-json";
import { renderTable } from "./render-table";

interface CheckFlags {
  report?: string;
  out?: string;
  previous?: string;
  year?: string;
  phase?: "final" | "interim";
  sheet?: string;
  config?: string;
  format: "table" | "json" | "csv";
  write?: string;
  inPlace?: boolean;
  color?: boolean;
  verbose?: boolean;
}

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

async function loadConfig(flags: CheckFlags, inputs: readonly string[]) {
  let input: ConfigInput = {};
  const configFile = flags.config ?? (await findConfigFile(inputs));
  if (configFile) {
    let text: string;
    try {
      text = await fs.readFile(configFile, "utf8");
    } catch {
      throw new UsageError(`設定ファイル ${configFile} を読めません。パスを確認してください。`);
    }
    try {
      input = JSON.parse(text) as ConfigInput;
    } catch (e) {
      throw new UsageError(`設定ファイル ${configFile} は正しい JSON ではありません: ${(e as Error).message}`);
    }
    try {
      resolveConfig(input);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(`設定ファイル ${configFile}: ${e.message}`);
      throw e;
    }
  }
  if (flags.year !== undefined) {
    const y = Number(flags.year);
    if (!/^\d{4}$/.test(flags.year)) throw new UsageError(`--year は西暦4桁で指定してください（例: --year 2020 は令和2年度）。値: ${flags.year}`);
    input = { ...input, fiscalYear: y };
  }
  if (flags.phase !== undefined) input = { ...input, phase: flags.phase };
  return resolveConfig(input);
}

async function loadPrevious(file: string | undefined) {
  if (!file) return null;
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(`前回の report.json（${file}）を読めません。パスを確認してください。`);
  }
  try {
    return parsePrevious(text);
  } catch (e) {
    throw new UsageError(`${file} は Shinchoku の report.json ではありません（${(e as Error).message}）。`);
  }
}

async function runCheck(inputs: string[], flags: CheckFlags, io: Io, reportDir?: string): Promise<number> {
  if (flags.write && flags.inPlace) throw new UsageError("--write と --in-place は同時に使えません。");
  const config = await loadConfig(flags, inputs);
  const previous = await loadPrevious(flags.previous);
  const { files, unmatched } = await expandInputs(inputs);
  for (const u of unmatched) io.stderr.write(`shinchoku: ${u}: .xlsx ファイルが見つかりません。\n`);
  if (files.length === 0) throw new UsageError("判定するファイルがありません。.xlsx ファイルかフォルダーを指定してください。");
  let bar: { increment(): void; stop(): void } | null = null;
  if (files.length > 1 && io.stderr.isTTY) {
    const { SingleBar, Presets } = await import("cli-progress");
    const b = new SingleBar({ stream: process.stderr, format: "判定中 [{bar}] {value}/{total} ファイル", hideCursor: true }, Presets.shades_classic);
    b.start(files.length, 0);
    bar = b;
  }
  const results = await checkFiles(files, { config, sheet: flags.sheet, write: flags.write, inPlace: flags.inPlace, onFileDone: () => bar?.increment() });
  bar?.stop();
  const color = flags.color !== false && Boolean(io.stdout.isTTY) && !process.env.NO_COLOR;
  const changes = previous ? compareWithPrevious(results, previous) : null;
  if (reportDir) {
    const written = await writeReports(reportDir, results, changes).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`レポートを ${reportDir} に書けません（${e.code ?? e.message}）。書き込めるフォルダーを指定してください。`);
    });
    io.stderr.write(`レポートを書き出しました: ${written.xlsx} ${written.html} ${written.json}\n`);
  }
  if (flags.format === "json") io.stdout.write(renderJson(results, changes));
  else if (flags.format === "csv") io.stdout.write(renderCsv(results));
  else io.stdout.write(renderTable(results, color, flags.verbose === true));
  for (const r of results) if (r.error && flags.format !== "table") io.stderr.write(`shinchoku: ${r.error.message}\n`);
  return exitCodeOf(results);
}

async function runUndo(file: string, flags: { write?: string; all?: boolean }, io: Io): Promise<number> {
  const restored = undoWorkbook(readFileBytes(file), file, { all: flags.all === true });
  if (restored === null) {
    io.stderr.write(`shinchoku: ${file}: 元に戻せる書き込みがありません（Shinchoku の書き込み記録がありません）。\n`);
    return 1;
  }
  const target = flags.write ?? file;
  writeFileAtomically(restored.bytes, target, target === file ? file : undefined);
  io.stdout.write(restored.scope === "last" ? `前回の書き込みを元に戻しました: ${target}\n` : `Shinchoku が最初に書き込む前の状態に戻しました（書き込み記録も削除しました）: ${target}\n`);
  return 0;
}

/** The options `check` and `report` share: what to judge, how, and how to print it. */
function judgingOptions(cmd: Command): Command {
  return cmd
    .option("--year <year>", "評価年度（西暦の開始年。例: 2020 = 令和2年度）。省略時はタイトル行などから判定")
    .addOption(new Option("--phase <phase>", "評価時点").choices(["final", "interim"]))
    .option("--sheet <name>", "このシートだけを判定する")
    .option("--config <file>", "設定ファイル（JSON。省略時は入力フォルダーの shinchoku.config.json）")
    .option("--previous <report.json>", "前回の report.json と比べて、項目ごとの変化（新規・改善・悪化・変化なし）を示す")
    .addOption(new Option("--format <format>", "出力形式").choices(["table", "json", "csv"]).default("table"))
    .option("--no-color", "色を付けない")
    .option("--verbose", "表形式で、各 KPI の判定の根拠（読み取った目標・実績・記述とそのセル）も表示する");
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let code = 0;
  const program = new Command();
  program
    .name("shinchoku")
    .description("進捗状況シート（市政改革プラン等）の入力チェックと KPI 達成判定")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError("（shinchoku --help で使い方を表示）");
  const check = program
    .command("check")
    .description("ファイルの進捗状況シートを判定する")
    .argument("<files...>", ".xlsx ファイル、フォルダー、またはパターン")
    .option("--write <out>", "判定結果を書き込んだコピーを保存する（複数ファイルのときはフォルダー）")
    .option("--in-place", "入力ファイルそのものに書き込む（一時ファイル経由で安全に置き換え）")
    .option("--report <dir>", "集計.xlsx・report.html・report.json をこのフォルダーに書き出す");
  judgingOptions(check).action(async (files: string[], flags: CheckFlags) => {
    code = await runCheck(files, flags, io, flags.report);
  });
  const report = program
    .command("report")
    .description("提出された一式（ファイル・フォルダー・パターン）を判定し、集計レポートを書き出す")
    .argument("<inputs...>", ".xlsx ファイル、フォルダー、またはパターン（例: 'R2/**/*.xlsx'）")
    .requiredOption("--out <dir>", "レポートの出力先フォルダー");
  judgingOptions(report).action(async (inputs: string[], flags: CheckFlags) => {
    code = await runCheck(inputs, flags, io, flags.out);
  });
  program
    .command("undo")
    .description("Shinchoku が最後に書き込んだ内容を元に戻す（既定ではファイルそのものを更新）")
    .argument("<file>", ".xlsx ファイル")
    .option("--write <out>", "元に戻した結果を別のファイルに保存する")
    .option("--all", "Shinchoku が最初に書き込む前の状態まで戻す（何回書き込んでいても）")
    .action(async (file: string, flags: { write?: string; all?: boolean }) => {
      code = await runUndo(file, flags, io);
    });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof FileError) {
      io.stderr.write(`shinchoku: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(`shinchoku: 予期しないエラーが起きました。${(e as Error).message}\n`);
    if (process.env.SHINCHOKU_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
    return 2;
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}

