// Integration: weekend and public-holiday warnings when booking; the hiring manager accepts them.
import { describe, expect, it } from "vitest";
import { candidates, interviews, loops } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeLoop, makeOrganisation, makeUser, request, run, routeArgs } from "#tests/factories";
import * as addInterview from "./_app.candidates.$candidateId.interviews.new";
import * as editInterview from "./_app.interviews.$interviewId.edit";
import * as scheduleLoop from "./_app.candidates.$candidateId.loop";

type Reply = {
  data: { error?: Record<string, string[]> | null; warnings?: { byField: Record<string, string[]>; key: string } };
  init: { status: number };
};

/** The next `weekday` (0 Sunday … 6 Saturday) at least two days from now, at 10:00, as typed in the form. */
function next(weekday: number) {
  const d = new Date(Date.now() + 2 * 86400_000);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T10:00`;
}

/** The next Christmas Day at least a day away. */
function christmas() {
  const now = new Date(Date.now() + 86400_000);
  const year = now.getUTCMonth() === 11 && now.getUTCDate() > 25 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  return `${year}-12-25T10:00`;
}

async function setup() {
  const { position, rubricVersionId } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const aisha = await makeUser("interviewer", { name: "Aisha Bello", country: "GB" });
  const ben = await makeUser("interviewer", { name: "Ben Other" });
  const { candidate, interviews: rows } = makeLoop({
    positionId: position.id,
    rubricVersionId,
    scheduledById: hm.id,
    plans: [{ stage: "system_design", interviewerId: ben.id, hoursFromNow: 24 * 30 }],
  });
  return { hm, aisha, ben, candidate, booked: rows[0]! };
}

const add = async (hmId: number, candidateId: number, form: Record<string, string>) =>
  run(async () => addInterview.action(routeArgs(await request("/x", { userId: hmId, form }), { candidateId: String(candidateId) })));

describe("booking on a weekend or a public holiday", () => {
  it("warns instead of booking, keeps what was typed, and books once the warning is accepted", async () => {
    const { hm, aisha, candidate } = await setup();
    const form = { stage: "debugging", interviewerId: String(aisha.id), scheduledAt: next(6), durationMinutes: "60" };
    const warned = (await add(hm.id, candidate.id, form)).data as unknown as Reply;
    expect(warned.init.status).toBe(400);
    expect(warned.data.warnings!.byField.scheduledAt).toEqual([
      expect.stringMatching(/^Saturday, .* is a weekend day for Aisha Bello \(Europe\/London\)\.$/),
    ]);
    expect(warned.data.error?.[""]).toEqual(["Not booked yet: check the warnings below, then confirm or change the time."]);
    expect((warned.data as { initialValue?: Record<string, unknown> }).initialValue?.scheduledAt).toBe(next(6));
    expect(db().select().from(interviews).all()).toHaveLength(1);

    // Accepting a different set (the time moved to Sunday since) books nothing.
    const moved = (await add(hm.id, candidate.id, { ...form, scheduledAt: next(0), acceptWarnings: warned.data.warnings!.key }))
      .data as unknown as Reply;
    expect(moved.data.warnings!.byField.scheduledAt![0]).toMatch(/^Sunday/);
    expect(db().select().from(interviews).all()).toHaveLength(1);

    const booked = await add(hm.id, candidate.id, { ...form, acceptWarnings: warned.data.warnings!.key });
    expect(booked.response?.status).toBe(302);
    expect(db().select().from(interviews).all()).toHaveLength(2);
  });

  it("names the interviewer's public holiday, and says nothing on an ordinary working day", async () => {
    const { hm, aisha, candidate } = await setup();
    const holiday = (
      await add(hm.id, candidate.id, {
        stage: "debugging",
        interviewerId: String(aisha.id),
        scheduledAt: christmas(),
        durationMinutes: "60",
      })
    ).data as unknown as Reply;
    expect(holiday.data.warnings!.byField.scheduledAt).toContainEqual(
      expect.stringMatching(/25 December \d{4} is Christmas Day, a public holiday in United Kingdom, where Aisha Bello works\.$/),
    );
    const weekday = await add(hm.id, candidate.id, {
      stage: "debugging",
      interviewerId: String(aisha.id),
      scheduledAt: next(3),
      durationMinutes: "60",
    });
    expect(weekday.response?.status).toBe(302);
  });

  it("warns per row when a loop is scheduled, and schedules it once accepted", async () => {
    const { position } = makeOrganisation();
    const hm = await makeUser("hiring_manager");
    const ana = await makeUser("interviewer", { name: "Ana Weekday" });
    const ben = await makeUser("interviewer", { name: "Ben Other" });
    const candidate = db()
      .insert(candidates)
      .values({ name: "Ada Obi", email: "ada@example.com", positionId: position.id, source: "referral" })
      .returning()
      .get();
    const form = {
      "stages[0].stage": "system_design",
      "stages[0].include": "on",
      "stages[0].interviewerId": String(ana.id),
      "stages[0].scheduledAt": next(3),
      "stages[0].durationMinutes": "60",
      "stages[1].stage": "debugging",
      "stages[1].include": "on",
      "stages[1].interviewerId": String(ben.id),
      "stages[1].scheduledAt": next(0),
      "stages[1].durationMinutes": "60",
    };
    const post = async (extra: Record<string, string> = {}) =>
      run(async () =>
        scheduleLoop.action(
          routeArgs(await request("/x", { userId: hm.id, form: { ...form, ...extra } }), { candidateId: String(candidate.id) }),
        ),
      );
    const warned = (await post()).data as unknown as Reply;
    expect(Object.keys(warned.data.warnings!.byField)).toEqual(["stages[1].scheduledAt"]);
    expect(warned.data.warnings!.byField["stages[1].scheduledAt"]![0]).toMatch(/^Sunday, .* weekend day for Ben Other/);
    expect(db().select().from(loops).all()).toHaveLength(0);
    expect((await post({ acceptWarnings: warned.data.warnings!.key })).response?.status).toBe(302);
    expect(db().select().from(interviews).all()).toHaveLength(2);
  });

  it("asks again only when an edit moves the interview or changes its interviewer", async () => {
    const { hm, aisha, ben, booked } = await setup();
    const edit = async (form: Record<string, string>) =>
      run(async () => editInterview.action(routeArgs(await request("/x", { userId: hm.id, form }), { interviewId: String(booked.id) })));
    const base = { interviewerId: String(ben.id), durationMinutes: "60", status: "scheduled" };
    const toSunday = (await edit({ ...base, scheduledAt: next(0) })).data as unknown as Reply;
    expect(toSunday.data.warnings!.byField.scheduledAt![0]).toMatch(/^Sunday, .* weekend day for Ben Other/);
    expect((await edit({ ...base, scheduledAt: next(0), acceptWarnings: toSunday.data.warnings!.key })).response?.status).toBe(302);
    // Same Sunday slot, a longer interview: nothing new to accept.
    expect((await edit({ ...base, scheduledAt: next(0), durationMinutes: "90" })).response?.status).toBe(302);
    // Another interviewer on that Sunday is a new booking for them.
    const newPerson = (await edit({ ...base, interviewerId: String(aisha.id), scheduledAt: next(0) })).data as unknown as Reply;
    expect(newPerson.data.warnings!.byField.scheduledAt![0]).toMatch(/weekend day for Aisha Bello/);
  });
});
