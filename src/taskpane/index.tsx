/** Task pane entry: Office.js port, Office display language and theme. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { ConfigInput } from "../core";
import { OfficeWorkbookPort } from "../excel/office-port";
import { App } from "./App";
import { PANE_CSS } from "./styles";

function isDark(): boolean {
  const theme = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } }).officeTheme;
  const bg = theme?.bodyBackgroundColor;
  if (!bg || !/^#?[0-9a-f]{6}$/i.test(bg)) return false;
  const n = parseInt(bg.replace("#", ""), 16);
  const lum = 0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255);
  return lum < 128;
}

Office.onReady(() => {
  const style = document.createElement("style");
  style.textContent = PANE_CSS;
  document.head.appendChild(style);
  const lang = (Office.context.displayLanguage ?? "ja-JP").toLowerCase().startsWith("en") ? "en" : "ja";
  document.documentElement.lang = lang;
  const root = document.getElementById("root");
  // The round's reader and report writer: a chunk of their own, loaded on the first 一括チェック.
  const onRound = (files: File[], settings: ConfigInput, progress: (done: number, total: number) => void) =>
    import(/* webpackChunkName: "pane-round" */ "./pane-round").then((m) => m.runPaneRound(files, settings, lang, progress));
  if (root) createRoot(root).render(<App port={new OfficeWorkbookPort()} lang={lang} dark={isDark()} onRound={onRound} />);
});
