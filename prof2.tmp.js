const ExcelJS = require("exceljs");
const {readSheet} = require("./build/src/xlsx");
const {judge, DEFAULT_CONFIG} = require("./build/src/core");
(async()=>{
const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile("/tmp/b20k.xlsx");
const input = readSheet(wb.worksheets[0], "x");
require("fs").writeFileSync("/tmp/input20k.json", JSON.stringify(input));
})();
