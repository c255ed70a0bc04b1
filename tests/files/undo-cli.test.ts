/** `shinchoku undo` and `undo --all` after two --in-place writes (issue 12 point 6), on a file another producer wrote. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { readWorkbook } from "../../src/xlsx";

const SRC = path.join(__dirname, "corpus/openpyxl.xlsx");

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

const cells = (file: string) => readWorkbook(fs.readFileSync(file), "x.xlsx").sheets.map((s) => s.cells);

describe("shinchoku undo", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-undo-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("after two --in-place writes: undo, undo, then nothing to undo; the file as it was", async () => {
    const f = path.join(dir, "a.xlsx");
    fs.copyFileSync(SRC, f);
    await cli("check", f, "--in-place");
    const afterFirst = cells(f);
    await cli("check", f, "--in-place", "--phase", "interim");
    expect(cells(f)).not.toEqual(afterFirst);
    const one = await cli("undo", f);
    expect([one.code, one.out]).toEqual([0, expect.stringContaining("前回の書き込みを元に戻しました")]);
    expect(cells(f)).toEqual(afterFirst);
    const two = await cli("undo", f);
    expect([two.code, two.out]).toEqual([0, expect.stringContaining("最初に書き込む前の状態に戻しました")]);
    expect(cells(f)).toEqual(cells(SRC));
    const three = await cli("undo", f);
    expect(three.code).toBe(1);
    expect(three.err).toContain("元に戻せる書き込みがありません");
  });

  it("undo --all after two writes gives the original cells back at once", async () => {
    const f = path.join(dir, "b.xlsx");
    fs.copyFileSync(SRC, f);
    await cli("check", f, "--in-place");
    await cli("check", f, "--in-place", "--phase", "interim");
    const r = await cli("undo", f, "--all");
    expect(r.code).toBe(0);
    expect(cells(f)).toEqual(cells(SRC));
    expect(readWorkbook(fs.readFileSync(f), f).record).toBeNull();
  });
});
