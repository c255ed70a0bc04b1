/** The pane's round into the current workbook (no Excel.createWorkbook): sheets added on the fake Excel. */
import { addRoundSheets, freeName } from "../../src/excel/round-book";
import { FakeContext, sheetData } from "../excel/fake-excel";

describe("the round's sheets in the current workbook", () => {
  it("freeName: a taken name (any case) gets (2), (3)…", () => {
    expect(freeName("提出状況", ["進捗"])).toBe("提出状況");
    expect(freeName("KPI一覧", ["kpi一覧", "KPI一覧 (2)"])).toBe("KPI一覧 (3)");
  });

  it("adds the three sheets beside the existing ones, header and rows as values, in blocks of rows", async () => {
    const ctx = new FakeContext([sheetData("進捗", [["x"]]), sheetData("提出状況", [["old"]])]);
    const rows = Array.from({ length: 4500 }, (_, i) => [`部会${i}`, i, null]);
    const names = await addRoundSheets(ctx, [
      { name: "提出状況", header: ["部会", "項目数", "備考"], rows },
      { name: "KPI一覧", header: ["部会"], rows: [["a"]] },
      { name: "問題一覧", header: ["部会"], rows: [] },
    ]);
    expect(names).toEqual(["提出状況 (2)", "KPI一覧", "問題一覧"]);
    expect(ctx.engine.sheets.map((s) => s.name)).toEqual(["進捗", "提出状況", "提出状況 (2)", "KPI一覧", "問題一覧"]);
    const sheet = ctx.engine.sheets[2];
    expect(sheet.cells.get("0,0")?.value).toBe("部会");
    expect(sheet.cells.get("4500,0")?.value).toBe("部会4499");
    expect(sheet.cells.get("4500,1")?.value).toBe(4499);
    expect(sheet.cells.get("4500,2")).toMatchObject({ value: "", type: "Empty" }); // null written as "": an empty cell
    expect(ctx.engine.sheets[1].cells.get("0,0")?.value).toBe("old"); // the existing sheet untouched
    expect(ctx.engine.active).toBe("提出状況 (2)");
    // 4,501 rows in blocks of 2,000: three syncs for that sheet, not one huge request.
    expect(ctx.syncs).toBeGreaterThanOrEqual(5);
  });
});
