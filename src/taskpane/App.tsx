import {
  Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Checkbox, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle,
  ProgressBar, Switch, webDarkTheme, webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { type ConfigInput, type Lang, ROUND_TEXT, UI_TEXT, type WorkbookPort } from "../core";
import { HiddenFileInput, WORKBOOK_TYPES } from "./HiddenFileInput";
import { IssuesList } from "./IssuesList";
import { ResultsList } from "./ResultsList";
import { SettingsPanel } from "./SettingsPanel";
import { initialState, reducer, errorText } from "./state";
import { Summary } from "./Summary";

export interface AppProps {
  port: WorkbookPort;
  lang: Lang;
  dark?: boolean;
  /** Sheet to judge when not "all sheets"; defaults to the port's active sheet. */
  sheet?: string;
  /** Called after a successful run (the preview refreshes its grid). */
  onChecked?: () => void;
  onSelectCell?: (sheet: string, cell: string) => void;
  /**
   * 「提出ファイルを一括チェック」 (the add-in only): judges the picked files and writes the round
   * into Excel; resolves with the notice to show. Loaded on first use (its own chunk).
   */
  onRound?: (files: File[], settings: ConfigInput, progress: (done: number, total: number) => void) => Promise<string>;
}

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

export function App({ port, lang, dark, sheet, onChecked, onRound }: AppProps) {
  const t = UI_TEXT[lang];
  const rt = ROUND_TEXT[lang];
  const [roundProgress, setRoundProgress] = React.useState<{ done: number; total: number } | null>(null);
  const roundInput = React.useRef<HTMLInputElement>(null);
  const runRound = async (files: File[]) => {
    if (!onRound || busy.current || files.length === 0) return;
    busy.current = true;
    setRoundProgress({ done: 0, total: files.length });
    try {
      const notice = await onRound(files, settings, (done, total) => setRoundProgress({ done, total }));
      dispatch({ type: "notice", notice });
    } catch (e) {
      dispatch({ type: "failed", error: errorText(e, rt.paneRoundFailed) });
    } finally {
      busy.current = false;
      setRoundProgress(null);
    }
  };
  const [state, dispatch] = React.useReducer(reducer, initialState);
  const [allSheets, setAllSheets] = React.useState(false);
  const [checkOnly, setCheckOnly] = React.useState(false);
  const [settings, setSettings] = React.useState<ConfigInput>({});
  const busy = React.useRef(false);

  React.useEffect(() => {
    port.loadSettings().then(setSettings, () => setSettings({}));
  }, [port]);

  const run = async () => {
    if (busy.current) return; // a second click cannot start a second run
    busy.current = true;
    dispatch({ type: "start" });
    const t0 = now();
    try {
      const target = allSheets ? "*" : (sheet ?? (await port.activeSheet()));
      const result = await port.check({ sheet: target, write: !checkOnly, settings });
      dispatch({ type: "done", result, ms: Math.round(now() - t0) });
      onChecked?.();
    } catch (e) {
      dispatch({ type: "failed", error: errorText(e, lang === "ja" ? "判定できませんでした。もう一度実行してください。" : "The check failed. Run again.") });
    } finally {
      busy.current = false;
    }
  };

  const undo = async (all = false) => {
    if (busy.current) return;
    busy.current = true;
    try {
      const ok = await port.undoLast(all ? { all: true } : undefined);
      dispatch(ok ? { type: "undone", notice: all ? t.undoneAll : t.undone } : { type: "notice", notice: t.nothingToUndo });
      onChecked?.();
    } catch (e) {
      dispatch({ type: "failed", error: errorText(e, t.nothingToUndo) });
    } finally {
      busy.current = false;
    }
  };

  const select = (s: string, cell: string) => {
    port.select(s, cell).catch((e) => dispatch({ type: "failed", error: errorText(e, cell) }));
  };

  const saveSettings = (s: ConfigInput) => {
    port.saveSettings(s).then(
      () => {
        setSettings(s);
        dispatch({ type: "notice", notice: t.settingsSaved });
      },
      (e) => dispatch({ type: "failed", error: errorText(e, t.errorTitle) }),
    );
  };

  const result = state.result;
  const reports = result?.reports ?? [];
  const recognized = reports.filter((r) => r.recognized);
  const single = reports.length === 1 ? reports[0] : null;
  const running = state.phase === "running";
  const detectedYear = recognized[0]?.fiscalYear ?? null;

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className="pane" lang={lang}>
      <main aria-labelledby="pane-title" aria-busy={running}>
        <h1 id="pane-title">{t.appTitle}</h1>
        <div className="controls">
          <Switch label={t.allSheets} checked={allSheets} onChange={(_, d) => setAllSheets(d.checked)} disabled={running} />
          <Checkbox label={t.checkOnly} checked={checkOnly} onChange={(_, d) => setCheckOnly(Boolean(d.checked))} disabled={running} />
          <div className="buttons">
            <Button appearance="primary" onClick={run} disabled={running || roundProgress !== null} aria-describedby={running ? "progress" : undefined}>
              {running ? t.running : t.run}
            </Button>
            <Button onClick={() => undo()} disabled={running || roundProgress !== null}>
              {t.undo}
            </Button>
            <Button appearance="subtle" onClick={() => undo(true)} disabled={running || roundProgress !== null} title={t.undoAllHint}>
              {t.undoAll}
            </Button>
          </div>
          {running && <ProgressBar id="progress" aria-label={t.running} />}
          {onRound && (
            <div className="buttons">
              <HiddenFileInput inputRef={roundInput} multiple accept={WORKBOOK_TYPES} label={rt.paneRound} onFiles={(files) => void runRound(Array.from(files))} />
              <Button onClick={() => roundInput.current?.click()} disabled={running || roundProgress !== null}>
                {roundProgress ? rt.paneRoundRunning(roundProgress.done, roundProgress.total) : rt.paneRound}
              </Button>
            </div>
          )}
          {roundProgress && <ProgressBar value={roundProgress.total ? roundProgress.done / roundProgress.total : 0} aria-label={rt.paneRound} />}
        </div>
        {state.error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
              {state.error}
            </MessageBarBody>
          </MessageBar>
        )}
        {state.notice && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{state.notice}</MessageBarBody>
          </MessageBar>
        )}
        {result && single && !single.recognized && (
          <MessageBar intent="warning" role="status">
            <MessageBarBody>{single.items.length === 0 && single.lastInputColumn < 1 ? t.emptySheet : t.notProgress}</MessageBarBody>
          </MessageBar>
        )}
        {result && recognized.length > 0 && (
          <>
            <Summary reports={recognized} ms={state.ms} written={result.written} t={t} lang={lang} />
            <ResultsList reports={recognized} t={t} lang={lang} />
            <IssuesList reports={recognized} onSelect={select} t={t} lang={lang} />
          </>
        )}
        <Accordion collapsible>
          <AccordionItem value="settings">
            <AccordionHeader>{t.settings}</AccordionHeader>
            <AccordionPanel>
              <SettingsPanel key={JSON.stringify(settings)} value={settings} detectedYear={detectedYear} onSave={saveSettings} t={t} lang={lang} />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      </main>
    </FluentProvider>
  );
}
