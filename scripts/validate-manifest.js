#!/usr/bin/env node
// Validates manifest.xml (and dist/manifest.xml when built) offline with xmllint against the
// Office add-in XSDs: ../shared/office-manifest-schemas when present, else the bundled copy.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const shared = path.resolve(root, "../shared/office-manifest-schemas");
const bundled = path.join(root, "tests/fixtures/office-manifest-schemas");
const schemaDir = fs.existsSync(shared) ? shared : bundled;
const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");

const which = spawnSync("xmllint", ["--version"], { stdio: "ignore" });
if (which.error) {
  const msg = "xmllint not found (Debian package libxml2-utils): manifest not validated";
  if (process.env.CI) {
    console.error(`FAIL: ${msg}`);
    process.exit(1);
  }
  console.warn(`SKIP: ${msg}`);
  process.exit(0);
}

const manifests = [path.join(root, "manifest.xml"), path.join(root, "dist/manifest.xml")].filter((f) => fs.existsSync(f));
let failed = false;
for (const m of manifests) {
  const r = spawnSync("xmllint", ["--noout", "--schema", schema, m], { encoding: "utf8" });
  process.stdout.write(`${path.relative(root, m)}: ${r.status === 0 ? "valid" : "INVALID"} (schemas: ${path.relative(root, schemaDir)})\n`);
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    failed = true;
  }
  const xml = fs.readFileSync(m, "utf8");
  const insecure = [...xml.matchAll(/(?:DefaultValue|Value)="(http:\/\/[^"]+)"/g)].map((x) => x[1]);
  if (insecure.length > 0) {
    console.error(`${m}: URLs must be https: ${insecure.join(", ")}`);
    failed = true;
  }
  for (const icon of xml.matchAll(/\/assets\/(icon-\d+\.png)/g)) {
    if (!fs.existsSync(path.join(root, "assets", icon[1]))) {
      console.error(`${m}: missing icon assets/${icon[1]}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
