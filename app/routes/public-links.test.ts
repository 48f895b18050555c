// Integration: every link that leaves the app (invitations, the feed and its address, reminder
// emails, candidate links to copy) is built from PUBLIC_URL, never from the request's Host header,
// which any client sets: a forged Host must not put another site's address in front of a token.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidates, exercises, interviews, loops, outbox } from "#db/schema";
import { createAssignment } from "#app/models/assignment.server";
import { startSession } from "#app/auth/session.server";
import { db } from "#app/utils/db.server";
import { env } from "#app/utils/env.server";
import { makeOrganisation, makeUser, run, routeArgs } from "#tests/factories";
import * as feedRoute from "./calendar.$token.interviews[.]ics";
import * as inviteRoute from "./interviews.$interviewId.invite[.]ics";
import * as myInterviews from "./_app.interviews._index";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as kitPage from "./_app.interviews.$interviewId.kit";
import * as pipeline from "./_app.pipeline";

const FORGED = "http://evil.example";
type KitPage = { incident: { run: { link: string | null } | null } | null; takeHome: { sent: { link: string | null } | null } | null };

/** A request as a client that lies about the host would send it. */
async function forged(path: string, { userId, form }: { userId?: number; form?: Record<string, string> } = {}) {
  const headers = new Headers({ Host: "evil.example" });
  if (userId) headers.set("Cookie", (await startSession(userId)).split(";")[0]!);
  if (form) headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(`${FORGED}${path}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form) : undefined });
}

/** Every absolute address in a text: all must be the configured one. */
const addresses = (text: string) => [...text.replace(/\r\n[ \t]/g, "").matchAll(/https?:\/\/[^\s"'\\<>,;]+/g)].map((m) => m[0]);

async function setup() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const ana = await makeUser("interviewer", { name: "Ana Interviewer" });
  const candidate = db()
    .insert(candidates)
    .values({ name: "Ada Obi", email: "ada@example.com", positionId: position.id, source: "referral" })
    .returning()
    .get();
  const loop = db().insert(loops).values({ candidateId: candidate.id, rubricVersionId, createdById: hm.id }).returning().get();
  const exerciseId = (slug: string) => db().select().from(exercises).where(eq(exercises.slug, slug)).get()!.id;
  const interview = (stage: "code_review" | "debugging" | "take_home", slug: string, hoursFromNow: number) =>
    db()
      .insert(interviews)
      .values({
        loopId: loop.id,
        stage,
        interviewerId: ana.id,
        exerciseId: exerciseId(slug),
        scheduledAt: new Date(Date.now() + hoursFromNow * 3600_000),
        durationMinutes: 50,
      })
      .returning()
      .get();
  return {
    hm,
    ana,
    candidate,
    codeReview: interview("code_review", "fraud-scoring-endpoint", -30),
    debugging: interview("debugging", "debugging-overnight-drop", 24),
    takeHome: interview("take_home", "take-home-inference-service", 48),
  };
}

describe("links that leave the app, asked for with a forged Host header", () => {
  it("name the configured public address in the invitation and the feed, and in the feed's address", async () => {
    const { ana, debugging } = await setup();
    const publicUrl = env().publicUrl;
    const invite = await run(async () =>
      inviteRoute.loader(
        routeArgs(await forged(`/interviews/${debugging.id}/invite.ics`, { userId: ana.id }), { interviewId: String(debugging.id) }),
      ),
    );
    const ics = await invite.response!.text();
    expect(addresses(ics).length).toBeGreaterThan(0);
    for (const address of addresses(ics)) expect(address.startsWith(`${publicUrl}/interviews/${debugging.id}`), address).toBe(true);

    await myInterviews.action(routeArgs(await forged("/interviews", { userId: ana.id, form: { intent: "issue-feed" } })));
    const page = (await myInterviews.loader(routeArgs(await forged("/interviews", { userId: ana.id })))) as { feedUrl: string };
    expect(page.feedUrl.startsWith(`${publicUrl}/calendar/`), page.feedUrl).toBe(true);
    const token = /\/calendar\/([^/]+)\/interviews\.ics$/.exec(page.feedUrl)![1]!;
    const feed = await run(() => feedRoute.loader(routeArgs(new Request(`${FORGED}/calendar/${token}/interviews.ics`), { token })));
    const feedText = await feed.response!.text();
    expect(addresses(feedText).length).toBeGreaterThan(0);
    for (const address of addresses(feedText)) expect(address.startsWith(`${publicUrl}/interviews/`), address).toBe(true);
  });

  it("name it in the candidate links the hiring team copies: code review, incident, take-home", async () => {
    const { hm, ana, candidate, codeReview, debugging, takeHome } = await setup();
    const publicUrl = env().publicUrl;
    createAssignment(hm, { interviewId: codeReview.id, timeLimitMinutes: 40, extraTimePercent: 100 }, new Date());
    const page = await run(async () =>
      candidatePage.loader(
        routeArgs(await forged(`/candidates/${candidate.id}`, { userId: hm.id }), { candidateId: String(candidate.id) }),
      ),
    );
    const link = (page.data as { codeReviews: { assignment: { link: string } | null }[] }).codeReviews[0]!.assignment!.link;
    expect(link.startsWith(`${publicUrl}/review/`), link).toBe(true);

    const kit = async (interviewId: number, userId: number, form?: Record<string, string>) => {
      const args = routeArgs(await forged(`/interviews/${interviewId}/kit`, { userId, form }), { interviewId: String(interviewId) });
      return run(async () => (form ? kitPage.action(args) : kitPage.loader(args)));
    };
    await kit(debugging.id, ana.id, { intent: "incident-link", timeLimitMinutes: "40" });
    const incident = ((await kit(debugging.id, ana.id)).data as KitPage).incident!.run!.link!;
    expect(incident.startsWith(`${publicUrl}/incident/`), incident).toBe(true);
    await kit(takeHome.id, hm.id, { intent: "take-home-send", days: "7" });
    const sent = ((await kit(takeHome.id, hm.id)).data as KitPage).takeHome!.sent!.link!;
    expect(sent.startsWith(`${publicUrl}/take-home/`), sent).toBe(true);
  });

  it("name it in a reminder email", async () => {
    const { hm, codeReview } = await setup();
    await run(async () =>
      pipeline.action(
        routeArgs(await forged("/pipeline", { userId: hm.id, form: { intent: "remind", interviewId: String(codeReview.id) } })),
      ),
    );
    const [email] = db().select().from(outbox).all();
    expect(email).toBeTruthy();
    const links = addresses(email!.body);
    expect(links.length).toBeGreaterThan(0);
    for (const address of links) expect(address.startsWith(env().publicUrl), address).toBe(true);
  });
});
