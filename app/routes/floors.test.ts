// Integration: rubric v2's floor on software engineering says the same thing on the candidate page,
// the debrief, compare and both results exports; a twin loop scheduled on v1 before v2 was
// published keeps v1 and no floor. Built without the exercises (no stage here needs a kit).
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { interviews, loops, positions, rubricVersions, users, type StageKey } from "#db/schema";
import { db } from "#app/utils/db.server";
import { systemNow } from "#app/utils/clock.server";
import { createCandidate } from "#app/models/candidate.server";
import { recordDecision } from "#app/models/decision.server";
import { getLoopRecommendation } from "#app/models/recommendation.server";
import { scheduleLoop } from "#app/models/loop.server";
import { formatScore } from "#app/models/numbers";
import { loadRubrics } from "#app/models/rubric.server";
import { loadDraftFromFile, publishDraft } from "#app/models/rubric-version.server";
import { saveScorecard } from "#app/models/scorecard.server";
import { makeUser, request, routeArgs, run } from "#tests/factories";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as debrief from "./_app.candidates.$candidateId.debrief";
import * as compare from "./_app.compare";
import * as exporter from "./export.$file";

const FLOOR = "No Hire band or better while the score for Software engineering is ≤ 2: it is 2.00.";
const PANEL: { stage: StageKey; ratings: Record<string, string> }[] = [
  { stage: "system_design", ratings: { ml_system_design: "4", data_quality: "4", mlops_operations: "4", evaluation: "4" } },
  { stage: "code_review", ratings: { software_engineering: "2", mlops_operations: "4", data_quality: "4" } },
  { stage: "leadership", ratings: { leadership: "4", communication: "4" } },
];

let hmId = 0;
let positionId = 0;
let onV1 = 0;
let onV2 = 0;

/** A candidate whose loop is scheduled now on the position's version, with the panel above submitted. */
async function candidateWithPanel(name: string, hm: Awaited<ReturnType<typeof makeUser>>) {
  const now = systemNow();
  const position = db().select().from(positions).where(eq(positions.id, positionId)).get()!;
  const candidate = createCandidate(
    hm,
    { name, email: `${name.split(" ")[0]!.toLowerCase()}@example.com`, positionId, source: "referral", notes: "" },
    now,
  );
  const interviewers = await Promise.all(PANEL.map(() => makeUser("interviewer")));
  const loop = scheduleLoop(hm, {
    candidateId: candidate.id,
    rubricVersionId: position.rubricVersionId,
    interviews: PANEL.map((p, i) => ({
      stage: p.stage,
      interviewerId: interviewers[i]!.id,
      scheduledAt: new Date(now.getTime() - (48 - i) * 3600_000),
      durationMinutes: 45,
      exerciseId: null,
    })),
    now,
  });
  const rows = db().select().from(interviews).where(eq(interviews.loopId, loop.id)).all();
  PANEL.forEach((p, i) => {
    const saved = saveScorecard(interviewers[i]!, {
      interviewId: rows.find((r) => r.stage === p.stage)!.id,
      interviewerId: interviewers[i]!.id,
      rubricVersionId: position.rubricVersionId,
      value: {
        rating: p.ratings,
        evidence: Object.fromEntries(Object.keys(p.ratings).map((k) => [k, `What ${name} said about ${k}.`])),
        signals: [],
        note: {},
        recommendation: "yes",
        takeaways: "Evidence as written.",
      } as never,
      submit: true,
      amend: false,
      now,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
  });
  return candidate.id;
}

beforeEach(async () => {
  const now = systemNow();
  loadRubrics({ now });
  const hm = await makeUser("hiring_manager");
  hmId = hm.id;
  const first = db().select().from(rubricVersions).get()!;
  positionId = db()
    .insert(positions)
    // Created on v1; publishing v2 moves it.
    .values({ key: "lml-fraud", title: "Lead ML Engineer, Fraud Platform", team: "Risk ML", location: "London", rubricVersionId: first.id })
    .returning()
    .get().id;
  onV1 = await candidateWithPanel("Vera One", hm);
  const draft = loadDraftFromFile(hm, "lead-ml-engineer.v2.json", now);
  if (!draft.ok) throw new Error(draft.message);
  expect(publishDraft(hm, draft.id, now).ok).toBe(true);
  onV2 = await candidateWithPanel("Tobias Two", hm);
});

const as = async (path: string) => request(path, { userId: hmId });
const data = async <T>(loader: (args: never) => Promise<T>, path: string, params: Record<string, string> = {}) =>
  (await run(async () => loader(routeArgs(await as(path), params)))).data!;
const file = async (name: string) =>
  (await run(async () => exporter.loader(routeArgs(await as(`/export/${name}`), { file: name })))).response!.text();

describe("rubric v2's floor, the same everywhere", () => {
  it("software engineering rated 2 under v2: Strong hire by S, Below a floor on every page and in every export", async () => {
    const page = (await data(candidatePage.loader, `/candidates/${onV2}`, { candidateId: String(onV2) })).recommendation!;
    // S = (20·4 + 20·2 + 60·4) / 100 = 3.60
    expect([page.rubric.version, formatScore(page.score), page.band?.label]).toEqual([2, "3.60", "Strong hire"]);
    expect(page.gates).toEqual([{ kind: "floor", reasons: [FLOOR] }]);

    const d = (await data(debrief.loader, `/candidates/${onV2}/debrief`, { candidateId: String(onV2) })).recommendation;
    expect([formatScore(d.score), d.band?.label]).toEqual(["3.60", "Strong hire"]);
    expect(d.gates).toEqual([{ kind: "floor", reasons: [FLOOR] }]);

    const row = (await data(compare.loader, `/compare?position=${positionId}`)).rows.find((r) => r.candidateId === onV2)!;
    expect([row.rubricVersion, formatScore(row.score), row.band?.label, row.gates]).toEqual([2, "3.60", "Strong hire", ["floor"]]);

    const json = (JSON.parse(await file("results.json")).rows as Record<string, unknown>[]).find((r) => r.candidate_id === onV2)!;
    expect(json).toMatchObject({ rubric_version: 2, score: 3.6, band: "Strong hire", gates: "floor", score_software_engineering: 2 });
    const [header, ...lines] = (await file("results.csv")).trim().split("\n");
    // Quoted cells (the position's title has a comma) as figures.test.ts reads them.
    const cells = lines
      .find((l) => l.startsWith(`${onV2},`))!
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((x) => x.replace(/,$/, ""));
    const cell = (name: string) => cells[header!.split(",").indexOf(name)];
    expect([cell("rubric_version"), cell("score"), cell("band"), cell("gates"), cell("score_software_engineering")]).toEqual([
      "2",
      "3.6",
      "Strong hire",
      "floor",
      "2",
    ]);
  });

  it("the same ratings on a loop scheduled under v1 keep v1's figures: no floor anywhere", async () => {
    const page = (await data(candidatePage.loader, `/candidates/${onV1}`, { candidateId: String(onV1) })).recommendation!;
    expect([page.rubric.version, formatScore(page.score), page.band?.label, page.gates]).toEqual([1, "3.60", "Strong hire", []]);
    const d = (await data(debrief.loader, `/candidates/${onV1}/debrief`, { candidateId: String(onV1) })).recommendation;
    expect(d.gates).toEqual([]);
    const row = (await data(compare.loader, `/compare?position=${positionId}`)).rows.find((r) => r.candidateId === onV1)!;
    expect([row.rubricVersion, row.gates]).toEqual([1, []]);
    const json = (JSON.parse(await file("results.json")).rows as Record<string, unknown>[]).find((r) => r.candidate_id === onV1)!;
    expect(json).toMatchObject({ rubric_version: 1, band: "Strong hire", gates: "" });
  });

  it("hiring against v2's floor needs the acknowledgement; the same hire on v1 doesn't", async () => {
    const hm = db().select().from(users).where(eq(users.id, hmId)).get()!;
    const decide = (candidateId: number, acknowledged: boolean) => {
      const loop = db().select().from(loops).where(eq(loops.candidateId, candidateId)).get()!;
      const recommendation = getLoopRecommendation(loop, systemNow())!;
      return recordDecision(hm, {
        loopId: loop.id,
        decision: "hire",
        rationale: "Strong loop.",
        acknowledged,
        recommendation,
        now: systemNow(),
      });
    };
    expect(decide(onV2, false)).toMatchObject({
      ok: false,
      field: "acknowledge",
      message: expect.stringContaining("A floor in the rubric rules out hiring on this score."),
    });
    expect(decide(onV2, true).ok).toBe(true);
    expect(decide(onV1, false).ok).toBe(true);
  });
});
