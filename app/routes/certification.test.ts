// Integration: rating gold samples on the scorecard form, the expert's side hidden until submitting,
// certification, and scheduling's warning about an uncertified interviewer.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, goldAttempts, interviews, raterCertifications } from "#db/schema";
import { db } from "#app/utils/db.server";
import { systemNow } from "#app/utils/clock.server";
import { loadGoldSamples } from "#app/models/gold-sample.server";
import { loadDraftFromFile, publishDraft } from "#app/models/rubric-version.server";
import { makeLoop, makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as samplePage from "./_app.certification.$slug";
import * as certificationPage from "./_app.certification._index";
import * as addInterview from "./_app.candidates.$candidateId.interviews.new";

type Reply = {
  data: { error?: Record<string, string[]> | null; warnings?: { byField: Record<string, string[]>; key: string } };
  init: { status: number };
};

/** Rubric v2 published (the gold samples are rated on it) and the samples loaded. */
async function setup() {
  const org = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const draft = loadDraftFromFile(hm, "lead-ml-engineer.v2.json", systemNow());
  if (!draft.ok) throw new Error(draft.message);
  const published = publishDraft(hm, draft.id, systemNow());
  if (!published.ok) throw new Error(published.message);
  const { loaded, waiting } = loadGoldSamples({ now: systemNow() });
  expect(waiting).toEqual([]);
  expect(loaded.length).toBeGreaterThanOrEqual(6);
  return { ...org, hm };
}

const EXPERT_SD1 = { ml_system_design: "2", data_quality: "3", mlops_operations: "3", evaluation: "4" };
const EXPERT_SD2 = { ml_system_design: "2", data_quality: "1", mlops_operations: "2", evaluation: "3" };

function ratingForm(levels: Record<string, string>, intent = "submit") {
  return {
    ...Object.fromEntries(
      Object.entries(levels).flatMap(([k, v]) => [
        [`rating.${k}`, v],
        [`evidence.${k}`, `What I read on ${k}.`],
      ]),
    ),
    recommendation: "yes",
    intent,
  };
}

const post = async (userId: number, slug: string, form: Record<string, string>) =>
  run(async () => samplePage.action(routeArgs(await request(`/certification/${slug}`, { userId, form }), { slug })));
const open = async (userId: number, slug: string) =>
  (await run(async () => samplePage.loader(routeArgs(await request(`/certification/${slug}`, { userId }), { slug })))).data!;

describe("rating a gold sample", () => {
  it("never sends the expert's ratings or reasons before the trainee submits, then shows where they differed and why", async () => {
    await setup();
    const ana = await makeUser("interviewer", { name: "Ana Trainee" });
    const before = await open(ana.id, "sd-fraud-canary-prompted");
    expect(before.review).toBeNull();
    // Not in the page's data at all, not just hidden.
    expect(JSON.stringify(before)).not.toContain("rewarding the quality of the answer");
    expect(JSON.stringify(before)).not.toContain("Priya Raman");

    // A submit without evidence is refused with the form's own messages; nothing is lost.
    const refused = (await post(ana.id, "sd-fraud-canary-prompted", { "rating.ml_system_design": "3", intent: "submit" }))
      .data as unknown as Reply;
    expect(refused.init.status).toBe(400);
    expect(JSON.stringify(refused.data.error)).toContain("Write down what the candidate said or did");
    expect(db().select().from(goldAttempts).where(eq(goldAttempts.userId, ana.id)).get()?.status).toBe("draft");

    const submitted = await post(ana.id, "sd-fraud-canary-prompted", ratingForm({ ...EXPERT_SD1, ml_system_design: "4" }));
    expect(submitted.response?.status).toBe(302);
    const after = await open(ana.id, "sd-fraud-canary-prompted");
    expect(after.review!.comparison.map((c) => [c.dimensionKey, c.trainee, c.expert, c.within])).toEqual([
      ["ml_system_design", 4, 2, false],
      ["data_quality", 3, 3, true],
      ["mlops_operations", 3, 3, true],
      ["evaluation", 4, 4, true],
    ]);
    expect(after.review!.comparison[0]!.reason).toContain("rewarding the quality of the answer");

    // A submitted rating never changes: the reasons are on the page now.
    const again = (await post(ana.id, "sd-fraud-canary-prompted", ratingForm(EXPERT_SD1))).data as unknown as Reply;
    expect(again.init.status).toBe(409);
    expect(db().select().from(goldAttempts).where(eq(goldAttempts.userId, ana.id)).get()!.value).toMatchObject({
      rating: { ml_system_design: "4" },
    });

    // A colleague opening the same sample sees their own (empty) rating, not Ana's answers.
    const ben = await makeUser("interviewer");
    const theirs = await open(ben.id, "sd-fraud-canary-prompted");
    expect(theirs.review).toBeNull();
    expect(theirs.defaults.rating).toEqual({});
  });

  it("certifies the stage when the rule passes over two samples, audited, and scheduling stops warning", async () => {
    const { position, rubricVersionId, hm } = await setup();
    const ana = await makeUser("interviewer", { name: "Ana Trainee" });
    const { candidate } = makeLoop({
      positionId: position.id,
      rubricVersionId,
      scheduledById: hm.id,
      plans: [{ stage: "debugging", interviewerId: (await makeUser("interviewer")).id, hoursFromNow: 24 * 30 }],
    });
    // A Wednesday a few weeks out, 10:00: no weekend or holiday warning to mix in.
    const d = new Date(Date.now() + 21 * 86400_000);
    while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
    const form = {
      stage: "system_design",
      interviewerId: String(ana.id),
      scheduledAt: `${d.toISOString().slice(0, 10)}T10:00`,
      durationMinutes: "75",
    };
    const book = async () =>
      run(async () => addInterview.action(routeArgs(await request("/x", { userId: hm.id, form }), { candidateId: String(candidate.id) })));

    const warned = (await book()).data as unknown as Reply;
    expect(warned.init.status).toBe(400);
    expect(warned.data.warnings!.byField.scheduledAt).toEqual([
      "Ana Trainee isn't certified for System design yet (0 of 2 gold samples rated): interviewers rate the stage's gold samples on the Certification page before their first loop.",
    ]);

    await post(ana.id, "sd-fraud-canary-prompted", ratingForm({ ...EXPERT_SD1, ml_system_design: "4" }));
    // 7 of 8 within a level (one two levels off): 87.5%, certified.
    await post(ana.id, "sd-feed-textbook-pipeline", ratingForm({ ...EXPERT_SD2, evaluation: "4" }));
    const cert = db().select().from(raterCertifications).where(eq(raterCertifications.userId, ana.id)).all();
    expect(cert).toMatchObject([{ stage: "system_design", samples: 2, withinShare: 0.875 }]);
    expect(db().select().from(auditLog).where(eq(auditLog.entityType, "rater_certification")).all()).toHaveLength(1);
    expect(db().select().from(auditLog).where(eq(auditLog.entityType, "gold_attempt")).all()).toHaveLength(2);

    const page = (await run(async () => certificationPage.loader(routeArgs(await request("/certification", { userId: ana.id }))))).data!;
    expect(page.stages.find((s) => s.stage === "system_design")).toMatchObject({ certified: true, rated: 2 });
    expect(page.stages.find((s) => s.stage === "debugging")).toMatchObject({ certified: false, missing: "0 of 2 gold samples rated" });

    const booked = await book();
    expect(booked.response?.status).toBe(302);
    expect(db().select().from(interviews).where(eq(interviews.interviewerId, ana.id)).all()).toHaveLength(1);
  });

  it("does not certify at 6 of 8 (75%), and says what is missing", async () => {
    await setup();
    const ana = await makeUser("interviewer");
    await post(ana.id, "sd-fraud-canary-prompted", ratingForm({ ...EXPERT_SD1, ml_system_design: "4" }));
    await post(ana.id, "sd-feed-textbook-pipeline", ratingForm({ ...EXPERT_SD2, data_quality: "3" }));
    expect(db().select().from(raterCertifications).all()).toEqual([]);
    const page = (await run(async () => certificationPage.loader(routeArgs(await request("/certification", { userId: ana.id }))))).data!;
    expect(page.stages.find((s) => s.stage === "system_design")).toMatchObject({
      certified: false,
      missing: "6 of 8 focus-dimension ratings within 1 level of the expert's; 7 needed",
    });
  });
});
