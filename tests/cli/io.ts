/** Runs `shinchoku` in-process with a chosen environment (LANG, COLUMNS) and terminal. */
import { main } from "../../src/cli/main";

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function cli(argv: string[], env: Record<string, string> = {}, tty?: { columns: number }): Promise<Run> {
  let out = "";
  let err = "";
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s), isTTY: tty !== undefined, columns: tty?.columns },
    stderr: { write: (s: string) => (err += s) },
    env: { LANG: "ja_JP.UTF-8", ...env },
  });
  return { code, out, err };
}

/** Display width as a terminal draws it: East Asian wide and full-width characters take two columns. */
export function width(line: string): number {
  let w = 0;
  for (const ch of line) w += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
