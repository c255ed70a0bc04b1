/** Jest for mutation runs over src/core: the core's own tests (pure functions, no files or DOM). */
const base = require("../../jest.config.js");
module.exports = {
  ...base,
  rootDir: "../..",
  testMatch: ["<rootDir>/tests/core/**/*.test.ts"],
  // The property tests (totality, speed, fair status shares) run in npm test; in a mutation run each
  // mutant would re-run thousands of generated sheets.
  testPathIgnorePatterns: ["/node_modules/", "/tests/core/properties\\.test\\.ts$"],
  setupFiles: ["<rootDir>/tests/mutation/env.js"],
  setupFilesAfterEnv: [],
  // ts-jest only transpiles here: a mutant that does not type-check fails its tests or is reported as such.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false, isolatedModules: true }] },
};
