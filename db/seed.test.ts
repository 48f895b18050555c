// The demo seed's rubric story: the history is scored on v1; the hiring manager then loads v2 from
// its file and publishes it through the rubric-version flow, so new loops use v2, loops already
// scheduled keep v1, and v2's impact preview against that history has something to show.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "#app/utils/db.server";
import { loadExercises } from "#app/models/exercise.server";
import { previewDraft } from "#app/models/rubric-preview.server";
import { contentHash, loadRubrics, readRubricFile, RUBRICS_DIR, unloadedRubricFiles } from "#app/models/rubric.server";
import { auditLog, loops, positions, rubricVersions, scorecards, users } from "./schema";
import { seedDemoData } from "./seed";

const now = new Date("2026-12-07T09:00:00Z");

async function setup() {
  // What db:setup does on a fresh database.
  loadRubrics({ now });
  loadExercises({ now });
  return seedDemoData(db(), now);
}

const versions = () =>
  db()
    .select({
      id: rubricVersions.id,
      version: rubricVersions.version,
      status: rubricVersions.status,
      createdById: rubricVersions.createdById,
    })
    .from(rubricVersions)
    .orderBy(rubricVersions.version)
    .all();

describe("the demo seed and rubric v2", () => {
  it("scores the history on v1, then publishes v2 from its file as the hiring manager, audited", async () => {
    expect((await setup()).seeded).toBe(true);
    const hm = db().select().from(users).where(eq(users.email, "hm@loopwise.test")).get()!;
    const [v1, v2] = versions();
    expect([v1, v2]).toEqual([
      { id: v1!.id, version: 1, status: "retired", createdById: null },
      { id: v2!.id, version: 2, status: "published", createdById: hm.id },
    ]);
    // Every seeded loop and scorecard, history and current alike, is on v1; every position on v2.
    expect(
      new Set(
        db()
          .select({ v: loops.rubricVersionId })
          .from(loops)
          .all()
          .map((l) => l.v),
      ),
    ).toEqual(new Set([v1!.id]));
    expect(
      new Set(
        db()
          .select({ v: scorecards.rubricVersionId })
          .from(scorecards)
          .all()
          .map((s) => s.v),
      ),
    ).toEqual(new Set([v1!.id]));
    expect(
      new Set(
        db()
          .select({ v: positions.rubricVersionId })
          .from(positions)
          .all()
          .map((p) => p.v),
      ),
    ).toEqual(new Set([v2!.id]));
    const steps = db()
      .select({ actorId: auditLog.actorId, summary: auditLog.summary })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "rubric_version"), eq(auditLog.entityId, String(v2!.id))))
      .all();
    expect(steps).toEqual([
      { actorId: hm.id, summary: "Loaded draft v2 of Lead Machine Learning Engineer from lead-ml-engineer.v2.json" },
      { actorId: hm.id, summary: "Published Lead Machine Learning Engineer v2, replacing v1: new loops use it" },
    ]);
    // Published as the file says: what downloads is what was loaded.
    expect(db().select().from(rubricVersions).where(eq(rubricVersions.id, v2!.id)).get()!.contentHash).toBe(
      contentHash(readRubricFile(`${RUBRICS_DIR}/lead-ml-engineer.v2.json`)),
    );
  });

  it("gives v2's impact preview something to show on the seeded history: floors that would have bitten", async () => {
    await setup();
    const [, v2] = versions();
    const preview = previewDraft(v2!.id)!;
    const floored = preview.rows.filter((r) => r.floorChanged);
    console.log(
      `v2 against the seeded history: ${preview.rows.length} candidates, ${preview.bandChanges} band changes, ${preview.floorChanges} floor changes` +
        ` (${floored.map((r) => `${r.candidateName} ${r.current.band?.label}`).join("; ")})`,
    );
    expect(preview.rows.length).toBeGreaterThanOrEqual(24);
    // v2 keeps v1's weights and bands: S and the band never move; only the floors are new.
    expect(preview.bandChanges).toBe(0);
    expect(preview.rows.every((r) => r.current.score === r.draft.score)).toBe(true);
    expect(floored.length).toBeGreaterThanOrEqual(1);
    for (const r of floored)
      expect([r.current.floor, r.draft.floor, r.current.band?.key]).toEqual([false, true, expect.stringMatching(/hire$/)]);
  });

  it("db:setup again on the seeded database loads nothing twice and changes nothing", async () => {
    await setup();
    const before = versions();
    expect(loadRubrics({ now }).map((r) => [r.version, r.created])).toEqual([
      [1, false],
      [2, false],
    ]);
    expect((await seedDemoData(db(), now)).seeded).toBe(false);
    expect(versions()).toEqual(before);
    expect(unloadedRubricFiles()).toEqual([]);
  });

  it("db:setup on a database from before v2 keeps it on v1 and offers v2 to load in the app", async () => {
    // A demo database made before v2's file existed: v1 only, already seeded.
    loadRubrics({ now });
    expect(versions().map((v) => [v.version, v.status])).toEqual([[1, "published"]]);
    db().insert(users).values({ name: "Someone", email: "someone@example.com", role: "admin", passwordHash: "x", timeZone: "UTC" }).run();
    loadRubrics({ now });
    loadExercises({ now });
    expect((await seedDemoData(db(), now)).seeded).toBe(false);
    expect(versions().map((v) => [v.version, v.status])).toEqual([[1, "published"]]);
    expect(unloadedRubricFiles().map((f) => f.name)).toEqual(["lead-ml-engineer.v2.json"]);
  });
});
