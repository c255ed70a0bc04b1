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

/**
 * Payload rejections. ResponsePayloadSizeLimitExceeded is in Excel.ErrorCodes; Excel on the web
 * reports a request over its limit as RequestPayloadSizeLimitExceeded ("Resource limits and
 * performance optimization for Office Add-ins": "Excel on the web has a payload size limit for
 * requests and responses of 5MB. `RichAPI.Error` will be thrown if that limit is exceeded.").
 */
export const PAYLOAD_CODES = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);

/**
 * Office error code → the catalogue's code. Only codes that exist in Excel.ErrorCodes or
 * OfficeExtension.ErrorCodes (@types/office-js, learn.microsoft.com "Error handling with the
 * application-specific JavaScript APIs") are listed.
 */
const BY_CODE: Record<string, GatewayErrorCode> = {
  AccessDenied: "protected",
  InvalidOperationInCellEditMode: "cell-edit-mode",
  // Older builds fail a batch sent during cell edit with InvalidOperation; the message names that cause first.
  InvalidOperation: "invalid-operation",
  InactiveWorkbook: "workbook-inactive",
  RangeExceedsLimit: "range-too-large",
  OperationCellsExceedLimit: "range-too-large",
  ItemNotFound: "sheet-missing",
  InvalidReference: "sheet-missing",
  RequestPayloadSizeLimitExceeded: "payload-too-large",
  ResponsePayloadSizeLimitExceeded: "payload-too-large",
  ActivityLimitReached: "busy",
  Conflict: "busy",
  RequestAborted: "busy",
  ConnectionFailure: "busy",
  ApiNotFound: "unsupported",
  NotImplemented: "unsupported",
  UnsupportedOperation: "unsupported",
  UnsupportedFeature: "unsupported",
  GeneralException: "general",
};

/** Maps by OfficeExtension.Error.code, never by message text. Details go to the console only. */
export function toShinchokuError(e: unknown, lang: "ja" | "en" = "ja"): ShinchokuError {
  if (e instanceof ShinchokuError) return e;
  const code = officeErrorCode(e);
  const debugInfo = typeof e === "object" && e !== null && "debugInfo" in e ? (e as { debugInfo: unknown }).debugInfo : undefined;
  console.error("Shinchoku: Office error", code, debugInfo ?? e);
  const mapped: GatewayErrorCode = (code !== null && Object.prototype.hasOwnProperty.call(BY_CODE, code) ? BY_CODE[code] : undefined) ?? "unknown";
  return new ShinchokuError(mapped, GATEWAY_MESSAGES[lang][mapped], e);
}
