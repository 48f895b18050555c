// A small organisation with one of everything an action can touch, so fuzzed requests reach the
// code behind the guards: loops open, closed and not yet scheduled; interviews upcoming, owed,
// in draft, submitted and cancelled; a candidate's code review in progress and one to grade; the
// published rubric and a draft of its next version.
import { eq } from "drizzle-orm";
import { candidates, decisions, exercises, interviews, loops, reviewComments, type StageKey } from "#db/schema";
import { addComment, createAssignment, getAssignment, saveSummary, startAssignment } from "#app/models/assignment.server";
import { getCodeReviewExercise } from "#app/models/code-review-exercise.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { createDraft } from "#app/models/rubric-version.server";
import type { ScorecardValue } from "#app/models/scorecard-schema";
import { saveScorecard } from "#app/models/scorecard.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { db } from "#app/utils/db.server";
import { startSession } from "#app/auth/session.server";
import { makeOrganisation, makeUser } from "#tests/factories";
import { rebuildAggregates } from "#app/models/aggregates.server";

const HOUR = 3600_000;

export async function seedOrganisation() {
  const { position, rubricVersionId } = makeOrganisation();
  const rubric = getRubricDetail(rubricVersionId)!;
  const people = {
    admin: await makeUser("admin"),
    hm: await makeUser("hiring_manager"),
    ana: await makeUser("interviewer"),
    ben: await makeUser("interviewer"),
    cara: await makeUser("interviewer"),
    dan: await makeUser("interviewer"),
    eve: await makeUser("interviewer"),
    gone: await makeUser("interviewer", { active: false }),
  };
  const candidate = (name: string) =>
    db()
      .insert(candidates)
      .values({ name, email: `${name.toLowerCase().replace(/\W/g, ".")}@example.com`, positionId: position.id, source: "referral" })
      .returning()
      .get();
  const loopFor = (candidateId: number) => db().insert(loops).values({ candidateId, rubricVersionId }).returning().get();
  const interview = (loopId: number, stage: StageKey, interviewerId: number, hoursFromNow: number, extra = {}) =>
    db()
      .insert(interviews)
      .values({ loopId, stage, interviewerId, scheduledAt: new Date(Date.now() + hoursFromNow * HOUR), durationMinutes: 60, ...extra })
      .returning()
      .get();
  const codeReviewKit = db().select().from(exercises).where(eq(exercises.slug, "fraud-scoring-endpoint")).get()!;

  const ada = candidate("Ada Obi");
  const adaLoop = loopFor(ada.id);
  const submitted = interview(adaLoop.id, "system_design", people.ana.id, -72, { status: "completed" });
  const draft = interview(adaLoop.id, "debugging", people.ben.id, -48);
  const owed = interview(adaLoop.id, "leadership", people.cara.id, -24);
  const upcoming = interview(adaLoop.id, "take_home", people.dan.id, 72);
  const cancelled = interview(adaLoop.id, "debugging", people.cara.id, -96, { status: "cancelled" });
  const reviewing = interview(adaLoop.id, "code_review", people.eve.id, -1, { exerciseId: codeReviewKit.id });

  const bo = candidate("Bo Lindqvist");
  const boLoop = loopFor(bo.id);
  const decided = interview(boLoop.id, "system_design", people.ana.id, -200, { status: "completed" });

  const dee = candidate("Dee Mensah");
  const deeLoop = loopFor(dee.id);
  const graded = interview(deeLoop.id, "code_review", people.eve.id, -30, { exerciseId: codeReviewKit.id });

  const unscheduled = candidate("Cy Novak");

  const card = (interviewId: number, interviewerId: number, submit: boolean) => {
    const rated = rubric.dimensions.slice(0, 4);
    const value: ScorecardValue = {
      rating: Object.fromEntries(rated.map((d, i) => [d.key, (["3", "4", "na", "2"] as const)[i]])),
      evidence: Object.fromEntries(rated.map((d) => [d.key, `Evidence for ${d.name}`])),
      signals: [],
      note: {},
      recommendation: submit ? "yes" : undefined,
      takeaways: "Clear thinker; asked good questions.",
    };
    saveScorecard(people.hm, { interviewId, interviewerId, rubricVersionId, value, submit, amend: false, now: new Date() });
  };
  card(submitted.id, people.ana.id, true);
  card(draft.id, people.ben.id, false);
  card(decided.id, people.ana.id, true);
  db()
    .insert(decisions)
    .values({ loopId: boLoop.id, decision: "hire", rationale: "Strong across the loop.", decidedById: people.hm.id, decidedAt: new Date() })
    .run();
  db().update(loops).set({ status: "closed", closedAt: new Date() }).where(eq(loops.id, boLoop.id)).run();
  // The decision and the closed loop were written directly: bring the views' aggregates up to date.
  rebuildAggregates();

  // Ada's review is under way with one comment; Dee's is submitted with one comment on a planted
  // defect and one outside the answer key, so grading has both kinds of decision to make.
  const kit = getCodeReviewExercise("fraud-scoring-endpoint");
  const defect = kit.defects.find((d) => d.id === "hardcoded-secrets")!;
  const anchor = defect.anchors[0]!;
  const now = new Date();
  const inProgress = createAssignment(people.hm, { interviewId: reviewing.id, timeLimitMinutes: 60, extraTimePercent: 100 }, now).id;
  startAssignment(inProgress, now);
  addComment(inProgress, { filePath: anchor.file, line: anchor.lines[0], body: "Looks off" }, now);
  const toGrade = createAssignment(people.hm, { interviewId: graded.id, timeLimitMinutes: 60, extraTimePercent: 100 }, now).id;
  startAssignment(toGrade, now);
  // Credit reads the comment: this one names the defect, so it is matched and needs a decision.
  addComment(toGrade, { filePath: anchor.file, line: anchor.lines[0], body: "Hard-coded password and API key committed in source" }, now);
  addComment(toGrade, { filePath: "tests/test_api.py", line: 1, body: "Tests need a fixture" }, now);
  saveSummary(toGrade, { summary: "Needs work", verdict: "request_changes", revision: 0, submit: true }, now);
  const link = async (id: number) => {
    const a = getAssignment(id)!;
    return signAssignmentToken({ assignmentId: id, tokenId: a.tokenId, expiresAt: new Date(a.linkExpiresAt.getTime() + 60 * 60_000) });
  };

  // A draft of the next rubric version, for the editor and the impact preview.
  const rubricDraft = createDraft(people.hm, rubric.key, now);
  if (!rubricDraft.ok) throw new Error(rubricDraft.message);

  const cookies = Object.fromEntries(
    await Promise.all(Object.entries(people).map(async ([k, u]) => [k, (await startSession(u.id)).split(";")[0]!] as const)),
  ) as Record<keyof typeof people, string>;

  return {
    people,
    cookies,
    position,
    rubric,
    candidates: { ada, bo, dee, unscheduled },
    interviews: { submitted, draft, owed, upcoming, cancelled, reviewing, decided, graded },
    assignments: { inProgress, toGrade },
    tokens: { inProgress: await link(inProgress), submitted: await link(toGrade) },
    commentIds: db()
      .select({ id: reviewComments.id })
      .from(reviewComments)
      .all()
      .map((c) => c.id),
    summaryRevision: getAssignment(inProgress)!.revision,
    defectIds: kit.defects.map((d) => d.id),
    rubricVersions: { published: rubricVersionId, draft: rubricDraft.id },
  };
}

export type Organisation = Awaited<ReturnType<typeof seedOrganisation>>;
