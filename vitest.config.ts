import { defineConfig } from "vitest/config";
import path from "node:path";
import LongFilesFirst from "./tests/support/long-files-first";

// server-only throws outside React Server Components; tests import server modules directly.
const alias = {
  "@": path.resolve(__dirname, "src"),
  "server-only": path.resolve(__dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    sequence: { sequencer: LongFilesFirst },
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // Vitest's default on 2 cores is one worker: two took the unit project from 110 s to 78 s.
          maxWorkers: 2,
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/integration-setup.ts"],
          // One database per worker file run; files run in a fork pool sharing one cluster.
          pool: "forks",
          maxWorkers: 2,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
