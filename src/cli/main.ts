/** The `shinchoku` command. */
import { Command, CommanderError, Option } from "commander";
import { promises as fs } from "fs";

import { ConfigError, type Lang, resolveConfig, type ConfigInput } from "../core";
import { CLI_TEXT, type CliText } from "../core/messages-cli";
import { FileError, undoWorkbook } from "../xlsx";
import { readFileBytes, writeFileAtomically } from "../xlsx/node-file";
import { checkEach, fileErrorText, prepareWrites, UsageError } from "./check";
import { choiceOption, detectLang, type Env, LocalCommand, packageVersion, phaseParser, terminalWidth, yearParser } from "./command";
import { parsePrevious } from "../report/compare";
import { expandInputs, findConfigFile } from "./inputs";
import { Round, type View } from "./round";

interface CheckFlags {
  report?: string;
  out?: string;
  previous?: string;
  year?: number;
  phase?: "final" | "interim";
  sheet?: string;
  config?: string;
  format: "table" | "json" | "csv";
  write?: string;
  inPlace?: boolean;
  color?: boolean;
  verbose?: boolean;
  quiet?: boolean;
}

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  /** Environment (LANG, COLUMNS, NO_COLOR); process.env by default. */
  env?: Env;
}

async function loadConfig(flags: CheckFlags, inputs: readonly string[], T: CliText) {
  let input: ConfigInput = {};
  const configFile = flags.config ?? (await findConfigFile(inputs));
  if (configFile) {
    let text: string;
    try {
      text = await fs.readFile(configFile, "utf8");
    } catch {
      throw new UsageError(T.configUnreadable(configFile));
    }
    try {
      input = JSON.parse(text) as ConfigInput;
    } catch (e) {
      throw new UsageError(T.configNotJson(configFile, (e as Error).message));
    }
    try {
      resolveConfig(input);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(T.configInvalid(configFile, e.message));
      throw e;
    }
  }
  if (flags.year !== undefined) input = { ...input, fiscalYear: flags.year };
  if (flags.phase !== undefined) input = { ...input, phase: flags.phase };
  return resolveConfig(input);
}

async function loadPrevious(file: string | undefined, T: CliText) {
  if (!file) return null;
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(T.previousUnreadable(file));
  }
  try {
    return parsePrevious(text);
  } catch (e) {
    throw new UsageError(T.previousInvalid(file, (e as Error).message));
  }
}

/** What Ctrl-C says: nothing changed, or how many files had been written before it. */
let interruptState: { lang: Lang; inPlaceWritten: number; round: Round | null; bar: { stop(): void } | null } | null = null;

function onInterrupt(io: Io): () => void {
  return () => {
    const st = interruptState;
    const T = CLI_TEXT[st?.lang ?? "ja"];
    st?.bar?.stop(); // gives the terminal its cursor back
    st?.round?.abandon();
    io.stderr.write(`\n${st && st.inPlaceWritten > 0 ? T.interruptedAfterWrites(st.inPlaceWritten) : T.interrupted}\n`);
    process.exit(130);
  };
}

async function runCheck(inputs: string[], flags: CheckFlags, io: Io, lang: Lang, command: "check" | "report", reportDir?: string): Promise<number> {
  const T = CLI_TEXT[lang];
  const env = io.env ?? process.env;
  if (flags.write && flags.inPlace) throw new UsageError(T.writeAndInPlace);
  const config = await loadConfig(flags, inputs, T);
  const previous = await loadPrevious(flags.previous, T);
  const { files, unmatched } = await expandInputs(inputs);
  for (const u of unmatched) io.stderr.write(`shinchoku: ${T.unmatched(u)}\n`);
  if (files.length === 0) throw new UsageError(T.noFiles);
  const view: View = flags.quiet ? "quiet" : flags.verbose ? "items" : command === "report" ? "errors" : files.length === 1 ? "items" : "files";
  const color = flags.color !== false && Boolean(io.stdout.isTTY) && !env.NO_COLOR;
  const round = new Round({ lang, format: flags.format, view, verbose: flags.verbose === true, color, width: terminalWidth(io.stdout, env), stdout: io.stdout, stderr: io.stderr, previous, reportDir });
  let bar: { increment(): void; stop(): void } | null = null;
  if (files.length > 1 && io.stderr.isTTY && !(io.stdout.isTTY && flags.format !== "table")) {
    const { SingleBar, Presets } = await import("cli-progress");
    const b = new SingleBar({ stream: process.stderr, format: T.progress, hideCursor: true }, Presets.shades_classic);
    b.start(files.length, 0);
    bar = b;
    round.hold();
  }
  interruptState = { lang, inPlaceWritten: 0, round, bar };
  const checkOptions = { config, sheet: flags.sheet, write: flags.write, inPlace: flags.inPlace, lang, onFileDone: () => bar?.increment() };
  try {
    // Refusals (--write onto a file…) come before anything is printed or written.
    await prepareWrites(files, checkOptions);
    try {
      round.begin();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new UsageError(T.reportWriteFailed(reportDir ?? "", err.code ?? err.message));
    }
    await checkEach(files, checkOptions, (r) => {
      if (r.writtenTo && flags.inPlace && interruptState) interruptState.inPlaceWritten++;
      round.add(r);
    });
    bar?.stop();
    bar = null;
    round.release();
    let written: string[];
    try {
      written = round.finish();
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new UsageError(T.reportWriteFailed(reportDir ?? "", err.code ?? err.message));
    }
    if (written.length > 0) io.stderr.write(`${T.reportWritten(written.join(" "))}\n`);
  } catch (e) {
    bar?.stop();
    round.release();
    round.abandon();
    throw e;
  } finally {
    interruptState = null;
  }
  if (round.files === 0 || round.checked === 0) return 2;
  return round.summary.errors > 0 ? 1 : 0;
}

async function runUndo(file: string, flags: { write?: string; all?: boolean }, io: Io, T: CliText): Promise<number> {
  const restored = undoWorkbook(readFileBytes(file), file, { all: flags.all === true });
  if (restored === null) {
    io.stderr.write(`shinchoku: ${T.undoNothing(file)}\n`);
    return 1;
  }
  const target = flags.write ?? file;
  writeFileAtomically(restored.bytes, target, target === file ? file : undefined);
  io.stdout.write(`${restored.scope === "last" ? T.undoneLast(target) : T.undoneAll(target)}\n`);
  return 0;
}

/** The options `check` and `report` share: what to judge, how, and how to print it. */
function judgingOptions(cmd: Command, T: CliText): Command {
  return cmd
    .addOption(new Option("--year <year>", T.optYear).argParser(yearParser(T)))
    .addOption(new Option("--phase <phase>", T.optPhase).choices(T.phaseChoices).argParser(phaseParser(T)))
    .option("--sheet <name>", T.optSheet)
    .option("--config <file>", T.optConfig)
    .option("--previous <report.json>", T.optPrevious)
    .addOption(choiceOption("--format <format>", T.optFormat, ["table", "json", "csv"], T).default("table"))
    .option("--no-color", T.optNoColor)
    .addOption(new Option("--verbose", T.optVerbose).conflicts("quiet"))
    .option("--quiet", T.optQuiet);
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  let code = 0;
  const env = io.env ?? process.env;
  const lang = detectLang(argv, env);
  const T = CLI_TEXT[lang];
  const program = new LocalCommand();
  program.lang = lang;
  const width = (s: Io["stdout"]) => terminalWidth(s, env);
  program
    .name("shinchoku")
    .description(T.program)
    .version(packageVersion(), "-V, --version", T.versionOption)
    .helpOption("-h, --help", T.helpOption)
    .helpCommand("help [command]", T.helpCommand)
    .addOption(choiceOption("--lang <lang>", T.langOption, ["ja", "en"], T))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      getOutHelpWidth: () => width(io.stdout),
      getErrHelpWidth: () => width(io.stderr),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .showHelpAfterError(T.showHelpAfterError);
  const check = program
    .command("check")
    .description(T.check)
    .argument("<files...>", T.checkFiles)
    .option("--write <out>", T.optWrite)
    .option("--in-place", T.optInPlace)
    .option("--report <dir>", T.optReport);
  judgingOptions(check, T).action(async (files: string[], flags: CheckFlags) => {
    code = await runCheck(files, flags, io, lang, "check", flags.report);
  });
  const report = program
    .command("report")
    .description(T.report)
    .argument("<inputs...>", T.reportInputs)
    .requiredOption("--out <dir>", T.optOut);
  judgingOptions(report, T).action(async (inputs: string[], flags: CheckFlags) => {
    code = await runCheck(inputs, flags, io, lang, "report", flags.out);
  });
  program
    .command("undo")
    .description(T.undo)
    .argument("<file>", T.undoFile)
    .option("--write <out>", T.undoOptWrite)
    .option("--all", T.undoOptAll)
    .action(async (file: string, flags: { write?: string; all?: boolean }) => {
      code = await runUndo(file, flags, io, T);
    });
  const interrupt = onInterrupt(io);
  process.once("SIGINT", interrupt);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof FileError) {
      io.stderr.write(`shinchoku: ${e instanceof FileError ? fileErrorText(e, lang) : e.message}\n`);
      return 2;
    }
    io.stderr.write(`shinchoku: ${T.unexpected((e as Error).message)}\n`);
    if (env.SHINCHOKU_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
    return 2;
  } finally {
    process.removeListener("SIGINT", interrupt);
  }
  return code;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((c) => {
    process.exitCode = c;
  });
}

