/**
 * The three version-2 workbooks of ../shared/fixtures (copied into tests/fixtures) with their
 * expected results (../shared/fixtures/README.md). Cells are read the way the file readers hand
 * them to the core: merged followers empty, rich text joined, percent formats as shown.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { type Cell, DEFAULT_CONFIG, judge, numberCell, parseA1, type SheetInput, type SheetReport } from "../../src/core";
import { fixture, sharedDir } from "../helpers/shared";

function toCell(v: ExcelJS.CellValue, numFmt: string | undefined): Cell {
  if (v === null || v === undefined || v === "") return { value: null, kind: "empty", text: "" };
  if (typeof v === "number") return numberCell(v, numFmt ?? null);
  if (typeof v === "string") return { value: v, kind: "text", text: v };
  if (typeof v === "boolean") return { value: v, kind: "boolean", text: String(v) };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10), kind: "date", text: v.toISOString().slice(0, 10) };
  if (typeof v === "object" && "richText" in v) {
    const t = v.richText.map((r) => r.text).join("");
    return { value: t, kind: "text", text: t };
  }
  return { value: null, kind: "empty", text: "" };
}

export async function readFixture(name: string): Promise<SheetInput> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixture(name));
  const ws = wb.worksheets[0];
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).slice();
  const followers = new Set<string>();
  for (const m of merges) {
    const [a, b] = m.split(":").map((x) => parseA1(x));
    if (!a || !b) continue;
    for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) if (r !== a.row || c !== a.col) followers.add(`${r},${c}`);
  }
  const cells: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = ws.getCell(r, c);
      row.push(followers.has(`${r},${c}`) ? { value: null, kind: "empty", text: "" } : toCell(cell.value, cell.numFmt));
    }
    cells.push(row);
  }
  return { sheetName: ws.name, fileName: name, cells, origin: { row: 0, col: 0 } };
}

const kpiRows = (r: SheetReport) => r.items.map((i) => [i.row, i.status, i.rate, i.kpis.map((k) => [k.target, k.actual, k.direction, k.rate, k.status])]);
const codes = (r: SheetReport) => r.issues.map((i) => `${i.code}@${i.cell ?? "-"}`);

describe("v2 fixtures (FY2023, phase final)", () => {
  it("are the same files as ../shared/fixtures (when ../shared is there)", () => {
    const shared = sharedDir();
    if (!shared) {
      console.warn("SKIP: ../shared not found beside the repo; using the bundled copies only");
      return;
    }
    for (const f of ["v2-multirow-r5.xlsx", "v2-kpi-table-r5.xlsx", "v2-years-across-r5.xlsx"]) {
      expect(fs.readFileSync(fixture(f)).equals(fs.readFileSync(path.join(shared, "fixtures", f)))).toBe(true);
    }
  });

  it("v2-multirow-r5: item 1 over rows 3–4 is mostly achieved (KPI 2 at 0.92); item 2 a reduction amount", async () => {
    const input = await readFixture("v2-multirow-r5.xlsx");
    const r = judge(input);
    expect(r.layout).toBe("progress");
    expect(r.fiscalYear).toBe(2023);
    expect(kpiRows(r)).toEqual([
      [3, "mostly_achieved", 0.92, [[380, 372, "lower", 1.0215, "achieved"], [30, 27.6, "higher", 0.92, "mostly_achieved"]]],
      [5, "achieved", 1.1333, [[3, 3.4, "higher", 1.1333, "achieved"]]],
    ]);
    expect(r.items[0].rows).toEqual([3, 4]);
    expect(r.items[0].kpis[0].unit).toBe("g");
    expect(r.items[0].kpis[1].evidence).toMatchObject({ target: { cell: "D4", words: "30%以上" }, actual: { cell: "G4", words: "27.6%" } });
    expect(codes(r)).toEqual([]);
  });

  it("v2-kpi-table-r5: six KPI rows with 方向性, baselines, an empty and a pending actual", async () => {
    const r = judge(await readFixture("v2-kpi-table-r5.xlsx"));
    expect(r.layout).toBe("kpi-table");
    expect(r.headerRow).toBe(2);
    expect(r.fiscalYear).toBe(2023);
    expect(kpiRows(r)).toEqual([
      [3, "achieved", 1.0478, [[230, 241, "higher", 1.0478, "achieved"]]],
      [4, "mostly_achieved", 0.9959, [[98.5, 98.1, "higher", 0.9959, "mostly_achieved"]]],
      [5, "achieved", 1.0323, [[4800, 4650, "lower", 1.0323, "achieved"]]],
      [6, "mostly_achieved", 0.9091, [[800, 880, "lower", 0.9091, "mostly_achieved"]]],
      [7, "not_entered", null, [[40, null, "higher", null, "not_entered"]]],
      [8, "unknown", null, [[75, null, "higher", null, "unknown"]]],
    ]);
    expect(r.items[0].kpis[0].unit).toBe("万冊");
    expect(r.issues.map((i) => [i.code, i.cell, i.column, i.severity])).toEqual([
      ["empty-required-cell", "G7", "実績値", "error"],
      ["actual-pending", "G8", "実績値", "info"],
    ]);
    expect(r.items[0].kpis[0].evidence).toEqual({ target: { cell: "F3", text: "230", words: "230", year: 2023 }, actual: { cell: "G3", text: "241", words: "241" }, claim: null });
  });

  it("v2-years-across-r5: column R5; indicator 2's falling targets mean lower is better", async () => {
    const r = judge(await readFixture("v2-years-across-r5.xlsx"));
    expect(r.layout).toBe("years-across");
    expect(r.headerRow).toBe(2);
    expect(r.columns["年度"]).toBe("F");
    expect(kpiRows(r)).toEqual([
      [3, "achieved", 1.0289, [[45, 46.3, "higher", 1.0289, "achieved"]]],
      [5, "mostly_achieved", 0.962, [[38, 39.5, "lower", 0.962, "mostly_achieved"]]],
    ]);
    expect(r.items[0].rows).toEqual([3, 4]);
    expect(r.items[0].kpis[0].unit).toBe("%");
    expect(r.items[1].kpis[0].evidence.actual).toEqual({ cell: "F6", text: "39.5", words: "39.5" });
    expect(codes(r)).toEqual([]);
  });

  it("a forced layout that does not fit finds no header", async () => {
    const input = await readFixture("v2-kpi-table-r5.xlsx");
    const config = { ...DEFAULT_CONFIG, layout: "years-across" as const };
    expect(judge(input, config).recognized).toBe(false);
  });
});
