// What every connection the app opens is set up to do with the file: zero what it deletes, keep
// the audit log's triggers unbypassable, and finish a scrub an erasure (or an older version of the
// app) left owing before anything reads the file.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeCandidateWithHistory, makeUser } from "#tests/factories";
import { FREE_TEXT } from "#app/models/candidate-data.server";
import { eraseCandidate } from "#app/models/erasure.server";
import { TEST_NOW } from "#tests/setup/unit-env";
import { db, openDatabase, replaceDatabase, scrubFreedPages } from "./db.server";

const TOKEN = "vq3mistlethrush";
const PERSON = { name: `Anneliese ${TOKEN}`, email: `anneliese.${TOKEN}@example.org` };

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "loopwise-db-"));
  file = path.join(dir, "live.db");
});
afterEach(() => {
  replaceDatabase(openDatabase(":memory:"));
  rmSync(dir, { recursive: true, force: true });
});

/** Occurrences of the token in the raw bytes of the file and its WAL. */
function tokenInBytes() {
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString("latin1").toLowerCase().split(TOKEN).length - 1)
    .reduce((a, b) => a + b, 0);
}

describe("every connection", () => {
  it("zeroes deleted content and fires delete triggers on REPLACE, so no insert can rewrite an audit entry", () => {
    replaceDatabase(openDatabase(file));
    const client = db().$client;
    expect(client.pragma("secure_delete", { simple: true })).toBe(1);
    client
      .prepare(
        "insert into audit_log (id, at, actor_label, action, entity_type, entity_id, summary) values (1, 0, 'Ada', 'create', 'user', '1', 'Added user Ada')",
      )
      .run();
    expect(() =>
      client
        .prepare(
          "insert or replace into audit_log (id, at, actor_label, action, entity_type, entity_id, summary) values (1, 0, 'Mallory', 'create', 'user', '1', 'nothing happened')",
        )
        .run(),
    ).toThrow(/append-only/);
    expect(client.prepare("select actor_label as who, summary from audit_log").all()).toEqual([{ who: "Ada", summary: "Added user Ada" }]);
  });
});

describe("the scrub after an erasure", () => {
  it("leaves nothing of rows that secure delete alone leaves behind in pages rebuilt by a split", () => {
    replaceDatabase(openDatabase(file));
    const client = db().$client;
    // Rows that grow and shrink, in a seeded order: a page splits and is rebuilt while the
    // person's rows sit on it, and the rebuilt page keeps stale copies of rows that moved to a
    // sibling in its free space. Secure delete zeroes what is deleted, never what was moved.
    client.exec("create table churn (id integer primary key, email text unique, body text)");
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const add = client.prepare("insert into churn (email, body) values (?, ?)");
    const edit = client.prepare("update churn set body = ? where id = ?");
    const text = (length: number) => (next(4) === 0 ? `${TOKEN} ` : "someone else ") + "n".repeat(length);
    let rows = 0;
    for (let i = 0; i < 6000; i++)
      if (rows < 10 || next(10) < 3) {
        add.run(`${i}.${next(1e9)}@example.org`, text(next(400)));
        rows += 1;
      } else edit.run(text(next(600)), 1 + next(rows));
    // What an erasure does to the text: overwrites it (secure delete zeroes the old cell).
    client.prepare("update churn set body = '' where instr(body, ?) > 0").run(TOKEN);
    client.pragma("wal_checkpoint(TRUNCATE)");
    const leftBySecureDelete = tokenInBytes();
    expect(leftBySecureDelete).toBeGreaterThan(0);

    expect(scrubFreedPages()).toBe(true);
    expect(tokenInBytes()).toBe(0);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  });
});

describe("a file that owes a scrub is scrubbed when it is opened", () => {
  it("one from before secure delete, with an erasure that left the text in freed space", async () => {
    replaceDatabase(openDatabase(file));
    const client = db().$client;
    // What an older version did: no secure delete, the row overwritten, nothing scrubbed.
    client.pragma("secure_delete = OFF");
    const { candidate } = await makeCandidateWithHistory(PERSON, TEST_NOW);
    client
      .prepare(
        "update candidates set name = 'Erased candidate', email = 'erased@erased.invalid', notes = '', panel_summary = '', erased_at = ? where id = ?",
      )
      .run(TEST_NOW.getTime(), candidate.id);
    client.prepare("update audit_log set redacted = 1, before = null, after = null, summary = '[erased]' where redacted = 0").run();
    for (const f of FREE_TEXT)
      client.prepare(`update ${f.table} set ${f.column} = ${f.blank ?? "''"} where ${f.where}`).run({ candidate: candidate.id });
    client.pragma("wal_checkpoint(TRUNCATE)");
    client.pragma("user_version = 0");
    expect(client.prepare("select count(*) as n from candidates where instr(name, ?) > 0").get(TOKEN)).toEqual({ n: 0 });
    // SQLite no longer returns it, yet the bytes are still there.
    expect(tokenInBytes()).toBeGreaterThan(0);
    replaceDatabase(openDatabase(":memory:"));

    replaceDatabase(openDatabase(file));
    expect(tokenInBytes()).toBe(0);
    expect(db().$client.pragma("user_version", { simple: true })).toBe(1);
  }, 30_000);

  it("one whose erasure could not empty the WAL because another process was reading", async () => {
    replaceDatabase(openDatabase(file));
    db().$client.pragma("busy_timeout = 50");
    const { candidate } = await makeCandidateWithHistory(PERSON, TEST_NOW);
    const admin = await makeUser("admin");
    const reader = new Database(file, { readonly: true });
    reader.exec("begin");
    reader.prepare("select count(*) from candidates").get();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(eraseCandidate(admin, candidate.id, "request", TEST_NOW)).toEqual({ ok: true });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/scrub incomplete/));
    } finally {
      reader.exec("rollback");
      reader.close();
      warn.mockRestore();
    }
    // The reader's snapshot pinned the WAL's older frames, which still hold the person.
    expect(tokenInBytes()).toBeGreaterThan(0);
    expect(db().$client.pragma("user_version", { simple: true })).toBe(2);
    replaceDatabase(openDatabase(":memory:"));

    replaceDatabase(openDatabase(file));
    expect(tokenInBytes()).toBe(0);
    expect(db().$client.pragma("user_version", { simple: true })).toBe(1);
  }, 30_000);

  it("one whose erasure could not rebuild the file (no room on the disk): the erasure still succeeds", async () => {
    replaceDatabase(openDatabase(file));
    const { candidate } = await makeCandidateWithHistory(PERSON, TEST_NOW);
    const admin = await makeUser("admin");
    const exec = Database.prototype.exec;
    const full = vi.spyOn(Database.prototype, "exec").mockImplementation(function (this: Database.Database, sql: string) {
      if (/vacuum/i.test(sql)) throw new Error("database or disk is full");
      return exec.call(this, sql);
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      expect(eraseCandidate(admin, candidate.id, "request", TEST_NOW)).toEqual({ ok: true });
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/postponed.*disk is full/));
    } finally {
      full.mockRestore();
      warn.mockRestore();
    }
    expect(db().$client.pragma("user_version", { simple: true })).toBe(2);
    replaceDatabase(openDatabase(":memory:"));

    replaceDatabase(openDatabase(file));
    expect(tokenInBytes()).toBe(0);
    expect(db().$client.pragma("user_version", { simple: true })).toBe(1);
  }, 30_000);

  it("a new file, or one whose erasures were all scrubbed, is not rebuilt on opening", async () => {
    const vacuums = vi.spyOn(Database.prototype, "exec");
    const rebuilt = () => vacuums.mock.calls.filter(([sql]) => /vacuum/i.test(sql)).length;
    try {
      replaceDatabase(openDatabase(file));
      const { candidate } = await makeCandidateWithHistory(PERSON, TEST_NOW);
      const admin = await makeUser("admin");
      replaceDatabase(openDatabase(file));
      expect(rebuilt()).toBe(0);
      eraseCandidate(admin, candidate.id, "request", TEST_NOW);
      expect(rebuilt()).toBe(1);
      replaceDatabase(openDatabase(file));
      expect(rebuilt()).toBe(1);
    } finally {
      vacuums.mockRestore();
    }
  });
});
