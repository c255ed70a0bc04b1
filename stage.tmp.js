const t0 = performance.now();
const {readSheetsStreaming} = require("./build/src/xlsx/stream-read");
const {judge, DEFAULT_CONFIG} = require("./build/src/core");
const {renderJson} = require("./build/src/cli/render-json");
const fs = require("fs");
(async () => {
  const t1 = performance.now();
  const inputs = await readSheetsStreaming(fs.readFileSync("/tmp/b20k.xlsx"), "x");
  const t2 = performance.now();
  const r = judge(inputs[0], DEFAULT_CONFIG);
  const t3 = performance.now();
  const s = renderJson([{file:"x",error:null,sheets:[r],writtenTo:null}]);
  const t4 = performance.now();
  console.log({require: t1-t0, stream: t2-t1, judge: t3-t2, json: t4-t3});
})();
