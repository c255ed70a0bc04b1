/** `--format json`: the schemaVersion 1 contract. */
import { round4 } from "../core";
import type { SheetReport } from "../core";
import { type Change, changeKey } from "../report/compare";
import { type FileResult, summarize } from "./model";

const r4 = (x: number | null): number | null => (x === null ? null : round4(x));

export function sheetJson(s: SheetReport, changeOf?: (row: number) => Change | undefined) {
  return {
    sheet: s.sheet,
    recognized: s.recognized,
    layout: s.layout ?? null,
    fiscalYear: s.fiscalYear,
    fiscalYearSource: s.fiscalYearSource,
    phase: s.phase,
    headerRow: s.headerRow,
    title: s.title,
    columns: s.columns,
    items: s.items.map((i) => ({
      row: i.row,
      number: i.number,
      title: i.title,
      status: i.status,
      rate: r4(i.rate),
      grade: i.grade ?? null,
      rows: i.rows ?? [i.row],
      ...(changeOf ? { change: changeOf(i.row) ?? "new" } : {}),
      kpis: i.kpis.map((k) => ({
        id: k.id,
        kind: k.kind,
        direction: k.direction,
        unit: k.unit,
        target: k.target,
        actual: k.actual,
        denominator: k.denominator,
        actualDenominator: k.actualDenominator,
        actualUnit: k.actualUnit,
        claim: k.claim,
        rate: r4(k.rate),
        status: k.status,
        baseline: k.baseline ?? null,
        evidence: k.evidence ?? { target: null, actual: null, claim: null },
      })),
    })),
    issues: s.issues.map((i) => ({ code: i.code, severity: i.severity, cell: i.cell, row: i.row, column: i.column, message: i.message })),
  };
}

export function toJson(files: readonly FileResult[], changes: Map<string, Change> | null = null) {
  return {
    tool: "shinchoku",
    schemaVersion: 1,
    files: files.map((f) => ({
      file: f.file,
      error: f.error,
      writtenTo: f.writtenTo,
      sheets: f.sheets.map((s) => sheetJson(s, changes ? (row) => changes.get(changeKey(f.file, s.sheet, row)) : undefined)),
    })),
    summary: summarize(files),
  };
}

export function renderJson(files: readonly FileResult[], changes: Map<string, Change> | null = null): string {
  return JSON.stringify(toJson(files, changes)) + "\n";
}
