#!/usr/bin/env node
"use strict";
const fs = require("fs");
const path = require("path");

const entry = path.join(__dirname, "..", "build", "src", "cli", "main.js");
if (!fs.existsSync(entry)) {
  // A clone where `npm ci` (which builds through `prepare`) has not run yet.
  process.stderr.write("shinchoku: まだビルドされていません。プロジェクトのフォルダーで `npm run build:cli` を実行してください。\n");
  process.exit(2);
}
const cli = require(entry);
// A closed pipe (e.g. `| head`) is not an error worth a stack trace.
process.stdout.on("error", (e) => {
  if (e && e.code === "EPIPE") process.exit(process.exitCode || 0);
  throw e;
});
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
