/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import * as React from "react";
import { type CheckResult, type ConfigInput, judge, type WorkbookPort } from "../../src/core";
import { App } from "../../src/taskpane/App";
import { seedFromTsv } from "../helpers/sheet";

class Port implements WorkbookPort {
  undoResult = true;
  undoCalls: ({ all?: boolean } | undefined)[] = [];
  async listSheets() {
    return ["S"];
  }
  async activeSheet() {
    return "S";
  }
  async check(): Promise<CheckResult> {
    return { reports: [judge(seedFromTsv())], written: true };
  }
  async undoLast(options?: { all?: boolean }) {
    this.undoCalls.push(options);
    return this.undoResult;
  }
  async select() {}
  async loadSettings(): Promise<ConfigInput> {
    return {};
  }
  async saveSettings() {}
}

describe("task pane: rough edges", () => {
  it("after 元に戻す the results it showed are cleared (they described cells that are gone)", async () => {
    render(<App port={new Port()} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    await screen.findByRole("list", { name: "判定結果" });
    fireEvent.click(screen.getByRole("button", { name: "元に戻す" }));
    await screen.findByText("前回の書き込みを元に戻しました。");
    expect(screen.queryByRole("list", { name: "判定結果" })).toBeNull();
    expect(screen.queryByRole("region", { name: "判定の概要" })).toBeNull();
  });

  it("offers both undo choices: the last write, or back to before Shinchoku first wrote", async () => {
    const port = new Port();
    render(<App port={port} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "元に戻す" }));
    await screen.findByText("前回の書き込みを元に戻しました。");
    fireEvent.click(screen.getByRole("button", { name: "最初の状態に戻す" }));
    await screen.findByText("Shinchoku が最初に書き込む前の状態に戻しました。");
    expect(port.undoCalls).toEqual([undefined, { all: true }]);
  });

  it("when there was nothing to undo, the results stay", async () => {
    const port = new Port();
    port.undoResult = false;
    render(<App port={port} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    await screen.findByRole("list", { name: "判定結果" });
    fireEvent.click(screen.getByRole("button", { name: "元に戻す" }));
    await screen.findByText("元に戻せる書き込みがありません。");
    expect(screen.getByRole("list", { name: "判定結果" })).toBeInTheDocument();
  });

  it("評価年度 is shown as 令和N年度: the detected year and a typed one", async () => {
    render(<App port={new Port()} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    await screen.findByRole("list", { name: "判定結果" });
    fireEvent.click(screen.getByRole("button", { name: "設定" }));
    await screen.findByText("自動: 令和2年度（2020年度）");
    fireEvent.change(screen.getByRole("spinbutton", { name: "評価年度" }), { target: { value: "2019" } });
    await waitFor(() => expect(screen.getByText("令和元年度（2019年度）")).toBeInTheDocument());
  });

  it("一括チェック: only where the host offers it; progress on the button, the notice at the end, a failure shown", async () => {
    const { unmount } = render(<App port={new Port()} lang="ja" />);
    expect(screen.queryByRole("button", { name: "提出ファイルを一括チェック" })).toBeNull();
    unmount();
    let finish!: (notice: string) => void;
    const calls: { names: string[]; settings: ConfigInput }[] = [];
    const onRound = (files: File[], settings: ConfigInput, progress: (d: number, t: number) => void) => {
      calls.push({ names: files.map((f) => f.name), settings });
      progress(1, 2);
      return new Promise<string>((r) => (finish = r));
    };
    render(<App port={new Port()} lang="ja" onRound={onRound} />);
    const input = screen.getByLabelText("提出ファイルを一括チェック") as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["x"], "a.xlsx"), new File(["x"], "b.xlsx")] } });
    await screen.findByRole("button", { name: "一括チェック中… 1 / 2" });
    expect(screen.getByRole("button", { name: "一括チェック中… 1 / 2" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "判定する" })).toBeDisabled(); // one thing at a time
    finish("2 ファイルの集計を新しいブックに書き出しました（提出状況・KPI一覧・問題一覧）。");
    await screen.findByText("2 ファイルの集計を新しいブックに書き出しました（提出状況・KPI一覧・問題一覧）。");
    expect(calls).toEqual([{ names: ["a.xlsx", "b.xlsx"], settings: {} }]);
    expect(screen.getByRole("button", { name: "提出ファイルを一括チェック" })).toBeEnabled();
  });

  it("一括チェック that fails says so", async () => {
    const onRound = () => Promise.reject(Object.assign(new Error("x"), { code: "" }));
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    render(<App port={new Port()} lang="ja" onRound={onRound} />);
    fireEvent.change(screen.getByLabelText("提出ファイルを一括チェック"), { target: { files: [new File(["x"], "a.xlsx")] } });
    await screen.findByText("一括チェックの結果を書き出せませんでした。");
  });
});
