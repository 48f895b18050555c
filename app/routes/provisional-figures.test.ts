// Integration, on the demo data: a candidate with 1 of 3 scorecards in has a band that every
// page, `.data` answer and export calls provisional, with the same figures; the debrief jumps to
// its decision form; and the impact preview of a draft lists what the draft changes.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { candidates, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { draftFormValues } from "#app/models/rubric-draft-schema";
import { formatScore } from "#app/models/numbers";
import { rubricDocument } from "#app/models/rubric.server";
import { seedDemoData } from "#db/seed";
import { makeOrganisation, request, run, routeArgs } from "#tests/factories";
import { renderPage as render } from "#tests/render";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as debrief from "./_app.candidates.$candidateId.debrief";
import * as compare from "./_app.compare";
import * as pipeline from "./_app.pipeline";
import * as rubrics from "./_app.rubrics._index";
import * as edit from "./_app.rubrics.$versionId.edit";
import * as preview from "./_app.rubrics.$versionId.preview";
import * as exporter from "./export.$file";

beforeEach(async () => {
  makeOrganisation();
  await seedDemoData(db(), new Date());
});

const hm = () => db().select().from(users).where(eq(users.email, "hm@loopwise.test")).get()!.id;
const candidateNamed = (name: string) => db().select().from(candidates).where(eq(candidates.name, name)).get()!;
const load = async <T>(loader: (args: never) => Promise<T>, path: string, params: Record<string, string> = {}) =>
  (await run(async () => loader(routeArgs(await request(path, { userId: hm() }), params)))).data!;
const exported = async (file: "results.csv" | "results.json") =>
  (await run(async () => exporter.loader(routeArgs(await request(`/export/${file}`, { userId: hm() }), { file })))).response!.text();

/** The page's HTML as text reads: without the markers React puts between adjacent text parts. */
const renderPage = (...args: Parameters<typeof render>) => render(...args).replaceAll("<!-- -->", "");

/** CSV rows as objects by header, honouring quotes (position titles hold commas). */
function parseCsv(text: string) {
  const lines = text.trim().split("\n");
  const split = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((x) => x.replace(/,$/, "").replace(/^"|"$/g, ""));
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => Object.fromEntries(split(l).map((v, i) => [header[i], v])));
}

describe("a band before the panel is in", () => {
  it("1 of 3 in: the candidate page, its data, compare, pipeline and both exports call the same band provisional", async () => {
    const anneliese = candidateNamed("Anneliese Marguerite Okonkwo-Vandenberghe");
    // What the page's `.data` request carries: the loader's answer.
    const page = await load(candidatePage.loader, `/candidates/${anneliese.id}`, { candidateId: String(anneliese.id) });
    const rec = page.recommendation!;
    expect(page.panel).toMatchObject({ submitted: 1, expected: 3, complete: false, label: "1 of 3 in" });
    expect(rec.panelIn).toEqual(page.panel);
    expect(rec.band).not.toBeNull();

    const html = renderPage(candidatePage.default as never, { loaderData: page });
    expect(html).toContain("1 of 3 in");
    expect(html).toContain(`${rec.band!.label} (provisional)`);
    expect(html).toContain("1 of 3 scorecards submitted");
    // The loop comes before the recommendation.
    expect(html.indexOf('id="loop-heading"')).toBeLessThan(html.indexOf('id="rec-heading"'));
    // Kwame rates leniently: where the calibrated band differs, the page says which one the gates read.
    expect(rec.calibratedBand?.key).not.toBe(rec.band!.key);
    expect(html).toContain(`read the raw band, ${rec.band!.label}; the calibrated band, ${rec.calibratedBand!.label}`);

    const row = (await load(compare.loader, `/compare?position=${anneliese.positionId}`)).rows.find((r) => r.candidateId === anneliese.id)!;
    expect([formatScore(row.score), row.band?.label, row.panelIn.label]).toEqual([formatScore(rec.score), rec.band!.label, "1 of 3 in"]);
    const compareHtml = renderPage(compare.default as never, {
      loaderData: await load(compare.loader, `/compare?position=${anneliese.positionId}`),
    });
    expect(compareHtml).toContain(`${rec.band!.label} (provisional)`);

    const p = (await load(pipeline.loader, "/pipeline")).loops.find((l) => l.candidateId === anneliese.id)!;
    expect(p.figures?.panelIn.label).toBe("1 of 3 in");
    expect(p.figures?.band?.label).toBe(rec.band!.label);

    const json = JSON.parse(await exported("results.json")).rows.find((r: { candidate_id: number }) => r.candidate_id === anneliese.id);
    expect([json.band, json.band_status, json.submitted, json.interviews]).toEqual([rec.band!.label, "provisional", 1, 3]);
    const csv = parseCsv(await exported("results.csv")).find((r) => r.candidate_id === String(anneliese.id))!;
    expect([csv.band, csv.band_status, Number(csv.score)]).toEqual([rec.band!.label, "provisional", Number(formatScore(rec.score))]);
  });

  it("every candidate: the export's band_status is what the page says, and a complete panel's band is final", async () => {
    const json = JSON.parse(await exported("results.json")).rows as {
      candidate_id: number;
      band: string | null;
      band_status: string | null;
    }[];
    const withLoops = db().all<{ id: number }>(
      sql`select c.id from candidates c where exists (select 1 from loops l where l.candidate_id = c.id)`,
    );
    const statuses = new Set<string | null>();
    for (const { id } of withLoops) {
      const page = await load(candidatePage.loader, `/candidates/${id}`, { candidateId: String(id) });
      const rec = page.recommendation!;
      const status = rec.band ? (rec.panelIn.complete ? "final" : "provisional") : null;
      const row = json.find((r) => r.candidate_id === id)!;
      expect([row.band, row.band_status], `candidate ${id}`).toEqual([rec.band?.label ?? null, status]);
      expect(page.panel, `candidate ${id}`).toEqual(rec.panelIn);
      statuses.add(status);
    }
    expect([...statuses].sort()).toEqual(["final", "provisional", null].sort());
    // Elena's loop is complete: her band is the panel's.
    const elena = candidateNamed("Elena Petrova");
    const html = renderPage(candidatePage.default as never, {
      loaderData: await load(candidatePage.loader, `/candidates/${elena.id}`, { candidateId: String(elena.id) }),
    });
    expect(html).not.toContain("(provisional)");
    expect(html).toContain("4 of 4 in");
  });
});

describe("the debrief", () => {
  it("has a jump near the top to the decision form, which can take the focus", async () => {
    const marcus = candidateNamed("Marcus Adeyemi");
    const data = await load(debrief.loader, `/candidates/${marcus.id}/debrief`, { candidateId: String(marcus.id) });
    expect(data.canDecide).toBe(true);
    const html = renderPage(debrief.default as never, { loaderData: data });
    expect(html).toMatch(/<a href="#record-decision"[^>]*>Jump to the decision form<\/a>/);
    expect(html).toMatch(/<section id="record-decision" tabindex="-1"/);
    expect(html.indexOf("Jump to the decision form")).toBeLessThan(html.indexOf('id="rec-heading"'));
  });
});

describe("the impact preview of a draft", () => {
  it("lists what the draft changes, with gates beside bands and a picture of every scored candidate", async () => {
    const created = await run(async () =>
      rubrics.action(routeArgs(await request("/rubrics", { userId: hm(), form: { intent: "create-draft", key: "lead-ml-engineer" } }))),
    );
    const id = Number(/\/rubrics\/(\d+)\//.exec(created.response!.headers.get("Location")!)![1]);
    const fields = formFor(id);
    fields["intent"] = "preview";
    fields["dimensions[0].weight"] = "25";
    fields["dimensions[3].weight"] = "10";
    fields["dimensions[0].floor.atOrBelow"] = "2";
    fields["dimensions[0].floor.blocks"] = "hire";
    fields["bands[1].minScore"] = "3.1";
    const saved = await run(async () =>
      edit.action(routeArgs(await request(`/rubrics/${id}/edit`, { userId: hm(), form: fields }), { versionId: String(id) })),
    );
    expect(saved.response?.headers.get("Location")).toBe(`/rubrics/${id}/preview`);

    const page = await load(preview.loader, `/rubrics/${id}/preview`, { versionId: String(id) });
    expect(page.changes.map((c) => c.text)).toEqual([
      "Weight of ML system design: 20% → 25%",
      "Weight of Data quality & pipelines: 15% → 10%",
      "Floor added on ML system design: no Hire or better while the score is ≤ 2",
      "Hire starts at 3.00 → 3.10",
    ]);
    // Gates now and under the draft, for every row; the floor is the one the draft can change.
    for (const r of page.rows) {
      expect(r.current.gates.includes("floor")).toBe(r.current.floor);
      expect(r.draft.gates.includes("floor")).toBe(r.draft.floor);
      expect(r.draft.gates.filter((g) => g !== "floor")).toEqual(r.current.gates.filter((g) => g !== "floor"));
    }
    // One mark per distinct pair of shown scores: together they count every scored candidate.
    expect(page.picture.reduce((a, p) => a + p.count, 0)).toBe(page.rows.filter((r) => r.current.score !== null).length);
    expect(page.bandMoves.up + page.bandMoves.down).toBe(page.bandChanges);

    const html = renderPage(preview.default as never, { loaderData: page });
    expect(html).toContain("What draft v3 changes");
    expect(html).toContain("Weight of ML system design: 20% → 25%");
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="S of \d+ past candidates now and under draft v3: \d+ change band/);
    expect(html).toContain("Band and gates under the draft");
  });

  it("says a fresh copy changes nothing yet", async () => {
    const created = await run(async () =>
      rubrics.action(routeArgs(await request("/rubrics", { userId: hm(), form: { intent: "create-draft", key: "lead-ml-engineer" } }))),
    );
    const id = Number(/\/rubrics\/(\d+)\//.exec(created.response!.headers.get("Location")!)![1]);
    const page = await load(preview.loader, `/rubrics/${id}/preview`, { versionId: String(id) });
    expect(page.changes).toEqual([]);
    expect(page.bandChanges).toBe(0);
    expect(renderPage(preview.default as never, { loaderData: page })).toContain("Nothing yet: the draft is the same as v2.");
  });
});

/** The draft's form as the browser posts it: every field named the way conform names it. */
function formFor(id: number) {
  const fields: Record<string, string> = {};
  const flatten = (value: unknown, name: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${name}[${i}]`));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(v, name ? `${name}.${k}` : k);
    else fields[name] = String(value);
  };
  flatten(draftFormValues(rubricDocument(id)!), "");
  return fields;
}
