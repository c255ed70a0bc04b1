/** Settings kept in the document (Office.context.document.settings), so a workbook carries its configuration. */
import { type ConfigInput, resolveConfig } from "../core";

export const SETTINGS_KEY = "shinchoku.config";

export type DocumentSettings = Pick<Office.Settings, "get" | "set" | "saveAsync">;

/** The stored settings; anything invalid (hand-edited, older version) is dropped, never thrown. */
export function readSettings(settings: DocumentSettings): ConfigInput {
  const raw: unknown = settings.get(SETTINGS_KEY);
  if (typeof raw !== "object" || raw === null) return {};
  try {
    resolveConfig(raw);
    return raw as ConfigInput;
  } catch {
    console.warn("Shinchoku: ignoring invalid stored settings", raw);
    return {};
  }
}

export function writeSettings(settings: DocumentSettings, value: ConfigInput): Promise<void> {
  resolveConfig(value); // refuse to store what could not be used
  settings.set(SETTINGS_KEY, value);
  return new Promise((resolve, reject) =>
    settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))),
  );
}
