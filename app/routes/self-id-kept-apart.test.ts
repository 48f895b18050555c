// Integration: one candidate's self-identification reaches no one who decides, and no staff page
// at all. A candidate with a full history answers with rare, distinctive choices; every page,
// `.data` reply and export the hiring manager, the candidate's interviewers and an admin can open
// is searched for them (their codes and their labels). The monitor refuses everyone but
// compliance and admins, and even there holds no person.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { selfIdentifications } from "#db/schema";
import { subjectAccessData } from "#app/models/subject-access.server";
import { db } from "#app/utils/db.server";
import { makeCandidateWithHistory, makeUser, request, run, routeArgs } from "#tests/factories";
import * as audit from "./_app.audit";
import * as calibration from "./_app.calibration";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as dataPage from "./_app.candidates.$candidateId.data";
import * as debrief from "./_app.candidates.$candidateId.debrief";
import * as candidateList from "./_app.candidates._index";
import * as compare from "./_app.compare";
import * as fairness from "./_app.fairness._index";
import * as interviewPage from "./_app.interviews.$interviewId._index";
import * as myInterviews from "./_app.interviews._index";
import * as pipeline from "./_app.pipeline";
import * as exporter from "./export.$file";

const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

// The codes as stored and the words the form shows: either would give the answers away.
const TELLTALES = [
  /native_hawaiian/i,
  /Pacific Islander/i,
  /protected_veteran/i,
  /Protected veteran/i,
  /"sex":"another"/,
  /raceEthnicity/,
  /race_ethnicity/,
];

type Loader = (args: never) => unknown;
async function text(loader: Loader, path: string, userId: number, params: Record<string, string> = {}) {
  const { response, data } = await run(async () => loader(routeArgs(await request(path, { userId }), params)) as Promise<unknown>);
  if (response) return `${response.status} ${await response.clone().text()}`;
  return JSON.stringify(data);
}

describe("a candidate's self-identification, kept apart", () => {
  it("appears on no page, .data reply or export a hiring manager, interviewer or admin opens", async () => {
    const h = await makeCandidateWithHistory({ name: "Kalani Makoa", email: "kalani@example.org" }, NOW);
    db().delete(selfIdentifications).where(eq(selfIdentifications.candidateId, h.candidate.id)).run();
    db()
      .insert(selfIdentifications)
      .values({
        candidateId: h.candidate.id,
        sex: "another",
        raceEthnicity: "native_hawaiian_pacific_islander",
        disability: "yes",
        veteran: "protected_veteran",
        answeredAt: NOW,
      })
      .run();
    const admin = await makeUser("admin");
    const id = String(h.candidate.id);
    const interviewIds = db().$client.prepare("select id from interviews where loop_id = ?").pluck().all(h.loop.id) as number[];
    const visits: [string, Loader, string, number, Record<string, string>?][] = [];
    for (const [who, user] of [
      ["hiring manager", h.hm],
      ["admin", admin],
    ] as const) {
      visits.push(
        [who, candidatePage.loader, `/candidates/${id}`, user.id, { candidateId: id }],
        [who, debrief.loader, `/candidates/${id}/debrief`, user.id, { candidateId: id }],
        [who, candidateList.loader, "/candidates", user.id],
        [who, pipeline.loader, "/pipeline", user.id],
        [who, compare.loader, `/compare?position=${h.position.id}`, user.id],
        [who, calibration.loader, "/calibration", user.id],
        [who, audit.loader, "/audit", user.id],
        ...["scorecards.csv", "scorecards.json", "results.csv", "results.json"].map(
          (file) =>
            [who, exporter.loader, `/export/${file}`, user.id, { file }] as [string, Loader, string, number, Record<string, string>],
        ),
      );
    }
    visits.push(["admin", dataPage.loader, `/candidates/${id}/data`, admin.id, { candidateId: id }]);
    for (const [who, interviewer] of [
      ["interviewer", h.designer],
      ["grader", h.reviewer],
    ] as const) {
      visits.push([who, myInterviews.loader, "/interviews", interviewer.id]);
      for (const interviewId of interviewIds)
        visits.push([who, interviewPage.loader, `/interviews/${interviewId}`, interviewer.id, { interviewId: String(interviewId) }]);
    }
    let opened = 0;
    for (const [who, loader, path, userId, params] of visits) {
      const body = await text(loader, path, userId, params);
      if (!/^[45]\d\d /.test(body)) opened += 1;
      expect(body, `${who} ${path}`).not.toMatch(/^5\d\d /);
      for (const telltale of TELLTALES) expect(body, `${who} ${path}`).not.toMatch(telltale);
    }
    // The search reached real pages, not a wall of refusals, and would have found the answers:
    // the candidate's own export, which rightly holds them, matches.
    expect(opened).toBeGreaterThan(15);
    expect(JSON.stringify(subjectAccessData(h.candidate.id, NOW))).toMatch(TELLTALES[0]!);
  });

  it("the monitor refuses the hiring manager and interviewers, and an admin's holds totals, no person", async () => {
    const h = await makeCandidateWithHistory({ name: "Kalani Makoa", email: "kalani2@example.org" }, NOW);
    db().delete(selfIdentifications).where(eq(selfIdentifications.candidateId, h.candidate.id)).run();
    db()
      .insert(selfIdentifications)
      .values({ candidateId: h.candidate.id, sex: "another", raceEthnicity: "native_hawaiian_pacific_islander", answeredAt: NOW })
      .run();
    for (const user of [h.hm, h.designer, h.reviewer]) expect(await text(fairness.loader, "/fairness", user.id)).toMatch(/^(403|302) /);
    const admin = await makeUser("admin");
    const body = await text(fairness.loader, "/fairness", admin.id);
    expect(body).not.toMatch(/^[45]\d\d /);
    expect(body).not.toContain("Kalani");
    expect(body).not.toContain(String(h.candidate.email));
    // One person in the group: suppressed, so not even the count of one is sent.
    expect(body).not.toMatch(/"key":"native_hawaiian_pacific_islander","n":1/);
  });
});
