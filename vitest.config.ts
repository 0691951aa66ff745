import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // No test is timed: speed is measured by `npm run bench`. The limits only stop a hung test, and are set so that a
    // machine at load 8 (several times slower than idle) finishes every test: whole pipeline runs take minutes there.
    testTimeout: 1_200_000,
    hookTimeout: 1_200_000,
  },
});
