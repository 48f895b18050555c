// The scorecard model applies the write rule itself, so a script or a race can't get past the page.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviews, loops, scorecards } from "#db/schema";
import { db } from "#app/utils/db.server";
import { systemNow } from "#app/utils/clock.server";
import { makeLoop, makeOrganisation, makeUser } from "#tests/factories";
import { saveScorecard } from "./scorecard.server";
import { INTERVIEW_CANCELLED, LOOP_CLOSED, NOT_STARTED } from "./scorecard-rules";

const value = { rating: {}, evidence: {}, note: {}, signals: [], recommendation: "yes", takeaways: "Solid." } as never;

async function oneInterview(hoursFromNow: number) {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const ana = await makeUser("interviewer");
  const {
    loop,
    interviews: [interview],
  } = makeLoop({
    positionId: position.id,
    rubricVersionId,
    scheduledById: hm.id,
    plans: [{ stage: "leadership", interviewerId: ana.id, hoursFromNow }],
  });
  const save = (submit: boolean) =>
    saveScorecard(ana, {
      interviewId: interview!.id,
      interviewerId: ana.id,
      rubricVersionId,
      value,
      submit,
      amend: false,
      now: systemNow(),
    });
  return { loop, interview: interview!, save };
}

describe("saveScorecard's own checks", () => {
  it("refuses a closed loop's scorecard and a cancelled interview's, and writes nothing", async () => {
    const { loop, interview, save } = await oneInterview(-2);
    db().update(loops).set({ status: "closed" }).where(eq(loops.id, loop.id)).run();
    expect(save(false)).toEqual({ ok: false, message: LOOP_CLOSED });
    db().update(loops).set({ status: "open" }).where(eq(loops.id, loop.id)).run();
    db().update(interviews).set({ status: "cancelled" }).where(eq(interviews.id, interview.id)).run();
    expect(save(true)).toEqual({ ok: false, message: INTERVIEW_CANCELLED });
    expect(db().select().from(scorecards).all()).toHaveLength(0);
  });

  it("keeps a draft before the interview but refuses its submit", async () => {
    const { save } = await oneInterview(24);
    expect(save(true)).toEqual({ ok: false, message: NOT_STARTED });
    expect(save(false)).toMatchObject({ ok: true, status: "draft" });
    expect(db().select().from(scorecards).get()).toMatchObject({ status: "draft" });
  });
});
