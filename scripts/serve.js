#!/usr/bin/env node
// Serves dist/ as static files on 127.0.0.1 (the preview page, or the add-in over https for sideloading).
//   node scripts/serve.js [--port 8080] [--https]   (--https uses office-addin-dev-certs' certificates)
//   node scripts/serve.js --fresh                    (npm run preview: builds first unless dist/ is newer than its sources)
// When the port is taken, the next free one is used (and said).
"use strict";
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
/** What a build is made from: when none is newer than dist/, the build is fresh. */
const SOURCES = ["src", "assets", "samples", "webpack.config.js", "tsconfig.json", "tsconfig.web.json", "package.json", "manifest.xml"];
const OUTPUTS = ["dist/preview.html", "dist/shinchoku-offline.html", "dist/round-worker.js"];

function newest(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0; // files only: a folder's own time changes with anything inside it
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

/** True when every output exists and is newer than every source. */
function isFresh(root = ROOT) {
  let built = Infinity;
  for (const o of OUTPUTS) {
    try {
      built = Math.min(built, fs.statSync(path.join(root, o)).mtimeMs);
    } catch {
      return false;
    }
  }
  return SOURCES.every((s) => newest(path.join(root, s)) <= built);
}

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css", ".png": "image/png", ".xml": "application/xml", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".json": "application/json", ".map": "application/json" };

function createServer(root, useHttps) {
  const handler = (req, res) => {
    const url = new URL(req.url, "http://x");
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith("/")) rel += "preview.html";
    const file = path.resolve(root, "." + rel);
    if (!file.startsWith(path.resolve(root) + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache" });
      res.end(data);
    });
  };
  if (!useHttps) return http.createServer(handler);
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const key = path.join(dir, "localhost.key");
  const cert = path.join(dir, "localhost.crt");
  if (!fs.existsSync(key)) throw new Error(`No dev certificates in ${dir}: run "npx office-addin-dev-certs install" first.`);
  return https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, handler);
}

function listen(root, port, useHttps) {
  return new Promise((resolve, reject) => {
    const server = createServer(root, useHttps);
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve({ server, url: `${useHttps ? "https" : "http"}://127.0.0.1:${server.address().port}/` }));
  });
}

/** Serves on `port`; with `fallback`, a taken port moves on to the next ones (then any free port). */
async function serve({ root = path.resolve(__dirname, "../dist"), port = 8080, useHttps = false, fallback = false } = {}) {
  const tries = fallback && port !== 0 ? [...Array.from({ length: 10 }, (_, i) => port + i), 0] : [port];
  let last;
  for (const p of tries) {
    try {
      return await listen(root, p, useHttps);
    } catch (e) {
      if (e.code !== "EADDRINUSE") throw e;
      last = e;
    }
  }
  throw last;
}

module.exports = { serve, isFresh };

if (require.main === module) {
  const args = process.argv.slice(2);
  const useHttps = args.includes("--https");
  const i = args.indexOf("--port");
  const port = i >= 0 ? Number(args[i + 1]) : useHttps ? 3000 : 8080;
  if (args.includes("--fresh")) {
    if (isFresh()) console.log("Shinchoku: dist/ is up to date with its sources (no rebuild).");
    else {
      const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
      if (r.status !== 0) process.exit(r.status ?? 2);
    }
  }
  if (!fs.existsSync(path.resolve(__dirname, "../dist/preview.html"))) {
    console.error("dist/ is not built: run `npm run build` first.");
    process.exit(2);
  }
  serve({ port, useHttps, fallback: true }).then(
    ({ server, url }) => {
      if (server.address().port !== port) console.log(`Shinchoku: port ${port} is taken; using ${server.address().port}.`);
      console.log(`Shinchoku: ${url}preview.html (Ctrl+C to stop)`);
      if (fs.existsSync(path.resolve(__dirname, "../dist/shinchoku-offline.html"))) console.log(`Shinchoku: one file for closed networks: ${path.resolve(__dirname, "../dist/shinchoku-offline.html")}`);
    },
    (e) => {
      console.error(`Shinchoku: cannot serve: ${e.message}`);
      process.exit(2);
    },
  );
}
