/** Jest for mutation runs over src/xlsx with its unit tests only (tests/mutation/xlsx-unit.suite.ts). */
const base = require("../../jest.config.js");
module.exports = {
  ...base,
  rootDir: "../..",
  // tests/xlsx only, through one file (xlsx-unit.suite.ts says why).
  testMatch: ["<rootDir>/tests/mutation/xlsx-unit.suite.ts"],
  setupFiles: ["<rootDir>/tests/mutation/env.js"],
  setupFilesAfterEnv: [],
  // An absolute path: Stryker resolves the environment itself, without expanding <rootDir>.
  testEnvironment: require("path").join(__dirname, "fail-fast-env.js"),
  // ts-jest only transpiles here: a mutant that does not type-check fails its tests or is reported as such.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false, isolatedModules: true }] },
};
