/** 「ワンクリック判定」: judges the active sheet with the document's settings, writes, and tells the outcome. */
import { countStatuses, GATEWAY_MESSAGES, resolveConfig, STATUS_CODES, STATUS_LABELS } from "../core";
import { assertRealContext } from "../excel/api";
import { toShinchokuError } from "../excel/errors";
import { checkSheet } from "../excel/gateway";
import { readSettings } from "../excel/settings";

/** 「12件中 達成8・概ね達成2・未達成1・未入力1」 (statuses with no item are left out). */
export function outcomeText(statuses: Parameters<typeof countStatuses>[0], errors: number): string {
  const counts = countStatuses(statuses);
  const parts = STATUS_CODES.filter((s) => counts[s] > 0).map((s) => `${STATUS_LABELS.ja[s]}${counts[s]}`);
  const head = `${statuses.length}件中 ${parts.join("・") || "項目なし"}`;
  return errors > 0 ? `${head}（入力の不備 ${errors}件: 作業ウィンドウの「チェック結果」で確認できます）` : head;
}

/**
 * How long the outcome stays up when the user does not close it. Event.completed(): "Indicates
 * that the add-in has completed processing and will automatically be closed." — the command's
 * runtime ends, and with it a dialog it opened (and Office ends a command that never completes,
 * after about five minutes). So the command completes when the dialog is closed (its 閉じる
 * button's message, or 12006 "The dialog box was closed, usually because the user chose the
 * Close button X"), and at the latest after this time, well under that limit. Chosen over a
 * notice in the sheet: the outcome is read once, and the sheet stays free of extra cells.
 */
export const DIALOG_TIMEOUT_MS = 120_000;

/** Dialog errors (12002 page not found, 12003 not https, 12006 closed by the user …) all end the wait. */
export function showDialog(message: string, timeoutMs = DIALOG_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve) => {
    let dialog: Office.Dialog | null = null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        dialog?.close();
      } catch {
        // already closed by the user
      }
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    try {
      const url = new URL("dialog.html", window.location.href);
      url.searchParams.set("m", message);
      Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (r) => {
        if (r.status !== Office.AsyncResultStatus.Succeeded) {
          console.error("Shinchoku: dialog failed", r.error);
          finish();
          return;
        }
        dialog = r.value;
        // The dialog's 閉じる button sends a message; closing it with its X raises 12006.
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, finish);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, finish);
      });
    } catch (e) {
      // Telling the outcome must never stop the command from completing.
      console.error("Shinchoku: cannot show the outcome", e);
      finish();
    }
  });
}

export async function judgeActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  let message: string;
  try {
    const config = resolveConfig(readSettings(Office.context.document.settings));
    // delayForCellEdit: a user typing in a cell delays the batch instead of failing it.
    const out = await Excel.run({ delayForCellEdit: true }, (ctx) => checkSheet(assertRealContext(ctx), { config, write: true }));
    const errors = out.report.issues.filter((i) => i.severity === "error").length;
    message = out.report.recognized ? outcomeText(out.report.items, errors) : GATEWAY_MESSAGES.ja["not-a-progress-sheet"];
  } catch (e) {
    message = toShinchokuError(e).message;
  }
  try {
    await showDialog(message);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("judgeActiveSheet", judgeActiveSheet);
});
