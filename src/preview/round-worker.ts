/**
 * The round's worker: reads and judges each submission off the page's thread (the page stays
 * responsive and can cancel by ending the worker). A self-contained bundle (no chunks to load):
 * the offline file starts it from a blob.
 */
import "../xlsx/read-legacy"; // .xls and .ods
import { resolveConfig } from "../core";
import { judgedCopy, judgeFileBytes } from "../report/judge-file";
import type { FileResult } from "../cli/model";
import { fileError } from "../xlsx";
import { writeZip } from "../xlsx/zip";
import type { FromWorker, Submission, ToWorker } from "./round-protocol";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const config = resolveConfig({});
let kept: Submission[] = [];

async function judgeAll(files: Submission[]): Promise<void> {
  kept = files;
  for (let i = 0; i < files.length; i++) {
    const { name, file } = files[i];
    scope.postMessage({ type: "reading", index: i, total: files.length, name });
    let result: FileResult;
    try {
      result = judgeFileBytes(new Uint8Array(await file.arrayBuffer()), name, config).result;
    } catch (e) {
      // One file the reader trips on is that file's error, not the end of the round.
      console.error("Shinchoku:", name, e);
      result = { file: name, error: { code: "read-failed", message: fileError("read-failed", name, String(e)).message }, sheets: [], writtenTo: null };
    }
    scope.postMessage({ type: "result", index: i, result });
  }
  scope.postMessage({ type: "done" });
}

async function copies(): Promise<void> {
  const entries: { name: string; data: Uint8Array }[] = [];
  for (const { name, file } of kept) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const copy = judgedCopy(bytes, name, judgeFileBytes(bytes, name, config), config);
    if (copy) entries.push({ name, data: copy });
  }
  const zip = entries.length > 0 ? writeZip(entries) : null;
  scope.postMessage({ type: "copies", zip }, zip ? [zip.buffer as ArrayBuffer] : []);
}

scope.onmessage = (e) => {
  const job = e.data.type === "judge" ? judgeAll(e.data.files) : copies();
  job.catch((err: unknown) => scope.postMessage({ type: "failed", message: String(err) }));
};
