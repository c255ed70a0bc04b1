#!/usr/bin/env node
// npm start / npm stop: sideload the add-in into desktop Excel with office-addin-debugging (Windows,
// macOS), which also runs `npm run dev-server`. office-addin-debugging is not a dependency (it
// does not install everywhere: a native keytar build), so it is run through npx.
// On Linux there is no desktop Excel: the message says how to use Excel on the web instead.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const stop = process.argv.includes("--stop");
const root = path.resolve(__dirname, "..");
const manifest = path.join(root, "manifest.xml");

const WEB_STEPS = [
  "Excel on the web で試す手順 / To try it in Excel on the web:",
  "  1. npm run dev-server            (https://localhost:3000 を起動 / starts https://localhost:3000; trust the dev CA it names)",
  "  2. Excel on the web でブックを開く / open a workbook in Excel on the web",
  "  3. [ホーム] → [アドイン] → [その他のアドイン] → [個人用アドイン] → [マイ アドインのアップロード] → manifest.xml",
  "     (Home → Add-ins → More Add-ins → My Add-ins → Upload My Add-in → manifest.xml)",
  "  To deploy for a whole organisation see docs/deploy.md.",
];

if (process.platform !== "win32" && process.platform !== "darwin") {
  if (stop) {
    console.log("npm stop: nothing was sideloaded on this platform. Stop `npm run dev-server` with Ctrl+C.");
    process.exit(0);
  }
  console.error(`npm start: desktop Excel sideloading is not available on ${process.platform} (office-addin-debugging: "platform not supported").`);
  console.error(WEB_STEPS.join("\n"));
  process.exit(1);
}

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const args = stop ? ["--yes", "office-addin-debugging", "stop", manifest] : ["--yes", "office-addin-debugging", "start", manifest, "desktop", "--app", "excel"];
console.log(`> ${npx} ${args.join(" ")}`);
const r = spawnSync(npx, args, { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
if (r.error) {
  console.error(`Could not run office-addin-debugging: ${r.error.message}`);
  console.error(WEB_STEPS.join("\n"));
  process.exit(1);
}
process.exit(r.status ?? 1);
