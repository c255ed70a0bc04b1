/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import type { FileResult } from "../../src/cli/model";
import { finalizeWorkbook, judge } from "../../src/core";
import { RoundView } from "../../src/preview/Round";
import type { FromWorker, Submission, ToWorker } from "../../src/preview/round-protocol";
import { progressSheet, seedFromTsv } from "../helpers/sheet";

/** A worker that answers from prepared results, on demand (`step`), so each state can be seen. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  terminated = false;
  files: Submission[] = [];
  constructor(private readonly results: Map<string, FileResult>) {}
  postMessage(m: ToWorker) {
    if (m.type === "judge") this.files = m.files;
  }
  terminate() {
    this.terminated = true;
  }
  emit(m: FromWorker) {
    act(() => this.onmessage?.({ data: m } as MessageEvent<FromWorker>));
  }
  step(i: number) {
    this.emit({ type: "reading", index: i, total: this.files.length, name: this.files[i].name });
    this.emit({ type: "result", index: i, result: this.results.get(this.files[i].name)! });
  }
  finish() {
    this.files.forEach((_, i) => this.step(i));
    this.emit({ type: "done" });
  }
}

const ok = (file: string, title: string): FileResult => ({ file, error: null, writtenTo: null, sheets: finalizeWorkbook([judge(progressSheet(title, [[1, "A", "2年度 5件", "5件"]]))]) });
const results = new Map<string, FileResult>([
  ["a.xlsx", ok("a.xlsx", "令和2年度 総務部会")],
  ["b.xlsx", { file: "b.xlsx", error: null, writtenTo: null, sheets: [judge(seedFromTsv())] }],
  ["z-broken.xlsx", { file: "z-broken.xlsx", error: { code: "corrupt", message: "z-broken.xlsx: 壊れています" }, writtenTo: null, sheets: [] }],
]);
const subs: Submission[] = [...results.keys()].map((name) => ({ name, file: new Blob([]) }));

function setup() {
  const w = new FakeWorker(results);
  render(
    <FluentProvider theme={webLightTheme}>
      <RoundView lang="ja" submissions={subs} worker={() => w as unknown as Worker} />
    </FluentProvider>,
  );
  return w;
}

const bodyRows = () => within(screen.getByRole("table", { name: "提出状況" })).getAllByRole("row").slice(1);

describe("the round view", () => {
  it("shows the file being read; the downloads wait for the end", () => {
    const w = setup();
    w.step(0);
    expect(screen.getByText("1 / 3 件目を読み込み中: a.xlsx")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^集計をダウンロード/ })).toBeDisabled();
    w.finish();
    expect(screen.getByRole("button", { name: /^集計をダウンロード/ })).toBeEnabled();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("errors first by default; a heading sorts, a second click reverses", () => {
    const w = setup();
    w.finish();
    expect(bodyRows()[0]).toHaveAttribute("data-state", "unreadable");
    expect(bodyRows()[0]).toHaveTextContent("z-broken.xlsx");
    fireEvent.click(screen.getByRole("columnheader", { name: "ファイルで並べ替え" }));
    expect(bodyRows().map((r) => r.children[1].textContent)).toEqual(["a.xlsx", "b.xlsx", "z-broken.xlsx"]);
    fireEvent.click(screen.getByRole("columnheader", { name: "ファイルで並べ替え" }));
    expect(bodyRows().map((r) => r.children[1].textContent)).toEqual(["z-broken.xlsx", "b.xlsx", "a.xlsx"]);
    expect(screen.getByRole("columnheader", { name: "ファイルで並べ替え" })).toHaveAttribute("aria-sort", "descending");
  });

  it("中止 ends the worker and says how far the round got", () => {
    const w = setup();
    w.step(0);
    fireEvent.click(screen.getByRole("button", { name: "中止" }));
    expect(w.terminated).toBe(true);
    expect(screen.getByText("中止しました（3 件中 1 件まで確認済み）。")).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(1);
  });
});
