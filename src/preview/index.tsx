/** The preview page: the same task pane over an .xlsx opened in the browser, beside a grid view. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { type Lang, UI_TEXT } from "../core";
import { App } from "../taskpane/App";
import { PANE_CSS } from "../taskpane/styles";
import { FileWorkbookPort } from "./file-port";
import { Grid } from "./Grid";

// Japanese by default; ?lang=en for English.
const lang: Lang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "ja";
const t = UI_TEXT[lang];

function Preview() {
  const [book, setBook] = React.useState<{ port: FileWorkbookPort; name: string } | null>(null);
  const [sheet, setSheet] = React.useState("");
  const [selected, setSelected] = React.useState<string | null>(null);
  const [version, setVersion] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  const sheetRef = React.useRef("");
  sheetRef.current = sheet;

  const open = async (data: ArrayBuffer, name: string) => {
    try {
      // .xls/.ods: SheetJS is loaded only when such a file is opened.
      if (/\.(xls|ods)$/i.test(name) || new Uint8Array(data.slice(0, 2))[0] === 0xd0) await import(/* webpackChunkName: "legacy-formats" */ "../xlsx/read-legacy");
      const port = new FileWorkbookPort(
        new Uint8Array(data),
        name,
        () => sheetRef.current,
        (s, cell) => {
          setSheet(s);
          setSelected(cell);
        },
      );
      const first = port.book.listing.find((ws) => ws.state === "visible" && ws.worksheet);
      setBook({ port, name });
      setSheet(first?.name ?? "");
      setSelected(null);
      setError(null);
    } catch (e) {
      console.error(e);
      setError(t.badFile);
    }
  };
  const port = book?.port ?? null;
  const save = () => {
    if (!book) return;
    const format = book.port.book.format;
    const ext = format === "xlsm" ? ".xlsm" : ".xlsx";
    const type = format === "xlsm" ? "application/vnd.ms-excel.sheet.macroEnabled.12" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const url = URL.createObjectURL(new Blob([book.port.bytes as Uint8Array<ArrayBuffer>], { type }));
    const a = document.createElement("a");
    a.href = url;
    a.download = book.name.replace(/\.(xlsx|xlsm)$/i, "") + "-判定済み" + ext;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const ws = book?.port.book.sheets.find((s) => s.sheetName === sheet);
  const fills = book?.port.book.fills.get(sheet);
  return (
    <div className="preview">
      <header className="toolbar">
        <h1>{t.previewTitle}</h1>
        <label className="file">
          {t.openWorkbook}
          <input
            type="file"
            accept=".xlsx,.xlsm,.xls,.ods"
            aria-label={t.openWorkbook}
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) f.arrayBuffer().then((b) => open(b, f.name));
            }}
          />
        </label>
        <button type="button" onClick={() => fetch("samples/sample-r2.xlsx").then((r) => r.arrayBuffer()).then((b) => open(b, "sample-r2.xlsx"))}>
          {t.openSample}
        </button>
        {book && <span className="book-name" aria-live="polite">{book.name}</span>}
        {book && (
          <label>
            {t.sheet}{" "}
            <select value={sheet} onChange={(e) => { setSheet(e.target.value); setSelected(null); }}>
              {book.port.book.listing.filter((s) => s.state === "visible" && s.worksheet).map((s) => (
                <option key={s.name} value={s.name}>{s.name}</option>
              ))}
            </select>
          </label>
        )}
        {book && (
          <button type="button" onClick={save}>
            {t.saveJudged}
          </button>
        )}
        {error && <p role="alert" className="error">{error}</p>}
      </header>
      <div className="panes">
        <aside className="taskpane" style={{ width: 320 }}>
          {port ? <App key={`${book?.name}`} port={port} lang={lang} sheet={sheet} onChecked={() => setVersion(version + 1)} /> : <p className="hint">{t.openWorkbook} / {t.openSample}</p>}
        </aside>
        <section className="sheet" data-version={version}>
          {ws && <Grid key={`${sheet}-${version}`} sheet={ws} fills={fills} selected={selected} label={t.gridLabel(sheet)} />}
        </section>
      </div>
    </div>
  );
}

const PREVIEW_CSS = `
body { margin: 0; font-family: "Segoe UI", "Yu Gothic UI", "Meiryo UI", "IPAGothic", sans-serif; }
.toolbar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; padding: 8px 12px; border-bottom: 1px solid #ccc; }
.toolbar h1 { font-size: 16px; margin: 0; }
.panes { display: flex; align-items: flex-start; }
.taskpane { flex: none; border-right: 1px solid #ccc; max-height: calc(100vh - 60px); overflow: auto; }
.sheet { flex: 1; overflow: auto; max-height: calc(100vh - 60px); }
.grid { border-collapse: collapse; font-size: 12px; }
.grid td, .grid th { border: 1px solid #d0d0d0; padding: 2px 4px; max-width: 240px; vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
.grid th { background: #f3f3f3; position: sticky; top: 0; }
.grid td.selected { outline: 3px solid #0072b2; outline-offset: -2px; }
.error { color: #b00020; }
`;

const style = document.createElement("style");
style.textContent = PANE_CSS + PREVIEW_CSS;
document.head.appendChild(style);
document.documentElement.lang = lang;
const root = document.getElementById("root");
if (root) createRoot(root).render(<Preview />);
