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
  async listSheets() {
    return ["S"];
  }
  async activeSheet() {
    return "S";
  }
  async check(): Promise<CheckResult> {
    return { reports: [judge(seedFromTsv())], written: true };
  }
  async undoLast() {
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
});
