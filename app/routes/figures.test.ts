// Integration: a candidate's figures are the same on every page and in every export (the
// candidate page, debrief, compare, pipeline, results.csv and results.json), on the demo data.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { formatScore } from "#app/models/numbers";
import { seedDemoData } from "#db/seed";
import { makeOrganisation, request, run, routeArgs } from "#tests/factories";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as debrief from "./_app.candidates.$candidateId.debrief";
import * as compare from "./_app.compare";
import * as pipeline from "./_app.pipeline";
import * as exporter from "./export.$file";

beforeEach(async () => {
  makeOrganisation();
  await seedDemoData(db(), new Date());
});

const hm = () => db().select().from(users).where(eq(users.email, "hm@loopwise.test")).get()!.id;
const load = async <T>(loader: (args: never) => Promise<T>, path: string, params: Record<string, string> = {}) =>
  (await run(async () => loader(routeArgs(await request(path, { userId: hm() }), params)))).data!;

describe("one candidate, one set of figures", () => {
  it("the candidate page, debrief, compare, pipeline and both results exports show the same S, bands and gates", async () => {
    const candidates = db().all<{ id: number; positionId: number }>(
      sql`select c.id, c.position_id as positionId from candidates c where exists (select 1 from loops l where l.candidate_id = c.id)`,
    );
    const json = JSON.parse(
      await (
        await run(async () => exporter.loader(routeArgs(await request("/export/results.json", { userId: hm() }), { file: "results.json" })))
      ).response!.text(),
    ).rows as Record<string, unknown>[];
    const csv = (
      await (
        await run(async () => exporter.loader(routeArgs(await request("/export/results.csv", { userId: hm() }), { file: "results.csv" })))
      ).response!.text()
    ).split("\n");
    const header = csv[0]!.split(",");
    const pipelineLoops = (await load(pipeline.loader, "/pipeline")).loops;
    let compared = 0;
    for (const c of candidates) {
      const page = await load(candidatePage.loader, `/candidates/${c.id}`, { candidateId: String(c.id) });
      const rec = page.recommendation!;
      const expected = {
        score: formatScore(rec.score),
        band: rec.band?.label ?? null,
        calibrated: formatScore(rec.calibratedScore),
        calibratedBand: rec.calibratedBand?.label ?? null,
        gates: rec.gates.map((g) => g.kind).sort(),
      };

      const row = (await load(compare.loader, `/compare?position=${c.positionId}`)).rows.find((r) => r.candidateId === c.id)!;
      expect(
        {
          score: formatScore(row.score),
          band: row.band?.label ?? null,
          calibrated: formatScore(row.calibratedScore),
          calibratedBand: row.calibratedBand?.label ?? null,
          gates: [...row.gates].sort(),
        },
        `compare, candidate ${c.id}`,
      ).toEqual(expected);

      const d = await load(debrief.loader, "/x", { candidateId: String(c.id) });
      expect(formatScore(d.recommendation.score)).toBe(expected.score);
      expect(d.recommendation.band?.label ?? null).toBe(expected.band);

      const p = pipelineLoops.find((l) => l.candidateId === c.id);
      if (p?.figures) {
        expect(formatScore(p.figures.score)).toBe(expected.score);
        expect(formatScore(p.figures.calibratedScore)).toBe(expected.calibrated);
        expect([...p.figures.gates].sort()).toEqual(expected.gates);
      }

      const j = json.find((r) => r.candidate_id === c.id)!;
      expect(j.score === null ? "—" : formatScore(j.score as number)).toBe(expected.score);
      expect(j.band).toBe(expected.band);
      expect(j.calibrated_band).toBe(expected.calibratedBand);
      const line = csv.find((l) => l.startsWith(`${c.id},`))!;
      // The CSV carries the number as shown: "3.5" for 3.50, never 3.4985.
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, ""));
      const score = cells[header.indexOf("score")]!;
      expect(score === "" ? "—" : formatScore(Number(score))).toBe(expected.score);
      expect(Number(score)).toBe(j.score ?? 0);
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
  });
});
