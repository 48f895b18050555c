// Integration: the voluntary self-identification form on its own link. What is saved is exactly
// what was chosen, once; bad input and bad links get a message and save nothing; erasure and the
// subject-access export cover the answers; the audit log never holds them.
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, candidates, selfIdentifications } from "#db/schema";
import { eraseCandidate } from "#app/models/erasure.server";
import { subjectAccessData } from "#app/models/subject-access.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { db } from "#app/utils/db.server";
import { makeCandidateWithHistory, makeOrganisation, makeUser, run, routeArgs } from "#tests/factories";
import { selfIdPath } from "#app/models/self-id-link.server";
import * as page from "./self-id.$token";

const NOW = new Date("2026-03-04T09:00:00Z");
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

let n = 0;
function candidate() {
  const { position } = makeOrganisation();
  return db()
    .insert(candidates)
    .values({ name: "Ada Obi", email: `ada${++n}@example.com`, positionId: position.id, source: "referral" })
    .returning()
    .get();
}
const tokenOf = async (candidateId: number) => (await selfIdPath(candidateId, NOW)).split("/self-id/")[1]!;

function post(token: string, fields: [string, string][]) {
  const body = new URLSearchParams(fields);
  const req = new Request(`http://localhost/self-id/${token}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return run(async () => page.action(routeArgs(req, { token })));
}
const get = (token: string) => run(async () => page.loader(routeArgs(new Request(`http://localhost/self-id/${token}`), { token })));
type Reply = { data: { errors: Record<string, string> }; init: { status: number } };
const saved = (candidateId: number) =>
  db().select().from(selfIdentifications).where(eq(selfIdentifications.candidateId, candidateId)).all();

describe("the self-identification link", () => {
  it("saves what was chosen, 'prefer not to say' as itself and a blank question as blank, once", async () => {
    const c = candidate();
    const token = await tokenOf(c.id);
    expect((await get(token)).data).toEqual({ answered: false });
    const r = await post(token, [
      ["sex", "prefer_not"],
      ["raceEthnicity", "asian"],
    ]);
    expect(r.response?.status).toBe(302);
    expect(saved(c.id)).toMatchObject([{ sex: "prefer_not", raceEthnicity: "asian", disability: null, veteran: null }]);
    // The page then says it's done, and never echoes the answers.
    expect((await get(token)).data).toEqual({ answered: true });

    // Answering again (another tab, a replay) is refused and changes nothing.
    const again = (await post(token, [["sex", "female"]])).data as unknown as Reply;
    expect(again.init.status).toBe(409);
    expect(again.data.errors.form).toMatch(/already answered/);
    expect(saved(c.id)).toMatchObject([{ sex: "prefer_not", raceEthnicity: "asian" }]);
  });

  it.each([
    ["an answer not on the list", [["sex", "robot"]], "sex", /Choose one of the answers listed for “Sex”/],
    [
      "a question answered twice",
      [
        ["raceEthnicity", "white"],
        ["raceEthnicity", "asian"],
      ],
      "raceEthnicity",
      /Choose only one answer/,
    ],
    ["a question the form doesn't have", [["religion", "none"]], "form", /only the questions shown/],
  ] as [string, [string, string][], string, RegExp][])("refuses %s with a message and saves nothing", async (_, fields, field, message) => {
    const c = candidate();
    const r = (await post(await tokenOf(c.id), [...fields, ["veteran", "not_veteran"]])).data as unknown as Reply;
    expect(r.init.status).toBe(400);
    expect(r.data.errors[field]).toMatch(message);
    expect(saved(c.id)).toEqual([]);
  });

  it("a tampered, foreign or expired link is a 404 the candidate can read, never a 500", async () => {
    const c = candidate();
    const token = await tokenOf(c.id);
    const tampered = token.slice(0, -3) + (token.endsWith("A") ? "BBB" : "AAA");
    // A code-review link for the same number can't open it (its own key and audience).
    const review = await signAssignmentToken({ assignmentId: c.id, tokenId: "self-id", expiresAt: new Date(NOW.getTime() + 3600_000) });
    const expired = await signAssignmentToken({
      assignmentId: c.id,
      tokenId: "self-id",
      expiresAt: new Date(NOW.getTime() - 1000),
      purpose: "self_id",
    });
    for (const t of [tampered, review, expired, "nonsense", "x".repeat(3000)]) {
      const r = await get(t);
      expect(r.response?.status, t.slice(0, 20)).toBe(404);
      expect(await r.response!.text()).toMatch(/isn't valid/);
      expect((await post(t, [["sex", "male"]])).response?.status).toBe(404);
    }
    expect(saved(c.id)).toEqual([]);
  });

  it("the audit log records that someone answered, never who or what", async () => {
    const c = candidate();
    await post(await tokenOf(c.id), [
      ["sex", "female"],
      ["raceEthnicity", "black"],
    ]);
    const entries = db().select().from(auditLog).where(eq(auditLog.entityType, "self_identification")).all();
    expect(entries).toHaveLength(1);
    const text = JSON.stringify(entries);
    for (const needle of ["female", "black", "Ada", c.email]) expect(text).not.toContain(needle);
  });

  it("the candidate's subject-access export includes their answers; erasure deletes them and the link stops working", async () => {
    const { candidate: c } = await makeCandidateWithHistory({ name: "Grace Hopper", email: "grace@example.com" }, NOW);
    const token = await tokenOf(c.id);
    // The factory answered for them: female, race "prefer not", disability left blank.
    const sar = subjectAccessData(c.id, NOW)!;
    expect(sar.tables.self_identifications).toMatchObject([{ sex: "female", race_ethnicity: "prefer_not", disability: null }]);

    const admin = await makeUser("admin");
    expect(eraseCandidate(admin, c.id, "request", NOW)).toEqual({ ok: true });
    expect(saved(c.id)).toEqual([]);
    expect((await get(token)).response?.status).toBe(404);
  });
});
