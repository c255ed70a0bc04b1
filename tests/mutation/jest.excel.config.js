/** Jest for mutation runs over src/excel: the gateway's tests against the fake Excel. */
const base = require("../../jest.config.js");
module.exports = {
  ...base,
  rootDir: "../..",
  // tests/excel through one file (load-suite.ts says why; excel.suite.ts which files).
  testMatch: ["<rootDir>/tests/mutation/excel.suite.ts"],
  setupFiles: ["<rootDir>/tests/mutation/env.js"],
  setupFilesAfterEnv: [],
  // An absolute path: Stryker resolves the environment itself, without expanding <rootDir>.
  testEnvironment: require("path").join(__dirname, "fail-fast-env.js"),
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false, isolatedModules: true }] },
};
