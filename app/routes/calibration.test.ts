// Integration: debrief access, decisions, exports and calibration, on the demo organisation.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditLog, candidates, decisions, loops, users } from "#db/schema";
import { computeLeniency } from "#app/models/leniency";
import { computeCalibration } from "#app/models/calibration.server";
import { db } from "#app/utils/db.server";
import { seedDemoData } from "#db/seed";
import { makeOrganisation, request, run, routeArgs } from "#tests/factories";
import * as debrief from "./_app.candidates.$candidateId.debrief";
import * as calibration from "./_app.calibration";
import * as exporter from "./export.$file";
import * as pipeline from "./_app.pipeline";

const ctx = routeArgs;
const userId = (email: string) => db().select().from(users).where(eq(users.email, email)).get()!.id;
const candidateId = (name: string) => db().select().from(candidates).where(eq(candidates.name, name)).get()!.id;

beforeEach(async () => {
  makeOrganisation();
  await seedDemoData(db(), new Date());
});

const decide = async (who: string, name: string, form: Record<string, string>) =>
  run(async () => debrief.action(ctx(await request("/x", { userId: userId(who), form }), { candidateId: String(candidateId(name)) })));
type Reply = { data: { errors: Record<string, string[]> }; init: { status: number } };

describe("the debrief", () => {
  it("is open to the hiring team any time, to the panel once every scorecard is in, and to nobody else", async () => {
    const load = async (who: string, name: string) =>
      run(async () => debrief.loader(ctx(await request("/x", { userId: userId(who) }), { candidateId: String(candidateId(name)) })));
    expect((await load("hm@loopwise.test", "Sofia Lindqvist")).data?.missing).toBeGreaterThan(0);
    // Elena's loop is complete: Mei sat on it; Tomasz didn't.
    expect((await load("mei@loopwise.test", "Elena Petrova")).data?.heatmap.length).toBe(4);
    // The panel sees the debrief but not colleagues' leniency (calibration is for the hiring team).
    expect((await load("mei@loopwise.test", "Elena Petrova")).data?.recommendation.panel.every((p) => p.leniency === 0)).toBe(true);
    expect((await load("hm@loopwise.test", "Elena Petrova")).data?.recommendation.panel.some((p) => p.leniency !== 0)).toBe(true);
    expect((await load("tomasz@loopwise.test", "Elena Petrova")).response?.status).toBe(403);
    // Sofia's loop still owes a scorecard: her panel must wait.
    expect((await load("mei@loopwise.test", "Sofia Lindqvist")).response?.status).toBe(403);
  });
});

describe("deciding", () => {
  it("needs a rationale, refuses an incomplete loop, asks to acknowledge going against the band, and happens once", async () => {
    expect(
      ((await decide("hm@loopwise.test", "Elena Petrova", { decision: "hire", rationale: "" })).data as unknown as Reply).data.errors
        .rationale,
    ).toBeTruthy();
    expect(
      (
        (await decide("hm@loopwise.test", "Sofia Lindqvist", { decision: "hire", rationale: "Strong systems thinking across the loop." }))
          .data as unknown as Reply
      ).init.status,
    ).toBe(409);
    const against = (
      await decide("hm@loopwise.test", "Elena Petrova", { decision: "no_hire", rationale: "Team needs a different profile right now." })
    ).data as unknown as Reply;
    expect(against.data.errors.acknowledge?.[0]).toMatch(/against the band \(Strong hire\)/);
    // Nothing was recorded for Elena: her loop has no decision yet.
    const elenaLoop = db()
      .select()
      .from(loops)
      .where(eq(loops.candidateId, candidateId("Elena Petrova")))
      .get()!;
    expect(db().select().from(decisions).where(eq(decisions.loopId, elenaLoop.id)).all()).toHaveLength(0);
    const decidedScorecards = () => computeCalibration().people.reduce((n, p) => n + p.decided, 0);
    const before = decidedScorecards();

    const ok = await decide("hm@loopwise.test", "Elena Petrova", {
      decision: "hire",
      rationale: "Consistently strong evidence on design and operations; no red flags.",
    });
    expect(ok.data).toMatchObject({ errors: {} });
    const loop = db()
      .select()
      .from(loops)
      .where(eq(loops.candidateId, candidateId("Elena Petrova")))
      .get()!;
    expect(loop.status).toBe("closed");
    // Calibration's "recommendation matched the decision" now counts each of her panel's scorecards.
    const panel = db().all<{ n: number }>(sql`
      select count(*) as n from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
      where i.loop_id = ${loop.id} and s.status = 'submitted'`)[0]!.n;
    expect(panel).toBeGreaterThan(0);
    expect(decidedScorecards()).toBe(before + panel);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .some((a) => a.entityType === "decision" && a.summary.startsWith("Decided Hire")),
    ).toBe(true);
    const twice = (
      await decide("hm@loopwise.test", "Elena Petrova", {
        decision: "hire",
        rationale: "Consistently strong evidence on design and operations.",
      })
    ).data as unknown as Reply;
    expect(twice.init.status).toBe(409);
    expect(twice.data.errors.form?.[0]).toMatch(/already been decided/);
  });

  it("is for the hiring team only", async () => {
    const res = await decide("mei@loopwise.test", "Elena Petrova", {
      decision: "hire",
      rationale: "Looks great to me, hire her now please.",
    });
    expect(res.response?.status).toBe(403);
  });
});

describe("exports", () => {
  const get = async (who: string, file: string, query = "") =>
    run(async () => exporter.loader(ctx(await request(`/export/${file}${query}`, { userId: userId(who) }), { file })));

  it("give the hiring team every scorecard row with stable columns, and a row per candidate", async () => {
    const csv = await (await get("hm@loopwise.test", "scorecards.csv")).response!.text();
    expect(csv.split("\n")[0]).toBe(
      "candidate_id,candidate_name,position,loop_id,interview_id,stage,interviewer,interviewer_email,rubric_version,dimension,level,level_label,not_assessed,evidence,recommendation,submitted_at",
    );
    expect(csv).toContain("Elena Petrova");
    const results = JSON.parse(await (await get("hm@loopwise.test", "results.json")).response!.text());
    expect(results.rows.find((r: { candidate_name: string }) => r.candidate_name === "Elena Petrova")).toMatchObject({
      band: "Strong hire",
      decision: null,
    });
  });

  it("give an interviewer only loops where they have submitted their own scorecard", async () => {
    const rows = JSON.parse(await (await get("tomasz@loopwise.test", "scorecards.json")).response!.text()).rows as {
      candidate_name: string;
    }[];
    const names = new Set(rows.map((r) => r.candidate_name));
    expect(names.has("Elena Petrova")).toBe(false);
    expect(names.size).toBeGreaterThan(0);
  });

  it("refuse unknown exports and unknown filters with a clear message", async () => {
    expect((await get("hm@loopwise.test", "everything.xlsx")).response?.status).toBe(404);
    const bad = (await get("hm@loopwise.test", "results.csv", "?colour=blue")).response!;
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/Unknown filter "colour"/);
    expect((await get("hm@loopwise.test", "results.csv", "?position=999")).response?.status).toBe(400);
    expect((await get("hm@loopwise.test", "results.csv", "?position=1&position=2")).response?.status).toBe(400);
  });
});

describe("calibration", () => {
  it("is closed to interviewers", async () => {
    const res = await run(async () => calibration.loader(ctx(await request("/calibration", { userId: userId("aisha@loopwise.test") }))));
    expect(res.response?.status).toBe(403);
  });

  it("finds the seeded lenient and harsh interviewers, with leniency matching the pure computation", () => {
    const c = computeCalibration();
    const kwame = c.people.find((p) => p.name === "Kwame Asante")!;
    const rafael = c.people.find((p) => p.name === "Rafael Moreira")!;
    expect(kwame.leniency).toBeGreaterThan(0.3);
    expect(kwame.interval!.low).toBeGreaterThan(0);
    expect(rafael.leniency).toBeLessThan(-0.3);
    const ratings = db().all<{ interviewerId: number; candidateId: number; dimensionKey: string; level: number }>(
      `select s.interviewer_id as interviewerId, l.candidate_id as candidateId, r.dimension_key as dimensionKey, r.level as level
       from ratings r join scorecards s on s.id = r.scorecard_id and s.status = 'submitted'
       join interviews i on i.id = s.interview_id and i.status != 'cancelled' join loops l on l.id = i.loop_id where r.level is not null` as never,
    );
    const pure = computeLeniency(ratings);
    for (const p of c.people) expect(p.leniency).toBeCloseTo(pure.get(p.id)!.leniency, 10);
    expect(c.agreement.overall.pairable).toBeGreaterThan(30);
  });
});

describe("pipeline", () => {
  it("lists open loops, says which are ready for a decision, and explains an unknown filter", async () => {
    const data = (
      await run(async () => pipeline.loader(ctx(await request("/pipeline?state=ready", { userId: userId("hm@loopwise.test") }))))
    ).data!;
    expect(data.loops.map((l) => l.candidateName)).toEqual(expect.arrayContaining(["Elena Petrova", "Marcus Adeyemi", "Julien Marchand"]));
    expect(data.loops.every((l) => l.ready)).toBe(true);
    const odd = (
      await run(async () =>
        pipeline.loader(ctx(await request("/pipeline?state=weird&position=abc", { userId: userId("hm@loopwise.test") }))),
      )
    ).data!;
    expect(odd.problems).toHaveLength(2);
    expect(odd.state).toBe("all");
  });
});
