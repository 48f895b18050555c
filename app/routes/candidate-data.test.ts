// Integration: a candidate's data on request, as the browser calls the routes: the subject-access
// download, legal hold, erasure (and its refusals), retention per position and the list of
// candidates past it; and an erased candidate gone from every page and export.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, candidates, decisions, loops, positions } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeCandidateWithHistory, makeUser, request, run, routeArgs } from "#tests/factories";
import { renderPage } from "#tests/render";
import * as subjectAccess from "./candidates.$candidateId.subject-access";
import * as dataPage from "./_app.candidates.$candidateId.data";
import * as erase from "./_app.candidates.$candidateId.erase";
import * as retention from "./_app.admin.retention";
import * as candidatePage from "./_app.candidates.$candidateId._index";
import * as myInterviews from "./_app.interviews._index";
import * as candidateList from "./_app.candidates._index";
import * as compare from "./_app.compare";
import * as exporter from "./export.$file";

type Reply = { data: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> }; init: { status: number } };

/** A page as text: React's markers between adjacent text pieces left out. */
const render = (page: Parameters<typeof renderPage>[0], data: Parameters<typeof renderPage>[1]) =>
  renderPage(page, data).replaceAll("<!-- -->", "");

const PERSON = { name: "Zanele Okonkwo-Brightwater", email: "zanele.ob@example.org" };
const DAY = 86400_000;

async function setup() {
  const history = await makeCandidateWithHistory(PERSON);
  const admin = await makeUser("admin");
  return { ...history, admin, id: history.candidate.id, params: { candidateId: String(history.candidate.id) } };
}

const post = (
  action: (args: never) => unknown,
  path: string,
  userId: number,
  form: Record<string, string>,
  params: Record<string, string>,
) => run(async () => action(routeArgs(await request(path, { userId, form }), params)) as Promise<unknown>);

describe("the subject-access download", () => {
  it("gives an admin one HTML file carrying the JSON, or the JSON alone, and records the export", async () => {
    const { admin, id, params } = await setup();
    const html = (
      await run(async () =>
        subjectAccess.loader(routeArgs(await request(`/candidates/${id}/subject-access`, { userId: admin.id }), params)),
      )
    ).response!;
    expect(html.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("Content-Disposition")).toMatch(/^attachment; filename="loopwise-subject-access-\d+-\d{4}-\d{2}-\d{2}\.html"$/);
    const text = await html.text();
    expect(text).toMatch(/^<!doctype html>/);
    expect(text).toContain(PERSON.email);
    expect(text).toContain('id="subject-access-data"');
    const json = (
      await run(async () =>
        subjectAccess.loader(routeArgs(await request(`/candidates/${id}/subject-access?format=json`, { userId: admin.id }), params)),
      )
    ).response!;
    expect(JSON.parse(await json.text()).tables.candidates[0].email).toBe(PERSON.email);
    expect(
      db()
        .select()
        .from(auditLog)
        .all()
        .filter((a) => a.summary.includes("subject-access request")),
    ).toHaveLength(2);
  });

  it("is refused to the hiring manager, for an unknown format, and for an unknown or erased candidate", async () => {
    const { admin, hm, id, params } = await setup();
    const get = (userId: number, path: string, p = params) =>
      run(async () => subjectAccess.loader(routeArgs(await request(path, { userId }), p)));
    expect((await get(hm.id, `/candidates/${id}/subject-access`)).response?.status).toBe(403);
    expect((await get(admin.id, `/candidates/${id}/subject-access?format=xml`)).response?.status).toBe(400);
    expect((await get(admin.id, "/candidates/4242/subject-access", { candidateId: "4242" })).response?.status).toBe(404);
    await post(erase.action, `/candidates/${id}/erase`, admin.id, { reason: "request", confirm: "on" }, params);
    expect((await get(admin.id, `/candidates/${id}/subject-access`)).response?.status).toBe(404);
  });
});

describe("erasing through the page", () => {
  it("names what goes and what stays, refuses an unconfirmed form field by field, erases, then says it is done", async () => {
    const { admin, id, params } = await setup();
    const page = (await run(async () => erase.loader(routeArgs(await request(`/candidates/${id}/erase`, { userId: admin.id }), params))))
      .data!;
    const html = render(erase.default as never, { loaderData: page });
    for (const text of [
      "Evidence written in 7 ratings",
      "The decision&#x27;s rationale",
      "7 ratings (levels only) in 2 scorecards",
      `Erase ${PERSON.name}`,
    ])
      expect(html).toContain(text);

    const bad = (await post(erase.action, `/candidates/${id}/erase`, admin.id, { reason: "because" }, params)).data as unknown as Reply;
    expect(bad.init.status).toBe(400);
    expect(bad.data.error?.reason?.join(" ")).toMatch(/Choose why/);
    expect(bad.data.error?.confirm?.join(" ")).toMatch(/Tick the box/);
    expect(db().select().from(candidates).where(eq(candidates.id, id)).get()?.erasedAt).toBeNull();

    const done = await post(erase.action, `/candidates/${id}/erase`, admin.id, { reason: "request", confirm: "on" }, params);
    expect(done.response?.headers.get("Location")).toBe(`/candidates/${id}/erase`);
    const after = (await run(async () => erase.loader(routeArgs(await request(`/candidates/${id}/erase`, { userId: admin.id }), params))))
      .data!;
    expect(render(erase.default as never, { loaderData: after })).toContain(`Candidate #${id} was erased`);

    const again = (await post(erase.action, `/candidates/${id}/erase`, admin.id, { reason: "request", confirm: "on" }, params))
      .data as unknown as Reply;
    expect(again.init.status).toBe(409);
    expect(again.data.error?.[""]?.join(" ")).toMatch(/already erased/);
  });

  it("is the admin's alone, and answers 404 for an unknown candidate", async () => {
    const { hm, admin, id, params } = await setup();
    expect(
      (await post(erase.action, `/candidates/${id}/erase`, hm.id, { reason: "request", confirm: "on" }, params)).response?.status,
    ).toBe(403);
    expect(
      (await post(erase.action, "/candidates/4242/erase", admin.id, { reason: "request", confirm: "on" }, { candidateId: "4242" })).response
        ?.status,
    ).toBe(404);
    expect(
      (await post(erase.action, "/candidates/abc/erase", admin.id, { reason: "request", confirm: "on" }, { candidateId: "abc" })).response
        ?.status,
    ).toBe(404);
    expect(db().select().from(candidates).where(eq(candidates.id, id)).get()?.erasedAt).toBeNull();
  });

  it("leaves the candidate on no page and in no export", async () => {
    const { admin, hm, designer, id, params, position } = await setup();
    const interviewsOf = async () =>
      (await run(async () => myInterviews.loader(routeArgs(await request("/interviews", { userId: designer.id }))))).data!.past.map(
        (i) => i.id,
      );
    expect(await interviewsOf()).toHaveLength(1);
    await post(erase.action, `/candidates/${id}/erase`, admin.id, { reason: "request", confirm: "on" }, params);
    expect(
      (await run(async () => candidatePage.loader(routeArgs(await request(`/candidates/${id}`, { userId: hm.id }), params)))).response
        ?.status,
    ).toBe(404);
    // Gone from the interviewer's own list too, though their ratings still count in calibration.
    expect(await interviewsOf()).toEqual([]);
    const list = (await run(async () => candidateList.loader(routeArgs(await request("/candidates", { userId: hm.id }))))).data!;
    expect(list.candidates.map((c) => c.id)).not.toContain(id);
    const compared = (
      await run(async () => compare.loader(routeArgs(await request(`/compare?position=${position.id}`, { userId: hm.id }))))
    ).data!;
    expect(compared.rows.map((r) => r.candidateId)).not.toContain(id);
    for (const file of ["scorecards.csv", "scorecards.json", "results.csv", "results.json"]) {
      const text = await (
        await run(async () => exporter.loader(routeArgs(await request(`/export/${file}`, { userId: hm.id }), { file })))
      ).response!.text();
      expect(text, file).not.toContain("Zanele");
      expect(text, file).not.toContain(PERSON.email);
    }
  });
});

describe("legal hold", () => {
  it("needs a reason, stops erasure while it stands, and is audited when placed and lifted", async () => {
    const { admin, id, params } = await setup();
    const path = `/candidates/${id}/data`;
    const empty = (await post(dataPage.action, path, admin.id, { intent: "hold", reason: " " }, params)).data as unknown as Reply;
    expect(empty.init.status).toBe(400);
    expect(empty.data.error?.reason?.join(" ")).toMatch(/Say why the data must be kept/);

    await post(dataPage.action, path, admin.id, { intent: "hold", reason: "Tribunal claim 2026-114" }, params);
    const refused = (await post(erase.action, `/candidates/${id}/erase`, admin.id, { reason: "request", confirm: "on" }, params))
      .data as unknown as Reply;
    expect(refused.init.status).toBe(409);
    expect(refused.data.error?.[""]?.join(" ")).toMatch(/legal hold \(Tribunal claim 2026-114\)/);
    const page = (await run(async () => erase.loader(routeArgs(await request(`/candidates/${id}/erase`, { userId: admin.id }), params))))
      .data!;
    const html = render(erase.default as never, { loaderData: page });
    expect(html).toContain("Under legal hold since");
    expect(html).not.toContain(`Erase ${PERSON.name}</button>`);

    await post(dataPage.action, path, admin.id, { intent: "lift" }, params);
    const twice = (await post(dataPage.action, path, admin.id, { intent: "lift" }, params)).data as unknown as {
      data: { liftError: string };
      init: { status: number };
    };
    expect(twice.init.status).toBe(409);
    expect(twice.data.liftError).toBe("This candidate is not under a legal hold.");
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityType, "candidate"))
        .all()
        .map((a) => a.summary),
    ).toEqual(
      expect.arrayContaining([
        `Placed candidate #${id} under a legal hold: no erasure until it is lifted`,
        `Lifted the legal hold on candidate #${id}`,
      ]),
    );
  });
});

describe("retention", () => {
  it.each([
    ["0 months", "0", /at least 1 month/],
    ["121 months", "121", /at most 120 months/],
    ["1.5 months", "1.5", /whole months/],
    ["words", "two years", /Enter a number of months/],
  ])("refuses %s next to the field, keeping the setting", async (_label, months, message) => {
    const { admin, position } = await setup();
    const { data } = await post(
      retention.action,
      "/admin/retention",
      admin.id,
      { positionId: String(position.id), retentionMonths: months },
      {},
    );
    const reply = data as unknown as { data: { positionId: number; reply: Reply["data"] }; init: { status: number } };
    expect(reply.init.status).toBe(400);
    expect(reply.data.positionId).toBe(position.id);
    expect(reply.data.reply.error?.retentionMonths?.join(" ")).toMatch(message);
    expect(db().select().from(positions).where(eq(positions.id, position.id)).get()?.retentionMonths).toBe(24);
  });

  it("lists candidates past retention, never sooner than a year from the decision, and never one on legal hold", async () => {
    const { admin, id, params, position, loop } = await setup();
    const other = await makeCandidateWithHistory({ name: "Bartholomew Quince", email: "b.quince@example.net" });
    const list = async () =>
      (await run(async () => retention.loader(routeArgs(await request("/admin/retention", { userId: admin.id }))))).data!;
    expect((await list()).due).toEqual([]);
    expect((await list()).positions.find((p) => p.id === position.id)?.candidates).toBe(1);

    // Six months after the loop closed, with a 3-month setting: the decision's year still holds it.
    const closed = new Date(Date.now() - 183 * DAY);
    db().update(loops).set({ closedAt: closed }).where(eq(loops.id, loop.id)).run();
    db().update(decisions).set({ decidedAt: closed }).where(eq(decisions.loopId, loop.id)).run();
    const saved = await post(retention.action, "/admin/retention", admin.id, { positionId: String(position.id), retentionMonths: "3" }, {});
    expect((saved.data as { reply: { status: string } }).reply.status).toBe("success");
    expect((await list()).due).toEqual([]);

    // Thirteen months on, they are due; the other candidate, on hold, is listed apart.
    const longAgo = new Date(Date.now() - 400 * DAY);
    db().update(loops).set({ closedAt: longAgo }).where(eq(loops.candidateId, id)).run();
    db().update(decisions).set({ decidedAt: longAgo }).where(eq(decisions.loopId, loop.id)).run();
    db().update(loops).set({ closedAt: longAgo }).where(eq(loops.candidateId, other.candidate.id)).run();
    db().update(decisions).set({ decidedAt: longAgo }).where(eq(decisions.loopId, other.loop.id)).run();
    db().update(positions).set({ retentionMonths: 3 }).run();
    await post(
      dataPage.action,
      `/candidates/${other.candidate.id}/data`,
      admin.id,
      { intent: "hold", reason: "Subpoena" },
      { candidateId: String(other.candidate.id) },
    );
    const page = await list();
    expect(page.due.map((c) => c.id)).toEqual([id]);
    expect(page.held.map((c) => c.id)).toEqual([other.candidate.id]);
    const html = render(retention.default as never, { loaderData: page });
    expect(html).toContain("Past retention (1)");
    expect(html).toContain(`Review and erase ${PERSON.name}`);
    expect(html).toContain("Subpoena");
    expect(params.candidateId).toBe(String(id));
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityType, "position"))
        .all()
        .map((a) => a.summary),
    ).toContain(`Set retention for ${position.title} to 3 months`);
  });

  it("is the admin's page", async () => {
    const { hm } = await setup();
    expect(
      (await run(async () => retention.loader(routeArgs(await request("/admin/retention", { userId: hm.id }))))).response?.status,
    ).toBe(403);
  });
});
