/** Every URL in the BUILT manifest (dist/manifest.xml) resolves to a file in dist/; the help page is real. */
import * as fs from "fs";
import * as path from "path";
import { ROOT, unavailable } from "./browser";

const why = unavailable();
const maybe = why ? describe.skip : describe;
const dist = path.join(ROOT, "dist");

/** The host the build put into the manifest (webpack --env urlProd=…; https://localhost:3000/ by default). */
function hostOf(xml: string): string {
  const m = /<SourceLocation DefaultValue="(https:\/\/[^"]+\/)taskpane\.html"/.exec(xml);
  if (!m) throw new Error("no SourceLocation in the manifest");
  return m[1];
}

maybe("built manifest URLs", () => {
  const xml = () => fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");

  it("every DefaultValue/Value URL under the configured host is a file in dist/", () => {
    const text = xml();
    const host = hostOf(text);
    const urls = [...text.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    for (const u of urls) {
      expect([u, u.startsWith(host)]).toEqual([u, true]);
      const rel = decodeURIComponent(new URL(u).pathname.slice(new URL(host).pathname.length));
      expect([u, fs.existsSync(path.join(dist, rel))]).toEqual([u, true]);
    }
    // The help page is what SupportUrl and the LearnMoreUrl resource point to.
    expect(urls.filter((u) => u.endsWith("/help.html")).length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/<LearnMoreUrl resid="Shinchoku\.Help\.Url"\/>/);
  });

  it("AppDomains hold the host's origin only", () => {
    const text = xml();
    const domains = [...text.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1]);
    expect(domains).toEqual([new URL(hostOf(text)).origin]);
  });

  it("help.html is a real page in Japanese and English, with no script", () => {
    const html = fs.readFileSync(path.join(dist, "help.html"), "utf8");
    // (The production build minifies HTML: attribute quotes may be dropped.)
    expect(html).toMatch(/<section id="?ja"? lang="?ja"?>/);
    expect(html).toMatch(/<section id="?en"? lang="?en"?>/);
    expect(html).toContain("ExcelApi");
    expect(html).toContain("元に戻す");
    expect(html).not.toMatch(/<script/i);
    for (const img of html.matchAll(/<img[^>]+src="?([^"\s>]+)/g)) expect(fs.existsSync(path.join(dist, img[1]))).toBe(true);
  });
});
