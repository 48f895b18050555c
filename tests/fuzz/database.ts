// What "the database did not change" means for the fuzzer, and a way to run a request and undo it.
import { createHash } from "node:crypto";
import { db } from "#app/utils/db.server";

/**
 * Rows an action may legitimately change, per table, as an SQL condition: those rows are left out
 * of the comparison. Each use says why.
 */
export type Allowed = Record<string, string>;

/** A hash of every table's rows, in rowid order, leaving out the allowed rows. */
export function fingerprint(allowed: Allowed = {}): Record<string, string> {
  const sqlite = db().$client;
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const where = allowed[table] ? `WHERE (${allowed[table]}) IS NOT 1` : "";
      const rows = sqlite.prepare(`SELECT * FROM "${table}" ${where} ORDER BY rowid`).raw().all();
      return [table, createHash("sha1").update(JSON.stringify(rows)).digest("hex")];
    }),
  );
}

/**
 * Runs `fn` inside a transaction that is always rolled back, so every request starts from the same
 * organisation; the app's own transactions nest inside it as savepoints. `fn` is given `wrote()`:
 * whether any row has been written so far (SQLite's total_changes), so the full comparison runs
 * only when something was.
 */
export async function undone<T>(fn: (wrote: () => boolean) => Promise<T>): Promise<T> {
  const sqlite = db().$client;
  const changes = () => sqlite.prepare("SELECT total_changes()").pluck().get() as number;
  const before = changes();
  sqlite.exec("BEGIN");
  try {
    return await fn(() => changes() !== before);
  } finally {
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
  }
}
