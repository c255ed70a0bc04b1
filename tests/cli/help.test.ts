/** Issue 12 point 2: help, usage errors, choices and defaults in Japanese (English on request), 80 columns, --version, --year/--phase forms, errors on stderr. */
import * as fs from "fs";
import * as path from "path";
import { fixture } from "../helpers/shared";
import { cli, width } from "./io";

const SEED = fixture("seed-jinji-zaisei-r2.libreoffice.xlsx");
const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string }).version;

describe("help", () => {
  it.each([[[]], [["check"]], [["report"]], [["undo"]]])("shinchoku %j --help is Japanese and fits 80 columns with hanging indents", async (sub) => {
    const { code, out } = await cli([...sub, "--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^使い方: shinchoku /);
    expect(out).toContain("オプション:");
    expect(out).not.toMatch(/Usage:|Options:|Commands:|Arguments:|display help|\[options\]/);
    const lines = out.trimEnd().split("\n");
    for (const line of lines) expect([line, width(line)]).toEqual([line, Math.min(width(line), 80)]);
    // Every line of an option or command list is indented: nothing wraps back to column 0.
    const listStart = lines.findIndex((l) => l === "オプション:" || l === "引数:");
    for (const line of lines.slice(listStart)) if (line !== "" && !line.endsWith(":")) expect(line).toMatch(/^ {2}/);
  });

  it("wraps a long description under its own column (hanging indent) and names choices and defaults in Japanese", async () => {
    const { out } = await cli(["check", "--help"]);
    const lines = out.split("\n");
    const i = lines.findIndex((l) => l.startsWith("  --in-place"));
    const column = lines[i].indexOf("入力");
    expect(lines[i + 1]).toMatch(new RegExp(`^ {${column}}\\S`));
    const joined = out.replace(/\s+/g, "");
    expect(joined).toContain("出力形式（table:表、json:JSON、csv:CSV）（選択肢:table・json・csv、既定:table）");
    expect(joined).toContain("（選択肢:期末・中間）");
    expect(out).toMatch(/-h, --help +この使い方を表示する/);
  });

  it("main help lists commands, help and version in Japanese", async () => {
    const { out } = await cli(["--help"]);
    expect(out).toContain("コマンド:");
    expect(out).toMatch(/-V, --version +バージョンを表示する/);
    expect(out).toMatch(/help \[コマンド\] +コマンドの使い方を表示する/);
  });

  it("--version prints the package's version", async () => {
    const r = await cli(["--version"]);
    expect(r).toEqual({ code: 0, out: `${VERSION}\n`, err: "" });
  });

  it("is English with LANG=en* or --lang en, Japanese with --lang ja", async () => {
    const en = await cli(["check", "--help"], { LANG: "en_US.UTF-8" });
    expect(en.out).toMatch(/^Usage: shinchoku check \[options\]/);
    expect(en.out.replace(/\n +/g, " ")).toContain("(choices: table, json, csv; default: table)");
    expect((await cli(["--lang", "en", "check", "--help"])).out).toContain("Options:");
    expect((await cli(["check", "--help", "--lang", "ja"], { LANG: "en_GB.UTF-8" })).out).toContain("オプション:");
    // Every command's help and the top level: no Japanese left in English (undo's was written outside the catalogue).
    for (const sub of [[], ["check"], ["report"], ["undo"]]) {
      const help = (await cli([...sub, "--help"], { LANG: "en_US.UTF-8" })).out;
      // Words a user types or a file's name stay as they are: 集計.xlsx, 令和2年度, 期末/中間.
      const japanese = (help.match(/[\u3040-\u30ff\u4e00-\u9fff]+/g) ?? []).filter((w) => !["集計", "令和", "年度", "期末", "中間"].includes(w));
      expect({ sub, japanese }).toEqual({ sub, japanese: [] });
    }
    const bad = await cli(["check", SEED, "--phase", "end"], { LANG: "en_US.UTF-8" });
    expect(bad.err).toContain('--phase: "end" is not valid');
  });
});

describe("usage errors", () => {
  it.each([
    [["check", SEED, "--fromat", "json"], "--fromat というオプションはありません。--format のことですか？"],
    [["report", SEED], "オプション --out <dir> は必須です。"],
    [["check"], "引数 <files> を指定してください。"],
    [["chek", SEED], "chek というコマンドはありません"],
    [["check", SEED, "--phase", "end"], "--phase の値「end」は使えません。期末・中間（または final・interim）を指定してください。"],
    [["check", SEED, "--format", "xml"], "--format の値「xml」は使えません。table・json・csv のどれかを指定してください。"],
    [["check", SEED, "--year", "3"], "--year の値「3」は使えません。"],
    [["check", SEED, "--year"], "オプション --year <year> に値を指定してください。"],
    [["check", SEED, "--verbose", "--quiet"], "--verbose と --quiet は同時に使えません。"],
    [["undo", "a.xlsx", "b.xlsx"], "引数が多すぎます"],
  ])("%j: exit 2, one Japanese line on stderr, nothing on stdout", async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(`shinchoku: ${message}`);
    expect(r.err).toContain("（shinchoku --help で使い方を表示）");
    expect(r.err).not.toMatch(/error:|Allowed choices|argument missing|not specified/);
  });

  it("a missing file's message goes to stderr, with no table after it", async () => {
    const r = await cli(["check", "/nonexistent/nope.xlsx"]);
    expect(r).toEqual({ code: 2, out: "", err: "shinchoku: /nonexistent/nope.xlsx: ファイルが見つかりません。パスを確認してください。\n" });
    const json = await cli(["check", "/nonexistent/nope.xlsx", "--format", "json"]);
    expect(JSON.parse(json.out).files[0].error.code).toBe("file-not-found");
    expect(json.err).toContain("ファイルが見つかりません");
  });
});

describe("--year and --phase", () => {
  const targetFor = async (...args: string[]) => {
    const r = await cli(["check", SEED, "--format", "json", ...args]);
    expect(r.err).toBe("");
    const sheet = JSON.parse(r.out).files[0].sheets[0];
    return [sheet.fiscalYear, sheet.phase, sheet.items[0].kpis[0].target];
  };

  it.each(["令和3", "R3", "r3", "令和3年度", "2021", "2021年度", "令和３年度", "Ｒ３"])("--year %s is 令和3年度", async (y) => {
    expect(await targetFor("--year", y)).toEqual([2021, "final", 22]);
  });

  it("--year 令和元 is 2019; without --year the title decides (令和2年度)", async () => {
    expect((await targetFor("--year", "令和元"))[0]).toBe(2019);
    expect(await targetFor()).toEqual([2020, "final", 21]);
  });

  it.each(["3", "令和", "2021年3月", "R3x", "平成", "abc"])("--year %s is refused", async (y) => {
    const r = await cli(["check", SEED, "--year", y]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("令和2、R2、令和2年度、2020 のように指定してください");
  });

  it.each([["期末", "final"], ["中間", "interim"], ["final", "final"], ["interim", "interim"]])("--phase %s", async (p, phase) => {
    expect((await targetFor("--phase", p))[1]).toBe(phase);
  });
});
