/** The pane's one explicit state, in one reducer. */
import type { CheckResult } from "../core";

export type PanePhase = "idle" | "running" | "done" | "failed";

export interface PaneState {
  phase: PanePhase;
  result: CheckResult | null;
  error: string | null;
  notice: string | null;
  ms: number | null;
}

export type PaneAction =
  | { type: "start" }
  | { type: "done"; result: CheckResult; ms: number }
  | { type: "failed"; error: string }
  | { type: "notice"; notice: string | null }
  /** After 元に戻す: the results shown described cells that are gone, so they go too. */
  | { type: "undone"; notice: string };

export const initialState: PaneState = { phase: "idle", result: null, error: null, notice: null, ms: null };

export function reducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "start":
      return state.phase === "running" ? state : { ...state, phase: "running", error: null, notice: null };
    case "done":
      return { phase: "done", result: action.result, error: null, notice: null, ms: action.ms };
    case "failed":
      return { ...state, phase: "failed", error: action.error };
    case "notice":
      return { ...state, notice: action.notice, error: null };
    case "undone":
      return { phase: "idle", result: null, error: null, notice: action.notice, ms: null };
  }
}

/** The message of anything thrown by a port (ShinchokuError, ConfigError…), never a stack. */
export function errorText(e: unknown, fallback: string): string {
  if (typeof e === "object" && e !== null && "message" in e && typeof (e as { message: unknown }).message === "string") {
    const code = (e as { code?: unknown }).code;
    // Only our own errors carry a message meant for users.
    if (typeof code === "string" && code !== "" && !/^[A-Z]/.test(code)) return (e as { message: string }).message;
  }
  console.error("Shinchoku:", e);
  return fallback;
}
