/**
 * commander in Japanese (English with LANG=en* or --lang en), through commander's own hooks:
 * a Help subclass (titles, choices and defaults, CJK-aware widths and wrapping with hanging
 * indents), an error override (usage errors), option parsers with catalogue messages.
 */
import { Command, type ErrorOptions, Help, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import { findYearTokens, type Lang } from "../core";
import { CLI_TEXT, type CliText } from "../core/messages-cli";
import { displayWidth, wrapText } from "./render-table";

export type Env = Record<string, string | undefined>;

/** The language: --lang en|ja first, then LC_ALL / LC_MESSAGES / LANG (en* → English); Japanese otherwise. */
export function detectLang(argv: readonly string[], env: Env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") break;
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice(7) : undefined;
    if (v === "en" || v === "ja") return v;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en([_.@-]|$)/i.test(locale) ? "en" : "ja";
}

/** The terminal's width: COLUMNS, else the terminal's own, else 80. */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }, env: Env): number {
  const fromEnv = Number(env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 20) return fromEnv;
  if (stream.isTTY && stream.columns && stream.columns >= 20) return stream.columns;
  return 80;
}

const ANSI_RE = /\x1b\[[0-9;]*m/g;
class LocalHelp extends Help {
  constructor(private readonly T: CliText) {
    super();
  }

  override displayWidth(str: string): number {
    return displayWidth(str.replace(ANSI_RE, ""));
  }

  override styleTitle(str: string): string {
    const titles: Record<string, string> = { "Usage:": this.T.usageTitle, "Arguments:": this.T.argumentsTitle, "Options:": this.T.optionsTitle, "Commands:": this.T.commandsTitle, "Global Options:": this.T.globalOptionsTitle };
    return titles[str] ?? str;
  }

  private words(s: string): string {
    return s.replace("[options]", this.T.usageOptions).replace("[command]", this.T.usageCommand);
  }

  override commandUsage(cmd: Command): string {
    return this.words(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return this.words(super.subcommandTerm(cmd));
  }

  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`${this.T.choices}: ${option.argChoices.join(this.T.listSep)}`);
    if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(`${this.T.default}: ${option.defaultValueDescription ?? String(option.defaultValue)}`);
    if (extra.length === 0) return option.description;
    return this.T === CLI_TEXT.ja ? `${option.description}（${extra.join("、")}）` : `${option.description} (${extra.join("; ")})`;
  }

  override boxWrap(str: string, width: number): string {
    if (width < this.minWidthToWrap) return str;
    return str
      .split(/\r?\n/)
      .map((line) => wrapText(line, width).join("\n"))
      .join("\n");
  }
}

/** commander's usage errors, in the catalogue's words (the error override: code → message). */
export function localUsageError(message: string, code: string | undefined, T: CliText): string {
  const m = (re: RegExp) => re.exec(message);
  const suggestion = (s: string | undefined) => (s ? T.didYouMean(s) : "");
  let r: RegExpExecArray | null;
  switch (code) {
    case "commander.missingArgument":
      if ((r = m(/argument '(.+)'/))) return T.missingArgument(`<${r[1]}>`);
      break;
    case "commander.optionMissingArgument":
      if ((r = m(/option '(.+)' argument missing/))) return T.optionMissingArgument(r[1]);
      break;
    case "commander.missingMandatoryOptionValue":
      if ((r = m(/required option '(.+)' not specified/))) return T.missingMandatoryOption(r[1]);
      break;
    case "commander.unknownOption":
      if ((r = m(/unknown option '([^']*)'(?:\s*\(Did you mean (.+)\?\))?/))) return T.unknownOption(r[1]) + suggestion(r[2]);
      break;
    case "commander.unknownCommand":
      if ((r = m(/unknown command '([^']*)'(?:\s*\(Did you mean (.+)\?\))?/))) return T.unknownCommand(r[1]) + suggestion(r[2]);
      break;
    case "commander.excessArguments":
      if ((r = m(/Expected (\d+) arguments? but got (\d+)/))) return T.excessArguments(Number(r[1]), Number(r[2]));
      break;
    case "commander.invalidArgument":
      if ((r = m(/option '(.+)' argument '([\s\S]*)' is invalid\. ([\s\S]*)$/))) return T.invalidArgument(r[1].split(/[ ,]/)[0], r[2], r[3]);
      break;
    case "commander.conflictingOption":
      if ((r = m(/'([^' ]+)[^']*' cannot be used with (?:option|environment variable) '([^' ]+)/))) return T.conflictingOption(r[1], r[2]);
      break;
  }
  return message.replace(/^error: /, "");
}

/** A Command whose help and usage errors speak the chosen language; subcommands inherit it. */
export class LocalCommand extends Command {
  lang: Lang = "ja";

  override createCommand(name?: string): LocalCommand {
    const c = new LocalCommand(name);
    c.lang = this.lang;
    return c;
  }

  override createHelp(): Help {
    return Object.assign(new LocalHelp(CLI_TEXT[this.lang]), this.configureHelp());
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(`shinchoku: ${localUsageError(message, errorOptions?.code, CLI_TEXT[this.lang])}`, errorOptions);
  }
}

/** An option limited to some values, refused in the catalogue's words. */
export function choiceOption(flags: string, description: string, choices: readonly string[], T: CliText): Option {
  return new Option(flags, description).choices(choices).argParser((v: string) => {
    if (!choices.includes(v)) throw new InvalidArgumentError(T.invalidChoice(choices));
    return v;
  });
}

/**
 * --year: 令和2, R2, 令和2年度, 2020 (full-width too), read by the core's year tokens — the value must
 * be one whole token; 年度 may be left out.
 */
export function parseYearOption(value: string): number | null {
  const text = value.normalize("NFKC").trim();
  const whole = (t: string): number | null => {
    const tokens = findYearTokens(t, null);
    return tokens.length === 1 && tokens[0].start === 0 && tokens[0].end === t.length ? tokens[0].year : null;
  };
  const year = whole(text) ?? (text.endsWith("年度") ? null : whole(`${text}年度`));
  return year !== null && year >= 1926 && year <= 2099 ? year : null;
}

export function yearParser(T: CliText): (v: string) => number {
  return (v) => {
    const y = parseYearOption(v);
    if (y === null) throw new InvalidArgumentError(T.invalidYear);
    return y;
  };
}

/** --phase: 期末/中間, or final/interim. */
export function phaseParser(T: CliText): (v: string) => "final" | "interim" {
  return (v) => {
    const s = v.normalize("NFKC").trim().toLowerCase();
    if (s === "期末" || s === "final") return "final";
    if (s === "中間" || s === "interim") return "interim";
    throw new InvalidArgumentError(T.invalidPhase);
  };
}

/** The package's version (package.json above this file, from src/ or build/src/). */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    try {
      const json = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (json.name === "shinchoku" && json.version) return json.version;
    } catch {
      /* not here */
    }
    if (path.dirname(dir) === dir) return "0.0.0";
  }
}
