/** The preview page: the same task pane over an .xlsx opened in the browser, beside a grid view. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { type Lang, ROUND_TEXT, UI_TEXT } from "../core";
import { App } from "../taskpane/App";
import { PANE_CSS } from "../taskpane/styles";
import { Button, FluentProvider, Label, Link, Select, webLightTheme } from "@fluentui/react-components";
import { FileError } from "../xlsx";
import { FileWorkbookPort } from "./file-port";
import { fromDrop, fromFileList } from "./collect";
import { Grid } from "./Grid";
import { RoundView } from "./Round";
import type { Submission } from "./round-protocol";
import { HiddenFileInput, WORKBOOK_TYPES } from "../taskpane/HiddenFileInput";

// Japanese by default; ?lang=en for English.
const lang: Lang = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "ja";
const t = UI_TEXT[lang];
const r = ROUND_TEXT[lang];

/** The sample workbook: inlined in the offline file (base64), else fetched beside the page. */
async function sampleBytes(): Promise<ArrayBuffer> {
  const inline = document.getElementById("shinchoku-sample")?.textContent?.trim();
  if (inline) return Uint8Array.from(atob(inline), (c) => c.charCodeAt(0)).buffer;
  return (await fetch("samples/sample-r2.xlsx")).arrayBuffer();
}

function Preview() {
  const [book, setBook] = React.useState<{ port: FileWorkbookPort; name: string } | null>(null);
  const [sheet, setSheet] = React.useState("");
  const [selected, setSelected] = React.useState<string | null>(null);
  const [version, setVersion] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);
  const sheetRef = React.useRef("");
  const fileInput = React.useRef<HTMLInputElement>(null);
  const pickFile = () => fileInput.current?.click();
  const openSample = () => sampleBytes().then((b) => open(b, "sample-r2.xlsx"));
  const [round, setRound] = React.useState<{ id: number; subs: Submission[] } | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const roundInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  const startRound = (subs: Submission[]) => {
    if (subs.length === 0) {
      setError(r.noWorkbooks);
      return;
    }
    setError(null);
    setRound((r) => ({ id: (r?.id ?? 0) + 1, subs })); // a new round each time, even of the same files
  };
  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const subs = await fromDrop(e.dataTransfer);
    startRound(subs);
  };
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
      setRound(null);
      setSheet(first?.name ?? "");
      setSelected(null);
      setError(null);
    } catch (e) {
      // A file the reader refuses says why (damaged, password, not a workbook …); anything else, the general line.
      setError(e instanceof FileError ? e.message : t.badFile);
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
  const merges = book?.port.book.merges.get(sheet);
  return (
    <div
      className={dragging ? "preview dragging" : "preview"}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => void onDrop(e)}
    >
      <FluentProvider theme={webLightTheme} lang={lang}>
        <header className="toolbar">
          <h1>{t.previewTitle}</h1>
          <HiddenFileInput inputRef={fileInput} accept={WORKBOOK_TYPES} label={t.openWorkbook} onFiles={(files) => {
              const f = files[0];
              void f.arrayBuffer().then((b) => open(b, f.name));
            }} />
          <Button appearance="primary" onClick={pickFile}>
            {t.openWorkbook}
          </Button>
          <Button onClick={openSample}>{t.openSample}</Button>
          <HiddenFileInput inputRef={roundInput} multiple accept={WORKBOOK_TYPES} label={r.openSubmissions} onFiles={(files) => startRound(fromFileList(files))} />
          <HiddenFileInput inputRef={folderInput} directory label={r.openFolder} onFiles={(files) => startRound(fromFileList(files))} />
          <Button appearance={round ? "primary" : "secondary"} onClick={() => roundInput.current?.click()}>{r.openSubmissions}</Button>
          <Button onClick={() => folderInput.current?.click()}>{r.openFolder}</Button>
          {round && book && <Button onClick={() => setRound(null)}>{r.backToPreview}</Button>}
          {!round && book && <span className="book-name" aria-live="polite">{book.name}</span>}
          {!round && book && (
            <span className="sheet-select">
              <Label htmlFor="sheet-select">{t.sheet}</Label>
              <Select id="sheet-select" value={sheet} onChange={(_e, d) => { setSheet(d.value); setSelected(null); }}>
                {book.port.book.listing.filter((s) => s.state === "visible" && s.worksheet).map((s) => (
                  <option key={s.name} value={s.name}>{s.name}</option>
                ))}
              </Select>
            </span>
          )}
          {!round && book && <Button onClick={save}>{t.saveJudged}</Button>}
          {error && <p role="alert" className="error">{error}</p>}
        </header>
      </FluentProvider>
      {round ? (
        <FluentProvider theme={webLightTheme} lang={lang} className="round-host">
          <RoundView key={round.id} lang={lang} submissions={round.subs} />
        </FluentProvider>
      ) : (
      <div className="panes">
        <aside className="taskpane" style={{ width: 320 }}>
          {port ? (
            <App key={`${book?.name}`} port={port} lang={lang} sheet={sheet} onChecked={() => setVersion(version + 1)} />
          ) : (
            <FluentProvider theme={webLightTheme} lang={lang} className="hint">
              <p>{t.previewTitle}</p>
              <Button appearance="primary" onClick={pickFile}>{t.openWorkbook}</Button> <Button onClick={openSample}>{t.openSample}</Button>
              <p>{r.dropHint}</p>
              {!document.getElementById("shinchoku-round-worker") && (
                <p>
                  <Link href="shinchoku-offline.html" download="shinchoku-offline.html">{r.offlineLink}</Link>
                  <br />
                  {r.offlineHint}
                </p>
              )}
            </FluentProvider>
          )}
        </aside>
        <section className="sheet" data-version={version}>
          {ws && <Grid key={`${sheet}-${version}`} sheet={ws} fills={fills} merges={merges} selected={selected} label={t.gridLabel(sheet)} />}
        </section>
      </div>
      )}
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
.grid td.short { white-space: nowrap; }
.sheet-select { display: inline-flex; gap: 6px; align-items: center; }
.hint { padding: 12px; }
.preview.dragging { outline: 4px dashed #0072b2; outline-offset: -4px; min-height: 100vh; }
.round-host { padding: 12px; }
.round-progress { display: flex; gap: 12px; align-items: center; margin-bottom: 8px; }
.round-progress > [role="progressbar"] { flex: 0 0 240px; }
.round-actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; margin: 8px 0; }
.round-table { font-size: 12px; table-layout: auto; }
.round-table td, .round-table th { white-space: nowrap; }
.round-table td.state { white-space: normal; min-width: 18em; max-width: 32em; }
.round-table td.num, .round-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.round-caption { text-align: left; padding: 4px 0; font-weight: 600; }
.round-changes h2 { font-size: 15px; }
`;

const style = document.createElement("style");
style.textContent = PANE_CSS + PREVIEW_CSS;
document.head.appendChild(style);
document.documentElement.lang = lang;
const root = document.getElementById("root");
if (root) createRoot(root).render(<Preview />);
