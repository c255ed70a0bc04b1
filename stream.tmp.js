const ExcelJS = require("exceljs");
(async () => {
  const t = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader("/tmp/b20k.xlsx", { sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore", worksheets: "emit", entries: "emit" });
  let rows = 0;
  for await (const ws of reader) {
    console.log("sheet", ws.name, ws.id);
    for await (const row of ws) { rows++; }
  }
  console.log(rows, performance.now() - t);
})();
