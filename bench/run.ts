/** `npm run bench`: every figure the issues ask for, one JSON line each. BENCH=name,name to choose. */
import { benchCheckProcess, benchCore } from "./cli-bench";
import { benchGateway } from "./gateway-bench";
import { benchBundle, benchPreview } from "./preview-bench";
import { benchRound } from "./round-bench";
import { benchOffline, benchPageRound } from "./page-round-bench";
import { benchRoundLarge } from "./round-large-bench";
import { benchLoad } from "./load-bench";
import { benchCoreLayouts, benchCoreV1, benchLongCell } from "./core-bench";
import { benchFiles, benchPreviewSave } from "./xlsx-bench";

const all: Record<string, () => Promise<void>> = {
  core: () => benchCore(20000),
  "core-v2": async () => {
    benchCoreV1(20000);
    benchCoreLayouts(30000);
    benchLongCell();
  },
  cli: () => benchCheckProcess(20000),
  gateway: () => benchGateway(),
  bundle: async () => benchBundle(),
  preview: () => benchPreview(),
  round: () => benchRound(200, 30),
  "round-large": () => benchRoundLarge(300, 300),
  load: () => benchLoad(),
  files: () => benchFiles(20000),
  "preview-save": () => benchPreviewSave(),
  "page-round": async () => (await benchPageRound(50, 30), await benchOffline()),
};

async function run(): Promise<void> {
  const chosen = process.env.BENCH ? process.env.BENCH.split(",") : Object.keys(all);
  for (const name of chosen) {
    const f = all[name];
    if (!f) throw new Error(`unknown bench ${name}; known: ${Object.keys(all).join(", ")}`);
    await f();
  }
}

run().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
