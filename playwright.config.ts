import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATABASE = "tests/.artifacts/e2e.db";

// Debian's Chromium, never a downloaded browser: its headless shell (package chromium-headless-shell,
// what Playwright itself runs headless) when installed, else the full browser. The full browser's
// headless mode draws its own window furniture in extra renderer processes and took about a third
// more CPU over the same journeys. The flags keep it from reaching for Google's services, which
// this machine's closed network refuses.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.test.ts",
  outputDir: "tests/.artifacts/results",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1280, height: 800 },
    // A failed test keeps its trace: every action with the DOM as it stood. Without the
    // screencast: recording it for every test (to keep the failures') was a third of the suite's
    // CPU, in Chromium's GPU and browser processes, on a two-core machine.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: true },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A fresh database for every run: migrated, rubrics and kits loaded, demo organisation seeded.
    command: `rm -f ${E2E_DATABASE} ${E2E_DATABASE}-wal ${E2E_DATABASE}-shm && tsx db/setup.ts > /dev/null && node build/server.mjs`,
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      NODE_ENV: "production",
      DATABASE_PATH: E2E_DATABASE,
      SESSION_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
      COOKIE_SECURE: "false",
      // The reminder job would remind about the seeded owed scorecards at start-up, racing the
      // journeys that send reminders by hand; it is tested with an explicit clock instead.
      REMINDER_AFTER_HOURS: "0",
      SMTP_URL: "",
    },
  },
});
