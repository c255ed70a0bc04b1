/** Security of the built pages: no eval or new Function in the add-in, a strict CSP everywhere. */
import * as fs from "fs";
import * as path from "path";
import { ROOT, unavailable } from "./browser";

const why = unavailable();
const maybe = why ? describe.skip : describe;
const dist = path.join(ROOT, "dist");
const EVAL = /\beval\s*\(|new\s+Function\b|\bFunction\s*\(\s*["'`]/g;

maybe("built bundles (dist/)", () => {
  const js = () => fs.readdirSync(dist).filter((f) => f.endsWith(".js"));

  it("the add-in's bundles (task pane, ribbon, dialog) contain no eval and no new Function", () => {
    for (const name of ["taskpane", "commands", "dialog"]) {
      const f = js().find((x) => x.startsWith(`${name}.`))!;
      expect([f, fs.readFileSync(path.join(dist, f), "utf8").match(EVAL)]).toEqual([f, null]);
    }
  });

  it("the preview's only Function( uses are unreachable global-object fallbacks, which its CSP blocks anyway", () => {
    const text = js()
      .filter((x) => !/^(taskpane|commands|dialog)\./.test(x))
      .map((f) => fs.readFileSync(path.join(dist, f), "utf8"))
      .join("\n");
    const uses = [...text.matchAll(/.{0,40}(?:\beval\s*\(|new\s+Function\b|\bFunction\s*\(\s*["'`]).{0,30}/g)].map((m) => m[0]);
    const known = [/\|\|Function\("return this"\)\(\)/, /this\|\|new Function\("return this"\)\(\)/, /e=new Function\(""\+e\)/, /regeneratorRuntime=n:Function\("r","regeneratorRuntime = /];
    for (const u of uses) expect([u, known.some((k) => k.test(u))]).toEqual([u, true]);
  });

  it("every page has a Content-Security-Policy without unsafe-eval, scripts only from itself (and the Office.js CDN)", () => {
    for (const page of ["taskpane.html", "commands.html", "dialog.html", "preview.html"]) {
      const html = fs.readFileSync(path.join(dist, page), "utf8");
      const csp = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
      expect([page, csp.includes("default-src 'self'")]).toEqual([page, true]);
      expect(csp).not.toContain("unsafe-eval");
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1].trim().split(/\s+/) ?? [];
      expect(scriptSrc.every((s) => s === "'self'" || s === "https://appsforoffice.microsoft.com")).toBe(true);
      for (const src of html.matchAll(/<script[^>]*src="?([^"\s>]+)/g)) expect(src[1].startsWith("https://appsforoffice.microsoft.com/") || !/^https?:/.test(src[1])).toBe(true);
    }
  });
});
