/** The WorkbookPort over a workbook file's bytes in the browser (the preview page; no Office.js). */
import { type CheckRequest, type CheckResult, type ConfigInput, finalizeWorkbook, GATEWAY_MESSAGES, judge, plan, resolveConfig, type WorkbookPort, type WritePlan } from "../core";
import { patchWorkbook, readWorkbook, undoWorkbook, type WorkbookRead } from "../xlsx";

export class PortError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Holds the current bytes: each write is a patch of the file, exactly as the CLI writes it. */
export class FileWorkbookPort implements WorkbookPort {
  private settings: ConfigInput = {};
  private current: WorkbookRead;
  constructor(
    private data: Uint8Array,
    readonly fileName: string,
    private active: () => string,
    private onSelect: (sheet: string, cell: string) => void,
  ) {
    this.current = readWorkbook(data, fileName, { fills: true });
  }

  get bytes(): Uint8Array {
    return this.data;
  }
  get book(): WorkbookRead {
    return this.current;
  }

  private reload(bytes: Uint8Array): void {
    this.data = bytes;
    this.current = readWorkbook(bytes, this.fileName, { fills: true });
  }

  async listSheets(): Promise<string[]> {
    return this.current.listing.filter((s) => s.state === "visible" && s.worksheet).map((s) => s.name);
  }
  async activeSheet(): Promise<string> {
    return this.active();
  }
  async check(request: CheckRequest): Promise<CheckResult> {
    const config = resolveConfig(request.settings);
    const names = request.sheet === "*" ? await this.listSheets() : [request.sheet];
    const inputs = names.map((name) => {
      const input = this.current.sheets.find((s) => s.sheetName === name);
      if (!input) throw new PortError("sheet-missing", GATEWAY_MESSAGES.ja["sheet-missing"]);
      return input;
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
    if (plans.length > 0) this.reload(patchWorkbook(this.data, this.fileName, plans));
    return { reports, written: plans.length > 0 };
  }
  async undoLast(options: { all?: boolean } = {}): Promise<boolean> {
    const restored = undoWorkbook(this.data, this.fileName, options);
    if (!restored) return false;
    this.reload(restored.bytes);
    return true;
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
