/** Jest for mutation runs over src/xlsx: the tests that exercise the file adapter. */
const base = require("../../jest.config.js");
module.exports = {
  ...base,
  rootDir: "../..",
  // tests/xlsx, tests/files, tests/bad-inputs and tests/cli/no-data-lost.test.ts through one file (load-suite.ts).
  testMatch: ["<rootDir>/tests/mutation/xlsx.suite.ts"],
  setupFiles: ["<rootDir>/tests/mutation/env.js"],
  setupFilesAfterEnv: [],
  // An absolute path: Stryker resolves the environment itself, without expanding <rootDir>.
  testEnvironment: require("path").join(__dirname, "fail-fast-env.js"),
  // ts-jest only transpiles here: a mutant that does not type-check fails its tests or is reported as such.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false, isolatedModules: true }] },
};
