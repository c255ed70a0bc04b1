import ExcelJS from "exceljs";
import { writeWorkbook, xmlText } from "../../src/report/sheet-writer";
import { crc32 } from "../../src/cli/report/zip";

describe("the report's own .xlsx writer", () => {
  it("computes standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });

  it("strips what XML cannot carry and escapes the rest", () => {
    expect(xmlText("a\u0001b\ud800c<&>\"")).toBe("abc&lt;&amp;&gt;&quot;");
    expect(xmlText("😀")).toBe("😀");
  });

  it("writes a workbook ExcelJS reads back: strings stay text, numbers numbers, links, table", async () => {
    const buf = writeWorkbook(
      [
        { name: "一覧", header: ["名前", "値", "リンク"], rows: [["=1+2", 3.5, { text: "G7", link: "a.xlsx#'S'!G7" }], ["<script>x</script>\u0007", null, "@SUM(A1)"]], widths: [10, 10, 10] },
        { name: "表", header: ["A", "B"], rows: [[1, "x"]], widths: [5, 5], table: "T1" },
      ],
      ["FFB3D7F0"],
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("一覧")!;
    expect(ws.getCell("A2").value).toBe("=1+2");
    expect(ws.getCell("A2").formula).toBeUndefined();
    expect(ws.getCell("B2").value).toBe(3.5);
    expect(ws.getCell("C2").value).toEqual({ text: "G7", hyperlink: "a.xlsx#'S'!G7" });
    expect(ws.getCell("A3").value).toBe("<script>x</script>");
    expect(ws.getCell("C3").value).toBe("@SUM(A1)");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(Object.keys((wb.getWorksheet("表") as unknown as { tables: object }).tables)).toEqual(["T1"]);
  });
});
