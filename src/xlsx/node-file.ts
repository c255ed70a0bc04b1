/**
 * Workbook files on disk (Node only; the browser hands bytes to readWorkbook directly): reading
 * with the checks that come before any parsing, and writing through a temporary file and a
 * rename, so that a crash or a full disk never leaves half a file in place of a good one.
 */
import * as fs from "fs";
import * as path from "path";
import { FILE_LIMITS } from "../core/messages-file";
import * as zlib from "zlib";
import { fileError, FileError } from "./format";
import { codecs } from "./zip";
import "./read-legacy"; // the CLI reads .xls and .ods

codecs.deflate = (data, level) => zlib.deflateRawSync(data, { level });
// maxOutputLength: a lying size in the directory cannot make it inflate more than declared (+1 to notice).
codecs.inflate = (data, size) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, size + 1) });
const nativeCrc = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
if (nativeCrc) codecs.crc32 = (data) => nativeCrc(data) >>> 0;

/** A file's bytes, after checking that it is a readable, non-empty, not oversized file. */
export function readFileBytes(file: string): Uint8Array {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    throw fileError((e as NodeJS.ErrnoException).code === "ENOENT" ? "file-not-found" : "read-failed", file, String(e));
  }
  if (!stat.isFile()) throw fileError("not-a-file", file);
  if (stat.size === 0) throw fileError("empty-file", file);
  if (stat.size > FILE_LIMITS.maxFileBytes) throw fileError("too-large", file);
  try {
    const buf = fs.readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  } catch (e) {
    throw fileError("read-failed", file, String(e));
  }
}

/** Test hook: called between the steps of a save (fault injection for the no-data-lost tests). */
export const saveHooks: { step?: (name: "tmp-written" | "before-rename") => void } = {};

/** Writes bytes atomically: a temporary file beside the target, then a rename. */
export function writeFileAtomically(bytes: Uint8Array, target: string, like?: string): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    saveHooks.step?.("tmp-written");
    if (like) {
      // The written file keeps the original's mode (and owner, where permitted) and timestamps.
      const st = fs.statSync(like);
      fs.chmodSync(tmp, st.mode & 0o7777);
      try {
        fs.chownSync(tmp, st.uid, st.gid);
      } catch {
        /* not permitted: keep ours */
      }
      fs.utimesSync(tmp, st.atime, st.mtime);
    }
    saveHooks.step?.("before-rename");
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* the folder itself is not writable: there is no temporary file */
    }
    if (e instanceof FileError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? "";
    const kind = code === "EACCES" || code === "EPERM" || code === "EROFS" ? "write-denied" : code === "ENOSPC" ? "disk-full" : code === "ENOENT" ? "write-no-folder" : "write-failed";
    throw fileError(kind, target, String(e));
  }
}
