/**
 * The round's three files from judged submissions, built by the same functions `shinchoku report`
 * calls (src/report): 集計.xlsx, report.html and report.json, byte for byte what the CLI writes for
 * the same files, named as given, with the report saved beside them.
 */
import type { FileResult } from "../cli/model";
import { renderJson } from "../cli/render-json";
import type { StatusCode } from "../core";
import { type Change, compareWithPrevious } from "./compare";
import { renderHtmlReport, reportStamp } from "./html-report";
import { type RoundRows, roundRows } from "./rows";
import { buildReportXlsx } from "./xlsx-report";

export interface RoundFiles {
  xlsx: Uint8Array;
  html: string;
  json: string;
}

/** A submission's name as the report refers to it: "/"-separated, relative to the report's folder. */
export const nameRef = (file: string): string => file.split("\\").join("/");

export function roundChanges(files: readonly FileResult[], previous: Map<string, StatusCode> | null): Map<string, Change> | null {
  return previous ? compareWithPrevious(files, previous) : null;
}

export function roundFiles(files: readonly FileResult[], previous: Map<string, StatusCode> | null, now: Date, rows?: RoundRows): RoundFiles {
  const changes = roundChanges(files, previous);
  const r = rows ?? roundRows(files, changes);
  const withChanges = changes !== null;
  return {
    xlsx: buildReportXlsx(r, { withChanges, fileRef: nameRef }),
    html: renderHtmlReport(r, { generatedAt: reportStamp(now), withChanges }),
    json: renderJson(files, changes),
  };
}
