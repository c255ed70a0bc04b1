/** Office.js errors → a ShinchokuError with a Japanese message that says what to do. */
import { GATEWAY_MESSAGES, type GatewayErrorCode } from "../core/messages";

export { GATEWAY_MESSAGES, type GatewayErrorCode };

export class ShinchokuError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = "ShinchokuError";
  }
}

/** The `code` of an OfficeExtension.Error (or of anything shaped like one). */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string") return (e as { code: string }).code;
  return null;
}

export const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/** Maps by OfficeExtension.Error.code, never by message text. Details go to the console only. */
export function toShinchokuError(e: unknown, lang: "ja" | "en" = "ja"): ShinchokuError {
  if (e instanceof ShinchokuError) return e;
  const code = officeErrorCode(e);
  const debugInfo = typeof e === "object" && e !== null && "debugInfo" in e ? (e as { debugInfo: unknown }).debugInfo : undefined;
  console.error("Shinchoku: Office error", code, debugInfo ?? e);
  const mapped: GatewayErrorCode =
    code === "AccessDenied" || code === "ProtectedSheet" ? "protected"
    : code === "InvalidOperationInCellEditMode" ? "cell-edit-mode"
    : code === "ItemNotFound" || code === "InvalidReference" ? "sheet-missing"
    : code !== null && PAYLOAD_CODES.has(code) ? "payload-too-large"
    : code === "ActivityLimitReached" || code === "ServiceNotAvailable" || code === "Conflict" || code === "RequestAborted" ? "busy"
    : code === "ApiNotFound" || code === "NotImplemented" || code === "UnsupportedOperation" ? "unsupported"
    : "unknown";
  return new ShinchokuError(mapped, GATEWAY_MESSAGES[lang][mapped], e);
}
