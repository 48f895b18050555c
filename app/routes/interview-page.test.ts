// Integration: the interview page's context about the rest of the loop, as the browser loads it.
// The panel rule (app/models/panel-visibility.server.ts) decides when ratings open; this page shows
// progress only, before and after.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidates, exercises, interviews, loops } from "#db/schema";
import { createAssignment } from "#app/models/assignment.server";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as interviewPage from "./_app.interviews.$interviewId._index";
import * as scorecardRoute from "./_app.interviews.$interviewId.scorecard";

const HOUR = 3600_000;

async function loopOfThree() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const ana = await makeUser("interviewer", { name: "Ana Interviewer" });
  const ben = await makeUser("interviewer", { name: "Ben Interviewer" });
  const cai = await makeUser("interviewer", { name: "Cai Interviewer" });
  const candidate = db()
    .insert(candidates)
    .values({
      name: "Ada Obi",
      email: "ada@example.com",
      positionId: position.id,
      source: "referral",
      notes: "Expects 20% above the band.",
      panelSummary: "Leads search ranking at a marketplace. Probe: online evaluation.",
    })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId }).returning().get();
  const at = (h: number) => new Date(Date.now() + h * HOUR);
  const add = (stage: "system_design" | "leadership" | "debugging", interviewerId: number, h: number) =>
    db()
      .insert(interviews)
      .values({ loopId: loop.id, stage, interviewerId, scheduledAt: at(h), durationMinutes: 60 })
      .returning()
      .get();
  return {
    hm,
    ana,
    ben,
    cai,
    anaInterview: add("system_design", ana.id, -30),
    benInterview: add("leadership", ben.id, -20),
    caiInterview: add("debugging", cai.id, 48),
  };
}

const designCard = {
  intent: "submit",
  "rating.ml_system_design": "3",
  "evidence.ml_system_design": "Walked events to features to serving with a 50 ms budget.",
  "rating.data_quality": "4",
  "evidence.data_quality": "Point-in-time joins to avoid leakage.",
  "rating.mlops_operations": "3",
  "evidence.mlops_operations": "Shadow then canary.",
  "rating.evaluation": "2",
  "evidence.evaluation": "Only offline AUC.",
  recommendation: "strong_yes",
  takeaways: "Solid design, thin on online evaluation.",
};
const leadershipCard = {
  intent: "submit",
  "rating.leadership": "4",
  "evidence.leadership": "Set up a design-review rota.",
  "rating.communication": "3",
  "evidence.communication": "Clear, structured answers.",
  recommendation: "yes",
  takeaways: "Raises the bar for others.",
};

const submit = async (userId: number, interviewId: number, form: Record<string, string>) =>
  run(async () =>
    scorecardRoute.action(
      routeArgs(await request(`/interviews/${interviewId}/scorecard`, { userId, form }), { interviewId: String(interviewId) }),
    ),
  );
const open = async (userId: number, interviewId: number) =>
  (await run(async () =>
    interviewPage.loader(routeArgs(await request(`/interviews/${interviewId}`, { userId }), { interviewId: String(interviewId) })),
  ))!.data!;

describe("the interview page's view of the rest of the loop", () => {
  it("shows the earlier stages' progress and who else is on the panel, and none of their ratings before the viewer submits", async () => {
    const { ana, ben, cai, anaInterview, benInterview, caiInterview } = await loopOfThree();
    expect((await submit(ana.id, anaInterview.id, designCard)).response?.status).toBe(302);

    const before = await open(ben.id, benInterview.id);
    expect(before.context.panel.map((p) => [p.stage, p.interviewerName, p.progress, p.earlier])).toEqual([
      ["system_design", "Ana Interviewer", "submitted", true],
      ["debugging", "Cai Interviewer", "upcoming", false],
    ]);
    expect(before.context.panelOpen).toBe(false);
    // Nothing of Ana's scorecard, and not the recruiter's notes, is anywhere in what the page receives.
    const payload = JSON.stringify(before);
    for (const leak of ["strong_yes", "Point-in-time", "thin on online", "rating", "Expects 20%"]) expect(payload).not.toContain(leak);

    // Cai's stage comes later; Ben hasn't submitted, so Cai sees Ben's stage as owed.
    const cais = await open(cai.id, caiInterview.id);
    expect(cais.context.panel.map((p) => [p.stage, p.progress])).toEqual([
      ["system_design", "submitted"],
      ["leadership", "scorecard_owed"],
    ]);

    // Once Ben has submitted his own, the panel rule opens the others' scorecards to him (on the scorecard page).
    expect((await submit(ben.id, benInterview.id, leadershipCard)).response?.status).toBe(302);
    const after = await open(ben.id, benInterview.id);
    expect(after.context.panelOpen).toBe(true);
    expect(JSON.stringify(after)).not.toContain("strong_yes");
  });

  it("marks the viewer's own other stage as theirs, and opens the panel to the hiring team", async () => {
    const { hm, ana, anaInterview, benInterview } = await loopOfThree();
    db().update(interviews).set({ interviewerId: ana.id }).where(eq(interviews.id, benInterview.id)).run();
    const anas = await open(ana.id, anaInterview.id);
    expect(anas.context.panel.filter((p) => p.isViewer).map((p) => p.stage)).toEqual(["leadership"]);
    expect((await open(hm.id, anaInterview.id)).context.panelOpen).toBe(true);
  });
});

describe("the recruiter's summary for the panel", () => {
  it("is shown to everyone on the loop, and the recruiter's own notes to none of them", async () => {
    const { ana, anaInterview, caiInterview, cai } = await loopOfThree();
    for (const [user, interview] of [
      [ana, anaInterview],
      [cai, caiInterview],
    ] as const) {
      const page = await open(user.id, interview.id);
      expect(page.interview.panelSummary).toBe("Leads search ranking at a marketplace. Probe: online evaluation.");
      expect(JSON.stringify(page)).not.toContain("Expects 20%");
    }
  });

  it("is withheld from a blind grader until the grade is saved, like the name", async () => {
    const { hm, ana, anaInterview } = await loopOfThree();
    const exercise = db().select().from(exercises).where(eq(exercises.slug, "fraud-scoring-endpoint")).get()!;
    db().update(interviews).set({ stage: "code_review", exerciseId: exercise.id }).where(eq(interviews.id, anaInterview.id)).run();
    createAssignment(hm, { interviewId: anaInterview.id, timeLimitMinutes: 55, extraTimePercent: 100 }, new Date());
    const page = await open(ana.id, anaInterview.id);
    expect(page.interview.candidateName).toMatch(/^Candidate R-\d{4}$/);
    expect(page.interview.panelSummary).toBeNull();
    expect(JSON.stringify(page)).not.toContain("Leads search ranking");
    // The hiring team, not grading, sees it.
    expect((await open(hm.id, anaInterview.id)).interview.panelSummary).toContain("Leads search ranking");
  });
});
