/** Whole-workbook rules: a file with no progress sheet at all is an error, not a skip (§1). */
import { issueMessage } from "./messages";
import type { SheetReport } from "./types";

export function finalizeWorkbook(reports: SheetReport[]): SheetReport[] {
  if (reports.some((r) => r.recognized)) return reports;
  return reports.map((r) => ({
    ...r,
    issues: r.issues.map((i) =>
      i.code === "sheet-skipped"
        ? { ...i, code: "header-not-found" as const, severity: "error" as const, message: issueMessage("header-not-found", i.params) }
        : i,
    ),
  }));
}
