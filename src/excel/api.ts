/**
 * The subset of the Excel JavaScript API the gateway uses, as narrow structural types. Every
 * member is taken from @types/office-js (Pick or an explicit signature checked below), so a
 * misspelled or renamed member fails to compile, and a test fake can implement just this.
 */

export type XLoadable = { load(propertyNames: string): unknown };

export interface XRangeFormat extends Pick<Excel.RangeFormat, "columnWidth" | "useStandardWidth" | "wrapText" | "verticalAlignment">, XLoadable {
  font: Pick<Excel.RangeFont, "bold">;
  fill: Pick<Excel.RangeFill, "clear">;
}

export interface XDataValidation extends XLoadable {
  rule: Excel.DataValidationRule;
  readonly type: Excel.DataValidation["type"];
  clear(): void;
}

export interface XRange extends Pick<Excel.Range, "values" | "valueTypes" | "numberFormat" | "rowIndex" | "columnIndex" | "rowCount" | "columnCount" | "address" | "isNullObject" | "select">, XLoadable {
  format: XRangeFormat;
  dataValidation: XDataValidation;
  getCellProperties(options: Excel.CellPropertiesLoadOptions): OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  setCellProperties(cellPropertiesData: Excel.SettableCellProperties[][]): void;
  clear(applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks"): void;
}

export interface XChart extends Pick<Excel.Chart, "delete"> {
  title: { text: string };
  setPosition(startCell: string, endCell?: string): void;
}

export interface XWorksheet extends Pick<Excel.Worksheet, "name" | "visibility" | "isNullObject" | "activate" | "delete">, XLoadable {
  protection: Pick<Excel.WorksheetProtection, "protected"> & XLoadable;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): XRange;
  getRange(address?: string): XRange;
  charts: { add(type: "ColumnStacked", sourceData: XRange, seriesBy?: "Auto" | "Columns" | "Rows"): XChart; items: XChart[] } & XLoadable & { getCount(): OfficeExtension.ClientResult<number> };
}

export interface XWorksheetCollection extends XLoadable {
  items: XWorksheet[];
  getActiveWorksheet(): XWorksheet;
  getItem(key: string): XWorksheet;
  getItemOrNullObject(key: string): XWorksheet;
  add(name?: string): XWorksheet;
}

export interface XContext {
  workbook: { worksheets: XWorksheetCollection; application: Pick<Excel.Application, "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync"> };
  sync(): Promise<unknown>;
}

// Compile-time proof that the real API satisfies these types.
export const assertRealContext = (c: Excel.RequestContext): XContext => c as unknown as XContext;
type Assert<T extends true> = T;
type RealRangeFits = Excel.Range extends Omit<XRange, "format" | "dataValidation" | "load" | "getCellProperties" | "setCellProperties" | "clear"> ? true : false;
type RealSheetFits = Excel.Worksheet extends Omit<XWorksheet, "protection" | "getUsedRangeOrNullObject" | "getRangeByIndexes" | "getRange" | "charts" | "load"> ? true : false;
export type ApiChecks = [Assert<RealRangeFits>, Assert<RealSheetFits>];
// Method signatures checked one by one against the real members:
type Fits<A, B> = A extends B ? true : false;
export type MethodChecks = [
  Assert<Fits<Excel.Range["getCellProperties"], XRange["getCellProperties"]>>,
  Assert<Fits<Excel.Range["setCellProperties"], XRange["setCellProperties"]>>,
  Assert<Fits<Excel.Worksheet["getRangeByIndexes"], (a: number, b: number, c: number, d: number) => Excel.Range>>,
  Assert<Fits<Excel.Worksheet["getUsedRangeOrNullObject"], (valuesOnly?: boolean) => Excel.Range>>,
  Assert<Fits<Excel.Worksheet["getRange"], (address?: string) => Excel.Range>>,
  Assert<Fits<Excel.WorksheetCollection["getItem"], (key: string) => Excel.Worksheet>>,
  Assert<Fits<Excel.WorksheetCollection["getItemOrNullObject"], (key: string) => Excel.Worksheet>>,
  Assert<Fits<Excel.WorksheetCollection["getActiveWorksheet"], () => Excel.Worksheet>>,
  Assert<Fits<Excel.WorksheetCollection["add"], (name?: string) => Excel.Worksheet>>,
  Assert<Fits<Excel.DataValidation["clear"], () => void>>,
  Assert<Fits<Excel.DataValidation["rule"], Excel.DataValidationRule>>,
  Assert<Fits<Excel.RangeFill["clear"], () => void>>,
  Assert<Fits<Excel.ChartCollection["add"], (type: "ColumnStacked", sourceData: Excel.Range, seriesBy?: "Auto" | "Columns" | "Rows") => Excel.Chart>>,
  Assert<Fits<Excel.Chart["setPosition"], (startCell: string, endCell?: string) => void>>,
  Assert<Fits<Excel.Range["clear"], (applyTo?: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks") => void>>,
];
