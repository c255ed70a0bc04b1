/** A round's folder of submissions: real workbooks of several layouts, a broken file, text that looks like markup. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { addProgressSheet } from "../../bench/generate";

const ROOT = path.resolve(__dirname, "../..");

/** Makes the folder; returns it and the submissions' names in the order a folder walk gives them. */
export async function makeRound(): Promise<{ dir: string; names: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-round-"));
  const copy = (from: string, to: string) => fs.copyFileSync(path.join(ROOT, from), path.join(dir, to));
  copy("tests/fixtures/seed-jinji-zaisei-r2.libreoffice.xlsx", "人事・財政部会.xlsx");
  copy("samples/sample-r2.xlsx", "市民協働部会.xlsx");
  copy("tests/fixtures/v2-kpi-table-r5.xlsx", "kpi-table.xlsx");
  copy("tests/fixtures/v2-years-across-r5.xlsx", "years-across.xlsx");
  copy("tests/files/corpus/libreoffice.xls", "旧形式.xls");
  copy("tests/files/corpus/libreoffice.ods", "ods形式.ods");
  const wb = new ExcelJS.Workbook();
  const ws = addProgressSheet(wb, "進捗", 12, "令和2年度 <b>こども</b>部会 所管項目");
  ws.getCell("G6").value = null;
  await wb.xlsx.writeFile(path.join(dir, "こども部会.xlsx"));
  fs.writeFileSync(path.join(dir, "壊れた.xlsx"), "not a zip");
  const names = fs.readdirSync(dir).sort((a, b) => a.localeCompare(b));
  return { dir, names };
}
