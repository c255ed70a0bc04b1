/** Jest for mutation runs over src/core: the core's own tests (pure functions, no files or DOM). */
const base = require("../../jest.config.js");
module.exports = {
  ...base,
  rootDir: "../..",
  // tests/core through one file (tests/mutation/load-suite.ts says why and which files).
  testMatch: ["<rootDir>/tests/mutation/core.suite.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  setupFiles: ["<rootDir>/tests/mutation/env.js"],
  setupFilesAfterEnv: [],
  // An absolute path: Stryker resolves the environment itself, without expanding <rootDir>.
  testEnvironment: require("path").join(__dirname, "fail-fast-env.js"),
  // ts-jest only transpiles here: a mutant that does not type-check fails its tests or is reported as such.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false, isolatedModules: true }] },
};
