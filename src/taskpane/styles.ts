/** Plain CSS for the pane (no runtime CSS-in-JS beyond Fluent's own): fits a 320 px wide pane. */
export const PANE_CSS = `
.pane { padding: 12px; min-height: 100vh; box-sizing: border-box; font-family: "Segoe UI", "Yu Gothic UI", "Meiryo UI", "IPAGothic", sans-serif; }
.pane h1 { font-size: 18px; margin: 0 0 8px; }
.pane h2 { font-size: 15px; margin: 16px 0 6px; }
.pane h3 { font-size: 13px; margin: 8px 0 4px; }
.controls { display: flex; flex-direction: column; gap: 6px; margin-bottom: 8px; }
.buttons { display: flex; gap: 8px; flex-wrap: wrap; }
.badges { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; }
.chart { max-width: 320px; display: block; }
.items, .issues, .kpis { list-style: none; padding: 0; margin: 0; }
.item { border-bottom: 1px solid rgba(128,128,128,.3); padding: 6px 0; }
.item-head { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.item-no { font-weight: 600; min-width: 2em; }
.item-rate { font-variant-numeric: tabular-nums; }
.item-title, .cell-text { overflow-wrap: anywhere; white-space: pre-wrap; }
.kpis li { font-size: 12px; margin: 2px 0 2px 8px; overflow-wrap: anywhere; }
.issues ul { list-style: none; padding: 0; }
.issues li li { margin: 4px 0; font-size: 12px; overflow-wrap: anywhere; }
.settings { display: flex; flex-direction: column; gap: 8px; }
.required { border: none; padding: 0; margin: 0; display: flex; flex-direction: column; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
