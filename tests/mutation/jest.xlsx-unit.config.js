/** Jest for mutation runs over src/xlsx with its unit tests only (tests/mutation/xlsx-unit.suite.ts says why). */
module.exports = { ...require("./jest.xlsx.config.js"), testMatch: ["<rootDir>/tests/mutation/xlsx-unit.suite.ts"] };
