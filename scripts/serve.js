#!/usr/bin/env node
// Serves dist/ as static files on 127.0.0.1 (the preview page, or the add-in over https for sideloading).
//   node scripts/serve.js [--port 8080] [--https]   (--https uses office-addin-dev-certs' certificates)
"use strict";
const fs = require("fs");
const http = require("http");
const https = require("https");
const os = require("os");
const path = require("path");

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

function serve({ root = path.resolve(__dirname, "../dist"), port = 8080, useHttps = false } = {}) {
  return new Promise((resolve, reject) => {
    const server = createServer(root, useHttps);
    server.on("error", reject);
    server.listen(port, "127.0.0.1", () => resolve({ server, url: `${useHttps ? "https" : "http"}://127.0.0.1:${server.address().port}/` }));
  });
}

module.exports = { serve };

if (require.main === module) {
  const args = process.argv.slice(2);
  const useHttps = args.includes("--https");
  const i = args.indexOf("--port");
  const port = i >= 0 ? Number(args[i + 1]) : useHttps ? 3000 : 8080;
  if (!fs.existsSync(path.resolve(__dirname, "../dist/preview.html"))) {
    console.error("dist/ is not built: run `npm run build` first.");
    process.exit(2);
  }
  serve({ port, useHttps }).then(
    ({ url }) => console.log(`Shinchoku: ${url}preview.html (Ctrl+C to stop)`),
    (e) => {
      console.error(`Shinchoku: cannot serve: ${e.message}`);
      process.exit(2);
    },
  );
}
