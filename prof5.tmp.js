const c = require("./build/src/core");
const {evaluateTargets} = require("./build/src/core/target");
const input = JSON.parse(require("fs").readFileSync("/tmp/input20k.json","utf8"));
const rows = input.cells.slice(3);
const units = new c.UnitList(c.DEFAULT_CONFIG.units);
for (let k=0;k<10;k++) for (const r of rows) evaluateTargets(r[3].text, 2020, 2020, units);
