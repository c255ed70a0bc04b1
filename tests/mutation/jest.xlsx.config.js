/** Jest for mutation runs over src/xlsx: the tests that exercise the file adapter. */
const base = require("../../jest.config.js");
module.exports = {
  ...base,
  rootDir: "../..",
  testMatch: ["<rootDir>/tests/xlsx/**/*.test.ts", "<rootDir>/tests/files/**/*.test.ts", "<rootDir>/tests/bad-inputs/**/*.test.ts", "<rootDir>/tests/cli/no-data-lost.test.ts"],
  setupFiles: ["<rootDir>/tests/mutation/env.js"],
  setupFilesAfterEnv: [],
  // Mutants are type-checked by Stryker's TypeScript checker; ts-jest only transpiles here.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false, isolatedModules: true }] },
};
