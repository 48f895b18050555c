// An erasure leaves nothing readable in the bytes on disk: not in the database file, not in its
// WAL, not in a backup taken afterwards. SQLite keeps deleted and overwritten text in freed pages
// and in free space inside pages unless told otherwise; this reads the raw files, as someone with
// a copy of the disk would, rather than asking SQLite (which would never show freed bytes).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { backupDatabase } from "#db/backups";
import { db, openDatabase, replaceDatabase } from "#app/utils/db.server";
import { makeCandidateWithHistory, makeUser } from "#tests/factories";
import { signIn } from "#app/auth/sign-in.server";
import { updateCandidate } from "./candidate.server";
import { eraseCandidate } from "./erasure.server";
import { saveTakeHomeGrade } from "./take-home.server";
import { TEST_NOW } from "#tests/setup/unit-env";

// A token no other text in the app contains, in the name, the address and so every free-text field
// (the factory writes "<name> (<email>)" into each), and the earlier name and address of a rename.
const TOKEN = "qz7wrenfinch";
const FIRST = { name: `Ifeoma Qz7wrenfinch-Adebayo`, email: `ifeoma.${TOKEN}@example.org` };
const RENAMED = { name: "Ifeoma Quillfeather-Adebayo", email: `ifeoma.quillfeather.${TOKEN}@example.net` };
// Words no shipped exercise uses: exercise content is stored in the database too.
const NEEDLES = [TOKEN, FIRST.name, RENAMED.name, "Quillfeather"];

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "loopwise-scrub-"));
  file = path.join(dir, "live.db");
  replaceDatabase(openDatabase(file));
});
afterEach(() => {
  replaceDatabase(openDatabase(":memory:"));
  rmSync(dir, { recursive: true, force: true });
});

/** How often each needle occurs in a file's raw bytes, ignoring ASCII case (addresses are lowered). */
function inBytes(target: string) {
  if (!existsSync(target)) return {};
  const text = readFileSync(target).toString("latin1").toLowerCase();
  const found: Record<string, number> = {};
  for (const needle of NEEDLES) {
    const n = text.split(needle.toLowerCase()).length - 1;
    if (n) found[needle] = n;
  }
  return found;
}

describe("erasure scrubs the bytes on disk", () => {
  it("leaves neither the token nor the names in the database file, its WAL or a backup taken afterwards", async () => {
    const { candidate, position, hm, reviewer, assignmentId } = await makeCandidateWithHistory(FIRST, TEST_NOW);
    // Long enough to spill onto overflow pages, which an erasure frees rather than rewrites.
    const long = `${FIRST.name} (${FIRST.email}): ${"long recruiter note ".repeat(400)}`;
    updateCandidate(hm, candidate.id, { ...RENAMED, positionId: position.id, source: "referral", notes: long }, TEST_NOW);
    saveTakeHomeGrade(reviewer, assignmentId, { checked: [], notes: `Grader on ${TOKEN}: tidy tests.` }, TEST_NOW);
    await signIn({ email: RENAMED.email, password: "not a staff password", client: "203.0.113.9", now: TEST_NOW, wait: async () => {} });
    // Planted for real: the file or its WAL holds every needle before the erasure.
    db().$client.pragma("wal_checkpoint(PASSIVE)");
    const planted = { ...inBytes(`${file}-wal`), ...inBytes(file) };
    expect(Object.keys(planted).sort()).toEqual([...NEEDLES].sort());

    const admin = await makeUser("admin");
    expect(eraseCandidate(admin, candidate.id, "request", TEST_NOW)).toMatchObject({ ok: true });

    const backup = await backupDatabase({ source: file, destination: path.join(dir, "after-erasure.db") });
    expect({ file: inBytes(file), wal: inBytes(`${file}-wal`), backup: inBytes(backup.destination) }).toEqual({
      file: {},
      wal: {},
      backup: {},
    });
    // The app carries on with the same connection after the scrub.
    expect(db().$client.prepare("select name from candidates where id = ?").get(candidate.id)).toEqual({ name: "Erased candidate" });
  }, 30_000);
});
