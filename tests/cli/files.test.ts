/** Issue 12 point 5: files treated as the user expects (--write folders, read-only inputs, mode/owner/timestamps, Ctrl-C). */
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fixture } from "../helpers/shared";
import { cli } from "./io";
import { main } from "../../src/cli/main";

const SEED = fixture("seed-jinji-zaisei-r2.libreoffice.xlsx");
const sha = (f: string) => createHash("sha256").update(fs.readFileSync(f)).digest("hex");

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-files-"));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function copies(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const f = path.join(tmp, `in${i}.xlsx`);
    fs.copyFileSync(SEED, f);
    return f;
  });
}

describe("--write", () => {
  it("creates the folder (nested) for several files", async () => {
    const out = path.join(tmp, "a", "b", "judged");
    const r = await cli(["check", ...copies(2), "--write", out]);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(["in0.xlsx", "in1.xlsx"]);
  });

  it("creates the missing folder of a single output file, and writes into a folder named for one file", async () => {
    const [f] = copies(1);
    expect((await cli(["check", f, "--write", path.join(tmp, "new", "judged.xlsx")])).code).toBe(0);
    expect(fs.existsSync(path.join(tmp, "new", "judged.xlsx"))).toBe(true);
    fs.mkdirSync(path.join(tmp, "dir"));
    expect((await cli(["check", f, "--write", path.join(tmp, "dir")])).code).toBe(0);
    expect(fs.readdirSync(path.join(tmp, "dir"))).toEqual(["in0.xlsx"]);
    expect((await cli(["check", f, "--write", path.join(tmp, "slash") + "/"])).code).toBe(0);
    expect(fs.readdirSync(path.join(tmp, "slash"))).toEqual(["in0.xlsx"]);
  });

  it("refuses a folder that is a file, and the input's own folder", async () => {
    const files = copies(2);
    const r = await cli(["check", ...files, "--write", files[0]]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("フォルダーを指定してください");
    const same = await cli(["check", files[0], "--write", tmp]);
    expect(same.code).toBe(2);
    expect(same.err).toContain("入力ファイルと同じです");
  });
});

describe("--in-place", () => {
  it("refuses a read-only input with a Japanese message and never replaces it", async () => {
    const [ro, rw] = copies(2);
    fs.chmodSync(ro, 0o444);
    const before = { sha: sha(ro), ino: fs.statSync(ro).ino };
    const r = await cli(["check", ro, rw, "--in-place"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${ro}: 読み取り専用のファイルのため、--in-place では書き込みません（ファイルは変更していません）。`);
    const st = fs.statSync(ro);
    expect([sha(ro), st.ino, st.mode & 0o777]).toEqual([before.sha, before.ino, 0o444]);
    expect(sha(rw)).not.toBe(sha(SEED));
  });

  it("keeps the original's mode, owner (where permitted) and timestamps", async () => {
    const [f] = copies(1);
    fs.chmodSync(f, 0o640);
    const when = new Date("2021-03-31T09:00:00Z");
    fs.utimesSync(f, when, when);
    const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
    if (asRoot) fs.chownSync(f, 1234, 5678);
    const before = fs.statSync(f);
    expect((await cli(["check", f, "--in-place"])).code).toBe(0);
    const after = fs.statSync(f);
    expect(after.ino).not.toBe(before.ino); // replaced, not rewritten in place
    expect(after.mode & 0o7777).toBe(0o640);
    expect(after.mtime.getTime()).toBe(when.getTime());
    if (asRoot) expect([after.uid, after.gid]).toEqual([1234, 5678]);
  });
});

describe("Ctrl-C", () => {
  async function interrupted(argv: string[]): Promise<{ err: string; exit: jest.SpyInstance }> {
    let err = "";
    let sent = false;
    const exit = jest.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    await main(argv, {
      // SIGINT arrives as the first file's line is printed (files view: one line per file, as judged).
      stdout: { write: (s: string) => { if (!sent && s.includes("in0.xlsx")) { sent = true; process.emit("SIGINT"); } return true; } },
      stderr: { write: (s: string) => (err += s) },
      env: { LANG: "ja_JP.UTF-8" },
    });
    return { err, exit };
  }

  it("says 「中断しました。元のファイルは変更していません」 and exits 130", async () => {
    const files = copies(3);
    const before = files.map(sha);
    const { err, exit } = await interrupted(["check", ...files, "--write", path.join(tmp, "out")]);
    expect(err).toContain("中断しました。元のファイルは変更していません。");
    expect(exit).toHaveBeenCalledWith(130);
    expect(files.map(sha)).toEqual(before);
  });

  it("with --in-place, names how many files were written before it", async () => {
    const { err } = await interrupted(["check", ...copies(3), "--in-place"]);
    expect(err).toContain("中断しました。中断までに書き込んだ 1 ファイルのほかは、元のファイルは変更していません。");
  });

  it("is not listening once the command is over", async () => {
    const n = process.listenerCount("SIGINT");
    await cli(["check", SEED, "--quiet"]);
    expect(process.listenerCount("SIGINT")).toBe(n);
  });
});

describe("refusals before any output", () => {
  it("--write onto a file with several inputs prints no partial JSON; an unwritable --out is a Japanese usage error", async () => {
    const files = copies(2);
    const r = await cli(["check", ...files, "--write", files[0], "--format", "json"]);
    expect([r.code, r.out]).toEqual([2, ""]);
    fs.writeFileSync(path.join(tmp, "plain"), "x");
    const out = await cli(["report", ...files, "--out", path.join(tmp, "plain", "sub")]);
    expect(out.code).toBe(2);
    expect(out.err).toMatch(/^shinchoku: レポートを .* に書けません（(ENOTDIR|EEXIST)）。書き込めるフォルダーを指定してください。/);
  });
});
