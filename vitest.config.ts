import path from "node:path";
import { defineConfig } from "vitest/config";

if (!process.versions.node.startsWith("24.")) {
  throw new Error(`Node 24 expected (node devDependency), got ${process.version}; run through npm run / npx`);
}

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "db/**/*.test.ts", "inngest/**/*.test.ts"],
          setupFiles: ["tests/setup/vitest.setup.ts"],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/e2e/**"],
          setupFiles: ["tests/setup/vitest.setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
