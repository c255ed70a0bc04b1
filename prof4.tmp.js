const c = require("./build/src/core");
const {evaluateTargets} = require("./build/src/core/target");
const input = JSON.parse(require("fs").readFileSync("/tmp/input20k.json","utf8"));
const rows = input.cells.slice(3);
const units = new c.UnitList(c.DEFAULT_CONFIG.units);
function time(name, f){ for(let k=0;k<2;k++){const t=performance.now(); for(const r of rows) f(r); if(k) console.log(name, (performance.now()-t).toFixed(1));}}
time("parseText target", r => c.toParseText(r[3].text));
time("parseText final", r => c.toParseText(r[6].text||""));
time("evaluateTargets", r => evaluateTargets(r[3].text, 2020, 2020, units));
const finals = rows.map(r => c.toParseText(r[6].text||""));
let i=0; time("findClaims", r => c.findClaims(finals[(i++)%finals.length], ["1","2"]));
i=0; time("findActuals", r => c.findActuals(finals[(i++)%finals.length], [{id:"1",unit:"%"},{id:"2",unit:"回"}], 2020, 2020, units));
time("nfkc", r => r[6].text.normalize("NFKC"));
time("judge/20k", ()=>{}); 
