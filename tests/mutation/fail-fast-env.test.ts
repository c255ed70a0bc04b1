/**
 * The mutation runs' test environment (fail-fast-env.js) skips the tests not yet started once one fails.
 * It must never turn a failure into a green run: a failing test or a failing beforeAll still fails the run.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ENV = path.join(__dirname, "fail-fast-env.js");
const JEST = require.resolve("jest/bin/jest");

function run(source: string): { code: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-ffe-"));
  try {
    fs.writeFileSync(path.join(dir, "a.test.js"), source);
    fs.writeFileSync(path.join(dir, "jest.config.js"), `module.exports = { rootDir: __dirname, testEnvironment: ${JSON.stringify(ENV)}, testMatch: ["<rootDir>/a.test.js"] };`);
    const r = spawnSync(process.execPath, [JEST, "-c", path.join(dir, "jest.config.js"), "--ci"], { encoding: "utf8" });
    return { code: r.status, out: r.stderr + r.stdout };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("fail-fast-env", () => {
  it("after a failing test, the tests not yet started are skipped and the run fails", () => {
    const r = run(`it("a", () => { throw new Error("x"); }); it("b", () => {}); describe("d", () => { it("c", () => {}); });`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Tests:\s+1 failed, 2 skipped, 3 total/);
  });

  it("a failing beforeAll fails its block's tests instead of skipping them (the run is red)", () => {
    const r = run(`describe("x", () => { beforeAll(() => { throw new Error("hook"); }); it("t1", () => {}); it("t2", () => {}); }); describe("y", () => { it("t3", () => {}); });`);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Tests:\s+2 failed, 1 skipped, 3 total/);
  });

  it("with nothing failing, every test runs", () => {
    const r = run(`it("a", () => {}); describe("d", () => { it("b", () => {}); });`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tests:\s+2 passed, 2 total/);
  });
});
