/**
 * The secretariat's round in the page: many submissions judged in a worker (progress, the file
 * being read, cancel), the 提出状況 table (sortable, errors first), the round's reports downloaded
 * exactly as `shinchoku report` writes them, judged copies as a .zip, and last round's
 * report.json for 改善/悪化. Nothing leaves the machine.
 */
import {
  Button, Caption1, MessageBar, MessageBarBody, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text,
} from "@fluentui/react-components";
import * as React from "react";
import type { FileResult } from "../cli/model";
import { type Lang, ROUND_TEXT, STATUS_CODES, STATUS_FILLS, STATUS_LABELS, type StatusCode } from "../core";
import { parsePrevious } from "../report/compare";
import { roundChanges, roundFiles } from "../report/round-files";
import { type KpiRow, type RoundRows, roundRows, type SubmissionRow } from "../report/rows";
import type { FromWorker, Submission, ToWorker } from "./round-protocol";
import { HiddenFileInput } from "../taskpane/HiddenFileInput";

/** The worker: from the page's own folder, or (the offline file) from the code inlined in the page. */
export function startWorker(): Worker {
  const inline = document.getElementById("shinchoku-round-worker");
  if (inline?.textContent) return new Worker(URL.createObjectURL(new Blob([inline.textContent], { type: "text/javascript" })));
  // The build's hash in the address: a server's cache never pairs a new page with an old worker.
  const version = typeof __webpack_hash__ === "string" ? `?v=${__webpack_hash__}` : "";
  return new Worker(new URL(`round-worker.js${version}`, document.baseURI));
}

declare const __webpack_hash__: string | undefined;

export function download(data: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

type Phase = { kind: "running"; done: number; total: number; name: string } | { kind: "done" } | { kind: "cancelled"; done: number; total: number } | { kind: "failed"; message: string };

type SortKey = "state" | "bukai" | "file" | "fiscalYear" | "items" | StatusCode | "errors" | "warnings";
const STATE_ORDER: Record<SubmissionRow["state"], number> = { unreadable: 0, errors: 1, warnings: 2, skipped: 3, ok: 4 };
const color = (s: StatusCode) => `#${STATUS_FILLS[s].slice(2)}`;
const STATE_COLOR: Record<SubmissionRow["state"], string> = { ok: color("achieved"), warnings: color("mostly_achieved"), errors: color("not_achieved"), unreadable: color("not_achieved"), skipped: color("unknown") };

function compareRows(key: SortKey, a: SubmissionRow, b: SubmissionRow): number {
  switch (key) {
    case "state":
      return STATE_ORDER[a.state] - STATE_ORDER[b.state];
    case "bukai":
    case "file":
    case "fiscalYear":
      return a[key].localeCompare(b[key]);
    case "items":
    case "errors":
    case "warnings":
      return a[key] - b[key];
    default:
      return a.counts[key] - b.counts[key];
  }
}

/** Items (not KPI lines) with a change. */
const itemsWith = (kpis: KpiRow[], change: string): number => new Set(kpis.filter((k) => k.change === change).map((k) => `${k.file}\u0000${k.sheet}\u0000${k.row}`)).size;

export interface RoundViewProps {
  lang: Lang;
  submissions: Submission[];
  /** Starts the worker (tests and the offline file may give their own). */
  worker?: () => Worker;
  now?: () => Date;
}

export function RoundView({ lang, submissions, worker = startWorker, now = () => new Date() }: RoundViewProps) {
  const t = ROUND_TEXT[lang];
  const [results, setResults] = React.useState<FileResult[]>([]);
  const [phase, setPhase] = React.useState<Phase>({ kind: "running", done: 0, total: submissions.length, name: "" });
  const [sort, setSort] = React.useState<{ key: SortKey; dir: "ascending" | "descending" }>({ key: "state", dir: "ascending" });
  const [previous, setPrevious] = React.useState<{ name: string; map: ReturnType<typeof parsePrevious> } | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const [copying, setCopying] = React.useState(false);
  const workerRef = React.useRef<Worker | null>(null);
  const prevInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    const w = worker();
    workerRef.current = w;
    const got: FileResult[] = [];
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === "reading") setPhase({ kind: "running", done: m.index, total: m.total, name: m.name });
      else if (m.type === "result") {
        got[m.index] = m.result;
        setResults(got.slice());
      } else if (m.type === "done") setPhase({ kind: "done" });
      else if (m.type === "copies") {
        setCopying(false);
        if (m.zip) download(m.zip, "判定済み.zip", "application/zip");
        else setMessage(t.noCopies);
      } else if (m.type === "failed") {
        setCopying(false);
        setPhase({ kind: "failed", message: m.message });
      }
    };
    w.postMessage({ type: "judge", files: submissions } satisfies ToWorker);
    return () => {
      w.terminate();
      workerRef.current = null;
    };
  }, [submissions, worker, t]);

  const cancel = () => {
    workerRef.current?.terminate();
    workerRef.current = null;
    setPhase((p) => (p.kind === "running" ? { kind: "cancelled", done: results.filter(Boolean).length, total: p.total } : p));
  };

  const finished = React.useMemo(() => results.filter(Boolean), [results]);
  // Each file's rows are made once, when it arrives (as the CLI folds a round): a big round does
  // not rebuild every row on each file. Last round's report.json remakes them all, once.
  const perFile = React.useRef<{ previous: unknown; rows: WeakMap<FileResult, RoundRows> }>({ previous: null, rows: new WeakMap() });
  const rows = React.useMemo(() => {
    const cache = perFile.current;
    if (cache.previous !== previous) perFile.current = { previous, rows: new WeakMap() };
    const out: RoundRows = { submissions: [], kpis: [], issues: [] };
    for (const f of finished) {
      let r = perFile.current.rows.get(f);
      if (!r) {
        r = roundRows([f], roundChanges([f], previous?.map ?? null));
        perFile.current.rows.set(f, r);
      }
      for (const x of r.submissions) out.submissions.push(x);
      for (const x of r.kpis) out.kpis.push(x);
      for (const x of r.issues) out.issues.push(x);
    }
    return out;
  }, [finished, previous]);
  const sorted = React.useMemo(() => {
    const list = rows.submissions.map((r, i) => ({ r, i }));
    const sign = sort.dir === "ascending" ? 1 : -1;
    list.sort((a, b) => sign * compareRows(sort.key, a.r, b.r) || a.i - b.i);
    return list.map((x) => x.r);
  }, [rows, sort]);
  const totals = rows.submissions.reduce((acc, s) => ({ errors: acc.errors + s.errors, warnings: acc.warnings + s.warnings }), { errors: 0, warnings: 0 });
  const done = phase.kind === "done";

  const saveReports = () => {
    const files = roundFiles(finished, previous?.map ?? null, now(), rows);
    download(files.xlsx, "集計.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    download(files.html, "report.html", "text/html");
    download(files.json, "report.json", "application/json");
  };
  const saveCopies = () => {
    if (!workerRef.current) return;
    setCopying(true);
    setMessage(null);
    workerRef.current.postMessage({ type: "copies" } satisfies ToWorker);
  };
  const openPrevious = async (f: File) => {
    try {
      setPrevious({ name: f.name, map: parsePrevious(await f.text()) });
      setMessage(null);
    } catch {
      setMessage(t.previousInvalid(f.name));
    }
  };

  const header = (key: SortKey, label: string) => (
    <TableHeaderCell
      key={key}
      sortDirection={sort.key === key ? sort.dir : undefined}
      onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === "ascending" ? "descending" : "ascending" }))}
      aria-label={t.sortBy(label)}
    >
      {label}
    </TableHeaderCell>
  );
  const changed = rows.kpis.filter((k) => k.change === "改善" || k.change === "悪化");

  return (
    <section className="round" aria-label={t.tableLabel}>
      {phase.kind === "running" && (
        <div className="round-progress">
          <ProgressBar value={phase.total === 0 ? 0 : phase.done / phase.total} thickness="large" aria-label={t.progressLabel} />
          <Text aria-live="polite" className="round-current">{t.reading(phase.done + 1, phase.total, phase.name)}</Text>
          <Button onClick={cancel}>{t.cancel}</Button>
        </div>
      )}
      {phase.kind === "cancelled" && (
        <MessageBar intent="warning" role="status"><MessageBarBody>{t.cancelled(phase.done, phase.total)}</MessageBarBody></MessageBar>
      )}
      {phase.kind === "failed" && (
        <MessageBar intent="error" role="alert"><MessageBarBody>{phase.message}</MessageBarBody></MessageBar>
      )}
      {message && (
        <MessageBar intent="info" role="status"><MessageBarBody>{message}</MessageBarBody></MessageBar>
      )}
      <div className="round-actions">
        <Button appearance="primary" disabled={!done} onClick={saveReports}>{t.download}</Button>
        <Button disabled={!done || copying} onClick={saveCopies}>{copying ? t.preparingCopies : t.downloadCopies}</Button>
        <HiddenFileInput inputRef={prevInput} accept=".json,application/json" onFiles={(files) => void openPrevious(files[0])} />
        <Button onClick={() => prevInput.current?.click()}>{t.openPrevious}</Button>
        {previous && <Caption1>{t.previousLoaded(previous.name)}</Caption1>}
      </div>
      <Table sortable aria-label={t.tableLabel} size="small" className="round-table" style={{ tableLayout: "auto" }}>
        <caption className="round-caption">{t.tableCaption(new Set(rows.submissions.map((s) => s.file)).size, totals.errors, totals.warnings)}</caption>
        <TableHeader>
          <TableRow>
            {header("bukai", t.bukai)}
            {header("file", t.file)}
            <TableHeaderCell>{t.sheet}</TableHeaderCell>
            {header("fiscalYear", t.year)}
            {header("items", t.items)}
            {STATUS_CODES.map((s) => header(s, STATUS_LABELS[lang][s]))}
            {header("errors", t.errors)}
            {header("warnings", t.warnings)}
            {header("state", t.state)}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((s, i) => (
            <TableRow key={`${s.file}\u0000${s.sheet}\u0000${i}`} data-state={s.state}>
              <TableCell>{s.bukai}</TableCell>
              <TableCell>{s.file}</TableCell>
              <TableCell>{s.sheet}</TableCell>
              <TableCell>{s.fiscalYear}</TableCell>
              <TableCell className="num">{s.items}</TableCell>
              {STATUS_CODES.map((c) => <TableCell key={c} className="num">{s.counts[c]}</TableCell>)}
              <TableCell className="num">{s.errors}</TableCell>
              <TableCell className="num">{s.warnings}</TableCell>
              <TableCell className="state" style={{ background: STATE_COLOR[s.state], minWidth: "18em" }}>{t.stateLabels[s.state]}{s.message ? `: ${s.message}` : ""}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {previous && done && (
        <section aria-label={t.changesTitle} className="round-changes">
          <h2>{t.changesTitle}</h2>
          <Text>{t.changesSummary(itemsWith(changed, "改善"), itemsWith(changed, "悪化"))}</Text>
          {changed.length === 0 ? <p>{t.noChanges}</p> : (
            <Table aria-label={t.changesTitle} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.bukai}</TableHeaderCell>
                  <TableHeaderCell>{t.sheet}</TableHeaderCell>
                  <TableHeaderCell>{t.changeColumns.number}</TableHeaderCell>
                  <TableHeaderCell>{t.changeColumns.title}</TableHeaderCell>
                  <TableHeaderCell>{t.changeColumns.kpi}</TableHeaderCell>
                  <TableHeaderCell>{t.changeColumns.status}</TableHeaderCell>
                  <TableHeaderCell>{t.changeColumns.change}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {changed.map((k, i) => (
                  <TableRow key={i} data-change={k.change}>
                    <TableCell>{k.bukai}</TableCell>
                    <TableCell>{k.sheet}</TableCell>
                    <TableCell>{k.number}</TableCell>
                    <TableCell>{k.title}</TableCell>
                    <TableCell>{k.kpi}</TableCell>
                    <TableCell>{k.status}</TableCell>
                    <TableCell>{k.change}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
    </section>
  );
}
