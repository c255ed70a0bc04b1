/** The `shinchoku` command. */
import { Command, CommanderError, Option } from "commander";
import { promises as fs } from "fs";

import { ConfigError, resolveConfig, type ConfigInput } from "../core";
import { undoLastRun } from "../xlsx";
import { checkFiles, saveAtomically, UsageError } from "./check";
import { FileError, loadWorkbook } from "./load-file";
import { exitCodeOf } from "./model";
import { renderCsv } from "./render-csv";
import { renderJson } from "./render-json";
import { renderTable } from "./render-table";

interface CheckFlags {
  year?: string;
  phase?: "final" | "interim";
  sheet?: string;
  config?: string;
  format: "table" | "json" | "csv";
  write?: string;
  inPlace?: boolean;
  color?: boolean;
}

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

async function loadConfig(flags: CheckFlags) {
  let input: ConfigInput = {};
  if (flags.config) {
    let text: string;
    try {
      text = await fs.readFile(flags.config, "utf8");
    } catch {
      throw new UsageError(`設定ファイル ${flags.config} を読めません。パスを確認してください。`);
    }
    try {
      input = JSON.parse(text) as ConfigInput;
    } catch (e) {
      throw new UsageError(`設定ファイル ${flags.config} は正しい JSON ではありません: ${(e as Error).message}`);
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

async function runCheck(files: string[], flags: CheckFlags, io: Io): Promise<number> {
  if (flags.write && flags.inPlace) throw new UsageError("--write と --in-place は同時に使えません。");
  const config = await loadConfig(flags);
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
  if (flags.format === "json") io.stdout.write(renderJson(results));
  else if (flags.format === "csv") io.stdout.write(renderCsv(results));
  else io.stdout.write(renderTable(results, color));
  for (const r of results) if (r.error && flags.format !== "table") io.stderr.write(`shinchoku: ${r.error.message}\n`);
  return exitCodeOf(results);
}

async function runUndo(file: string, flags: { write?: string }, io: Io): Promise<number> {
  const wb = await loadWorkbook(file);
  if (!undoLastRun(wb)) {
    io.stderr.write(`shinchoku: ${file}: 元に戻せる書き込みがありません（Shinchoku の書き込み記録がありません）。\n`);
    return 1;
  }
  const target = flags.write ?? file;
  await saveAtomically(wb, target);
  io.stdout.write(`前回の書き込みを元に戻しました: ${target}\n`);
  return 0;
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
  program
    .command("check")
    .description("ファイルの進捗状況シートを判定する")
    .argument("<files...>", ".xlsx ファイル")
    .option("--year <year>", "評価年度（西暦の開始年。例: 2020 = 令和2年度）。省略時はタイトル行などから判定")
    .addOption(new Option("--phase <phase>", "評価時点").choices(["final", "interim"]))
    .option("--sheet <name>", "このシートだけを判定する")
    .option("--config <file>", "設定ファイル（JSON）")
    .addOption(new Option("--format <format>", "出力形式").choices(["table", "json", "csv"]).default("table"))
    .option("--write <out>", "判定結果を書き込んだコピーを保存する（複数ファイルのときはフォルダー）")
    .option("--in-place", "入力ファイルそのものに書き込む（一時ファイル経由で安全に置き換え）")
    .option("--no-color", "色を付けない")
    .action(async (files: string[], flags: CheckFlags) => {
      code = await runCheck(files, flags, io);
    });
  program
    .command("undo")
    .description("Shinchoku が最後に書き込んだ内容を元に戻す（既定ではファイルそのものを更新）")
    .argument("<file>", ".xlsx ファイル")
    .option("--write <out>", "元に戻した結果を別のファイルに保存する")
    .action(async (file: string, flags: { write?: string }) => {
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

