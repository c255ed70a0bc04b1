/** Bundles the scripted Office host (host.ts + the fake Excel) for the browser, once per test file. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

export async function buildHost(): Promise<string> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-host-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: path.join(__dirname, "host.ts"),
    output: { path: out, filename: "office-host.js" },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "ES2020", sourceMap: false } } } }] },
    performance: { hints: false },
    node: { global: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve();
    }),
  );
  return fs.readFileSync(path.join(out, "office-host.js"), "utf8");
}
