/** End-to-end tests: the built preview (dist/) in Debian's Chromium via playwright-core. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 90000,
  maxWorkers: 1,
};
