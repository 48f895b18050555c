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

/**
 * Opens a SQLite file (or ":memory:"), turns on WAL, foreign keys and secure delete, applies
 * migrations, and finishes a scrub the file owes (see scrubOwed) before anything reads it.
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Deleted and overwritten content is zeroed, not left in free space where a copy of the file
  // could read it (an erasure's text above all; docs/decisions/006-erasure-scrubs-the-file.md).
  sqlite.pragma("secure_delete = ON");
  // A REPLACE deletes the row it displaces without firing delete triggers unless this is on: an
  // insert could then rewrite an audit entry past the log's append-only triggers.
  sqlite.pragma("recursive_triggers = ON");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder });
  if (!sqlite.memory && scrubOwed(sqlite)) scrubFile(sqlite);
  return db;
}

// `PRAGMA user_version` says whether the file is known to hold nothing an erasure removed: an
// erasure sets it to SCRUB_PENDING in its own transaction, and a completed scrub to SCRUBBED. A
// file from before secure delete reads 0, like a new one; it owes a scrub if it has erasures.
const SCRUBBED = 1;
const SCRUB_PENDING = 2;

function scrubOwed(sqlite: Database.Database) {
  const marker = sqlite.pragma("user_version", { simple: true }) as number;
  if (marker === SCRUBBED) return false;
  if (marker === SCRUB_PENDING) return true;
  // The one query outside app/models: whether opening the file must scrub it first.
  return Boolean(sqlite.prepare("select 1 from candidates where erased_at is not null limit 1").get());
}

/** Inside an erasure's transaction: the file owes a scrub until scrubFreedPages completes. */
export function markScrubPending(): void {
  db().$client.pragma(`user_version = ${SCRUB_PENDING}`);
}

/**
 * After an erasure has committed: VACUUM rebuilds the file from the rows that are left (no free
 * pages, no stale bytes in pages' free space, including copies of cells a page split moved, which
 * secure delete does not reach), then a truncating checkpoint writes it into the main file and
 * empties the WAL, whose older frames still held the erased text. Returns false, leaving the file
 * marked as owing a scrub (finished when it is next opened), if another process's reader kept
 * the WAL in use.
 */
export function scrubFreedPages(): boolean {
  const client = db().$client;
  return client.memory ? true : scrubFile(client);
}

function scrubFile(sqlite: Database.Database): boolean {
  // The erasure itself has committed: a scrub that cannot run now (the disk has no room for the
  // rebuilt copy, another process holds the write lock) must not turn it into an error page.
  try {
    sqlite.exec("VACUUM");
  } catch (error) {
    console.warn(`Erasure scrub postponed to the next time the database is opened: ${(error as Error).message}`);
    return false;
  }
  if (!checkpointed(sqlite)) {
    console.warn("Erasure scrub incomplete: another connection kept the WAL in use; it is finished when the database is next opened.");
    return false;
  }
  sqlite.pragma(`user_version = ${SCRUBBED}`);
  return checkpointed(sqlite);
}

/** A TRUNCATE checkpoint that copied every frame into the file and left the WAL empty. */
function checkpointed(sqlite: Database.Database) {
  const [result] = sqlite.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
  return result !== undefined && result.busy === 0;
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
