/** The WorkbookPort over an in-browser ExcelJS workbook (the preview page; no Office.js). */
import type ExcelJS from "exceljs";
import { type CheckRequest, type CheckResult, type ConfigInput, finalizeWorkbook, GATEWAY_MESSAGES, judge, plan, resolveConfig, type WorkbookPort, type WritePlan } from "../core";
import { applyRun, progressCandidates, readRecord, readSheet, undoLastRun } from "../xlsx";

export class PortError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ExcelJsWorkbookPort implements WorkbookPort {
  private settings: ConfigInput = {};
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly fileName: string,
    private active: () => string,
    private onSelect: (sheet: string, cell: string) => void,
  ) {}

  async listSheets(): Promise<string[]> {
    return progressCandidates(this.workbook).filter((ws) => ws.state === "visible").map((ws) => ws.name);
  }
  async activeSheet(): Promise<string> {
    return this.active();
  }
  async check(request: CheckRequest): Promise<CheckResult> {
    const config = resolveConfig(request.settings);
    const record = readRecord(this.workbook);
    const sheets = request.sheet === "*" ? await this.listSheets() : [request.sheet];
    const inputs = sheets.map((name) => {
      const ws = this.workbook.getWorksheet(name);
      if (!ws) throw new PortError("sheet-missing", GATEWAY_MESSAGES.ja["sheet-missing"]);
      return readSheet(ws, this.fileName, record?.sheets[name]?.written);
    });
    let reports = inputs.map((i) => judge(i, config, { requested: request.sheet !== "*" }));
    if (request.sheet === "*") reports = finalizeWorkbook(reports);
    if (!request.write) return { reports, written: false };
    const plans: WritePlan[] = [];
    reports.forEach((r, i) => {
      if (!r.recognized) return;
      const p = plan(r, inputs[i], config);
      if (!p.ok) throw new PortError(p.error.code, p.error.message);
      plans.push(p.plan);
    });
    if (plans.length > 0) applyRun(this.workbook, plans);
    return { reports, written: plans.length > 0 };
  }
  async undoLast(): Promise<boolean> {
    return undoLastRun(this.workbook);
  }
  async select(sheet: string, cell: string): Promise<void> {
    this.onSelect(sheet, cell);
  }
  async loadSettings(): Promise<ConfigInput> {
    return this.settings;
  }
  async saveSettings(settings: ConfigInput): Promise<void> {
    resolveConfig(settings);
    this.settings = settings;
  }
}
