// Defence in depth (migration 0008): once a loop has scorecards, neither the loop nor any of its
// scorecards can move to another rubric version, through the app or straight through SQL; a
// scorecard is always on its loop's version.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { loops, scorecards } from "#db/schema";
import { createDraft, publishDraft } from "#app/models/rubric-version.server";
import { db } from "#app/utils/db.server";
import { makeLoop, makeOrganisation, makeUser } from "#tests/factories";

async function setup() {
  const { position, rubricVersionId: v1 } = makeOrganisation();
  const admin = await makeUser("admin");
  const ana = await makeUser("interviewer");
  const draft = createDraft(admin, "lead-ml-engineer", new Date());
  if (!draft.ok) throw new Error(draft.message);
  publishDraft(admin, draft.id, new Date());
  const { loop, interviews } = makeLoop({
    positionId: position.id,
    rubricVersionId: v1,
    scheduledById: admin.id,
    plans: [
      { stage: "system_design", interviewerId: ana.id, hoursFromNow: -30 },
      { stage: "debugging", interviewerId: ana.id, hoursFromNow: -5 },
    ],
  });
  return { v1, v2: draft.id, loop, interviews, ana };
}

const addScorecard = (interviewId: number, interviewerId: number, rubricVersionId: number, status: "draft" | "submitted" = "draft") =>
  db().insert(scorecards).values({ interviewId, interviewerId, rubricVersionId, status }).returning().get();

describe("a loop's rubric version", () => {
  it("may change while the loop has no scorecard", async () => {
    const { v2, loop } = await setup();
    db().update(loops).set({ rubricVersionId: v2 }).where(eq(loops.id, loop.id)).run();
    expect(db().select().from(loops).where(eq(loops.id, loop.id)).get()?.rubricVersionId).toBe(v2);
  });

  it("is fixed once any scorecard exists, a draft included", async () => {
    const { v1, v2, loop, interviews, ana } = await setup();
    addScorecard(interviews[0]!.id, ana.id, v1);
    expect(() => db().update(loops).set({ rubricVersionId: v2 }).where(eq(loops.id, loop.id)).run()).toThrow(
      /keeps the rubric version its scorecards were written against/,
    );
    // Other columns of the loop still change as before.
    db().update(loops).set({ status: "closed" }).where(eq(loops.id, loop.id)).run();
    expect(db().select().from(loops).where(eq(loops.id, loop.id)).get()).toMatchObject({ status: "closed", rubricVersionId: v1 });
  });
});

describe("a scorecard's rubric version", () => {
  it("never changes, draft or submitted", async () => {
    const { v1, v2, interviews, ana } = await setup();
    const draft = addScorecard(interviews[0]!.id, ana.id, v1);
    const submitted = addScorecard(interviews[1]!.id, ana.id, v1, "submitted");
    for (const card of [draft, submitted])
      expect(() => db().update(scorecards).set({ rubricVersionId: v2 }).where(eq(scorecards.id, card.id)).run()).toThrow(
        /keeps the rubric version it was written against/,
      );
    db().update(scorecards).set({ takeaways: "still editable" }).where(eq(scorecards.id, draft.id)).run();
    expect(db().select().from(scorecards).where(eq(scorecards.id, draft.id)).get()).toMatchObject({
      takeaways: "still editable",
      rubricVersionId: v1,
    });
  });

  it("is its loop's: a scorecard on another version is refused", async () => {
    const { v2, interviews, ana } = await setup();
    expect(() => addScorecard(interviews[0]!.id, ana.id, v2)).toThrow(/on its loop's rubric version/);
  });
});
