// Integration: every interview page behind the one guard (app/models/interview-access.ts)
// answers as its table says: the interviewer and the hiring team read, nobody else does.
import { describe, expect, it } from "vitest";
import { candidates, interviews, loops } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as interviewPage from "./_app.interviews.$interviewId._index";
import * as kitPage from "./_app.interviews.$interviewId.kit";
import * as promptPage from "./interviews.$interviewId.prompt";
import * as invite from "./interviews.$interviewId.invite[.]ics";
import * as scorecardPage from "./_app.interviews.$interviewId.scorecard";

const LOADERS = { interviewPage, kitPage, promptPage, invite, scorecardPage } as const;

async function oneInterview() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const own = await makeUser("interviewer");
  const colleague = await makeUser("interviewer");
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
      stage: "leadership",
      interviewerId: own.id,
      scheduledAt: new Date(Date.now() - 3600_000),
      durationMinutes: 45,
    })
    .returning()
    .get();
  return { hm, own, colleague, interview };
}

const statusOf = async (route: { loader: (args: never) => unknown }, userId: number, interviewId: number) => {
  const { response } = await run(async () =>
    route.loader(routeArgs(await request(`/interviews/${interviewId}`, { userId }), { interviewId: String(interviewId) })),
  );
  return response?.status ?? 200;
};

describe("the interview guard on every route that moved to it", () => {
  for (const [name, route] of Object.entries(LOADERS))
    it(`${name}: 403 for another interviewer, 200 for the interviewer and the hiring manager`, async () => {
      const { hm, own, colleague, interview } = await oneInterview();
      expect(await statusOf(route as never, colleague.id, interview.id)).toBe(403);
      expect(await statusOf(route as never, own.id, interview.id)).not.toBe(403);
      expect(await statusOf(route as never, hm.id, interview.id)).not.toBe(403);
      expect(await statusOf(route as never, own.id, interview.id + 999)).toBe(404);
    });

  it("the scorecard's write rule: the hiring manager may read it but not fill it in", async () => {
    const { hm, interview } = await oneInterview();
    const { data } = await run(async () =>
      scorecardPage.action(
        routeArgs(await request(`/interviews/${interview.id}/scorecard`, { userId: hm.id, form: { intent: "save", takeaways: "x" } }), {
          interviewId: String(interview.id),
        }),
      ),
    );
    expect((data as unknown as { init: { status: number } }).init.status).toBe(403);
  });
});
