import ExcelJS from "exceljs";
import { judge } from "../../src/core";
import { readSheet } from "../../src/xlsx";
import { toCell } from "../../src/xlsx/cells";

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
    const buf = await wb.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(buf);
    const input = readSheet(back.getWorksheet("a")!, "a.xlsx");
    expect(input.cells[0].filter((c) => c.kind !== "empty")).toHaveLength(1);
    expect(input.cells[2][2].kind).toBe("empty");
    const r = judge(input);
    expect(r.issues.filter((i) => i.code === "duplicate-column")).toEqual([]);
    expect(r.title).toBe("令和2年度 進捗状況");
    expect(r.items.map((i) => i.row)).toEqual([4, 5]);
    expect(r.issues.filter((i) => i.code === "duplicate-number")).toEqual([]);
  });

  it("converts every ExcelJS value kind", () => {
    expect(toCell({ richText: [{ text: "a" }, { text: "b" }] })).toMatchObject({ kind: "text", text: "ab" });
    expect(toCell({ formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue)).toMatchObject({ kind: "number", value: 2 });
    expect(toCell({ error: "#N/A" } as ExcelJS.CellErrorValue)).toMatchObject({ kind: "error", text: "#N/A" });
    expect(toCell(new Date("2024-02-24T00:00:00Z"))).toMatchObject({ kind: "date", text: "2024-02-24" });
    expect(toCell(true)).toMatchObject({ kind: "boolean" });
    expect(toCell({ text: "link", hyperlink: "http://x" } as ExcelJS.CellHyperlinkValue)).toMatchObject({ kind: "text", text: "link" });
    expect(toCell(null).kind).toBe("empty");
  });
});
