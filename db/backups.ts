// Online backup and checked restore of the SQLite file, with SQLite's backup API (better-sqlite3's
// `backup()`), so the app can keep serving writes while a backup runs. `npm run db:backup` and
// `npm run db:restore <file>` (db/backup.ts, db/restore.ts) are thin commands over these.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export class BackupError extends Error {}

// SQLite's backup copies a fixed number of pages per step and starts over when another
// connection writes between steps; asking for every page in one step makes the copy one read
// transaction: a consistent snapshot, taken while writers carry on (the database is in WAL mode).
const ALL_PAGES = 0x7fffffff;

/** Copies the live database at `source` into a new file `destination`, then checks the copy. */
export async function backupDatabase({ source, destination }: { source: string; destination: string }) {
  if (!existsSync(source)) throw new BackupError(`${source}: no database there to back up.`);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; a backup never overwrites a file.`);
  const live = new Database(source, { fileMustExist: true });
  live.pragma("busy_timeout = 5000");
  let pages: number;
  try {
    ({ totalPages: pages } = await live.backup(destination, { progress: () => ALL_PAGES }));
  } finally {
    live.close();
  }
  // A backup is one self-contained file: no -wal beside it to forget when it is copied away.
  const copy = new Database(destination);
  try {
    copy.pragma("journal_mode = DELETE");
    const problems = integrityProblems(copy);
    if (problems) throw new BackupError(`${destination}: the copy failed its integrity check:\n${problems}`);
  } finally {
    copy.close();
  }
  return { destination, pages, bytes: statSync(destination).size };
}

const SQLITE_HEADER = "SQLite format 3\0";

/**
 * Checks that `file` is a sound Loopwise database this version of the app can take: a SQLite
 * file, passing `PRAGMA integrity_check`, with the app's tables, from no newer migration than the
 * app knows. Returns how many migrations it has; throws a BackupError naming what is wrong.
 */
export function checkBackupFile(file: string, knownMigrations: number): { migrations: number } {
  if (!existsSync(file)) throw new BackupError(`${file}: no such file.`);
  if (!statSync(file).isFile()) throw new BackupError(`${file}: not a file.`);
  if (readHeader(file) !== SQLITE_HEADER)
    throw new BackupError(`${file}: not a SQLite database (it does not start with the SQLite header).`);
  let backup: Database.Database;
  try {
    backup = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file}: SQLite cannot open it (${(error as Error).message}).`);
  }
  try {
    let problems: string | null;
    try {
      problems = integrityProblems(backup);
    } catch (error) {
      throw new BackupError(`${file}: SQLite cannot read it (${(error as Error).message}).`);
    }
    if (problems) throw new BackupError(`${file}: failed PRAGMA integrity_check:\n${problems}`);
    const tables = new Set(
      (backup.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    const missing = ["__drizzle_migrations", "candidates", "scorecards", "audit_log"].filter((t) => !tables.has(t));
    if (missing.length) throw new BackupError(`${file}: not a Loopwise database (no ${missing.join(", ")} table).`);
    const migrations = (backup.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n;
    if (migrations > knownMigrations)
      throw new BackupError(
        `${file}: made by a newer Loopwise (${migrations} migrations; this version knows ${knownMigrations}). Restore it with that version.`,
      );
    return { migrations };
  } finally {
    backup.close();
  }
}

/**
 * Replaces the database at `target` with the backup `file`, after checking it (checkBackupFile).
 * The current database is first saved beside it as `<target>.before-restore-<stamp>.db`, so a
 * restore can itself be undone. Copies with the backup API, so the target's WAL stays coherent.
 */
export async function restoreDatabase({
  file,
  target,
  knownMigrations,
  stamp,
}: {
  file: string;
  target: string;
  knownMigrations: number;
  /** Names the safety copy of the current database (the caller's clock, e.g. 2026-12-02T09-00-00Z). */
  stamp: string;
}) {
  checkBackupFile(file, knownMigrations);
  if (path.resolve(file) === path.resolve(target)) throw new BackupError(`${file} is the live database itself; choose a backup file.`);
  const saved = existsSync(target)
    ? (await backupDatabase({ source: target, destination: `${target}.before-restore-${stamp}.db` })).destination
    : null;
  const backup = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(target, { progress: () => ALL_PAGES });
  } finally {
    backup.close();
  }
  const restored = new Database(target);
  try {
    restored.pragma("journal_mode = WAL");
    const problems = integrityProblems(restored);
    if (problems) throw new BackupError(`${target}: the restored database failed its integrity check:\n${problems}`);
  } finally {
    restored.close();
  }
  return { target, saved };
}

/** null when `PRAGMA integrity_check` says "ok", otherwise its findings (at most 20 lines). */
function integrityProblems(database: Database.Database): string | null {
  const rows = database.pragma("integrity_check(20)") as { integrity_check: string }[];
  const lines = rows.map((r) => r.integrity_check);
  return lines.length === 1 && lines[0] === "ok" ? null : lines.join("\n");
}

function readHeader(file: string): string {
  const buffer = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, "r");
  try {
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("latin1");
  } finally {
    closeSync(fd);
  }
}

/** "2026-12-02T09-00-00Z": an instant as a file-name-safe stamp. */
export function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replaceAll(":", "-");
}
