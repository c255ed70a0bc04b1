import ExcelJS from "exceljs";
import { judge } from "../../src/core";
import { readWorkbook } from "../../src/xlsx";

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("xlsx reader", () => {
  it("reads merged cells as Excel shows them: the value in the top-left cell only", async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("a");
    s.getCell("A1").value = "令和2年度 進捗状況";
    s.mergeCells("A1:H1");
    ["番号", "項目名", "", "目標達成水準", "期末自己評価"].forEach((v, i) => v && (s.getCell(3, i + 1).value = v));
    s.mergeCells("B3:C3");
    s.getCell("A4").value = 1;
    s.getCell("B4").value = "項目";
    s.getCell("D4").value = "2年度 5件";
    s.getCell("E4").value = "5件";
    s.mergeCells("A4:A5");
    s.getCell("B5").value = "（続き）";
    const input = readWorkbook(await bytesOf(wb), "a.xlsx").sheets[0];
    expect(input.cells[0].filter((c) => c.kind !== "empty")).toHaveLength(1);
    expect(input.cells[2][2].kind).toBe("empty");
    const r = judge(input);
    expect(r.issues.filter((i) => i.code === "duplicate-column")).toEqual([]);
    expect(r.title).toBe("令和2年度 進捗状況");
    expect(r.issues.filter((i) => i.code === "duplicate-number")).toEqual([]);
  });

  it("gives every value kind as Excel shows it", async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("a");
    s.getCell("A1").value = { richText: [{ text: "a" }, { font: { bold: true }, text: "b" }] };
    s.getCell("A2").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
    s.getCell("A3").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    s.getCell("A4").value = new Date("2024-02-24T00:00:00Z");
    s.getCell("A5").value = true;
    s.getCell("A6").value = { text: "link", hyperlink: "http://x" } as ExcelJS.CellHyperlinkValue;
    s.getCell("A7").value = 0.981;
    s.getCell("A7").numFmt = "0.0%";
    s.getCell("A8").value = 1200;
    s.getCell("A8").numFmt = "#,##0";
    s.getCell("A9").value = { formula: 'A1&"x"', result: "abx" } as ExcelJS.CellFormulaValue;
    const cells = readWorkbook(await bytesOf(wb), "a.xlsx").sheets[0].cells.map((r) => r[0]);
    expect(cells[0]).toMatchObject({ kind: "text", text: "ab" });
    expect(cells[1]).toMatchObject({ kind: "number", value: 2 });
    expect(cells[2]).toMatchObject({ kind: "error", text: "#N/A" });
    expect(cells[3]).toMatchObject({ kind: "date", text: "2024-02-24" });
    expect(cells[4]).toMatchObject({ kind: "boolean", value: true, text: "TRUE" });
    expect(cells[5]).toMatchObject({ kind: "text", text: "link" });
    expect(cells[6]).toMatchObject({ kind: "number", value: 0.981, text: "98.1%" });
    expect(cells[7]).toMatchObject({ kind: "number", value: 1200, text: "1200" });
    expect(cells[8]).toMatchObject({ kind: "text", text: "abx" });
  });
});
