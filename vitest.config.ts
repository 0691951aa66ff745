import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Whole pipeline runs that several test files read are made once per run of the suite (tests/runs/).
    globalSetup: ["tests/runs/globalSetup.ts"],
    // Two test files at a time, each in its own process: vitest's default on a 2-core machine is one.
    pool: "forks",
    maxWorkers: 2,
    // No test is timed: speed is measured by `npm run bench`. The limits only stop a hung test, and are set so that a
    // machine at load 8 (several times slower than idle) finishes every test: whole pipeline runs take minutes there.
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
  },
});
