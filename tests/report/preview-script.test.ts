/** `npm run preview`: a fresh dist/ is reused, a stale one rebuilt; a taken port moves on to a free one. */
import * as fs from "fs";
import type { Server } from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve, isFresh } = require("../../scripts/serve.js") as {
  serve: (o: { root?: string; port: number; fallback?: boolean }) => Promise<{ server: Server; url: string }>;
  isFresh: (root: string) => boolean;
};

describe("scripts/serve.js", () => {
  it("isFresh: every output newer than every source; a touched source or a missing output is stale", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "shinchoku-fresh-"));
    const write = (f: string, t: number) => {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), "x");
      fs.utimesSync(path.join(root, f), t, t);
    };
    write("src/preview/index.tsx", 1000);
    write("package.json", 1000);
    write("dist/preview.html", 2000);
    write("dist/round-worker.js", 2000);
    expect(isFresh(root)).toBe(false); // no offline file
    write("dist/shinchoku-offline.html", 2000);
    expect(isFresh(root)).toBe(true);
    write("src/preview/Round.tsx", 3000);
    expect(isFresh(root)).toBe(false);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it("a taken port: the next free one (with fallback), an error without", async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, "127.0.0.1", () => r()));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(serve({ port: taken })).rejects.toMatchObject({ code: "EADDRINUSE" });
      const { server, url } = await serve({ port: taken, fallback: true });
      const port = (server.address() as net.AddressInfo).port;
      expect(port).not.toBe(taken);
      expect(url).toBe(`http://127.0.0.1:${port}/`);
      await new Promise((r) => server.close(r));
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
