const {judge, DEFAULT_CONFIG} = require("./build/src/core");
const input = JSON.parse(require("fs").readFileSync("/tmp/input20k.json","utf8"));
const ts=[];
for (let i=0;i<10;i++){const t=performance.now(); judge(input, DEFAULT_CONFIG); ts.push(performance.now()-t);}
console.log(ts.map(x=>x.toFixed(0)).join(" "));
