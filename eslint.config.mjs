import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * A no-restricted-imports pattern against importing the named top-level folders, by alias
 * (`@/db/...`) or by a relative path that climbs out of the layer (`../../db/...`).
 */
const below = (forbidden, message) => ({ regex: `^(@/|(\\.\\./)+)(${forbidden.join("|")})(/|$)`, message });

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
  // One block per layer, so each layer's imports are listed in one place (a later block's
  // no-restricted-imports would replace an earlier one's for the same file, not add to it).
  { files: ["app/**"], rules: { "no-restricted-imports": ["error", { patterns: [below(["db", "inngest"], "app/ calls lib/ use-cases; no direct db or inngest access.")] }] } },
  // The one deliberate app → inngest import: the route that serves the Inngest functions.
  { files: ["app/api/inngest/route.ts"], rules: { "no-restricted-imports": ["error", { patterns: [below(["db"], "app/ calls lib/ use-cases; no direct db access.")] }] } },
  {
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [below(["app", "components", "inngest"], "lib/ never imports app/, components/ or inngest/.")] }] },
  },
  {
    files: ["inngest/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [below(["app", "components"], "inngest/ calls lib/ use-cases; it never imports app/ or components/.")] }] },
  },
  {
    files: ["db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            below(["app", "components", "inngest"], "db/ is persistence only."),
            {
              // lib/ids and lib/env are leaves with no business rules (the one id scheme, the one env
              // module); anything else in lib/ is a domain the database must not know about.
              regex: "^(@/|(\\.\\./)+)lib/(?!(ids|env)$)",
              message: "db/ is persistence only: keep business types and rules in lib/ (db/ may use lib/ids and lib/env).",
            },
          ],
        },
      ],
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
