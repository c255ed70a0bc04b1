/**
 * Issue 12 point 1: `npm pack` holds what the command needs (bin/ and the built JS, no sources or
 * tests); `npm install -g` of the tarball into a temporary prefix gives a `shinchoku` that works
 * from another folder. The install is offline, from npm's cache (`--offline`); on a machine whose
 * cache lacks the dependencies it falls back to `--prefer-offline` (the registry for what is missing).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { name: string; version: string; bin: Record<string, string>; files: string[] };
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

jest.setTimeout(600_000);

let tmp: string;
let tarball: string;
let packed: string[];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-package-"));
  // `prepare` builds the CLI (tsc -p tsconfig.build.json) before packing.
  const r = spawnSync(npm, ["pack", "--json", "--pack-destination", tmp], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`npm pack failed: ${r.stderr}\n${r.stdout}`);
  const json = JSON.parse(r.stdout.slice(r.stdout.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, json[0].filename);
  packed = json[0].files.map((f) => f.path);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("npm pack", () => {
  it("holds bin/, the built CLI and its modules, package.json and README — no TypeScript sources, tests or benches", () => {
    expect(path.basename(tarball)).toBe(`${pkg.name}-${pkg.version}.tgz`);
    expect(packed).toEqual(expect.arrayContaining(["package.json", "README.md", "bin/shinchoku.js", "build/src/cli/main.js", "build/src/core/index.js", "build/src/xlsx/index.js", "build/src/core/messages-cli.js"]));
    expect(packed.filter((f) => /^(src|tests|bench|scripts|docs|assets|samples|dist|node_modules)\//.test(f) || /\.ts$/.test(f) || /^build\/(tests|bench|scripts)\//.test(f) || f.endsWith(".tsbuildinfo"))).toEqual([]);
  });

  it("package.json is ready to publish: bin, files, engines, repository, keywords", () => {
    const p = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, unknown>;
    expect(p.bin).toEqual({ shinchoku: "bin/shinchoku.js" });
    expect(p.engines).toEqual({ node: ">=20" });
    expect(p.repository).toMatchObject({ type: "git" });
    expect(p.keywords).toEqual(expect.arrayContaining(["kpi", "excel", "cli"]));
    expect(p.files).toEqual(expect.arrayContaining(["bin/"]));
  });
});

describe("npm install -g of the tarball", () => {
  it("gives a `shinchoku` that runs --version and checks a workbook from another folder", () => {
    const prefix = path.join(tmp, "prefix");
    const install = (mode: string) => spawnSync(npm, ["install", "-g", "--prefix", prefix, tarball, mode, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: tmp, encoding: "utf8" });
    let r = install("--offline");
    if (r.status !== 0 && /ENOTCACHED/.test(r.stderr)) r = install("--prefer-offline");
    if (r.status !== 0) throw new Error(`npm install -g failed: ${r.stderr}`);
    const bin = path.join(prefix, process.platform === "win32" ? "shinchoku.cmd" : "bin/shinchoku");
    expect(fs.existsSync(bin)).toBe(true);
    // Somewhere else entirely: a folder with only a copy of the sample, PATH without the project.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-elsewhere-"));
    fs.copyFileSync(path.join(ROOT, "samples/sample-r2.xlsx"), path.join(elsewhere, "sample-r2.xlsx"));
    const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ""}`, LANG: "ja_JP.UTF-8", COLUMNS: "80" };
    try {
      const version = spawnSync("shinchoku", ["--version"], { cwd: elsewhere, env, encoding: "utf8", shell: process.platform === "win32" });
      expect([version.status, version.stdout]).toEqual([0, `${pkg.version}\n`]);
      const check = spawnSync("shinchoku", ["check", "sample-r2.xlsx"], { cwd: elsewhere, env, encoding: "utf8", shell: process.platform === "win32" });
      expect(check.stdout).toContain("sample-r2.xlsx › ");
      expect(check.stdout).toMatch(/1ファイル 8件中 達成\d+/);
      expect(check.stderr).not.toContain("ビルドされていません");
      expect(check.status).toBe(1); // the sample has an item with an error-severity issue
      const help = spawnSync("shinchoku", ["--help"], { cwd: elsewhere, env, encoding: "utf8", shell: process.platform === "win32" });
      expect(help.stdout).toMatch(/^使い方: shinchoku/);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
