// Online backup and checked restore of the SQLite file, with SQLite's backup API (better-sqlite3's
// `backup()`), so the app can keep serving writes while a backup runs. `npm run db:backup` and
// `npm run db:restore <file>` (db/backup.ts, db/restore.ts) are thin commands over these.
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export class BackupError extends Error {}

// SQLite's backup copies a fixed number of pages per step and starts over when another
// connection writes between steps; asking for every page in one step makes the copy one read
// transaction: a consistent snapshot, taken while writers carry on (the database is in WAL mode).
const ALL_PAGES = 0x7fffffff;

/**
 * Every connection a backup or restore opens zeroes what SQLite deletes, as the app's own do
 * (docs/decisions/006-erasure-scrubs-the-file.md).
 */
function open(file: string, options?: Database.Options) {
  const database = new Database(file, options);
  database.pragma("secure_delete = ON");
  return database;
}

/**
 * Copies the live database at `source` into a new file `destination`, then checks the copy. The
 * copy is written under a hidden temporary name beside the destination and given its real name
 * only once it has passed its integrity check and is on disk: a backup that is killed or fails
 * leaves no file under a backup's name, only a `.<name>.<pid>.partial` that no restore accepts
 * and the next backup into that directory removes.
 */
export async function backupDatabase({ source, destination }: { source: string; destination: string }) {
  if (!existsSync(source)) throw new BackupError(`${source}: no database there to back up.`);
  if (existsSync(destination)) throw new BackupError(`${destination} already exists; a backup never overwrites a file.`);
  removeAbandonedPartials(path.dirname(path.resolve(destination)));
  const partial = partialName(destination);
  removeWithJournal(partial);
  let pages: number;
  try {
    const live = open(source, { fileMustExist: true });
    live.pragma("busy_timeout = 5000");
    try {
      ({ totalPages: pages } = await live.backup(partial, { progress: () => ALL_PAGES }));
    } finally {
      live.close();
    }
    // A backup is one self-contained file: no -wal beside it to forget when it is copied away.
    const copy = open(partial);
    try {
      copy.pragma("journal_mode = DELETE");
      const problems = integrityProblems(copy);
      if (problems) throw new BackupError(`${destination}: the copy failed its integrity check:\n${problems}`);
    } finally {
      copy.close();
    }
    syncFile(partial);
    publish(partial, destination);
  } finally {
    removeWithJournal(partial);
  }
  return { destination, pages, bytes: statSync(destination).size };
}

const PARTIAL = /^\.(.+)\.(\d+)\.partial(-journal|-wal|-shm)?$/;

/** Where a backup to `destination` is written until it is checked: hidden, and named for this process. */
function partialName(destination: string) {
  return path.join(path.dirname(path.resolve(destination)), `.${path.basename(destination)}.${process.pid}.partial`);
}

export function isPartialBackup(file: string) {
  return PARTIAL.test(path.basename(file));
}

/** Temporary files of backups whose process is gone (killed mid-copy): never backups, and they hold personal data. */
function removeAbandonedPartials(dir: string) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const pid = Number(PARTIAL.exec(name)?.[2]);
    if (pid && !processAlive(pid)) rmSync(path.join(dir, name), { force: true });
  }
}

function processAlive(pid: number) {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function removeWithJournal(file: string) {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Gives the checked copy its real name in one step. A hard link fails if the name was taken in
 * the meantime (rename would silently replace it); where links are not supported, rename after
 * checking. The directory is synced so the name survives a power cut.
 */
function publish(partial: string, destination: string) {
  try {
    linkSync(partial, destination);
    unlinkSync(partial);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new BackupError(`${destination} already exists; a backup never overwrites a file.`);
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP") throw error;
    if (existsSync(destination)) throw new BackupError(`${destination} already exists; a backup never overwrites a file.`);
    renameSync(partial, destination);
  }
  syncFile(path.dirname(path.resolve(destination)));
}

function syncFile(file: string) {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a directory; the data itself was synced by SQLite.
    if ((error as NodeJS.ErrnoException).code !== "EINVAL" && (error as NodeJS.ErrnoException).code !== "EISDIR") throw error;
  } finally {
    closeSync(fd);
  }
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
  if (isPartialBackup(file))
    throw new BackupError(`${file}: an unfinished backup (its copy was interrupted before it was checked), not a backup.`);
  if (readHeader(file) !== SQLITE_HEADER)
    throw new BackupError(`${file}: not a SQLite database (it does not start with the SQLite header).`);
  let backup: Database.Database;
  try {
    backup = open(file, { readonly: true, fileMustExist: true });
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
  const backup = open(file, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(target, { progress: () => ALL_PAGES });
  } finally {
    backup.close();
  }
  const restored = open(target);
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
