import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // e2e tests drive the real engine: each run spawns pulumi and Node processes.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
