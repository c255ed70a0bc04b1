/** Messages between the preview page and its round worker. */
import type { FileResult } from "../cli/model";

export interface Submission {
  /** The name the round gives it: the file's name, or its path inside a dropped or picked folder. */
  name: string;
  file: Blob;
}

export type ToWorker = { type: "judge"; files: Submission[] } | { type: "copies" };

export type FromWorker =
  | { type: "reading"; index: number; total: number; name: string }
  | { type: "result"; index: number; result: FileResult }
  | { type: "done" }
  | { type: "copies"; zip: Uint8Array | null }
  | { type: "failed"; message: string };
