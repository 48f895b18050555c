// Integration: what each export holds for whom (one panel-visibility rule for pages, .data and
// every export format), and that no cell reaches a spreadsheet as a live formula.
import { and, eq, ne, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { candidates, interviews, loops, ratings, scorecards, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { seedDemoData } from "#db/seed";
import { makeOrganisation, request, run, routeArgs } from "#tests/factories";
import { neutraliseCell } from "#app/models/export.server";
import * as exporter from "./export.$file";
import * as scorecardPage from "./_app.interviews.$interviewId.scorecard";
import * as debrief from "./_app.candidates.$candidateId.debrief";

beforeEach(async () => {
  makeOrganisation();
  await seedDemoData(db(), new Date());
});

const FILES = ["scorecards.csv", "scorecards.json", "results.csv", "results.json"] as const;

async function exported(userId: number, file: (typeof FILES)[number]) {
  const { response } = await run(async () => exporter.loader(routeArgs(await request(`/export/${file}`, { userId }), { file })));
  expect(response?.status).toBe(200);
  return response!.text();
}

/** The candidate names an export holds (CSV or JSON), so every format can be compared alike. */
async function namesIn(userId: number, file: (typeof FILES)[number]) {
  const text = await exported(userId, file);
  if (file.endsWith(".json")) return new Set((JSON.parse(text).rows as { candidate_name: string }[]).map((r) => r.candidate_name));
  return new Set(
    text
      .split("\n")
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(",")[1]!.replace(/^"|"$/g, "")),
  );
}

/**
 * An interviewer who has submitted in a loop that still owes other scorecards, and one who sat on
 * a loop but has not submitted: found in the demo data rather than assumed.
 */
function panelCases() {
  const rows = db()
    .select({
      loopId: interviews.loopId,
      interviewId: interviews.id,
      interviewerId: interviews.interviewerId,
      candidateId: loops.candidateId,
      candidateName: candidates.name,
      status: scorecards.status,
    })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .innerJoin(candidates, eq(candidates.id, loops.candidateId))
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(and(ne(interviews.status, "cancelled"), eq(loops.status, "open")))
    .all();
  const byLoop = new Map<number, typeof rows>();
  for (const r of rows) byLoop.set(r.loopId, [...(byLoop.get(r.loopId) ?? []), r]);
  for (const panel of byLoop.values()) {
    const done = panel.filter((r) => r.status === "submitted");
    const waiting = panel.find((r) => r.status !== "submitted");
    // Two submitted, so the first of them has a colleague's scorecard to see.
    if (done.length >= 2 && waiting) return { submitted: done[0]!, colleague: done[1]!, waiting };
  }
  throw new Error("the demo data has no loop with both a submitted and an owed scorecard");
}

describe("one panel-visibility rule", () => {
  it("an interviewer who has submitted sees the loop's panel on the page and in every export, before the debrief opens", async () => {
    const { submitted } = panelCases();
    const page = await run(async () =>
      scorecardPage.loader(
        routeArgs(await request(`/interviews/${submitted.interviewId}/scorecard`, { userId: submitted.interviewerId }), {
          interviewId: String(submitted.interviewId),
        }),
      ),
    );
    const { colleague } = panelCases();
    expect(page.data?.panel?.map((c) => c.interviewerId)).toContain(colleague.interviewerId);
    for (const file of FILES) expect(await namesIn(submitted.interviewerId, file), file).toContain(submitted.candidateName);
    // Not only their own rows: the colleague's scorecard is in both scorecard exports.
    const json = JSON.parse(await exported(submitted.interviewerId, "scorecards.json")).rows as { interview_id: number }[];
    expect(json.some((r) => r.interview_id === colleague.interviewId)).toBe(true);
    const csv = (await exported(submitted.interviewerId, "scorecards.csv")).split("\n").slice(1);
    // loop_id and interview_id are adjacent columns.
    expect(csv.some((line) => line.includes(`,${colleague.loopId},${colleague.interviewId},`))).toBe(true);
    // The debrief is a meeting for the whole panel: it waits until every scorecard is in.
    const meeting = await run(async () =>
      debrief.loader(routeArgs(await request("/x", { userId: submitted.interviewerId }), { candidateId: String(submitted.candidateId) })),
    );
    expect(meeting.response?.status).toBe(403);
  });

  it("an interviewer who has not submitted sees none of it, on the page or in any export", async () => {
    const { waiting } = panelCases();
    const page = await run(async () =>
      scorecardPage.loader(
        routeArgs(await request(`/interviews/${waiting.interviewId}/scorecard`, { userId: waiting.interviewerId }), {
          interviewId: String(waiting.interviewId),
        }),
      ),
    );
    expect(page.data?.panel).toBeNull();
    for (const file of FILES) expect(await namesIn(waiting.interviewerId, file), file).not.toContain(waiting.candidateName);
  });

  it("the hiring team's exports hold every candidate with a submitted scorecard", async () => {
    const hm = db().select().from(users).where(eq(users.email, "hm@loopwise.test")).get()!;
    const withCards = db().all<{ name: string }>(sql`select distinct c.name as name from candidates c join loops l on l.candidate_id = c.id
      join interviews i on i.loop_id = l.id join scorecards s on s.interview_id = i.id where s.status = 'submitted' and i.status != 'cancelled'`);
    for (const file of ["scorecards.csv", "scorecards.json"] as const)
      expect([...(await namesIn(hm.id, file))].sort()).toEqual(withCards.map((r) => r.name).sort());
  });
});

describe("CSV exports are safe to open in a spreadsheet", () => {
  it.each([
    ['=HYPERLINK("http://evil.test","click")', `'=HYPERLINK("http://evil.test","click")`],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ["\rCR", "'\rCR"],
    ["Ada Obi", "Ada Obi"],
    ["3.5", "3.5"],
  ])("a cell %j is written as %j", (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it("a candidate named like a formula, and evidence starting with one, arrive as text in both CSVs; JSON keeps them as typed", async () => {
    const { submitted } = panelCases();
    const formula = '=HYPERLINK("http://evil.test","Ada")';
    db().update(candidates).set({ name: formula }).where(eq(candidates.id, submitted.candidateId)).run();
    const card = db().select().from(scorecards).where(eq(scorecards.interviewId, submitted.interviewId)).get()!;
    db().update(ratings).set({ evidence: "@cmd|' /C calc'!A0" }).where(eq(ratings.scorecardId, card.id)).run();
    const hm = db().select().from(users).where(eq(users.email, "hm@loopwise.test")).get()!;

    const scorecardsCsv = await exported(hm.id, "scorecards.csv");
    const resultsCsv = await exported(hm.id, "results.csv");
    for (const csv of [scorecardsCsv, resultsCsv]) {
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""Ada"")"`);
      expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    }
    expect(scorecardsCsv).toContain("'@cmd|");
    expect(scorecardsCsv).not.toMatch(/(^|,)"?@cmd/m);
    const json = JSON.parse(await exported(hm.id, "results.json")).rows as { candidate_name: string }[];
    expect(json.map((r) => r.candidate_name)).toContain(formula);
  });
});
