/* eslint-disable */
// Builds the add-in (taskpane, commands, dialog) and the preview page into dist/.
//   webpack --mode production --env urlProd=https://example.org/shinchoku/   (manifest URLs for hosting)
//   webpack --mode production --env officeJs=local                           (office.js copied from @microsoft/office-js, for closed networks)
const path = require("path");
const fs = require("fs");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

module.exports = (env = {}, argv = {}) => {
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
    copies.push({ from: dir, to: "office-js" });
  }
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      dialog: "./src/commands/dialog.ts",
      preview: "./src/preview/index.tsx",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true },
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
};
