/**
 * @jest-environment jsdom
 */
import { judge } from "../../src/core";
import { progressSheet } from "../helpers/sheet";

// The ribbon module registers itself on Office.onReady; give it a minimal Office global.
const associate = jest.fn();
(globalThis as unknown as { Office: unknown }).Office = { onReady: (f: () => void) => f(), actions: { associate } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { outcomeText, judgeActiveSheet, DIALOG_TIMEOUT_MS } = require("../../src/commands/commands") as typeof import("../../src/commands/commands");

type Handler = (arg: unknown) => void;
interface FakeDialog {
  handlers: Map<string, Handler>;
  closed: boolean;
}

/** An Office global whose displayDialogAsync opens a dialog the test drives, and an Excel.run that fails as given. */
function host(opts: { dialogFails?: boolean; runError?: unknown } = {}) {
  const dialogs: { message: string; dialog: FakeDialog }[] = [];
  const runs: unknown[] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  g.Office = {
    onReady: () => undefined,
    actions: { associate },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      document: { settings: { get: () => null } },
      ui: {
        displayDialogAsync: (url: string, _o: unknown, cb: (r: unknown) => void) => {
          const dialog: FakeDialog = { handlers: new Map(), closed: false };
          dialogs.push({ message: new URL(url).searchParams.get("m") ?? "", dialog });
          if (opts.dialogFails) cb({ status: "failed", error: { code: 12007 } });
          else
            cb({
              status: "succeeded",
              value: { addEventHandler: (t: string, h: Handler) => dialog.handlers.set(t, h), close: () => (dialog.closed = true) },
            });
        },
      },
    },
  };
  g.Excel = {
    run: (options: unknown) => {
      runs.push(options);
      return Promise.reject(opts.runError ?? { code: "InvalidOperationInCellEditMode" });
    },
  };
  return { dialogs, runs };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe("ワンクリック判定", () => {
  let spy: jest.SpyInstance;
  beforeEach(() => (spy = jest.spyOn(console, "error").mockImplementation(() => undefined)));
  afterEach(() => {
    spy.mockRestore();
    jest.useRealTimers();
  });

  it("registers judgeActiveSheet, the manifest's FunctionName", () => {
    expect(associate).toHaveBeenCalledWith("judgeActiveSheet", judgeActiveSheet);
  });

  it("summarises the outcome as 「N件中 達成…」 leaving out empty statuses", () => {
    const r = judge(progressSheet("令和2年度", [[1, "A", "2年度 5件", "5件"], [2, "B", "2年度 5件", "3件"], [3, "C", "2年度 5件", ""]]));
    expect(outcomeText(r.items, 0)).toBe("3件中 達成1・未達成1・未入力1");
    expect(outcomeText(r.items, 1)).toContain("入力の不備 1件");
  });

  it("runs with delayForCellEdit: true, so typing in a cell delays the batch instead of failing it", async () => {
    const { runs, dialogs } = host();
    const done = judgeActiveSheet({ completed: jest.fn() } as unknown as Office.AddinCommands.Event);
    await flush();
    dialogs[0].dialog.handlers.get("dialogMessageReceived")?.({ message: "close" });
    await done;
    expect(runs[0]).toEqual({ delayForCellEdit: true });
  });

  it("keeps the command alive while the dialog is open: completes when the dialog says 閉じる, closing it", async () => {
    const completed = jest.fn();
    const { dialogs } = host();
    const done = judgeActiveSheet({ completed } as unknown as Office.AddinCommands.Event);
    await flush();
    expect(dialogs[0].message).toContain("セルを編集中");
    expect(completed).not.toHaveBeenCalled();
    dialogs[0].dialog.handlers.get("dialogMessageReceived")?.({ message: "close" });
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs[0].dialog.closed).toBe(true);
  });

  it("completes when the user closes the dialog with its X (DialogEventReceived 12006)", async () => {
    const completed = jest.fn();
    const { dialogs } = host();
    const done = judgeActiveSheet({ completed } as unknown as Office.AddinCommands.Event);
    await flush();
    expect(completed).not.toHaveBeenCalled();
    dialogs[0].dialog.handlers.get("dialogEventReceived")?.({ error: 12006 });
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes at the latest after a timeout well under the 5-minute limit", async () => {
    jest.useFakeTimers();
    const completed = jest.fn();
    host();
    const done = judgeActiveSheet({ completed } as unknown as Office.AddinCommands.Event);
    await jest.advanceTimersByTimeAsync(DIALOG_TIMEOUT_MS - 1000);
    expect(completed).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2000);
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(DIALOG_TIMEOUT_MS).toBeLessThanOrEqual(150_000);
  });

  it("always calls event.completed(), even when Excel and the dialog both fail", async () => {
    const completed = jest.fn();
    const { dialogs } = host({ dialogFails: true, runError: { code: "GeneralException" } });
    await judgeActiveSheet({ completed } as unknown as Office.AddinCommands.Event);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs[0].message).toContain("Excel の内部でエラー");
  });
});

describe("the outcome dialog (dialog.html)", () => {
  it("sends messageParent only after Office.onReady has resolved", async () => {
    document.body.innerHTML = '<p id="message"></p><button id="close" type="button">閉じる</button>';
    window.history.replaceState(null, "", "/dialog.html?m=" + encodeURIComponent("3件中 達成3"));
    let ready: () => void = () => undefined;
    const messageParent = jest.fn();
    (globalThis as unknown as { Office: unknown }).Office = {
      onReady: () => new Promise<void>((r) => (ready = r)),
      context: { ui: { messageParent } },
    };
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../../src/commands/dialog");
    });
    const button = document.getElementById("close") as HTMLButtonElement;
    expect(document.getElementById("message")?.textContent).toBe("3件中 達成3");
    button.click();
    expect(messageParent).not.toHaveBeenCalled();
    ready();
    await flush();
    button.click();
    expect(messageParent).toHaveBeenCalledWith("close");
  });
});
