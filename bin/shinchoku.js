#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../build/src/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    process.stderr.write("shinchoku: まだビルドされていません。プロジェクトのフォルダーで `npm run build:cli` を実行してください。\n");
    process.exit(2);
  }
  throw e;
}
// A closed pipe (e.g. `| head`) is not an error worth a stack trace.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
  throw e;
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
