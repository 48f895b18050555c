import { describe, expect, test } from "vitest";
import { db, openDatabase, replaceDatabase } from "#app/utils/db.server";
import { generateHistory, planFor, SIZES } from "./history";

// Every stamp that says when something happened; scheduled_at, deadlines and link expiries may
// lie ahead, as they do in a real team's database.
const HAPPENED = [
  ["users", "created_at"],
  ["users", "updated_at"],
  ["positions", "created_at"],
  ["candidates", "created_at"],
  ["candidates", "updated_at"],
  ["loops", "created_at"],
  ["loops", "updated_at"],
  ["loops", "closed_at"],
  ["interviews", "created_at"],
  ["interviews", "updated_at"],
  ["scorecards", "created_at"],
  ["scorecards", "updated_at"],
  ["scorecards", "submitted_at"],
  ["decisions", "decided_at"],
  ["assignments", "created_at"],
  ["assignments", "updated_at"],
  ["assignments", "started_at"],
  ["rubric_versions", "created_at"],
  ["exercises", "created_at"],
] as const;

describe("the bench's history plan", () => {
  test.each(Object.entries(SIZES))("%s holds exactly that many candidates, most of them decided", (_, n) => {
    const plan = planFor(n);
    expect(plan.decided + plan.inProgress + plan.fresh).toBe(n);
    expect(plan.decided / n).toBeGreaterThan(0.7);
    expect(plan.inProgress).toBeGreaterThanOrEqual(250);
  });
});

describe("generateHistory at 1k", () => {
  // Years before any real clock this runs on: a stamp the generator forgot to set (a column's
  // default is SQLite's clock) would be later than this and fail the first test.
  const now = new Date("2021-03-03T09:00:00Z");

  test("every created, updated and submitted stamp is before the run started", async () => {
    await generateHistory(db(), { candidates: SIZES["1k"], now });
    const sqlite = db().$client;
    for (const [table, column] of HAPPENED) {
      const { latest, rows } = sqlite.prepare(`select max(${column}) as latest, count(*) as rows from ${table}`).get() as {
        latest: number | null;
        rows: number;
      };
      expect(rows, `${table} is empty`).toBeGreaterThan(0);
      expect(latest ?? 0, `${table}.${column}`).toBeLessThan(now.getTime());
    }
    // A submitted scorecard never predates its interview.
    const early = sqlite
      .prepare("select count(*) as n from scorecards s join interviews i on i.id = s.interview_id where s.submitted_at < i.scheduled_at")
      .get() as { n: number };
    expect(early.n).toBe(0);
  });

  test("the counts match the plan and leave enough work in progress for 100 sessions", async () => {
    const history = await generateHistory(db(), { candidates: SIZES["1k"], now });
    const plan = planFor(SIZES["1k"]);
    expect(history.counts.candidates).toBe(1000);
    expect(history.counts.loops).toBe(plan.decided + plan.inProgress);
    expect(history.counts.interviews).toBeGreaterThanOrEqual(4 * history.counts.loops);
    expect(history.counts.submitted).toBeGreaterThan(history.counts.loops * 3);
    expect(history.counts.decisions).toBeGreaterThan(plan.decided * 0.8);
    expect(history.drafts.length).toBeGreaterThanOrEqual(100);
    expect(history.owed.length).toBeGreaterThanOrEqual(60);
    expect(history.reviews.length).toBeGreaterThanOrEqual(100);
    // The first drafts belong to different interviewers, so 20 simulated interviewers are 20 people.
    expect(new Set(history.drafts.slice(0, 20).map((d) => d.interviewerEmail)).size).toBe(20);
  });

  test("the load phases' targets are what they claim to be", async () => {
    const history = await generateHistory(db(), { candidates: SIZES["1k"], now });
    const sqlite = db().$client;
    const state = sqlite.prepare(
      `select s.status as card, l.status as loop, i.scheduled_at as at, a.status as review, a.deadline_at as deadline
       from interviews i join loops l on l.id = i.loop_id
       left join scorecards s on s.interview_id = i.id left join assignments a on a.interview_id = i.id where i.id = ?`,
    );
    type Row = { card: string | null; loop: string; at: number; review: string | null; deadline: number | null };
    for (const d of history.drafts) expect(state.get(d.interviewId)).toMatchObject({ card: "draft", loop: "open" });
    for (const o of history.owed) {
      const row = state.get(o.interviewId) as Row;
      expect(row).toMatchObject({ card: null, loop: "open" });
      expect(row.at).toBeLessThan(now.getTime());
    }
    const review = sqlite.prepare("select status, deadline_at as deadline from assignments where id = ? and token_id = ?");
    for (const a of history.reviews) {
      const row = review.get(a.assignmentId, a.tokenId) as { status: string; deadline: number };
      expect(row.status).toBe("started");
      expect(row.deadline - now.getTime()).toBeGreaterThan(2 * 3600_000);
    }
  });

  test("is deterministic: the same seed gives the same history", async () => {
    const first = await generateHistory(db(), { candidates: SIZES["1k"], now });
    const names = db().$client.prepare("select name, email from candidates order by id").all();
    replaceDatabase(openDatabase(":memory:"));
    const second = await generateHistory(db(), { candidates: SIZES["1k"], now });
    expect(second.counts).toEqual(first.counts);
    expect(db().$client.prepare("select name, email from candidates order by id").all()).toEqual(names);
  });
});
