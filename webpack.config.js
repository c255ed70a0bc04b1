/* eslint-disable */
// Builds the add-in (taskpane, commands, dialog) and the preview page into dist/.
//   webpack --mode production --env urlProd=https://example.org/shinchoku/   (manifest URLs for hosting)
//   webpack --mode production --env officeJs=local                           (office.js copied from @microsoft/office-js, for closed networks)
//   webpack serve --mode development                                         (npm run dev-server: https://localhost:3000 with hot reload)
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Files of @microsoft/office-js/dist an Excel add-in loads (globs, relative to dist/). */
const OFFICE_JS_FILES = ["office.js", "excel-*-16.0*.js", "telemetry/oteljs_agave.js", "ja-jp/office_strings.js", "en-us/office_strings.js"];

/**
 * https options for the dev server from office-addin-dev-certs: its certificates, installed in the
 * system's trust store where it can (Windows, macOS; Linux with sudo). Where it cannot, the
 * certificates are still generated (pure JS) and the browser must be told to trust the CA.
 */
async function devHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const defaults = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(defaults.localhostCertificatePath)) await require("office-addin-dev-certs/lib/generate").generateCertificates();
    console.warn(`Shinchoku dev-server: the certificates could not be installed in the trust store (${e.message.split("\n")[0]}).\n  Trust ${defaults.caCertificatePath} in your browser (or run "npx office-addin-dev-certs install" with admin rights).`);
    return { ca: fs.readFileSync(defaults.caCertificatePath), cert: fs.readFileSync(defaults.localhostCertificatePath), key: fs.readFileSync(defaults.localhostKeyPath) };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const config = build(env, argv);
  // A production build also writes dist/shinchoku-offline.html (after the main build: it cleans dist/).
  if (!env.WEBPACK_SERVE) return argv.mode === "development" || env.noOffline ? config : [config, offline()];
  const { port, hostname } = new URL(DEV_URL);
  config.devServer = {
    host: hostname,
    port: Number(port),
    hot: true,
    // The manifest's host name (a server bound to 127.0.0.1 refuses https://localhost:3000 as a Host header).
    allowedHosts: [hostname],
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: await devHttpsOptions() },
    client: { overlay: { errors: true, warnings: false } },
    static: false,
    devMiddleware: { writeToDisk: false },
  };
  return config;
};

module.exports.OFFICE_JS_FILES = OFFICE_JS_FILES;

function build(env, argv) {
  const production = argv.mode !== "development";
  const urlProd = env.urlProd || DEV_URL;
  if (!/^https:\/\/[^\s"<>]+\/$/.test(urlProd)) throw new Error(`--env urlProd must be an https URL ending in "/" (got ${urlProd})`);
  const localOffice = env.officeJs === "local";
  const officeJs = localOffice ? "office-js/office.js" : CDN_OFFICE_JS;
  const officeOrigin = localOffice ? "" : "https://appsforoffice.microsoft.com";
  const page = (name, template, chunks) =>
    new HtmlWebpackPlugin({ filename: `${name}.html`, template, chunks, officeJs, officeOrigin, scriptLoading: "defer", minify: production });
  const copies = [
    { from: "assets", to: "assets" },
    // The manifest's SupportUrl and LearnMoreUrl (static: no script, its own strict CSP).
    { from: "src/help/help.html", to: "help.html" },
    { from: "samples/sample-r2.xlsx", to: "samples/sample-r2.xlsx" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => content.toString().split(DEV_URL).join(urlProd).split(new URL(DEV_URL).origin).join(new URL(urlProd).origin),
    },
  ];
  if (localOffice) {
    const dir = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
    if (!fs.existsSync(dir)) throw new Error("@microsoft/office-js is not installed");
    // Only what office.js loads for Excel (ExcelApi 1.9 needs Excel 2016 or later, so no -15 files):
    // itself, the Excel host script of each platform (…-16.0x.js and its -core variant), its
    // telemetry sink, and the strings of the two languages the add-in speaks.
    // info.minimized: copied as shipped (Terser re-minifying 8 MB of office.js is what made this build take minutes).
    for (const rel of OFFICE_JS_FILES) {
      const glob = rel.includes("*");
      copies.push({ from: glob ? rel : path.join(dir, rel), context: dir, to: glob ? "office-js/[name][ext]" : `office-js/${rel}`, globOptions: { ignore: ["**/*.debug.js"] }, info: { minimized: true } });
    }
  }
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    name: "main",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
      preview: "./src/preview/index.tsx",
      // The preview's round worker: one self-contained file at a fixed name (the page starts it by name).
      "round-worker": { import: "./src/preview/round-worker.ts", filename: "round-worker.js" },
    },
    // publicPath "": chunks load relative to the page (every page sits at the root of dist/); "auto" would
    // bring webpack's global-object lookup, whose fallback is `new Function`, into the add-in's bundle.
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true, publicPath: "" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } } }],
    },
    performance: { hints: false },
    // No `global` shim: webpack's one falls back to `new Function("return this")`, which the CSP forbids.
    node: { global: false },
    plugins: [
      page("taskpane", "./src/taskpane/taskpane.html", ["taskpane"]),
      page("commands", "./src/commands/commands.html", ["commands"]),
      page("dialog", "./src/commands/dialog.html", ["dialog"]),
      page("preview", "./src/preview/preview.html", ["preview"]),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
  };
}

/**
 * dist/shinchoku-offline.html: the preview as one file for closed networks (USB stick, mail),
 * working from file:// — its script, the round worker (started from a blob) and the sample
 * inlined; no external script, style or font. The CSP stays strict: the one script is allowed by
 * its hash, the worker by blob:, nothing may connect anywhere.
 */
function offline() {
  const crypto = require("crypto");
  const outDir = path.resolve(__dirname, "build/offline");
  const escapeScript = (code) => code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  class InlinePlugin {
    apply(compiler) {
      compiler.hooks.afterEmit.tap("ShinchokuOffline", () => {
        const asset = (name) => fs.readFileSync(path.join(outDir, name), "utf8"); // emitted: read back from disk
        const main = escapeScript(asset("preview.js"));
        const worker = escapeScript(asset("round-worker.js"));
        const sample = fs.readFileSync(path.resolve(__dirname, "samples/sample-r2.xlsx")).toString("base64");
        const hash = crypto.createHash("sha256").update(main, "utf8").digest("base64");
        const csp = [
          "default-src 'none'",
          `script-src 'sha256-${hash}'`,
          "worker-src blob:",
          "style-src 'unsafe-inline'",
          "img-src data: blob:",
          "font-src data:",
          "connect-src 'none'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'none'",
        ].join("; ");
        const html = `<!doctype html>
<html lang="ja">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>Shinchoku（オフライン版）</title>
</head>
<body>
<div id="root"></div>
<script type="text/plain" id="shinchoku-round-worker">${worker}</script>
<script type="application/octet-stream" id="shinchoku-sample">${sample}</script>
<script>${main}</script>
</body>
</html>
`;
        const dist = path.resolve(__dirname, "dist");
        fs.mkdirSync(dist, { recursive: true });
        fs.writeFileSync(path.join(dist, "shinchoku-offline.html"), html);
      });
    }
  }
  return {
    name: "offline",
    dependencies: ["main"],
    mode: "production",
    devtool: false,
    entry: { preview: "./src/preview/index.tsx", "round-worker": "./src/preview/round-worker.ts" },
    // Everything in the entry files: a page opened from disk cannot load chunks.
    output: { path: outDir, filename: "[name].js", asyncChunks: false, clean: true, publicPath: "" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } } }],
    },
    performance: { hints: false },
    node: { global: false },
    plugins: [new InlinePlugin()],
  };
}
