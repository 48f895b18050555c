// Every test file gets its own in-memory database, migrated from the committed migrations.
import { beforeEach } from "vitest";
import { openDatabase, replaceDatabase } from "#app/utils/db.server";

process.env.NODE_ENV = "test";
process.env.SESSION_SECRET ??= "test-secret-that-is-long-enough-for-hs256-signing";
process.env.DATABASE_PATH = ":memory:";

beforeEach(() => {
  replaceDatabase(openDatabase(":memory:"));
});
