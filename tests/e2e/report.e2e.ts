/** The round's report.html in Chromium: renders offline, runs no injected script, prints on A4. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { addProgressSheet } from "../../bench/generate";
import { ARTIFACTS, launch, ROOT, unavailable } from "./browser";

const why = unavailable();
const maybe = why ? describe.skip : describe;

maybe("report.html (Chromium)", () => {
  it("shows injected markup as text, runs nothing, makes no request, and prints on A4", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-report-e2e-"));
    const wb = new ExcelJS.Workbook();
    addProgressSheet(wb, "進捗", 8, "令和2年度 <script>document.title='pwned'</script>部会");
    const ws = wb.getWorksheet("進捗")!;
    ws.getCell("G5").value = null; // an issue whose message quotes nothing, plus a blank
    await wb.xlsx.writeFile(path.join(dir, "xss.xlsx"));
    fs.copyFileSync(path.join(ROOT, "tests/fixtures/seed-jinji-zaisei-r2.libreoffice.xlsx"), path.join(dir, "人事・財政部会.xlsx"));
    fs.writeFileSync(path.join(dir, "broken.xlsx"), "not a zip");
    const out = path.join(dir, "out");
    const quiet = { write: () => true };
    expect(await main(["report", dir, "--out", out], { stdout: quiet, stderr: quiet })).toBe(1);

    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      await page.goto(`file://${path.join(out, "report.html")}`);
      expect(await page.title()).toBe("進捗状況 集計レポート");
      expect(await page.locator("script").count()).toBe(0);
      expect(await page.getByText("<script>document.title='pwned'</script>部会").count()).toBeGreaterThan(0);
      expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, "report.png"), fullPage: true });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      fs.writeFileSync(path.join(ARTIFACTS, "report.pdf"), pdf);
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
