#!/usr/bin/env node
// `npm run fuzz`: the property tests with many more cases and a fresh seed (printed, so a failure can be replayed).
"use strict";
const { spawnSync } = require("child_process");
const seed = process.env.FC_SEED || String(Math.floor(Math.random() * 2 ** 31));
const runs = process.env.FC_RUNS || "100000";
console.log(`fuzz: FC_SEED=${seed} FC_RUNS=${runs}`);
const r = spawnSync(process.execPath, [require.resolve("jest/bin/jest"), "tests/core/properties.test.ts"], { stdio: "inherit", env: { ...process.env, FC_SEED: seed, FC_RUNS: runs } });
process.exit(r.status ?? 1);
