// Read-only look into the e2e server's database, to find seeded ids without hard-coding them.
import Database from "better-sqlite3";

const DB_PATH = "tests/.artifacts/e2e.db";

export function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(DB_PATH, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
