// Flat config: TypeScript rules, plus the purity of src/core (no Office.js, Node or DOM).
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["node_modules/", "build/", "dist/", "coverage/", "test-results/", "reports/", ".stryker-tmp/", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.name='eval']", message: "no eval" }, { selector: "NewExpression[callee.name='Function']", message: "no new Function" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["fs", "path", "os", "child_process", "stream", "worker_threads", "exceljs", "react", "react-dom", "@fluentui/*", "../excel/*", "../xlsx/*", "../cli/*", "../taskpane/*", "../preview/*", "../commands/*"], message: "src/core is pure: no Node, Office.js, DOM or adapter imports" }] }],
      "no-restricted-globals": ["error", "Office", "Excel", "OfficeExtension", "document", "window", "process", "require", "Buffer", "console"],
    },
  },
  {
    files: ["src/xlsx/**/*.ts", "src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../cli/*", "../taskpane/*", "../preview/*", "../commands/*"], message: "an adapter never reaches into another" }] }],
    },
  },
  {
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["../xlsx/*", "../cli/*", "../taskpane/*", "../preview/*", "../commands/*", "exceljs"], message: "an adapter never reaches into another" }] }],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["exceljs", "../xlsx/*", "../preview/*", "../cli/*"], message: "the add-in's task pane never loads ExcelJS" }] }],
    },
  },
  {
    files: ["src/**/*.tsx", "src/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", { property: "innerHTML", message: "cell text is data, never markup" }, { property: "outerHTML", message: "cell text is data" }],
      "no-restricted-syntax": ["error", { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: "cell text is data, never markup" }, { selector: "CallExpression[callee.name='eval']", message: "no eval" }, { selector: "NewExpression[callee.name='Function']", message: "no new Function" }],
    },
  },
  // The fake Excel mirrors Office.js proxies with getters that close over their owner.
  { files: ["tests/**/*.ts"], rules: { "@typescript-eslint/no-this-alias": "off" } },
);
