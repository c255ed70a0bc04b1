// Preloaded into a measured process (node -r bench/rss.js …): prints its peak resident memory on exit.
process.on("exit", () => require("fs").writeSync(2, `\nmaxRSS_KB ${process.resourceUsage().maxRSS}\n`));
