/** Debian's Chromium via playwright-core, and the built dist/ served on 127.0.0.1. */
import * as fs from "fs";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-results");

/** Why the e2e tests cannot run here, or null. In CI a missing browser or build is a failure. */
export function unavailable(): string | null {
  const missing = !fs.existsSync(CHROMIUM) ? `Chromium not found at ${CHROMIUM} (apt-get install chromium)` : !fs.existsSync(path.join(ROOT, "dist/preview.html")) ? "dist/ is not built (npm run build)" : null;
  if (missing && process.env.CI) throw new Error(`e2e prerequisites missing in CI: ${missing}`);
  return missing;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require("../../scripts/serve.js") as { serve: (o: { port: number }) => Promise<{ server: import("http").Server; url: string }> };
export { serve };
