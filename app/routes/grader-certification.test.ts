// Integration: graders certify on pre-graded code reviews, graded on the real grading view. The
// expert's side stays off the page until the grader submits, submitted grades never change, the
// one rule certifies, and booking an uncertified grader on a code review warns.
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startSession } from "#app/auth/session.server";
import { bodyArb, toRequest } from "#tests/fuzz/bodies";
import { auditLog, goldAttempts, raterCertifications } from "#db/schema";
import { db } from "#app/utils/db.server";
import { systemNow } from "#app/utils/clock.server";
import { GOLD_ALREADY_SUBMITTED, GOLD_CHANGED_IN_ANOTHER_TAB, loadGoldSamples } from "#app/models/gold-sample.server";
import { loadDraftFromFile, publishDraft } from "#app/models/rubric-version.server";
import { makeLoop, makeOrganisation, makeUser, request, routeContext, run, routeArgs } from "#tests/factories";
import * as gradingPage from "./_app.certification.grading.$slug";
import * as samplePage from "./_app.certification.$slug";
import * as certificationPage from "./_app.certification._index";
import * as calibrationPage from "./_app.calibration";
import * as addInterview from "./_app.candidates.$candidateId.interviews.new";

type Answer = { data: { error?: string; undecided: string[]; ratingErrors: Record<string, string> }; init: { status: number } };
type Booking = { data: { warnings?: { byField: Record<string, string[]> } }; init: { status: number } };

async function setup() {
  const org = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const draft = loadDraftFromFile(hm, "lead-ml-engineer.v2.json", systemNow());
  if (!draft.ok) throw new Error(draft.message);
  const published = publishDraft(hm, draft.id, systemNow());
  if (!published.ok) throw new Error(published.message);
  const { loaded, waiting } = loadGoldSamples({ now: systemNow() });
  expect(waiting).toEqual([]);
  expect(loaded.map((l) => l.slug)).toEqual(
    expect.arrayContaining([
      "cr-churn-clean-code-blind-to-data",
      "cr-fraud-lead-prioritised",
      "cr-fraud-many-nits",
      "cr-fraud-terse-right",
    ]),
  );
  return { ...org, hm };
}

const open = async (userId: number, slug: string) =>
  run(async () => gradingPage.loader(routeArgs(await request(`/certification/grading/${slug}`, { userId }), { slug })));
const post = async (userId: number, slug: string, form: Record<string, string>) =>
  run(async () => gradingPage.action(routeArgs(await request(`/certification/grading/${slug}`, { userId, form }), { slug })));

/** Every matched comment confirmed, the given ratings, at the page's revision. */
async function gradeForm(userId: number, slug: string, rating: Record<string, string>, intent = "submit") {
  const page = (await open(userId, slug)).data!;
  return {
    revision: String(page.revision),
    intent,
    ...Object.fromEntries(page.grading.defects.filter((d) => d.matches.length).map((d) => [`decision.${d.id}`, "confirm"])),
    ...Object.fromEntries(Object.entries(rating).map(([k, v]) => [`rating.${k}`, v])),
  };
}

const levels = (se: string, mlops: string, dq: string) => ({ software_engineering: se, mlops_operations: mlops, data_quality: dq });

describe("grading a pre-graded code review", () => {
  it("shows the review and its automatic credit but never the expert's side before submitting; then where they differed and why", async () => {
    await setup();
    const ana = await makeUser("interviewer", { name: "Ana Grader" });
    const before = (await open(ana.id, "cr-fraud-many-nits")).data!;
    expect(before.expert).toBeNull();
    expect(before.grading.comments).toHaveLength(14);
    // The comment on the catch-all except is near the fail-open defect, not credited.
    expect(before.grading.comments.find((c) => c.line === 76)).toMatchObject({
      near: { itemId: "fail-open-swallowed-errors" },
      autoTarget: null,
    });
    expect(before.grading.approvedWithOpenCritical).toEqual(["Feature-store password and API key committed in source"]);
    // Not in the page's data at all, not just hidden.
    const text = JSON.stringify(before);
    expect(text).not.toContain("Priya Raman");
    expect(text).not.toContain("waves the fail-open except off as style");

    // Saving the grade as a draft gives the suggested ratings, still without the expert's.
    const draft = await post(ana.id, "cr-fraud-many-nits", await gradeForm(ana.id, "cr-fraud-many-nits", {}, "grade"));
    expect(draft.response?.status).toBe(302);
    const drafted = (await open(ana.id, "cr-fraud-many-nits")).data!;
    expect(drafted.status).toBe("draft");
    expect(drafted.grading.suggestions.mlops_operations?.level).toBe(1);
    expect(JSON.stringify(drafted)).not.toContain("Priya Raman");

    // A submit without every rating, or with one out of range, says which; nothing is submitted.
    const missing = (await post(ana.id, "cr-fraud-many-nits", await gradeForm(ana.id, "cr-fraud-many-nits", { software_engineering: "2" })))
      .data as unknown as Answer;
    expect(missing.init.status).toBe(400);
    expect(missing.data.ratingErrors).toEqual({
      mlops_operations: "Choose a level for MLOps & operations.",
      data_quality: "Choose a level for Data quality & pipelines.",
    });
    const outOfRange = (await post(ana.id, "cr-fraud-many-nits", await gradeForm(ana.id, "cr-fraud-many-nits", levels("7", "2", "1"))))
      .data as unknown as Answer;
    expect(outOfRange.init.status).toBe(400);
    expect(outOfRange.data.ratingErrors.software_engineering).toBe("Choose a level from 1 to 4 for Software engineering.");
    expect(db().select().from(goldAttempts).where(eq(goldAttempts.userId, ana.id)).get()?.status).toBe("draft");

    const submitted = await post(ana.id, "cr-fraud-many-nits", await gradeForm(ana.id, "cr-fraud-many-nits", levels("3", "2", "1")));
    expect(submitted.response?.status).toBe(302);
    const after = (await open(ana.id, "cr-fraud-many-nits")).data!;
    expect(after.expert!.comparison.map((c) => [c.dimensionKey, c.trainee, c.expert, c.within])).toEqual([
      ["software_engineering", 3, 1, false],
      ["mlops_operations", 2, 2, true],
      ["data_quality", 1, 1, true],
    ]);
    expect(after.expert!.comparison[0]!.reason).toContain("waves such a finding off as style");
    expect(db().select().from(auditLog).where(eq(auditLog.entityType, "gold_attempt")).get()!.summary).toContain(
      "Ana Grader graded the pre-graded code review cr-fraud-many-nits: 2 of 3",
    );

    // A submitted grade never changes.
    const again = (await post(ana.id, "cr-fraud-many-nits", await gradeForm(ana.id, "cr-fraud-many-nits", levels("1", "2", "1"))))
      .data as unknown as Answer;
    expect(again.init.status).toBe(409);
    expect(again.data.error).toBe(GOLD_ALREADY_SUBMITTED);
    expect(db().select().from(goldAttempts).where(eq(goldAttempts.userId, ana.id)).get()!.value).toMatchObject({
      rating: { software_engineering: "3" },
    });

    // A colleague sees their own empty grade, not Ana's.
    const ben = await makeUser("interviewer");
    const theirs = (await open(ben.id, "cr-fraud-many-nits")).data!;
    expect(theirs.expert).toBeNull();
    expect(theirs.chosen).toEqual({});
    expect(theirs.status).toBeNull();
  });

  it("certifies the grader under the one rule over two samples, audited; booking them on a code review stops warning", async () => {
    const { position, rubricVersionId, hm } = await setup();
    const ana = await makeUser("interviewer", { name: "Ana Grader" });
    const { candidate } = makeLoop({
      positionId: position.id,
      rubricVersionId,
      scheduledById: hm.id,
      plans: [{ stage: "debugging", interviewerId: (await makeUser("interviewer")).id, hoursFromNow: 24 * 30 }],
    });
    const d = new Date(Date.now() + 21 * 86400_000);
    while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
    const form = {
      stage: "code_review",
      interviewerId: String(ana.id),
      scheduledAt: `${d.toISOString().slice(0, 10)}T10:00`,
      durationMinutes: "60",
    };
    const book = async () =>
      run(async () => addInterview.action(routeArgs(await request("/x", { userId: hm.id, form }), { candidateId: String(candidate.id) })));
    const warned = (await book()).data as unknown as Booking;
    expect(warned.init.status).toBe(400);
    expect(warned.data.warnings!.byField.scheduledAt).toEqual([
      "Ana Grader isn't certified to grade code reviews yet (0 of 2 gold samples rated): graders grade the pre-graded code reviews on the Certification page before their first.",
    ]);

    await post(ana.id, "cr-fraud-terse-right", await gradeForm(ana.id, "cr-fraud-terse-right", levels("3", "3", "3")));
    await post(ana.id, "cr-fraud-lead-prioritised", await gradeForm(ana.id, "cr-fraud-lead-prioritised", levels("4", "4", "3")));
    expect(db().select().from(raterCertifications).where(eq(raterCertifications.userId, ana.id)).all()).toMatchObject([
      { stage: "code_review", samples: 2, withinShare: 1 },
    ]);
    expect(db().select().from(auditLog).where(eq(auditLog.entityType, "rater_certification")).get()!.summary).toContain(
      "Ana Grader certified to grade code reviews on 2 gold samples",
    );

    const page = (await run(async () => certificationPage.loader(routeArgs(await request("/certification", { userId: ana.id }))))).data!;
    const grading = page.stages.find((s) => s.stage === "code_review")!;
    expect(grading).toMatchObject({ certified: true, rated: 2 });
    expect(grading.samplesOfStage.map((s) => [s.slug, s.kind, s.status])).toEqual([
      ["cr-churn-clean-code-blind-to-data", "grading", null],
      ["cr-fraud-lead-prioritised", "grading", "submitted"],
      ["cr-fraud-many-nits", "grading", null],
      ["cr-fraud-terse-right", "grading", "submitted"],
    ]);

    // The hiring team sees the status beside the interviewer certification, never the answers.
    const calibration = (await run(async () => calibrationPage.loader(routeArgs(await request("/calibration", { userId: hm.id }))))).data!;
    const text = JSON.stringify(calibration.certification);
    expect(text).not.toContain("Priya Raman");
    expect(text).not.toContain('"rating"');

    expect((await book()).response?.status).toBe(302);
  });

  it("does not certify at 4 of 6 within a level, and says what is missing", async () => {
    await setup();
    const ana = await makeUser("interviewer");
    await post(ana.id, "cr-fraud-many-nits", await gradeForm(ana.id, "cr-fraud-many-nits", levels("3", "3", "3")));
    await post(ana.id, "cr-fraud-terse-right", await gradeForm(ana.id, "cr-fraud-terse-right", levels("3", "3", "3")));
    expect(db().select().from(raterCertifications).all()).toEqual([]);
    const page = (await run(async () => certificationPage.loader(routeArgs(await request("/certification", { userId: ana.id }))))).data!;
    expect(page.stages.find((s) => s.stage === "code_review")).toMatchObject({
      certified: false,
      missing: "4 of 6 focus-dimension ratings within 1 level of the expert's; 5 needed",
    });
  });
});

describe("bad input on a pre-graded review", () => {
  it("answers an unknown sample with 404, an interview-sample slug too; the scorecard page sends a review to its grading page", async () => {
    await setup();
    const ana = await makeUser("interviewer");
    expect((await open(ana.id, "no-such-review")).response?.status).toBe(404);
    expect((await open(ana.id, "sd-fraud-canary-prompted")).response?.status).toBe(404);
    expect((await post(ana.id, "no-such-review", { revision: "0", intent: "grade" })).response?.status).toBe(404);
    const sent = await run(async () =>
      samplePage.loader(routeArgs(await request("/certification/cr-fraud-many-nits", { userId: ana.id }), { slug: "cr-fraud-many-nits" })),
    );
    expect(sent.response?.status).toBe(302);
    expect(sent.response?.headers.get("Location")).toBe("/certification/grading/cr-fraud-many-nits");
  });

  it("refuses a save from a page that is out of date (another tab saved since), an unreadable one, and a matched comment left undecided", async () => {
    await setup();
    const ana = await makeUser("interviewer");
    const stale = await gradeForm(ana.id, "cr-fraud-terse-right", {}, "grade");
    expect((await post(ana.id, "cr-fraud-terse-right", stale)).response?.status).toBe(302);
    const otherTab = (await post(ana.id, "cr-fraud-terse-right", stale)).data as unknown as Answer;
    expect(otherTab.init.status).toBe(409);
    expect(otherTab.data.error).toBe(GOLD_CHANGED_IN_ANOTHER_TAB);

    const unreadable = (await post(ana.id, "cr-fraud-terse-right", { ...stale, revision: "abc" })).data as unknown as Answer;
    expect(unreadable.init.status).toBe(400);
    const fresh = await gradeForm(ana.id, "cr-fraud-terse-right", levels("3", "3", "3"));
    delete (fresh as Record<string, string>)["decision.hardcoded-secrets"];
    const undecided = (await post(ana.id, "cr-fraud-terse-right", fresh)).data as unknown as Answer;
    expect(undecided.init.status).toBe(400);
    expect(undecided.data.undecided).toEqual(["hardcoded-secrets"]);
    expect(db().select().from(goldAttempts).where(eq(goldAttempts.userId, ana.id)).get()!.status).toBe("draft");
  });

  it("moves a comment onto the defect it names, kept in the grader's draft only; refuses a comment or defect not in the review", async () => {
    await setup();
    const ana = await makeUser("interviewer");
    const ben = await makeUser("interviewer");
    const page = (await open(ana.id, "cr-fraud-many-nits")).data!;
    const onExcept = page.grading.comments.find((c) => c.line === 76)!;
    const form = {
      revision: String(page.revision),
      intent: `move.${onExcept.id}`,
      [`moveTo.${onExcept.id}`]: "fail-open-swallowed-errors",
    };
    const moved = await post(ana.id, "cr-fraud-many-nits", form);
    expect(moved.data).toMatchObject({ moved: true });
    const after = (await open(ana.id, "cr-fraud-many-nits")).data!;
    expect(after.grading.defects.find((d) => d.id === "fail-open-swallowed-errors")!.matches).toEqual([
      { commentId: onExcept.id, by: "grader" },
    ]);
    expect(after.grading.current.found).toBeGreaterThan(page.grading.current.found);
    // Ben's copy of the same review is untouched.
    expect(
      (await open(ben.id, "cr-fraud-many-nits")).data!.grading.defects.find((d) => d.id === "fail-open-swallowed-errors")!.matches,
    ).toEqual([]);

    const badComment = (await post(ana.id, "cr-fraud-many-nits", { revision: "1", intent: "move.999", "moveTo.999": "none" }))
      .data as unknown as Answer;
    expect(badComment.init.status).toBe(400);
    expect(badComment.data.error).toBe("That comment isn't part of this review.");
    const badDefect = (await post(ana.id, "cr-fraud-many-nits", { revision: "1", intent: "move.1", "moveTo.1": "not-a-defect" }))
      .data as unknown as Answer;
    expect(badDefect.data.error).toBe("Choose a planted defect from this pull request's answer key.");
  });

  it("is closed to compliance, who grade nothing", async () => {
    await setup();
    const compliance = await makeUser("compliance");
    expect((await open(compliance.id, "cr-fraud-many-nits")).response?.status).toBe(403);
    expect((await post(compliance.id, "cr-fraud-many-nits", { revision: "0", intent: "grade" })).response?.status).toBe(403);
  });

  // 80 requests, each a signed-in action against the database: more than a unit test's 5 s on a busy machine.
  it("survives malformed bodies with the samples loaded: never a 5xx, and only a complete grade is ever submitted", async () => {
    await setup();
    const ana = await makeUser("interviewer");
    const cookie = (await startSession(ana.id)).split(";")[0]!;
    const slugs = ["cr-fraud-many-nits", "cr-fraud-terse-right", "no-such-review"];
    const spec = {
      names: [
        "intent",
        "revision",
        "decision.hardcoded-secrets",
        "decision.thresholds-in-handler",
        "summary",
        "credit",
        "severity.2",
        "dimension.2",
        "moveTo.2",
        "rating.software_engineering",
        "rating.mlops_operations",
        "rating.data_quality",
      ],
      values: [
        "grade",
        "submit",
        "move.2",
        "move.99",
        "confirm",
        "reject",
        "1",
        "4",
        "7",
        "none",
        "auto",
        "0",
        "1",
        "2",
        "software_engineering",
      ],
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...slugs), bodyArb(spec), async (slug, body) => {
        const req = toRequest(`http://localhost/certification/grading/${slug}`, body, cookie);
        let status: number;
        try {
          const result = (await gradingPage.action({ request: req, params: { slug }, context: routeContext() } as never)) as unknown;
          status = (result as { init?: { status?: number } })?.init?.status ?? 200;
        } catch (thrown) {
          expect(thrown).toBeInstanceOf(Response);
          status = (thrown as Response).status;
        }
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 80 },
    );
    for (const attempt of db().select().from(goldAttempts).where(eq(goldAttempts.userId, ana.id)).all())
      if (attempt.status === "submitted")
        expect(Object.values((attempt.value as { rating: Record<string, string> }).rating).filter((v) => /^[1-4]$/.test(v))).toHaveLength(
          3,
        );
  }, 60_000);
});
