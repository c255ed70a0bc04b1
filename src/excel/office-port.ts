/** The WorkbookPort over Office.js: every user action is one Excel.run. */
import { type CheckRequest, type CheckResult, type Config, type ConfigInput, resolveConfig, type WorkbookPort } from "../core";
import { assertRealContext, type XContext } from "./api";
import { toShinchokuError } from "./errors";
import { activeSheetName, checkSheet, finishRun, listSheets, selectCell, startRun, undoLast, writeSummary } from "./gateway";
import { readSettings, writeSettings } from "./settings";

/**
 * Every visible sheet in one Excel.run: the record is read once and written once at the end
 * (also after a failure part-way, so the sheets already written stay owned).
 */
export async function checkAllSheets(ctx: XContext, config: Config, write: boolean, payloadBudget?: number): Promise<CheckResult> {
  const names = await listSheets(ctx);
  const runAt = new Date().toISOString();
  const run = startRun();
  const reports = [];
  let written = false;
  try {
    for (const name of names) {
      const out = await checkSheet(ctx, { config, sheet: name, write, requested: false, runAt, run, payloadBudget });
      reports.push(out.report);
      written ||= out.written;
    }
    if (write && reports.some((r) => r.recognized)) await writeSummary(ctx, reports, run, payloadBudget);
  } catch (e) {
    // The sheets written before the failure stay written: record them, then report the failure itself.
    await finishRun(ctx, run, payloadBudget).catch((r: unknown) => console.error("Shinchoku: record not written", r));
    throw e;
  }
  await finishRun(ctx, run, payloadBudget);
  return { reports, written };
}

export class OfficeWorkbookPort implements WorkbookPort {
  listSheets(): Promise<string[]> {
    return Excel.run((ctx) => listSheets(assertRealContext(ctx))).catch((e) => Promise.reject(toShinchokuError(e)));
  }
  activeSheet(): Promise<string> {
    return Excel.run((ctx) => activeSheetName(assertRealContext(ctx))).catch((e) => Promise.reject(toShinchokuError(e)));
  }
  async check(request: CheckRequest): Promise<CheckResult> {
    const config = resolveConfig(request.settings);
    return Excel.run(async (raw) => {
      const ctx = assertRealContext(raw);
      if (request.sheet !== "*") {
        const out = await checkSheet(ctx, { config, sheet: request.sheet, write: request.write });
        return { reports: [out.report], written: out.written };
      }
      return checkAllSheets(ctx, config, request.write);
    }).catch((e) => Promise.reject(toShinchokuError(e)));
  }
  undoLast(options: { all?: boolean } = {}): Promise<boolean> {
    return Excel.run((ctx) => undoLast(assertRealContext(ctx), undefined, options)).catch((e) => Promise.reject(toShinchokuError(e)));
  }
  select(sheet: string, cell: string): Promise<void> {
    return Excel.run((ctx) => selectCell(assertRealContext(ctx), sheet, cell)).catch((e) => Promise.reject(toShinchokuError(e)));
  }
  async loadSettings(): Promise<ConfigInput> {
    return readSettings(Office.context.document.settings);
  }
  saveSettings(settings: ConfigInput): Promise<void> {
    return writeSettings(Office.context.document.settings, settings);
  }
}
