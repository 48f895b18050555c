// Backups taken while another process writes, and restores that refuse anything unsound.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "#app/utils/db.server";
import { backupDatabase, BackupError, checkBackupFile, restoreDatabase } from "./backups";

const MIGRATIONS = (JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: unknown[] }).entries.length;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "loopwise-backup-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A migrated Loopwise database file with `users` users, each with the audit entry of its creation. */
function liveDatabase(file: string, users: number) {
  const db = openDatabase(file);
  const insert = db.$client.transaction((n: number) => {
    for (let i = 0; i < n; i++) addUser(db.$client);
  });
  insert(users);
  db.$client.close();
}

// The writer's one transaction: a user and the audit entry recording it, so a consistent copy
// always holds as many of one as of the other.
const WRITE = `
  const id = db.prepare("insert into users (email, name, role, password_hash) values (lower(hex(randomblob(8))) || '@x.test', ?, 'interviewer', 'x') returning id").get("n".repeat(400)).id;
  db.prepare("insert into audit_log (at, actor_label, action, entity_type, entity_id, summary) values (?, 'writer', 'create', 'user', ?, ?)").run(id, String(id), "w".repeat(400));`;

function addUser(client: Database.Database) {
  new Function("db", WRITE)(client);
}

/** Another process writing one transaction every millisecond or so until it is killed. */
function startWriter(file: string) {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const Database = require("better-sqlite3");
       const db = new Database(${JSON.stringify(file)});
       db.pragma("busy_timeout = 5000");
       const write = db.transaction(() => { ${WRITE} });
       const pause = new Int32Array(new SharedArrayBuffer(4));
       let n = 0;
       for (;;) { write(); if (++n === 20) process.stdout.write("writing\\n"); Atomics.wait(pause, 0, 0, 1); }`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const started = new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
  return { started, stop: () => new Promise<void>((resolve) => (child.kill("SIGKILL"), child.once("exit", () => resolve()))) };
}

function rows(file: string, table: "users" | "audit_log") {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`select * from ${table} order by id`).all() as { id: number }[];
  } finally {
    db.close();
  }
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("db:backup", () => {
  it("takes a consistent copy while another process writes, and a restore brings back exactly the source at that point", async () => {
    const live = path.join(dir, "live.db");
    liveDatabase(live, 3000);
    const writer = startWriter(live);
    await writer.started;
    const countBefore = rows(live, "users").length;
    const backup = await backupDatabase({ source: live, destination: path.join(dir, "backup.db") });
    const countAfter = rows(live, "users").length;
    await writer.stop();

    // The writer really was writing during the backup.
    expect(countAfter).toBeGreaterThan(countBefore);
    const copied = rows(backup.destination, "users");
    expect(copied.length).toBeGreaterThanOrEqual(countBefore);
    expect(copied.length).toBeLessThanOrEqual(countAfter);
    // A snapshot at one instant: every transaction wholly in or wholly out, rows identical to the source's.
    const source = { users: rows(live, "users"), audit: rows(live, "audit_log") };
    const copiedAudit = rows(backup.destination, "audit_log");
    expect(copiedAudit).toHaveLength(copied.length);
    expect(copied).toEqual(source.users.slice(0, copied.length));
    expect(copiedAudit).toEqual(source.audit.slice(0, copiedAudit.length));
    expect(existsSync(`${backup.destination}-wal`)).toBe(false);

    // Restore over a database that has moved on since.
    const target = path.join(dir, "target.db");
    liveDatabase(target, 10);
    const restored = await restoreDatabase({
      file: backup.destination,
      target,
      knownMigrations: MIGRATIONS,
      stamp: "2026-12-02T09-00-00Z",
    });
    expect(rows(target, "users")).toEqual(copied);
    expect(rows(target, "audit_log")).toEqual(copiedAudit);
    expect(rows(restored.saved!, "users")).toHaveLength(10);
  }, 30_000);

  it("never overwrites an existing file", async () => {
    const live = path.join(dir, "live.db");
    liveDatabase(live, 1);
    writeFileSync(path.join(dir, "taken.db"), "precious");
    await expect(backupDatabase({ source: live, destination: path.join(dir, "taken.db") })).rejects.toThrow(/already exists/);
    expect(readFileSync(path.join(dir, "taken.db"), "utf8")).toBe("precious");
  });
});

describe("a backup that does not finish", () => {
  /** Files in the directory a cron job or a person would take for backups. */
  const backupsIn = (where: string) => readdirSync(where).filter((f) => /^loopwise-.*\.db$/.test(f));

  it("killed mid-copy, leaves nothing under the backup's name, only a hidden partial file that no restore takes", async () => {
    const live = path.join(dir, "live.db");
    liveDatabase(live, 20_000);
    const destination = path.join(dir, "loopwise-2026-12-02T09-17-00Z.db");
    const child = spawn(process.execPath, ["--import", "tsx", "db/backup.ts", destination], {
      env: { ...process.env, DATABASE_PATH: live, NODE_ENV: "test" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // Killed the moment anything of the copy appears on disk, as a power cut or the OOM killer would.
    const appeared = await new Promise<string[]>((resolve, reject) => {
      const poll = setInterval(() => {
        const files = readdirSync(dir).filter((f) => f !== "live.db" && !f.startsWith("live.db-"));
        if (files.length) {
          clearInterval(poll);
          child.kill("SIGKILL");
          resolve(files);
        }
      }, 1);
      child.once("exit", () => (clearInterval(poll), reject(new Error("the backup finished before it could be killed"))));
    });
    expect(await exited).toBe("SIGKILL");
    expect(appeared.length).toBeGreaterThan(0);

    expect(existsSync(destination)).toBe(false);
    expect(backupsIn(dir)).toEqual([]);
    const partials = readdirSync(dir).filter((f) => f.endsWith(".partial"));
    expect(partials).toEqual([expect.stringMatching(/^\.loopwise-2026-12-02T09-17-00Z\.db\.\d+\.partial$/)]);
    expect(() => checkBackupFile(path.join(dir, partials[0]!), MIGRATIONS)).toThrow(/an unfinished backup/);

    // The next backup into the directory finishes, and clears what the killed one left.
    const done = await backupDatabase({ source: live, destination });
    expect(rows(done.destination, "users")).toHaveLength(20_000);
    expect(readdirSync(dir).sort()).toEqual(["live.db", "loopwise-2026-12-02T09-17-00Z.db"].sort());
  }, 60_000);

  it("whose copy fails its integrity check, leaves nothing behind at all", async () => {
    const live = path.join(dir, "damaged.db");
    liveDatabase(live, 500);
    const bytes = readFileSync(live);
    bytes.fill(0x5a, 4096 * 4, 4096 * 12);
    writeFileSync(live, bytes);
    const destination = path.join(dir, "backups", "loopwise-x.db");
    mkdirSync(path.dirname(destination));
    await expect(backupDatabase({ source: live, destination })).rejects.toThrow(/failed its integrity check/);
    expect(readdirSync(path.dirname(destination))).toEqual([]);
  });
});

describe("db:restore refuses an unsound file and changes nothing", () => {
  async function refused(file: string) {
    const target = path.join(dir, "target.db");
    liveDatabase(target, 5);
    const before = sha(target);
    const error = await restoreDatabase({ file, target, knownMigrations: MIGRATIONS, stamp: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(sha(target)).toBe(before);
    expect(existsSync(`${target}.before-restore-x.db`)).toBe(false);
    return (error as BackupError).message;
  }

  it("a text file", async () => {
    const file = path.join(dir, "notes.txt");
    writeFileSync(file, "these are not the rows you are looking for");
    expect(await refused(file)).toMatch(/notes\.txt: not a SQLite database/);
  });

  it("a file that isn't there", async () => {
    expect(await refused(path.join(dir, "missing.db"))).toMatch(/missing\.db: no such file/);
  });

  it("a SQLite database of some other application", async () => {
    const file = path.join(dir, "other.db");
    const other = new Database(file);
    other.exec("create table notes (id integer primary key, body text)");
    other.close();
    expect(await refused(file)).toMatch(
      /other\.db: not a Loopwise database \(no __drizzle_migrations, candidates, scorecards, audit_log table\)/,
    );
  });

  it("a damaged database", async () => {
    const file = path.join(dir, "damaged.db");
    liveDatabase(file, 500);
    const bytes = readFileSync(file);
    // Scribble over the middle of the file: b-tree pages of the users and audit tables.
    bytes.fill(0x5a, 4096 * 4, 4096 * 12);
    writeFileSync(file, bytes);
    expect(await refused(file)).toMatch(/damaged\.db: (failed PRAGMA integrity_check|SQLite cannot read it)/);
  });

  it("a backup from a newer version of the app", () => {
    const file = path.join(dir, "newer.db");
    liveDatabase(file, 1);
    expect(checkBackupFile(file, MIGRATIONS)).toEqual({ migrations: MIGRATIONS });
    expect(() => checkBackupFile(file, MIGRATIONS - 1)).toThrow(/newer\.db: made by a newer Loopwise/);
  });

  it("says what is wrong from the command line, with exit code 1", () => {
    const target = path.join(dir, "target.db");
    liveDatabase(target, 1);
    writeFileSync(path.join(dir, "notes.txt"), "not a database");
    const run = spawnSync("npx", ["tsx", "db/restore.ts", path.join(dir, "notes.txt")], {
      env: { ...process.env, DATABASE_PATH: target, NODE_ENV: "test" },
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Restore refused, nothing changed: .*notes\.txt: not a SQLite database/);
  }, 30_000);
});
