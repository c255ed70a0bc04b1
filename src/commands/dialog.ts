/** The one-click outcome dialog: shows the message passed in the URL, as text only. */
const message = new URLSearchParams(window.location.search).get("m") ?? "";
const el = document.getElementById("message");
if (el) el.textContent = message;
document.getElementById("close")?.addEventListener("click", () => {
  const ui = (window as { Office?: typeof Office }).Office?.context?.ui as unknown as { messageParent?: (m: string) => void } | undefined;
  ui?.messageParent?.("close");
});
