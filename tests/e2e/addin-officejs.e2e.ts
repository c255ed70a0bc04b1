/** `--env officeJs=local`: the pages load office.js from the add-in's own server, and only the files an Excel add-in loads are copied. */
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./browser";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as ((env: Record<string, string>, argv: Record<string, string>) => Promise<{ plugins: unknown[] } | { plugins: unknown[] }[]>) & { OFFICE_JS_FILES: string[] };

interface CopyPattern {
  from: string;
  context?: string;
  to: string;
  info?: { minimized?: boolean };
}

const dir = path.join(ROOT, "node_modules/@microsoft/office-js/dist");
const globToRe = (g: string) => new RegExp(`^${g.replace(/[.]/g, "\\.").replace(/\*/g, "[^/]*")}$`);

describe("--env officeJs=local", () => {
  it("copies office.js, the Excel host scripts (no .debug, no -15), the telemetry sink and ja-jp/en-us strings: 14 files under 10 MB", () => {
    const all = fs.readdirSync(dir, { recursive: true }).map(String).map((f) => f.split(path.sep).join("/"));
    const picked = all.filter((f) => !f.endsWith(".debug.js") && config.OFFICE_JS_FILES.some((g) => globToRe(g).test(f)));
    expect(picked.sort()).toEqual(
      expect.arrayContaining(["office.js", "excel-web-16.00.js", "excel-win32-16.01.js", "excel-mac-16.00.js", "telemetry/oteljs_agave.js", "ja-jp/office_strings.js", "en-us/office_strings.js"]),
    );
    expect(picked.some((f) => /^excel-15|^word|^outlook|^powerpoint/.test(f))).toBe(false);
    expect(picked).toHaveLength(14);
    const bytes = picked.reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    expect(all.length).toBeGreaterThan(700); // what was copied before
  });

  it("the pages point at office-js/office.js, and the copies are not re-minified", async () => {
    // A production build is two configs (the add-in and pages, then the offline file); the first is the add-in's.
    const built = await config({ officeJs: "local" }, { mode: "production" });
    const c = Array.isArray(built) ? built[0] : built;
    const pages = c.plugins.filter((p) => (p as { constructor: { name: string } }).constructor.name === "HtmlWebpackPlugin") as { userOptions: { officeJs: string; officeOrigin: string } }[];
    expect(pages.map((p) => p.userOptions.officeJs)).toEqual(["office-js/office.js", "office-js/office.js", "office-js/office.js", "office-js/office.js"]);
    expect(pages.every((p) => p.userOptions.officeOrigin === "")).toBe(true);
    const copy = c.plugins.find((p) => (p as { constructor: { name: string } }).constructor.name === "CopyPlugin") as { patterns: CopyPattern[] };
    const office = copy.patterns.filter((p) => p.to.startsWith("office-js"));
    expect(office).toHaveLength(config.OFFICE_JS_FILES.length);
    expect(office.every((p) => p.info?.minimized === true)).toBe(true);
  });
});
