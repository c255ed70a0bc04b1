/**
 * The one-click outcome dialog: shows the message passed in the URL, as text only. Its 閉じる
 * button tells the command (messageParent), which closes the dialog and completes; messageParent
 * is only available once Office.onReady has resolved.
 */
const message = new URLSearchParams(window.location.search).get("m") ?? "";
const el = document.getElementById("message");
if (el) el.textContent = message;

const button = document.getElementById("close") as HTMLButtonElement | null;
const office = (window as { Office?: typeof Office }).Office;
if (button) {
  button.disabled = true;
  if (office?.onReady) {
    void office.onReady().then(() => {
      button.disabled = false;
      button.addEventListener("click", () => office.context.ui.messageParent("close"));
    });
  } else {
    // Opened outside Office: closing the window is all there is to do.
    button.disabled = false;
    button.addEventListener("click", () => window.close());
  }
}
