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

function showDialog(message: string): void {
  try {
    const url = new URL("dialog.html", window.location.href);
    url.searchParams.set("m", message);
    Office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (r) => {
      if (r.status !== Office.AsyncResultStatus.Succeeded) console.error("Shinchoku: dialog failed", r.error);
    });
  } catch (e) {
    // Telling the outcome must never stop the command from completing.
    console.error("Shinchoku: cannot show the outcome", e);
  }
}

export async function judgeActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const config = resolveConfig(readSettings(Office.context.document.settings));
    const out = await Excel.run((ctx) => checkSheet(assertRealContext(ctx), { config, write: true }));
    const errors = out.report.issues.filter((i) => i.severity === "error").length;
    showDialog(out.report.recognized ? outcomeText(out.report.items, errors) : GATEWAY_MESSAGES.ja["not-a-progress-sheet"]);
  } catch (e) {
    showDialog(toShinchokuError(e).message);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("judgeActiveSheet", judgeActiveSheet);
});
