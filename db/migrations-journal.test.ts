// The migrator applies a migration only when its journal stamp (`when`) is later than the newest
// one the database has applied, so a migration stamped earlier than one before it is silently
// skipped on every database that already had the earlier one. Every new migration must be
// stamped after all the others.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Entry = { idx: number; tag: string; when: number };
const { entries } = JSON.parse(readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: Entry[] };

// 0010 and 0011 were written minutes after 0009 in one session and carry earlier stamps than its
// deliberately late one; no released version ever held 0009 without them, so every database
// either has all three or none, and a database with none applies all three in order.
const SHIPPED_TOGETHER = new Set(["0010_comment_priority", "0011_rubric_extras"]);

describe("the migration journal", () => {
  it("stamps every migration after every earlier one, so an upgraded database applies it", () => {
    let newest = 0;
    for (const e of entries) {
      if (!SHIPPED_TOGETHER.has(e.tag)) {
        expect(e.when, `${e.tag} is stamped before an earlier migration`).toBeGreaterThan(newest);
      }
      newest = Math.max(newest, e.when);
    }
  });

  it("lists each migration file once, in order", () => {
    const tags = entries.map((e) => e.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect([...tags].sort()).toEqual(tags);
  });
});
