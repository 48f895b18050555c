import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts so the React Router plugin stays out of unit tests.
export default defineConfig({
  test: {
    include: [
      "app/**/*.test.ts",
      "db/**/*.test.ts",
      "rubrics/**/*.test.ts",
      "exercises/**/*.test.ts",
      "server/**/*.test.ts",
      "scripts/**/*.test.ts",
    ],
    setupFiles: ["./tests/setup/unit-env.ts"],
    pool: "forks",
  },
});
