// The floor: a Node process that only loads the workbook with ExcelJS.
const ExcelJS = require("exceljs");
const wb = new ExcelJS.Workbook();
wb.xlsx.readFile(process.argv[2]).then(() => process.stdout.write(String(wb.worksheets.length)));
