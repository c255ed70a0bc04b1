/** Task pane entry: Office.js port, Office display language and theme. */
import * as React from "react";
import { createRoot } from "react-dom/client";
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
  if (root) createRoot(root).render(<App port={new OfficeWorkbookPort()} lang={lang} dark={isDark()} />);
});
