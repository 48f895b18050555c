// Integration: the candidate's link, their review, and grading, through the routes' loaders and actions.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { assignments, candidates, exercises, interviews, loops, reviewComments } from "#db/schema";
import { createAssignment, getAssignment, reissueLink } from "#app/models/assignment.server";
import { getCodeReviewExercise } from "#app/models/code-review-exercise.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as review from "./review.$token";
import * as grading from "./_app.interviews.$interviewId.review";
import * as scorecard from "./_app.interviews.$interviewId.scorecard";
import * as myInterviews from "./_app.interviews._index";

const ctx = routeArgs;
type Reply = {
  data: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; revision?: number };
  init: { status: number };
};

async function setup() {
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
      scheduledAt: new Date(Date.now() - 3600_000),
      durationMinutes: 45,
    })
    .returning()
    .get();
  const { id } = createAssignment(hm, { interviewId: interview.id, timeLimitMinutes: 40, now: new Date() });
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
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect((await load(wrongSubject)).response?.status).toBe(404);
    reissueLink(hm, assignmentId, new Date());
    expect((await load(token)).response?.status).toBe(404);
    expect((await load(await linkFor(assignmentId))).data?.phase).toBe("not_started");
    const expired = await signAssignmentToken({
      assignmentId,
      tokenId: getAssignment(assignmentId)!.tokenId,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await load(expired)).response?.status).toBe(404);
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

  it("refuses writes after the deadline and after submission, keeping what was saved", async () => {
    const { token, assignmentId } = await setup();
    await post(token, { intent: "start" });
    await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "5", body: "kept" });
    db()
      .update(assignments)
      .set({ deadlineAt: new Date(Date.now() - 1000) })
      .where(eq(assignments.id, assignmentId))
      .run();
    const late = (await post(token, { intent: "add-comment", filePath: "fraud_service/api.py", line: "6", body: "too late" }))
      .data as unknown as Reply;
    expect(late.init.status).toBe(409);
    expect(late.data.message).toMatch(/Time is up/);
    expect((await load(token)).data).toMatchObject({ phase: "time_up", comments: [expect.objectContaining({ body: "kept" })] });

    db()
      .update(assignments)
      .set({ deadlineAt: new Date(Date.now() + 600_000) })
      .where(eq(assignments.id, assignmentId))
      .run();
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

describe("grading", () => {
  it("is blind until saved, matches the planted defect, and pre-fills the scorecard's suggested ratings", async () => {
    const { token, interview, grader, other } = await setup();
    const key = getCodeReviewExercise("fraud-scoring-endpoint").defects;
    const target = key.find((d) => d.dimension === "software_engineering" && d.severity === "critical")!;
    await post(token, { intent: "start" });
    await post(token, { intent: "add-comment", filePath: target.file, line: String(target.lines[0]), body: "Secrets in code" });
    await post(token, { intent: "add-comment", filePath: "tests/test_api.py", line: "1", body: "Nice module docstring" });
    await post(token, { intent: "submit", summary: "s", verdict: "request_changes", revision: "0" });

    const gradeLoad = async (userId: number) =>
      run(async () =>
        grading.loader(ctx(await request(`/interviews/${interview.id}/review`, { userId }), { interviewId: String(interview.id) })),
      );
    const before = (await gradeLoad(grader.id)).data!;
    expect(before.candidate).toBeNull();
    expect(JSON.stringify(before)).not.toContain("Ada Obi");
    expect(before.review?.defects.find((d) => d.id === target.id)?.matched).toHaveLength(1);
    expect((await gradeLoad(other.id)).response?.status).toBe(403);
    // Nor does the grader's own interview list name the candidate before grading.
    const mine = await myInterviews.loader(ctx(await request("/interviews", { userId: grader.id }), {}));
    expect(JSON.stringify(mine)).not.toContain("Ada Obi");
    expect(mine.needsAction.map((i) => i.candidateName)).toEqual([expect.stringMatching(/^Candidate R-\d{4}$/)]);

    const unmatched = before.review!.unmatched[0]!;
    const saved = await run(async () =>
      grading.action(
        ctx(
          await request(`/interviews/${interview.id}/review`, {
            userId: grader.id,
            form: {
              [`decision.${target.id}`]: "confirm",
              credit: String(unmatched),
              [`severity.${unmatched}`]: "minor",
              [`dimension.${unmatched}`]: "communication",
            },
          }),
          {
            interviewId: String(interview.id),
          },
        ),
      ),
    );
    expect(saved.response?.status).toBe(302);
    const after = (await gradeLoad(grader.id)).data!;
    expect(after.candidate?.name).toBe("Ada Obi");
    expect(after.review?.suggestions.software_engineering).toMatchObject({ level: expect.any(Number) });

    const card = (
      await run(async () => scorecard.loader(ctx(await request("/x", { userId: grader.id }), { interviewId: String(interview.id) })))
    ).data!;
    expect(card.defaults.rating.software_engineering).toBe(String(after.review!.suggestions.software_engineering!.level));
    expect(card.suggestions.software_engineering).toBeTruthy();
  });
});
