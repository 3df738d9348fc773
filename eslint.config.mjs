import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Architecture rules (HOUSE-STYLE B1/B3): imports point app → lib → db and inngest → lib → db;
// process.env is read only by lib/env.ts; app code logs through the PHI-safe logger.
export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", ".data/**", "db/migrations/**", "next-env.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // Text sanitisers match control characters on purpose.
      "no-control-regex": "off",
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration through lib/env.ts." },
      ],
    },
  },
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db/*", "@/inngest/*"], message: "app/ calls lib/ use-cases; no direct db or inngest access." }] }],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/inngest/*"], message: "lib/ never imports app/ or inngest/." }] }],
    },
  },
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/inngest/*"], message: "db/ is persistence only." }] }],
    },
  },
  {
    files: ["app/**", "lib/**", "db/**", "inngest/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-console": ["error", { allow: ["warn", "error"] }] },
  },
  {
    // Where reading the environment is the point: the env module, tool configs, test harness and scripts.
    files: ["lib/env.ts", "*.config.*", "tests/**", "scripts/**", "**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", Buffer: "readonly", setTimeout: "readonly" } },
  },
);
