import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    environment: "node",
    fileParallelism: false, // one shared Postgres, 2 cores
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      // Reads what the browser suite left (database, server logs): scripts/test.mjs runs it on its own, after e2e.
      {
        resolve: { alias },
        // Reads every row and log line the browser suite left: seconds on an idle machine, more on a loaded one.
        test: { name: "after-e2e", include: ["tests/after-e2e/**/*.test.ts"], environment: "node", testTimeout: 120_000 },
      },
    ],
  },
});
