/**
 * @jest-environment jsdom
 */
import { judge } from "../../src/core";
import { progressSheet } from "../helpers/sheet";

// The ribbon module registers itself on Office.onReady; give it a minimal Office global.
const associate = jest.fn();
(globalThis as unknown as { Office: unknown }).Office = { onReady: (f: () => void) => f(), actions: { associate } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { outcomeText, judgeActiveSheet } = require("../../src/commands/commands") as typeof import("../../src/commands/commands");

describe("ワンクリック判定", () => {
  it("registers judgeActiveSheet, the manifest's FunctionName", () => {
    expect(associate).toHaveBeenCalledWith("judgeActiveSheet", judgeActiveSheet);
  });

  it("summarises the outcome as 「N件中 達成…」 leaving out empty statuses", () => {
    const r = judge(progressSheet("令和2年度", [[1, "A", "2年度 5件", "5件"], [2, "B", "2年度 5件", "3件"], [3, "C", "2年度 5件", ""]]));
    expect(outcomeText(r.items, 0)).toBe("3件中 達成1・未達成1・未入力1");
    expect(outcomeText(r.items, 1)).toContain("入力の不備 1件");
  });

  it("always calls event.completed(), even when Excel fails", async () => {
    const completed = jest.fn();
    const dialogs: string[] = [];
    const g = globalThis as unknown as Record<string, unknown>;
    g.Office = {
      onReady: () => undefined,
      actions: { associate },
      AsyncResultStatus: { Succeeded: "succeeded" },
      context: {
        document: { settings: { get: () => null } },
        ui: { displayDialogAsync: (url: string) => dialogs.push(new URL(url).searchParams.get("m") ?? "") },
      },
    };
    g.Excel = { run: () => Promise.reject({ code: "InvalidOperationInCellEditMode" }) };
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await judgeActiveSheet({ completed } as unknown as Office.AddinCommands.Event);
    spy.mockRestore();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(dialogs[0]).toContain("セルを編集中");
  });
});
