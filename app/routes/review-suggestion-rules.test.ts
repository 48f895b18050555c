// Integration: rubric v2's rules for code-review suggestions, kept with the published version and
// applied the same on the grading page and the scorecard; a v1 loop has none.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { exercises, interviews, positions, rubricVersions } from "#db/schema";
import { db } from "#app/utils/db.server";
import { addComment, createAssignment, getAssignment, saveSummary, startAssignment } from "#app/models/assignment.server";
import { createCandidate } from "#app/models/candidate.server";
import { getCodeReviewExercise } from "#app/models/code-review-exercise.server";
import { scheduleLoop } from "#app/models/loop.server";
import { reviewUnderRubric, saveGrade } from "#app/models/review-grade.server";
import { loadDraftFromFile, publishDraft } from "#app/models/rubric-version.server";
import { contentHash, getRubricDetail, readRubricFile, RUBRICS_DIR, rubricDocument } from "#app/models/rubric.server";
import { makeOrganisation, makeUser, request, routeArgs, run } from "#tests/factories";
import * as scorecard from "./_app.interviews.$interviewId.scorecard";

const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

const key = () => getCodeReviewExercise("fraud-scoring-endpoint");
let candidates = 0;

async function publishV2() {
  const hm = await makeUser("hiring_manager");
  const draft = loadDraftFromFile(hm, "lead-ml-engineer.v2.json", NOW);
  if (!draft.ok) throw new Error(draft.message);
  expect(publishDraft(hm, draft.id, NOW)).toMatchObject({ ok: true });
  return draft.id;
}

/** A graded fraud-PR review on `rubricVersionId`, with the candidate's comments and verdict. */
async function gradedReview(
  rubricVersionId: number,
  positionId: number,
  comments: { filePath: string; line: number; body: string; priority?: "blocking" | "nit" }[],
  verdict: "approve" | "request_changes",
) {
  const hm = await makeUser("hiring_manager");
  const grader = await makeUser("interviewer");
  const candidate = createCandidate(
    hm,
    { name: "Ada Obi", email: `ada.${++candidates}@example.com`, positionId, source: "referral", notes: "" },
    hoursAgo(72),
  );
  const exercise = db().select().from(exercises).where(eq(exercises.slug, "fraud-scoring-endpoint")).get()!;
  const loop = scheduleLoop(hm, {
    candidateId: candidate.id,
    rubricVersionId,
    interviews: [
      { stage: "code_review", interviewerId: grader.id, scheduledAt: hoursAgo(30), durationMinutes: 60, exerciseId: exercise.id },
    ],
    now: hoursAgo(48),
  });
  const interview = db().select().from(interviews).where(eq(interviews.loopId, loop.id)).get()!;
  const { id } = createAssignment(hm, { interviewId: interview.id, timeLimitMinutes: 60, extraTimePercent: 100 }, hoursAgo(40));
  startAssignment(id, hoursAgo(30));
  for (const c of comments) addComment(id, c, hoursAgo(29.5));
  // Submitted before the hour is up, so the verdict stands.
  expect(saveSummary(id, { summary: "Reviewed.", verdict, revision: 0, submit: true }, hoursAgo(29.2))).toMatchObject({ ok: true });
  // The summary says the testing claims don't hold: the grader credits that PR-level item.
  saveGrade(grader, getAssignment(id)!, { rejected: [], credited: [], fromSummary: ["testing-claims-unsupported"] }, hoursAgo(20));
  return { assignment: getAssignment(id)!, interview, grader };
}

// What a strong reviewer of software engineering finds, but for the committed secrets: with the
// testing claims credited from the summary, 15 of its 18 points, a 4 from recall alone.
function strongSoftwareEngineeringComments() {
  const at = (id: string) => key().defects.find((d) => d.id === id)!.anchors[0]!;
  const say = (id: string, body: string) => ({ filePath: at(id).file, line: at(id).lines[0], body });
  return [
    say("fail-open-swallowed-errors", "Bare except swallows every error and approves the payment: fail open, silently"),
    say("model-loaded-per-request", "Model loaded from disk on every request: load it once at startup"),
    say("request-not-validated", "Amount and currency aren't validated: negative amount or unknown currency gets through"),
    say("unbounded-history-cache", "Unbounded cache of customer histories, never evicted or refreshed: memory grows forever"),
    say("happy-path-only-tests", "Tests mock everything and only check a 200 on the happy path"),
    say("full-history-read-per-request", "Reads the whole history (LRANGE 0 -1) on every request: unbounded read"),
  ];
}

describe("rubric v2's rules for code-review suggestions", () => {
  it("are kept with the published version, which gives back the file it came from and can't be changed", async () => {
    makeOrganisation();
    const v2 = await publishV2();
    const file = readRubricFile(`${RUBRICS_DIR}/lead-ml-engineer.v2.json`);
    expect(contentHash(rubricDocument(v2)!)).toBe(contentHash(file));
    expect(getRubricDetail(v2)!.suggestionRules.map((r) => [r.when, r.capAt])).toEqual([
      ["decoy_flagged_blocking", 3],
      ["approved_with_open_critical", 2],
    ]);
    expect(getRubricDetail(v2)!.raterGuidance?.partialMeets).toMatch(/highest level whose whole description/);
    expect(() => db().update(rubricVersions).set({ extras: null }).where(eq(rubricVersions.id, v2)).run()).toThrow(/never changes/);
  });

  it("approving with the committed secrets unflagged caps software engineering at 2, on the grading page and the scorecard alike", async () => {
    const { position } = makeOrganisation();
    await publishV2();
    const v2 = db().select().from(positions).where(eq(positions.id, position.id)).get()!.rubricVersionId;
    const { assignment, interview, grader } = await gradedReview(v2, position.id, strongSoftwareEngineeringComments(), "approve");
    const se = reviewUnderRubric(assignment, v2).suggestions.software_engineering!;
    expect(se.fromRecall).toBe(4);
    expect(se).toMatchObject({ level: 2, applied: [{ capAt: 2, says: expect.stringMatching(/approved the pull request/) }] });
    const card = (
      await run(async () => scorecard.loader(routeArgs(await request("/x", { userId: grader.id }), { interviewId: String(interview.id) })))
    ).data!;
    expect(card.defaults.rating.software_engineering).toBe("2");
    expect(card.defaults.evidence.software_engineering).toMatch(/Capped at 2 by the rubric: .*approved the pull request/);
  });

  it("the same review requesting changes keeps its 4; a blocking comment on a decoy caps it at 3, a nit there doesn't", async () => {
    const { position } = makeOrganisation();
    await publishV2();
    const v2 = db().select().from(positions).where(eq(positions.id, position.id)).get()!.rubricVersionId;
    const decoy = key().decoys[0]!;
    const onDecoy = { filePath: decoy.file, line: decoy.lines[0], body: "This looks wrong to me, please change it" };
    const clean = await gradedReview(v2, position.id, strongSoftwareEngineeringComments(), "request_changes");
    expect(reviewUnderRubric(clean.assignment, v2).suggestions.software_engineering).toMatchObject({ level: 4, applied: [] });
    const nit = await gradedReview(
      v2,
      position.id,
      [...strongSoftwareEngineeringComments(), { ...onDecoy, priority: "nit" }],
      "request_changes",
    );
    expect(reviewUnderRubric(nit.assignment, v2).suggestions.software_engineering).toMatchObject({ level: 4 });
    const blocking = await gradedReview(
      v2,
      position.id,
      [...strongSoftwareEngineeringComments(), { ...onDecoy, priority: "blocking" }],
      "request_changes",
    );
    expect(reviewUnderRubric(blocking.assignment, v2).suggestions.software_engineering).toMatchObject({
      level: 3,
      fromRecall: 4,
      applied: [{ capAt: 3 }],
    });
  });

  it("a loop on v1 has no rules: the same approval keeps the level recall gives", async () => {
    const { position, rubricVersionId: v1 } = makeOrganisation();
    const { assignment } = await gradedReview(v1, position.id, strongSoftwareEngineeringComments(), "approve");
    expect(reviewUnderRubric(assignment, v1).suggestions.software_engineering).toMatchObject({ level: 4, applied: [] });
  });
});
