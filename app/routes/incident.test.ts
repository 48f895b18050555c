// Integration: the incident simulation through its routes: the kit page sets it up, the candidate's
// link and the interviewer's screen run it, and the path reaches the kit page and the scorecard.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, candidates, exercises, incidentSteps, interviews, loops } from "#db/schema";
import { getIncidentRun } from "#app/models/incident.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as incident from "./incident.$token";
import * as driven from "./interviews.$interviewId.incident";
import * as kitPage from "./_app.interviews.$interviewId.kit";
import * as scorecard from "./_app.interviews.$interviewId.scorecard";

const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());
const later = (minutes: number) => vi.setSystemTime(new Date(Date.now() + minutes * 60_000));

type Reply = {
  data: { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; matches?: { id: string }[] };
  init: { status: number };
};

async function setup(slug = "debugging-overnight-drop") {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const interviewer = await makeUser("interviewer");
  const other = await makeUser("interviewer");
  const exercise = db().select().from(exercises).where(eq(exercises.slug, slug)).get()!;
  const candidate = db()
    .insert(candidates)
    .values({ name: "Ada Obi", email: `ada.${slug}@example.com`, positionId: position.id, source: "referral" })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId }).returning().get();
  const interview = db()
    .insert(interviews)
    .values({
      loopId: loop.id,
      stage: "debugging",
      interviewerId: interviewer.id,
      exerciseId: exercise.id,
      scheduledAt: NOW,
      durationMinutes: 50,
    })
    .returning()
    .get();
  return { hm, interviewer, other, interview };
}

const kitAction = async (interviewId: number, userId: number, form: Record<string, string>) =>
  run(async () =>
    kitPage.action(routeArgs(await request(`/interviews/${interviewId}/kit`, { userId, form }), { interviewId: String(interviewId) })),
  );
const kitLoad = async (interviewId: number, userId: number) =>
  run(async () =>
    kitPage.loader(routeArgs(await request(`/interviews/${interviewId}/kit`, { userId }), { interviewId: String(interviewId) })),
  );

async function candidateLink(interviewId: number, userId: number) {
  await kitAction(interviewId, userId, { intent: "incident-link", timeLimitMinutes: "40" });
  const link = (await kitLoad(interviewId, userId)).data!.incident!.run!.link!;
  return link.split("/incident/")[1]!;
}

const post = async (token: string, form: Record<string, string>) =>
  run(async () =>
    incident.action(
      routeArgs(new Request(`http://localhost/incident/${token}`, { method: "POST", body: new URLSearchParams(form) }), { token }),
    ),
  );
const load = async (token: string) =>
  run(async () => incident.loader(routeArgs(new Request(`http://localhost/incident/${token}`), { token })));
const reply = (r: Awaited<ReturnType<typeof post>>) => r.data as unknown as Reply;

describe("the candidate's incident link", () => {
  it("shows the situation without starting the clock or sending any evidence; Start fixes the deadline", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const opened = await load(token);
    expect(opened.data).toMatchObject({ phase: "not_started", catalogue: [], revealed: [], deadlineAt: null });
    expect(opened.data!.promptHtml).toContain("Similar items");
    expect((await post(token, { intent: "start" })).response?.status).toBe(302);
    const started = (await load(token)).data!;
    expect(started.phase).toBe("in_progress");
    expect(started.deadlineAt! - NOW.getTime()).toBe(40 * 60_000);
    // The catalogue lists titles only: never what an item means, nor the ideal path.
    const sent = JSON.stringify(started);
    expect(started.catalogue.flatMap((c) => c.items)).toHaveLength(21);
    expect(sent).not.toContain("meaning");
    expect(sent).not.toContain("Rule out the service itself");
  });

  it("is refused when forged, tampered, made for a code review, or replaced by a new link", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const runRow = getIncidentRun(interview.id)!;
    const tampered = token.slice(0, -3) + (token.endsWith("a") ? "bbb" : "aaa");
    const asReview = await signAssignmentToken({
      assignmentId: runRow.assignmentId,
      tokenId: runRow.tokenId,
      expiresAt: new Date(NOW.getTime() + 3600_000),
    });
    for (const bad of [tampered, asReview, "not-a-token", "x".repeat(5000)]) {
      const { response } = await load(bad);
      expect(response?.status).toBe(404);
      expect(await response!.text()).toMatch(/This link isn't valid/);
    }
    await kitAction(interview.id, interviewer.id, { intent: "incident-reissue" });
    expect((await load(token)).response?.status).toBe(404);
    expect((await post(token, { intent: "start" })).response?.status).toBe(404);
  });

  it("can no longer be started once its validity has passed, and says so with whom to ask", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const expiresAt = getIncidentRun(interview.id)!.linkExpiresAt;
    vi.setSystemTime(new Date(expiresAt.getTime() + 60_000));
    expect((await load(token)).data).toMatchObject({
      phase: "not_started",
      linkExpired: { at: expiresAt.getTime(), sentBy: interviewer.name },
    });
    expect((await post(token, { intent: "start" })).response?.status).toBe(302);
    expect(getIncidentRun(interview.id)).toMatchObject({ status: "assigned", startedAt: null, deadlineAt: null });
    expect(reply(await post(token, { intent: "reveal", evidenceId: "ctr-hourly" })).init.status).toBe(409);
  });

  it("an interviewer-led run has no link to expire: it starts whenever the interview happens", async () => {
    const { interviewer, interview } = await setup();
    await kitAction(interview.id, interviewer.id, { intent: "incident-drive", timeLimitMinutes: "40" });
    vi.setSystemTime(new Date(getIncidentRun(interview.id)!.linkExpiresAt.getTime() + 3 * 24 * 3600_000));
    const driven_ = await run(async () =>
      driven.action(
        routeArgs(await request(`/interviews/${interview.id}/incident`, { userId: interviewer.id, form: { intent: "start" } }), {
          interviewId: String(interview.id),
        }),
      ),
    );
    expect(driven_.response?.status).toBe(302);
    expect(getIncidentRun(interview.id)?.status).toBe("started");
  });

  it("records reveals, asks and hypotheses in order with the server's time; refuses unknown evidence and empty notes", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    await post(token, { intent: "start" });
    later(2);
    expect(reply(await post(token, { intent: "reveal", evidenceId: "ctr-hourly" })).data.ok).toBe(true);
    // Looking again at something already shown is not a new step.
    await post(token, { intent: "reveal", evidenceId: "ctr-hourly" });
    const unknown = reply(await post(token, { intent: "reveal", evidenceId: "the-answer" }));
    expect(unknown.init.status).toBe(400);
    expect(unknown.data.message).toMatch(/doesn't exist in this scenario/);
    later(1);
    expect(reply(await post(token, { intent: "ask", asked: "null rates" })).data.ok).toBe(true);
    const several = reply(await post(token, { intent: "ask", asked: "click-through" }));
    expect(several.data.matches?.map((m) => m.id)).toEqual(expect.arrayContaining(["ctr-hourly", "ctr-by-platform"]));
    const nothing = reply(await post(token, { intent: "ask", asked: "gpu utilisation" }));
    expect(nothing.data.message).toMatch(/There is nothing called “gpu utilisation” here/);
    const empty = reply(await post(token, { intent: "hypothesis", text: "   " }));
    expect(empty.init.status).toBe(400);
    expect(empty.data.fieldErrors?.text).toEqual(["Write the hypothesis before adding it"]);
    const tooLong = reply(await post(token, { intent: "ask", asked: "x".repeat(300) }));
    expect(tooLong.data.fieldErrors?.asked?.[0]).toMatch(/under 200 characters/);
    await post(token, { intent: "hypothesis", text: "Seller features went missing" });
    const steps = db().select().from(incidentSteps).all();
    expect(steps.map((s) => [s.kind, s.evidenceId ?? s.text, (s.at.getTime() - NOW.getTime()) / 60_000])).toEqual([
      ["evidence", "ctr-hourly", 2],
      ["evidence", "null-rates", 3],
      ["ask", "gpu utilisation", 3],
      ["hypothesis", "Seller features went missing", 3],
    ]);
    const shown = (await load(token)).data!;
    expect(shown.revealed.map((r) => r.id)).toEqual(["null-rates", "ctr-hourly"]);
    expect(shown.revealed[1]!.artefacts[0]).toMatchObject({ type: "chart", svg: expect.stringMatching(/^<svg/) });
  });

  it("needs a root cause to submit, and refuses every write after submission or the deadline", async () => {
    const { interviewer, interview } = await setup();
    const token = await candidateLink(interview.id, interviewer.id);
    const beforeStart = reply(await post(token, { intent: "hypothesis", text: "early" }));
    expect(beforeStart).toMatchObject({ init: { status: 409 }, data: { message: "Start the incident first." } });
    await post(token, { intent: "start" });
    const missing = reply(await post(token, { intent: "submit", rootCause: " ", mitigation: "", prevention: "", revision: "0" }));
    expect(missing.data.fieldErrors?.rootCause?.[0]).toMatch(/Write the root cause/);
    expect(
      reply(await post(token, { intent: "save-conclusion", rootCause: "Key change", mitigation: "", prevention: "", revision: "0" })).data
        .ok,
    ).toBe(true);
    const stale = reply(
      await post(token, { intent: "save-conclusion", rootCause: "Other tab", mitigation: "", prevention: "", revision: "0" }),
    );
    expect(stale.data.message).toMatch(/changed in another tab/);
    expect(
      (await post(token, { intent: "submit", rootCause: "Key change upstream", mitigation: "m", prevention: "p", revision: "1" })).response
        ?.status,
    ).toBe(302);
    const lateWrites: Record<string, string>[] = [
      { intent: "reveal", evidenceId: "null-rates" },
      { intent: "hypothesis", text: "late" },
      { intent: "ask", asked: "deploys" },
    ];
    for (const form of lateWrites) {
      const refused = reply(await post(token, form));
      expect(refused.init.status).toBe(409);
      expect(refused.data.message).toMatch(/submitted, so it can no longer change/);
    }
    expect((await load(token)).data).toMatchObject({ phase: "submitted", conclusion: { rootCause: "Key change upstream" } });

    // Another interview's run: the deadline passes.
    const second = await setup("debugging-fraud-unit-change");
    const token2 = await candidateLink(second.interview.id, second.interviewer.id);
    await post(token2, { intent: "start" });
    later(41);
    const late = reply(await post(token2, { intent: "reveal", evidenceId: "stepup-hourly" }));
    expect(late).toMatchObject({ init: { status: 409 }, data: { message: expect.stringMatching(/^Time is up/) } });
  });
});

describe("running it from the kit page", () => {
  it("only the interview's interviewer or the hiring team sets it up; only the interviewer drives; audited", async () => {
    const { hm, interviewer, other, interview } = await setup();
    expect((await kitLoad(interview.id, other.id)).response?.status).toBe(403);
    expect((await kitAction(interview.id, other.id, { intent: "incident-drive", timeLimitMinutes: "40" })).response?.status).toBe(403);
    const hmDrive = (await kitAction(interview.id, hm.id, { intent: "incident-drive", timeLimitMinutes: "40" })).data as unknown as Reply;
    expect(hmDrive.data).toEqual({ error: "Only the interviewer of this interview can drive the incident." });
    const badMinutes = (await kitAction(interview.id, interviewer.id, { intent: "incident-drive", timeLimitMinutes: "5" }))
      .data as unknown as Reply;
    expect(badMinutes.data).toEqual({ error: "Allow at least 15 minutes" });
    const drive = await kitAction(interview.id, interviewer.id, { intent: "incident-drive", timeLimitMinutes: "40" });
    expect(drive.response?.headers.get("Location")).toBe(`/interviews/${interview.id}/incident`);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.entityType === "assignment"),
    ).toEqual([expect.objectContaining({ actorId: interviewer.id, summary: "Started an interviewer-led incident (40 min)" })]);

    const drivePost = async (userId: number, form: Record<string, string>) =>
      run(async () =>
        driven.action(
          routeArgs(await request(`/interviews/${interview.id}/incident`, { userId, form }), { interviewId: String(interview.id) }),
        ),
      );
    expect((await drivePost(hm.id, { intent: "start" })).response?.status).toBe(403);
    await drivePost(interviewer.id, { intent: "start" });
    later(4);
    await drivePost(interviewer.id, { intent: "reveal", evidenceId: "change-log" });
    await drivePost(interviewer.id, { intent: "hypothesis", text: "The 00:50 migration" });

    // The path is on the kit page and on the scorecard, in order, beside the ideal path.
    const panel = (await kitLoad(interview.id, interviewer.id)).data!.incident!;
    if (!("path" in panel)) throw new Error("the kit page should show the path");
    expect(panel.path!.steps.map((s) => [s.kind, s.title ?? s.text])).toEqual([
      ["evidence", "Deploy and change log, last 24 hours"],
      ["hypothesis", "The 00:50 migration"],
    ]);
    expect(panel.path!.ideal.find((i) => i.title.startsWith("Deploy"))?.seen).toEqual({ look: 1, offsetMs: 4 * 60_000 });
    const card = await run(async () =>
      scorecard.loader(
        routeArgs(await request(`/interviews/${interview.id}/scorecard`, { userId: interviewer.id }), {
          interviewId: String(interview.id),
        }),
      ),
    );
    expect(card.data!.incident!.path.steps).toHaveLength(2);
    // A candidate link can't be made for a run the interviewer drives.
    expect(getIncidentRun(interview.id)?.mode).toBe("interviewer_led");
  });
});
