/** Expands the command's inputs: files, folders (recursively) and glob patterns, deduplicated. */
import { promises as fs } from "fs";
import * as path from "path";

const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;
const isHidden = (name: string): boolean => name.startsWith(".") || name.startsWith("~$");

export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*") {
      if (pattern[i + 1] === "*") {
        re += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
        i += pattern[i + 2] === "/" ? 2 : 1;
      } else re += "[^/]*";
    } else if (ch === "?") re += "[^/]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

async function walk(dir: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (isHidden(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) await walk(full, out);
    else if (e.isFile()) out.push(full);
  }
}

export interface ExpandedInputs {
  files: string[];
  /** Inputs that matched nothing (for a clear message). */
  unmatched: string[];
}

/**
 * Files are kept as given (even with another extension: the check then says what is wrong);
 * folders and globs contribute their .xlsx/.xlsm/.xls/.ods files, Office lock files (~$…) and hidden
 * files excluded. The same file named twice is checked once.
 */
export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = async (f: string) => {
    const real = await fs.realpath(f).catch(() => path.resolve(f));
    if (seen.has(real)) return;
    seen.add(real);
    files.push(f);
  };
  for (const input of inputs) {
    const normalized = input.split(path.sep).join("/");
    if (/[*?]/.test(normalized)) {
      const parts = normalized.split("/");
      const fixed: string[] = [];
      while (parts.length > 0 && !/[*?]/.test(parts[0])) fixed.push(parts.shift() as string);
      const base = fixed.length === 0 ? "." : fixed.join("/") || "/";
      const re = globToRegExp(parts.join("/"));
      const found: string[] = [];
      await walk(base, found);
      const matched = found.filter((f) => re.test(path.relative(base, f).split(path.sep).join("/")) && WORKBOOK.test(f));
      if (matched.length === 0) unmatched.push(input);
      for (const f of matched) await add(f);
      continue;
    }
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      await walk(input, found);
      const books = found.filter((f) => WORKBOOK.test(f));
      if (books.length === 0) unmatched.push(input);
      for (const f of books) await add(f);
    } else await add(input); // a missing or odd file is reported by the check itself
  }
  return { files, unmatched };
}

/** The round's configuration file: shinchoku.config.json beside the inputs (the first found). */
export async function findConfigFile(inputs: readonly string[]): Promise<string | null> {
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    const dir = stat?.isDirectory() ? input : path.dirname(input.split(/[*?]/)[0] || ".");
    const candidate = path.join(dir, "shinchoku.config.json");
    if (await fs.stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
  }
  return null;
}
