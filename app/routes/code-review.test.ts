// Integration: the candidate's link, their review, and grading, through the routes' loaders and actions.
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { assignments, auditLog, candidates, exercises, interviews, loops, reviewComments, reviewGrades } from "#db/schema";
import type { ExtraTimePercent } from "#app/models/assignment-phase";
import { createAssignment, getAssignment, reissueLink } from "#app/models/assignment.server";
import { getCodeReviewExercise } from "#app/models/code-review-exercise.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import { renderPage } from "#tests/render";
import * as review from "./review.$token";
import * as grading from "./_app.interviews.$interviewId.review";
import * as scorecard from "./_app.interviews.$interviewId.scorecard";
import * as myInterviews from "./_app.interviews._index";
import { codeReviewsOf, handleCodeReviewAction } from "#app/models/code-review-link.server";
import { getLatestLoop } from "#app/models/loop.server";

// Time is an input: every test runs at the same frozen instant and moves the clock itself.
const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());
const later = (minutes: number) => vi.setSystemTime(new Date(Date.now() + minutes * 60_000));

const ctx = routeArgs;
type Reply = {
  data: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; revision?: number };
  init: { status: number };
};

async function setup({ extraTimePercent = 100 }: { extraTimePercent?: ExtraTimePercent } = {}) {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const grader = await makeUser("interviewer");
  const other = await makeUser("interviewer");
  const exercise = db().select().from(exercises).where(eq(exercises.slug, "fraud-scoring-endpoint")).get()!;
  const candidate = db()
    .insert(candidates)
    .values({ name: "Ada Obi", email: "ada@example.com", positionId: position.id, source: "referral" })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId }).returning().get();
  const interview = db()
    .insert(interviews)
    .values({
      loopId: loop.id,
      stage: "code_review",
      interviewerId: grader.id,
      exerciseId: exercise.id,
      scheduledAt: new Date(NOW.getTime() - 3600_000),
      durationMinutes: 45,
    })
    .returning()
    .get();
  const { id } = createAssignment(hm, { interviewId: interview.id, timeLimitMinutes: 40, extraTimePercent }, NOW);
  const token = await linkFor(id);
  return { hm, grader, other, candidate, interview, assignmentId: id, token };
}

async function linkFor(assignmentId: number) {
  const a = getAssignment(assignmentId)!;
  return signAssignmentToken({ assignmentId, tokenId: a.tokenId, expiresAt: new Date(a.linkExpiresAt.getTime() + 40 * 60_000) });
}

const post = async (token: string, form: Record<string, string>) =>
  run(async () =>
    review.action(ctx(new Request(`http://localhost/review/${token}`, { method: "POST", body: new URLSearchParams(form) }), { token })),
  );
const load = async (token: string) => run(async () => review.loader(ctx(new Request(`http://localhost/review/${token}`), { token })));

describe("the candidate's link", () => {
  it("opening it shows the task without starting the clock or sending the code; Start fixes the deadline", async () => {
    const { token, assignmentId } = await setup();
    const opened = await load(token);
    expect(opened.data).toMatchObject({ phase: "not_started", workspace: null, deadlineAt: null });
    expect(getAssignment(assignmentId)?.startedAt).toBeNull();
    expect((await post(token, { intent: "start" })).response?.status).toBe(302);
    const started = getAssignment(assignmentId)!;
    expect(started.deadlineAt!.getTime() - started.startedAt!.getTime()).toBe(40 * 60_000);
    // Starting again (another tab) doesn't move the deadline.
    await post(token, { intent: "start" });
    expect(getAssignment(assignmentId)!.deadlineAt).toEqual(started.deadlineAt);
    const working = await load(token);
    expect(working.data?.phase).toBe("in_progress");
    expect(working.data?.workspace?.files.length).toBe(5);
    // The answer key never reaches the candidate.
    expect(JSON.stringify(working.data)).not.toContain("expectedFix");
  });

  it("is refused when tampered, for another assignment, replaced by a new link, or forged", async () => {
    const { token, assignmentId, hm } = await setup();
    const tampered = token.slice(0, -3) + (token.endsWith("a") ? "bbb" : "aaa");
    expect((await load(tampered)).response?.status).toBe(404);
    const otherAssignment = db().select().from(assignments).where(eq(assignments.id, assignmentId)).get()!;
    const wrongSubject = await signAssignmentToken({
      assignmentId: assignmentId + 1,
      tokenId: otherAssignment.tokenId,
      expiresAt: new Date(NOW.getTime() + 3600_000),
    });
    expect((await load(wrongSubject)).response?.status).toBe(404);
    reissueLink(hm, assignmentId, NOW);
    expect((await load(token)).response?.status).toBe(404);
    expect((await load(await linkFor(assignmentId))).data?.phase).toBe("not_started");
    const expired = await signAssignmentToken({
      assignmentId,
      tokenId: getAssignment(assignmentId)!.tokenId,
      expiresAt: new Date(NOW.getTime() - 1000),
    });
    expect((await load(expired)).response?.status).toBe(404);
  });
});

describe("a link that expired before it was started", () => {
  it("can no longer be started: the page says when it expired and whom to ask, and Start changes nothing", async () => {
    const { token, assignmentId, hm } = await setup();
    const expiresAt = getAssignment(assignmentId)!.linkExpiresAt;
    // The link's token outlives its validity by the time allowed, so a start just before expiry can finish.
    vi.setSystemTime(new Date(expiresAt.getTime() + 60_000));
    const opened = await load(token);
    expect(opened.data).toMatchObject({ phase: "not_started", linkExpired: { at: expiresAt.getTime(), sentBy: hm.name } });
    const html = renderPage(review.default, { loaderData: opened.data });
    expect(html).toContain("This link has expired");
    expect(html).toContain(`Ask ${hm.name}, who sent you this link, for a new one.`);
    expect(html).not.toContain("Start the");
    expect((await post(token, { intent: "start" })).response?.status).toBe(302);
    expect(getAssignment(assignmentId)).toMatchObject({ status: "assigned", startedAt: null, deadlineAt: null });
    // A write can't sneak past the refused start either.
    const comment = (await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "12", body: "x" }))
      .data as unknown as Reply;
    expect(comment).toMatchObject({ data: { ok: false }, init: { status: 409 } });
  });

  it("started a minute before it expired, runs its whole time", async () => {
    const { token, assignmentId } = await setup();
    const expiresAt = getAssignment(assignmentId)!.linkExpiresAt;
    vi.setSystemTime(new Date(expiresAt.getTime() - 60_000));
    expect((await load(token)).data?.linkExpired).toBeNull();
    await post(token, { intent: "start" });
    const started = getAssignment(assignmentId)!;
    expect(started.deadlineAt!.getTime() - started.startedAt!.getTime()).toBe(40 * 60_000);
    vi.setSystemTime(new Date(started.deadlineAt!.getTime() - 1000));
    expect((await load(token)).data?.phase).toBe("in_progress");
  });

  it("works again once re-issued", async () => {
    const { assignmentId, hm } = await setup();
    const expiresAt = getAssignment(assignmentId)!.linkExpiresAt;
    vi.setSystemTime(new Date(expiresAt.getTime() + 60_000));
    expect(reissueLink(hm, assignmentId, new Date())).toBe(true);
    const fresh = await linkFor(assignmentId);
    expect((await load(fresh)).data?.linkExpired).toBeNull();
    await post(fresh, { intent: "start" });
    expect(getAssignment(assignmentId)?.status).toBe("started");
  });
});

describe("commenting", () => {
  it("saves comments as they are made; edits and deletes them; checks file, line and length", async () => {
    const { token } = await setup();
    await post(token, { intent: "start" });
    expect(
      (await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "12", body: "Model loaded per request" })).data,
    ).toMatchObject({ data: { ok: true } });
    const bad = async (form: Record<string, string>) =>
      ((await post(token, { intent: "add-comment", ...form })).data as unknown as Reply).data;
    expect(await bad({ filePath: "fraud_service/api.py", line: "12", body: "   " })).toMatchObject({
      ok: false,
      fieldErrors: { body: ["Write a comment before saving it"] },
    });
    expect((await bad({ filePath: "fraud_service/api.py", line: "12", body: "x".repeat(50_000) })).fieldErrors?.body?.[0]).toMatch(
      /under 5,000 characters \(this has 50,000\)/,
    );
    expect((await bad({ filePath: "fraud_service/api.py", line: "9999", body: "hi" })).fieldErrors?.line?.[0]).toMatch(
      /has \d+ lines; line 9999 doesn't exist/,
    );
    expect((await bad({ filePath: "../etc/passwd", line: "1", body: "hi" })).fieldErrors?.line?.[0]).toMatch(
      /not part of this pull request/,
    );
    const [c] = (await load(token)).data!.comments;
    await post(token, { intent: "edit-comment", commentId: String(c!.id), body: "Load the model once at startup" });
    expect((await load(token)).data!.comments.map((x) => x.body)).toEqual(["Load the model once at startup"]);
    await post(token, { intent: "delete-comment", commentId: String(c!.id) });
    expect((await load(token)).data!.comments).toEqual([]);
    const gone = (await post(token, { intent: "edit-comment", commentId: String(c!.id), body: "again" })).data as unknown as Reply;
    expect(gone.data.message).toMatch(/deleted \(perhaps in another tab\)/);
  });

  it("keeps the comment being typed as a draft across a reload, and clears it when the comment is saved", async () => {
    const { token } = await setup();
    await post(token, { intent: "start" });
    const draft = { intent: "save-draft", filePath: "fraud_service/features.py", line: "106", body: "Amount is in minor units here" };
    expect((await post(token, draft)).data).toMatchObject({ data: { ok: true } });
    expect((await load(token)).data?.commentDraft).toEqual({
      filePath: "fraud_service/features.py",
      line: 106,
      body: "Amount is in minor units here",
    });
    // An unfinished draft is still kept, whatever its line says.
    await post(token, { ...draft, line: "", body: "Amount is in minor units here, while training" });
    expect((await load(token)).data?.commentDraft).toMatchObject({ line: null, body: "Amount is in minor units here, while training" });
    await post(token, {
      intent: "add-comment",
      filePath: "fraud_service/features.py",
      line: "106",
      body: "Minor units online, major in training",
    });
    expect((await load(token)).data).toMatchObject({ commentDraft: null, comments: [expect.objectContaining({ line: 106 })] });
    // Once time is up, the draft can't change either.
    later(41);
    const late = (await post(token, draft)).data as unknown as Reply;
    expect(late.init.status).toBe(409);
  });

  it("refuses writes after the deadline, keeping what was saved", async () => {
    const { token } = await setup();
    await post(token, { intent: "start" });
    await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "5", body: "kept" });
    later(40);
    const late = (await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "6", body: "too late" }))
      .data as unknown as Reply;
    expect(late.init.status).toBe(409);
    expect(late.data.message).toMatch(/Time is up/);
    expect((await load(token)).data).toMatchObject({ phase: "time_up", comments: [expect.objectContaining({ body: "kept" })] });
  });

  it("refuses writes after submission, which needs a verdict", async () => {
    const { token } = await setup();
    await post(token, { intent: "start" });
    await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "5", body: "kept" });
    expect((await post(token, { intent: "submit", summary: "Needs work", revision: "0" })).data).toMatchObject({
      data: { fieldErrors: { verdict: [expect.any(String)] } },
    });
    expect(
      (await post(token, { intent: "submit", summary: "Needs work", verdict: "request_changes", revision: "0" })).response?.status,
    ).toBe(302);
    const after = (await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "7", body: "after submit" }))
      .data as unknown as Reply;
    expect(after.data.message).toMatch(/submitted, so it can no longer change/);
    expect(
      db()
        .select()
        .from(reviewComments)
        .all()
        .map((c) => c.body),
    ).toEqual(["kept"]);
  });

  it("two tabs saving the summary: the stale one is refused instead of overwriting", async () => {
    const { token } = await setup();
    await post(token, { intent: "start" });
    expect(((await post(token, { intent: "save-summary", summary: "tab A", revision: "0" })).data as unknown as Reply).data).toMatchObject({
      ok: true,
      revision: 1,
    });
    const stale = (await post(token, { intent: "save-summary", summary: "tab B", revision: "0" })).data as unknown as Reply;
    expect(stale.init.status).toBe(409);
    expect((await load(token)).data?.summary).toBe("tab A");
  });
});

describe("extra time as an accommodation", () => {
  it("moves the deadline; the candidate and the grader see it, the hiring manager's card and the debrief don't", async () => {
    const { token, assignmentId, interview, grader, hm, candidate } = await setup({ extraTimePercent: 150 });
    const opened = (await load(token)).data!;
    expect(opened).toMatchObject({ extraTimePercent: 150, allowedText: "60 minutes", timeLimitMinutes: 40 });
    await post(token, { intent: "start" });
    const started = getAssignment(assignmentId)!;
    expect(started.deadlineAt!.getTime() - started.startedAt!.getTime()).toBe(60 * 60_000);
    // Still open at 45 minutes, when a 40-minute limit would have closed it.
    later(45);
    expect((await load(token)).data?.phase).toBe("in_progress");
    later(16);
    await post(token, { intent: "save-summary", summary: "", revision: "0" });
    expect((await load(token)).data?.phase).toBe("time_up");

    const graded = await run(async () =>
      grading.loader(
        ctx(await request(`/interviews/${interview.id}/review`, { userId: grader.id }), { interviewId: String(interview.id) }),
      ),
    );
    expect(graded.data?.assignment?.extraTime).toEqual({ factor: 1.5, allowed: "60 minutes", limit: 40 });
    const asHm = await run(async () =>
      grading.loader(ctx(await request(`/interviews/${interview.id}/review`, { userId: hm.id }), { interviewId: String(interview.id) })),
    );
    expect(asHm.data?.assignment?.extraTime).toBeNull();
    const card = await codeReviewsOf(getLatestLoop(candidate.id), { links: true }, new Date());
    expect(JSON.stringify(card)).not.toMatch(/extra/i);
  });

  it("is one of none, ×1.25, ×1.5 or ×2", async () => {
    const { hm, interview } = await setup();
    const loop = getLatestLoop(db().select().from(loops).where(eq(loops.id, interview.loopId)).get()!.candidateId);
    const form = new FormData();
    for (const [k, v] of Object.entries({
      intent: "create-link",
      interviewId: String(interview.id),
      timeLimitMinutes: "40",
      extraTimePercent: "300",
    }))
      form.set(k, v);
    expect(handleCodeReviewAction(hm as never, loop, form, NOW)).toEqual({
      ok: false,
      error: "Choose no extra time, ×1.25, ×1.5 or ×2",
    });
  });
});

describe("the time limit", () => {
  it("is offered as the pull request's own, set from its size, and can't be set below it", async () => {
    const { hm, interview } = await setup();
    const candidateId = db().select().from(loops).where(eq(loops.id, interview.loopId)).get()!.candidateId;
    const minutes = getCodeReviewExercise("fraud-scoring-endpoint").meta.durationMinutes;
    db().delete(assignments).where(eq(assignments.interviewId, interview.id)).run();
    const [card] = await codeReviewsOf(getLatestLoop(candidateId), { links: true }, NOW);
    expect(card).toMatchObject({ minutes, assignment: null });
    const create = (timeLimitMinutes: number) => {
      const form = new FormData();
      for (const [k, v] of Object.entries({
        intent: "create-link",
        interviewId: String(interview.id),
        timeLimitMinutes: String(timeLimitMinutes),
      }))
        form.set(k, v);
      return handleCodeReviewAction(hm as never, getLatestLoop(candidateId), form, NOW);
    };
    expect(create(minutes - 1)).toEqual({ ok: false, error: expect.stringContaining(`needs at least ${minutes} minutes`) });
    expect(getAssignment(db().select().from(assignments).where(eq(assignments.interviewId, interview.id)).get()?.id ?? 0)).toBeNull();
    expect(create(minutes)).toEqual({ ok: true });
  });
});

describe("grading", () => {
  const key = getCodeReviewExercise("fraud-scoring-endpoint");
  const gradeLoad = async (interviewId: number, userId: number) =>
    run(async () =>
      grading.loader(ctx(await request(`/interviews/${interviewId}/review`, { userId }), { interviewId: String(interviewId) })),
    );
  const gradePost = async (interviewId: number, userId: number, form: Record<string, string>) =>
    run(async () =>
      grading.action(ctx(await request(`/interviews/${interviewId}/review`, { userId, form }), { interviewId: String(interviewId) })),
    );

  async function submittedReview(comments: { filePath: string; line: number; body: string }[], summary = "s") {
    const s = await setup();
    await post(s.token, { intent: "start" });
    for (const c of comments) await post(s.token, { intent: "add-comment", filePath: c.filePath, line: String(c.line), body: c.body });
    await post(s.token, { intent: "submit", summary, verdict: "request_changes", revision: "0" });
    return s;
  }

  it("is blind until saved, credits a comment on any anchor that names the defect, and pre-fills the scorecard only where something was found", async () => {
    const secrets = key.defects.find((d) => d.id === "hardcoded-secrets")!;
    // The natural line for the version default is config.py, the defect's second anchor.
    const latest = key.defects.find((d) => d.id === "model-version-latest")!;
    const { interview, grader, other } = await submittedReview([
      { filePath: secrets.anchors[0]!.file, line: secrets.anchors[0]!.lines[0], body: "Secrets in code" },
      { filePath: latest.anchors[1]!.file, line: latest.anchors[1]!.lines[0], body: "Don't default to latest: pin the version" },
      { filePath: "tests/test_api.py", line: 1, body: "Nice module docstring" },
      // On an anchor, saying nothing about it: near the defect, not credited.
      { filePath: "fraud_service/api.py", line: 76, body: "ok" },
    ]);

    const before = (await gradeLoad(interview.id, grader.id)).data!;
    expect(before.candidate).toBeNull();
    expect(JSON.stringify(before)).not.toContain("Ada Obi");
    expect(before.review?.defects.find((d) => d.id === secrets.id)?.matches).toHaveLength(1);
    expect(before.review?.defects.find((d) => d.id === latest.id)?.matches).toHaveLength(1);
    const ok = before.review!.comments.find((c) => c.body === "ok")!;
    expect(ok).toMatchObject({ autoTarget: null, near: { itemId: "fail-open-swallowed-errors", why: "text" } });
    expect(before.review?.defects.find((d) => d.id === "fail-open-swallowed-errors")?.matches).toEqual([]);
    expect((await gradeLoad(interview.id, other.id)).response?.status).toBe(403);
    // Nor does the grader's own interview list name the candidate before grading.
    const mine = await myInterviews.loader(ctx(await request("/interviews", { userId: grader.id }), {}));
    expect(JSON.stringify(mine)).not.toContain("Ada Obi");
    expect([...mine.today, ...mine.owed].map((i) => i.candidateName)).toEqual([expect.stringMatching(/^Candidate R-\d{4}$/)]);

    const unmatched = before.review!.unmatched[0]!;
    const saved = await gradePost(interview.id, grader.id, {
      intent: "grade",
      [`decision.${secrets.id}`]: "confirm",
      [`decision.${latest.id}`]: "confirm",
      credit: String(unmatched),
      [`severity.${unmatched}`]: "minor",
      [`dimension.${unmatched}`]: "communication",
    });
    expect(saved.response?.status).toBe(302);
    const after = (await gradeLoad(interview.id, grader.id)).data!;
    expect(after.candidate?.name).toBe("Ada Obi");
    expect(after.review?.suggestions.software_engineering).toMatchObject({ level: expect.any(Number) });
    expect(after.review?.suggestions.mlops_operations).toMatchObject({ level: expect.any(Number) });
    // Nothing found on data quality: the recall is there, no level is suggested.
    expect(after.review?.suggestions.data_quality).toMatchObject({ level: null, found: 0 });

    const card = (
      await run(async () => scorecard.loader(ctx(await request("/x", { userId: grader.id }), { interviewId: String(interview.id) })))
    ).data!;
    expect(card.defaults.rating.software_engineering).toBe(String(after.review!.suggestions.software_engineering!.level));
    expect(card.defaults.rating.data_quality).toBeUndefined();
    expect(card.suggestions.data_quality).toMatchObject({ level: null, recall: 0 });
  });

  it("a suggested rating is selected even over a draft saved before grading; the interviewer's own choice wins", async () => {
    const secrets = key.defects.find((d) => d.id === "hardcoded-secrets")!;
    const latest = key.defects.find((d) => d.id === "model-version-latest")!;
    const { interview, grader } = await submittedReview([
      { filePath: secrets.anchors[0]!.file, line: secrets.anchors[0]!.lines[0], body: "Secrets in code" },
      { filePath: latest.anchors[1]!.file, line: latest.anchors[1]!.lines[0], body: "Don't default to latest: pin the version" },
    ]);
    const loadCard = async () =>
      (await run(async () => scorecard.loader(ctx(await request("/x", { userId: grader.id }), { interviewId: String(interview.id) }))))
        .data!;
    // Before grading, the interviewer starts a draft: notes on both suggested dimensions, no rating
    // on software engineering, and their own "Not assessed" on MLOps.
    const draft = await run(async () =>
      scorecard.action(
        ctx(
          await request(`/interviews/${interview.id}/scorecard`, {
            userId: grader.id,
            form: {
              intent: "save",
              "evidence.software_engineering": "Talked through the secrets first.",
              "rating.mlops_operations": "na",
            },
          }),
          { interviewId: String(interview.id) },
        ),
      ),
    );
    expect(draft.response?.status ?? 200).toBe(200);
    await gradePost(interview.id, grader.id, {
      intent: "grade",
      [`decision.${secrets.id}`]: "confirm",
      [`decision.${latest.id}`]: "confirm",
    });
    const suggested = (await gradeLoad(interview.id, grader.id)).data!.review!.suggestions;
    expect(suggested.software_engineering?.level).toEqual(expect.any(Number));
    expect(suggested.mlops_operations?.level).toEqual(expect.any(Number));
    const card = await loadCard();
    // The draft's empty rating doesn't override what the page says is pre-selected...
    expect(card.defaults.rating.software_engineering).toBe(String(suggested.software_engineering!.level));
    // ...the interviewer's typed evidence is kept rather than replaced by the suggestion's line...
    expect(card.defaults.evidence.software_engineering).toBe("Talked through the secrets first.");
    // ...and their own choice wins over the suggestion.
    expect(card.defaults.rating.mlops_operations).toBe("na");
  });

  it("credits a pull-request-level item from the summary, and nothing else from it", async () => {
    const { interview, grader } = await submittedReview([], "No shadow phase before live declines; the parity claim can't be right.");
    const judgement = key.judgements[0]!;
    const bad = await gradePost(interview.id, grader.id, { intent: "grade", summary: "hardcoded-secrets" });
    expect((bad.data as unknown as { init: { status: number } }).init.status).toBe(400);
    await gradePost(interview.id, grader.id, { intent: "grade", summary: judgement.id });
    const graded = (await gradeLoad(interview.id, grader.id)).data!.review!;
    expect(graded.judgements.find((j) => j.id === judgement.id)?.credited).toBe(true);
    expect(graded.current.found).toBe(2);
    expect(graded.auto.found).toBe(0);
  });

  it("the grader moves a comment onto the defect it identifies: audited, and the recall follows at once", async () => {
    // The candidate names the missing-history skew, but on the handler's catch-all, two lines away.
    const { interview, grader, hm } = await submittedReview([
      { filePath: "fraud_service/api.py", line: 74, body: "1.0 for customers with no 30-day history, training leaves NaN" },
    ]);
    const review = (await gradeLoad(interview.id, grader.id)).data!.review!;
    const comment = review.comments[0]!;
    // On the catch-all's anchor, but its text doesn't name the catch-all: near it, not credited.
    expect(comment).toMatchObject({ autoTarget: null, near: { itemId: "fail-open-swallowed-errors", why: "text" } });
    expect(review.current.found).toBe(0);

    const skew = "missing-history-ratio-filled";
    expect((await gradePost(interview.id, hm.id, { intent: `move.${comment.id}`, [`moveTo.${comment.id}`]: skew })).data).toMatchObject({
      init: { status: 403 },
    });
    const moved = await gradePost(interview.id, grader.id, { intent: `move.${comment.id}`, [`moveTo.${comment.id}`]: skew });
    expect(moved.data).toMatchObject({ moved: true });
    const after = (await gradeLoad(interview.id, grader.id)).data!.review!;
    expect(after.defects.find((d) => d.id === skew)!.matches).toEqual([{ commentId: comment.id, by: "grader" }]);
    // Critical: 3 points, by the grader's move; the automatic score stays what the text earned.
    expect(after.current.found).toBe(3);
    expect(after.auto.found).toBe(0);
    const entry = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "review_comment"), eq(auditLog.entityId, String(comment.id))))
      .get()!;
    expect(entry).toMatchObject({ actorId: grader.id, action: "update" });
    expect(entry.summary).toMatch(/api\.py:74 from no planted defect to “/);

    // After the grade is saved, un-matching the comment lowers the stored score at once.
    await gradePost(interview.id, grader.id, { intent: "grade", [`decision.${skew}`]: "confirm" });
    const graded = (await gradeLoad(interview.id, grader.id)).data!.review!;
    expect(graded.current.found).toBe(3);
    await gradePost(interview.id, grader.id, { intent: `move.${comment.id}`, [`moveTo.${comment.id}`]: "none" });
    const unmatched = (await gradeLoad(interview.id, grader.id)).data!.review!;
    expect(unmatched.current.found).toBe(0);
    expect(unmatched.unmatched).toEqual([comment.id]);
    expect(db().select().from(reviewGrades).get()?.score).toBe(0);
    expect(db().select().from(auditLog).where(eq(auditLog.entityType, "review_comment")).all()).toHaveLength(2);
  });
});
