// The floor for a round: a Node process that only loads every .xlsx of a folder with ExcelJS.
const ExcelJS = require("exceljs");
const fs = require("fs");
const path = require("path");
(async () => {
  const dir = process.argv[2];
  let sheets = 0;
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx")).sort()) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, f));
    sheets += wb.worksheets.length;
  }
  process.stdout.write(String(sheets));
})();
