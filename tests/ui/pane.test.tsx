/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import * as React from "react";
import { type CheckRequest, type CheckResult, type ConfigInput, judge, type WorkbookPort } from "../../src/core";
import { App } from "../../src/taskpane/App";
import { progressSheet, seedFromTsv, sheet } from "../helpers/sheet";

class FakePort implements WorkbookPort {
  calls: CheckRequest[] = [];
  selected: string[] = [];
  saved: ConfigInput[] = [];
  gate: Promise<void> | null = null;
  constructor(private result: () => CheckResult | Promise<CheckResult>) {}
  async listSheets() {
    return ["S"];
  }
  async activeSheet() {
    return "S";
  }
  async check(r: CheckRequest) {
    this.calls.push(r);
    if (this.gate) await this.gate;
    return this.result();
  }
  async undoLast() {
    return true;
  }
  async select(s: string, cell: string) {
    this.selected.push(`${s}!${cell}`);
  }
  async loadSettings() {
    return {};
  }
  async saveSettings(s: ConfigInput) {
    this.saved.push(s);
  }
}

const seedResult = (): CheckResult => ({ reports: [judge(seedFromTsv())], written: true });

describe("task pane states", () => {
  it("idle: a primary 判定する button and settings, every control named", async () => {
    render(<App port={new FakePort(seedResult)} lang="ja" />);
    expect(screen.getByRole("button", { name: "判定する" })).toBeEnabled();
    expect(screen.getByRole("switch", { name: "全シート" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "書き戻さずにチェックのみ" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "元に戻す" })).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "判定結果" })).toBeNull();
  });

  it("running: the button is disabled and a second click starts nothing", async () => {
    let release!: () => void;
    const port = new FakePort(seedResult);
    port.gate = new Promise((r) => (release = r));
    render(<App port={port} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    await screen.findByRole("button", { name: "判定中…" });
    expect(screen.getByRole("button", { name: "判定中…" })).toBeDisabled();
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "判定中…" }));
    await act(async () => release());
    await screen.findByRole("list", { name: "判定結果" });
    expect(port.calls).toHaveLength(1);
  });

  it("result: counts, 判定結果 entries with KPI detail, チェック結果 selecting cells", async () => {
    const input = progressSheet("令和2年度", [[1, "A", "2年度 5件", "5件"], [2, "B", "2年度 5件", ""]]);
    const port = new FakePort(() => ({ reports: [judge(input)], written: true }));
    render(<App port={port} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    const list = await screen.findByRole("list", { name: "判定結果" });
    expect(within(list).getAllByRole("listitem").filter((li) => li.className === "item")).toHaveLength(2);
    expect(screen.getByText("達成 1")).toBeInTheDocument();
    expect(screen.getByText("未入力 1")).toBeInTheDocument();
    fireEvent.click(within(list).getAllByRole("button", { name: "KPI の内訳" })[0]);
    const kpi = list.querySelector(".kpis li");
    expect(kpi?.textContent).toContain("目標: 5件");
    expect(kpi?.textContent).toContain("達成率: 100.0%");
    const issues = screen.getByRole("list", { name: "チェック結果" });
    fireEvent.click(within(issues).getByRole("button", { name: /G5 を選択/ }));
    await waitFor(() => expect(port.selected).toEqual(["Sheet1!G5"]));
    expect(port.calls[0]).toMatchObject({ sheet: "S", write: true });
  });

  it("error: a MessageBar in plain Japanese, never a stack", async () => {
    const port = new FakePort(() => Promise.reject(Object.assign(new Error("シートが保護されているため書き込めません。"), { code: "protected" })));
    render(<App port={port} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("シートが保護されているため書き込めません。");
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    port.check = () => Promise.reject(new TypeError("x is undefined"));
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("判定できませんでした"));
    expect(screen.getByRole("alert")).not.toHaveTextContent("TypeError");
    spy.mockRestore();
  });

  it("empty sheet and not a progress sheet get their own message", async () => {
    const port = new FakePort(() => ({ reports: [judge(sheet([]))], written: false }));
    const { unmount } = render(<App port={port} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    expect(await screen.findByText(/このシートは空です/)).toBeInTheDocument();
    unmount();
    render(<App port={new FakePort(() => ({ reports: [judge(sheet([["メモ"], ["a", "b"]]))], written: false }))} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    expect(await screen.findByText(/進捗状況シートではありません/)).toBeInTheDocument();
  });

  it("shows cell text as text only", async () => {
    const input = progressSheet("令和2年度", [[1, '<img src=x onerror="alert(1)">', "2年度 5件", "5件"]]);
    const { container } = render(<App port={new FakePort(() => ({ reports: [judge(input)], written: true }))} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    await screen.findByRole("list", { name: "判定結果" });
    expect(container.querySelector("img")).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
  });

  it("names the layout and shows each KPI's evidence, the deciding words in bold, as text only", async () => {
    const input = sheet([["令和5年度 KPI"], ["指標名", "目標値", "実績値"], ["受講率", "80%以上", '<b>82.1%</b><img src=x onerror="alert(1)">']]);
    const { container } = render(<App port={new FakePort(() => ({ reports: [judge(input)], written: false }))} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "判定する" }));
    const list = await screen.findByRole("list", { name: "判定結果" });
    expect(screen.getByText(/様式: KPI表/)).toBeInTheDocument();
    fireEvent.click(within(list).getByRole("button", { name: "KPI の内訳" }));
    const evidence = within(list).getByRole("list", { name: /① 判定の根拠/ });
    expect(evidence.textContent).toContain("目標: B3 「80%以上」");
    expect(evidence.textContent).toContain('実績: C3 「<b>82.1%</b><img src=x onerror="alert(1)">」');
    const bold = [...evidence.querySelectorAll("strong")].map((b) => b.textContent);
    expect(bold).toEqual(["80%以上", "82.1%"]);
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector(".evidence b")).toBeNull();
  });

  it("English when asked, and check-only passes write: false; settings are saved", async () => {
    const port = new FakePort(seedResult);
    render(<App port={port} lang="en" />);
    fireEvent.click(screen.getByRole("checkbox", { name: "Check only, do not write" }));
    fireEvent.click(screen.getByRole("button", { name: "Judge" }));
    await screen.findByRole("list", { name: "Results" });
    expect(port.calls[0].write).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.change(screen.getByRole("spinbutton", { name: /Fiscal year/ }), { target: { value: "2021" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(port.saved[0]).toMatchObject({ fiscalYear: 2021, phase: "final", mostlyThreshold: 0.8 }));
  });

  it("settings: the layout can be forced and a rubric chosen", async () => {
    const port = new FakePort(seedResult);
    render(<App port={port} lang="ja" />);
    fireEvent.click(screen.getByRole("button", { name: "設定" }));
    fireEvent.change(screen.getByRole("combobox", { name: "様式" }), { target: { value: "kpi-table" } });
    fireEvent.change(screen.getByRole("combobox", { name: "評価基準" }), { target: { value: "abcd" } });
    fireEvent.click(screen.getByRole("button", { name: "設定を保存" }));
    await waitFor(() => expect(port.saved[0]).toMatchObject({ layout: "kpi-table", rubric: "abcd" }));
  });
});
