import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "#db/schema";
import { env } from "./env.server";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle has the same query API as the database. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Every entry point (npm scripts, the built server, tests) runs from the repository root.
const migrationsFolder = path.resolve("db/migrations");

/** Opens a SQLite file (or ":memory:"), turns on WAL and foreign keys, and applies migrations. */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  return db;
}

// One connection per process; kept on globalThis so dev-server reloads don't open more.
const holder = globalThis as unknown as { __loopwiseDb?: Db };

export function db(): Db {
  holder.__loopwiseDb ??= openDatabase(env().DATABASE_PATH);
  return holder.__loopwiseDb;
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A prepared statement for `text` on the current connection, prepared once and reused: for the
 * hot paths (autosave, aggregates, session look-ups), where preparing on every call is the cost.
 */
export function prepared(text: string): Database.Statement {
  const client = db().$client;
  let cache = statements.get(client);
  if (!cache) statements.set(client, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = client.prepare(text)));
  return statement;
}

/** Tests only: swap in a fresh database. */
export function replaceDatabase(next: Db): void {
  holder.__loopwiseDb?.$client.close();
  holder.__loopwiseDb = next;
}
