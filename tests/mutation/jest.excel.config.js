/** Jest for mutation runs over src/excel: the gateway's tests against the fake Excel. */
const base = require("../../jest.config.js");
module.exports = {
  ...base,
  rootDir: "../..",
  testMatch: ["<rootDir>/tests/excel/**/*.test.ts"],
  setupFiles: ["<rootDir>/tests/mutation/env.js"],
  setupFilesAfterEnv: [],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false, isolatedModules: true }] },
};
