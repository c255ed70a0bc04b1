/**
 * Test-only preload (node -r): pauses the built CLI inside a save, at the step named by
 * SHINCHOKU_PAUSE_AT ("tmp-written" or "before-rename", see saveHooks in src/xlsx/node-file.ts),
 * after writing "PAUSED <step>" to stderr, so a test can kill it there and look at the file.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const step = process.env.SHINCHOKU_PAUSE_AT;
if (step) {
  const { saveHooks } = require(path.resolve(__dirname, "../../build/src/xlsx/node-file.js"));
  saveHooks.step = (name) => {
    if (name !== step) return;
    fs.writeSync(2, `PAUSED ${name}\n`);
    // Block this thread for good (until killed); nothing else of the save runs.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  };
}
