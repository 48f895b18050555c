// Every test file gets its own in-memory database, migrated from the committed migrations, and a
// frozen clock: tests decide what time it is (LOOPWISE_TEST_NOW moves it, to try other days).
import { beforeEach, vi } from "vitest";
import { openDatabase, replaceDatabase } from "#app/utils/db.server";

process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-secret-that-is-long-enough-for-hs256-signing";
process.env.DATABASE_PATH = ":memory:";

/** A Wednesday morning in London, unless the run asks for another instant. */
export const TEST_NOW = new Date(process.env.LOOPWISE_TEST_NOW ?? "2026-12-02T09:00:00Z");

beforeEach(() => {
  // why: only Date is faked (no fake timers), so awaited work and library timeouts still run.
  vi.setSystemTime(TEST_NOW);
  replaceDatabase(openDatabase(":memory:"));
});
