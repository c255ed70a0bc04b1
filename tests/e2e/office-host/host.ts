/**
 * A scripted Office host for the built add-in pages: served in place of the office.js CDN file,
 * it provides what the pages use — Office.onReady, Office.context (displayLanguage, officeTheme,
 * document.settings, ui.displayDialogAsync / messageParent), Office.actions.associate — and
 * Excel.run over the project's fake Excel (tests/excel/fake-excel.ts). The test configures it
 * before the page loads (window.__SHINCHOKU_HOST__) and drives/inspects it through window.__host.
 */
import { FakeContext, type FakeSheetData, sheetData } from "../../excel/fake-excel";

type Raw = string | number | boolean | null;
interface HostConfig {
  displayLanguage?: string;
  /** Office.context.officeTheme.bodyBackgroundColor */
  bodyBackgroundColor?: string;
  sheets?: { name: string; rows: Raw[][] }[];
  /** Requirement sets reported as missing, e.g. ["ExcelApi 1.8"] (then Excel.createWorkbook is absent too). */
  unsupported?: string[];
}
type Handler = (arg: unknown) => void;

const w = window as unknown as Record<string, unknown>;
const config = (w.__SHINCHOKU_HOST__ ?? {}) as HostConfig;
const inDialog = window.parent !== window;

const workbook: { sheets: FakeSheetData[]; active: string } = {
  sheets: (config.sheets ?? []).map((s) => sheetData(s.name, s.rows)),
  active: config.sheets?.[0]?.name ?? "",
};
const settings = new Map<string, unknown>();
const log: { runs: unknown[]; completed: string[]; dialogs: string[]; saved: number; created: string[] } = { runs: [], completed: [], dialogs: [], saved: 0, created: [] };
const unsupported = new Set(config.unsupported ?? []);
const actions = new Map<string, (event: unknown) => unknown>();

const Succeeded = "succeeded";
const Failed = "failed";

let dialogHandlers = new Map<string, Handler>();
let dialogFrame: HTMLIFrameElement | null = null;

// "Office passes the `arg` object to the handler. Its `message` property is the Boolean or string
// sent by the call of `messageParent` in the dialog." (Use the Office dialog API)
window.addEventListener("message", (e) => {
  if (e.origin !== window.location.origin) return;
  const data = e.data as { shinchokuDialogMessage?: string } | null;
  if (data && typeof data.shinchokuDialogMessage === "string") dialogHandlers.get("dialogMessageReceived")?.({ message: data.shinchokuDialogMessage, origin: e.origin });
});

const Office = {
  AsyncResultStatus: { Succeeded, Failed },
  EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  onReady(cb?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: "OfficeOnline" };
    return new Promise((resolve) =>
      setTimeout(() => {
        cb?.(info);
        resolve(info);
      }, 0),
    );
  },
  actions: {
    associate(name: string, fn: (event: unknown) => unknown) {
      actions.set(name, fn);
    },
  },
  context: {
    displayLanguage: config.displayLanguage ?? "ja-JP",
    officeTheme: { bodyBackgroundColor: config.bodyBackgroundColor ?? "#ffffff" },
    requirements: { isSetSupported: (name: string, version?: string) => !unsupported.has(`${name} ${version ?? ""}`.trim()) },
    document: {
      settings: {
        get: (k: string) => (settings.has(k) ? settings.get(k) : null),
        set: (k: string, v: unknown) => void settings.set(k, JSON.parse(JSON.stringify(v))),
        remove: (k: string) => void settings.delete(k),
        saveAsync: (cb?: (r: { status: string }) => void) => {
          log.saved++;
          setTimeout(() => cb?.({ status: Succeeded }), 0);
        },
      },
    },
    ui: {
      displayDialogAsync(url: string, _options: unknown, cb: (r: unknown) => void) {
        const target = new URL(url, window.location.href);
        // 12004: "The domain of the URL passed to `displayDialogAsync` is not trusted. The domain must
        // be the same domain as the host page (including protocol and port number)."
        if (target.origin !== window.location.origin) {
          setTimeout(() => cb({ status: Failed, error: { code: 12004, message: "domain not in AppDomains" } }), 0);
          return;
        }
        log.dialogs.push(target.toString());
        dialogHandlers = new Map();
        dialogFrame = document.createElement("iframe");
        dialogFrame.id = "office-dialog";
        dialogFrame.src = target.toString();
        dialogFrame.style.cssText = "width:480px;height:240px;border:1px solid #888";
        document.body.appendChild(dialogFrame);
        // "The call of `dialog.close` tells Office to immediately close the dialog box."
        const close = () => {
          dialogFrame?.remove();
          dialogFrame = null;
        };
        setTimeout(() => cb({ status: Succeeded, value: { addEventHandler: (t: string, h: Handler) => dialogHandlers.set(t, h), close, messageChild: () => undefined } }), 0);
      },
      // "The `messageParent` function can only be called on a page with the same domain (including
      // protocol and port) as the host page."; "The dialog box cannot communicate with the host page
      // [...] unless [...] The Office JavaScript library is loaded in the page."
      messageParent(message: string) {
        if (!inDialog) throw new Error("messageParent outside a dialog");
        window.parent.postMessage({ shinchokuDialogMessage: message }, window.location.origin);
      },
    },
  },
};

const Excel: Record<string, unknown> = {
  // Excel.run(options, batch): RunOptions.delayForCellEdit "Determines whether Excel will delay the
  // batch request until the user exits cell edit mode." Recorded, so a test can see it was asked for.
  async run(a: unknown, b?: unknown) {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<unknown>;
    log.runs.push(typeof a === "function" ? null : a);
    const ctx = new FakeContext(workbook.sheets);
    ctx.engine.active = workbook.active;
    try {
      return await batch(ctx);
    } finally {
      workbook.sheets = ctx.engine.sheets;
      workbook.active = ctx.engine.active;
    }
  },
};

// Excel.createWorkbook(base64File): "Creates and opens a new workbook. Optionally, the workbook can be
// prefilled with a base64-encoded .xlsx file." [Api set: ExcelApi 1.8] — recorded, for the test to open.
if (!unsupported.has("ExcelApi 1.8")) {
  Excel.createWorkbook = (base64File?: string) => {
    log.created.push(base64File ?? "");
    return Promise.resolve();
  };
}

w.Office = Office;
w.Excel = Excel;
w.__host = {
  log,
  settings,
  /** A cell as the fake holds it. */
  cell(sheet: string, address: string) {
    const s = workbook.sheets.find((x) => x.name === sheet);
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!s || !m) return null;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return s.cells.get(`${Number(m[2]) - 1},${col}`) ?? null;
  },
  sheetNames: () => workbook.sheets.map((s) => s.name),
  actions: () => [...actions.keys()],
  /**
   * Runs a ribbon function command as Office would; resolves when it calls event.completed():
   * "Indicates that the add-in has completed processing and will automatically be closed." — so
   * completing also closes a dialog the command opened (its runtime ends).
   */
  invoke(name: string): Promise<string> {
    const fn = actions.get(name);
    if (!fn) return Promise.reject(new Error(`no action ${name}`));
    return new Promise((resolve) => {
      void fn({
        source: { id: name },
        completed: () => {
          log.completed.push(name);
          dialogFrame?.remove();
          dialogFrame = null;
          resolve("completed");
        },
      });
    });
  },
  dialogOpen: () => dialogFrame !== null,
  /** The user closes the dialog with its X: 12006 "The dialog box was closed, usually because the user chose the **Close** button **X**." */
  closeDialogWithX() {
    dialogFrame?.remove();
    dialogFrame = null;
    dialogHandlers.get("dialogEventReceived")?.({ error: 12006 });
  },
};
