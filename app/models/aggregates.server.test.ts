// The maintained aggregates equal a full recomputation after any sequence of submits, amends,
// draft saves, cancellations and restorations, and agree with the pure modules.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { candidates, DECISIONS } from "#db/schema";
import { db, openDatabase, replaceDatabase } from "#app/utils/db.server";
import { makeOrganisation, makeUser } from "#tests/factories";
import { aggregatesVersion, rebuildAggregates, refreshLoopAggregates } from "./aggregates.server";
import { computeCalibration, getLeniencyTable } from "./calibration.server";
import { computeLeniency } from "./leniency";
import { scheduleLoop } from "./loop.server";
import { updateInterview } from "./interview.server";
import { saveScorecard } from "./scorecard.server";
import type { ScorecardValue } from "./scorecard-schema";

const DIMENSIONS = ["ml_system_design", "software_engineering", "mlops_operations", "data_quality", "evaluation"];
const TABLES = [
  "panel_rating_groups",
  "loop_tallies",
  "rating_voices",
  "agreement_units",
  "leniency_by_candidate",
  "interviewer_leniency",
  "interviewer_level_counts",
  "interviewer_submissions",
];
const HOUR = 3600_000;

/** Every aggregate row, in a stable order, with floats rounded past their summation noise. */
function snapshot() {
  return Object.fromEntries(
    TABLES.map((t) => [
      t,
      db()
        .all<Record<string, number | string>>(sql.raw(`select * from ${t}`))
        .map((row) => JSON.stringify(Object.values(row).map((v) => (typeof v === "number" ? Math.round(v * 1e9) / 1e9 : v))))
        .sort(),
    ]),
  );
}

async function fixture() {
  replaceDatabase(openDatabase(":memory:"));
  const { rubricVersionId, position } = makeOrganisation();
  const hm = await makeUser("hiring_manager");
  const panel: { id: number }[] = [];
  for (let i = 0; i < 4; i++) panel.push(await makeUser("interviewer"));
  const now = new Date();
  const interviews: { id: number; interviewerId: number }[] = [];
  for (let c = 0; c < 3; c++) {
    const candidate = db()
      .insert(candidates)
      .values({ name: `Candidate ${c}`, email: `c${c}@example.com`, positionId: position.id, source: "referral", createdById: hm.id })
      .returning()
      .get();
    const loop = scheduleLoop(hm, {
      candidateId: candidate.id,
      rubricVersionId,
      now,
      interviews: (["system_design", "debugging", "code_review"] as const).map((stage, i) => ({
        stage,
        // The same interviewer sits two stages of the first loop: one voice, two scorecards.
        interviewerId: panel[c === 0 && i === 2 ? 0 : (c + i) % 4]!.id,
        scheduledAt: new Date(now.getTime() - (10 - i) * 24 * HOUR),
        durationMinutes: 60,
        exerciseId: null,
      })),
    });
    interviews.push(
      ...db().all<{ id: number; interviewerId: number }>(
        sql`select id, interviewer_id as interviewerId from interviews where loop_id = ${loop.id} order by id`,
      ),
    );
  }
  return { hm, interviews };
}

const level = fc.constantFrom("1", "2", "3", "4", "na", undefined);
const operation = fc.oneof(
  fc.record({
    kind: fc.constantFrom("submit" as const, "draft" as const),
    interview: fc.nat({ max: 8 }),
    ratings: fc.tuple(...DIMENSIONS.map(() => level)),
    recommendation: fc.constantFrom("strong_no" as const, "no" as const, "yes" as const, "strong_yes" as const),
  }),
  fc.record({ kind: fc.constantFrom("cancel" as const, "restore" as const), interview: fc.nat({ max: 8 }) }),
  fc.record({ kind: fc.constant("decide" as const), interview: fc.nat({ max: 8 }), decision: fc.constantFrom(...DECISIONS) }),
);

describe("maintained aggregates", () => {
  it("equal a full rebuild, and the pure leniency, after any sequence of writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { hm, interviews } = await fixture();
        const start = Date.now();
        for (const [step, op] of ops.entries()) {
          const interview = interviews[op.interview]!;
          // Submits an hour apart, so interviewers' times to submit differ.
          const now = new Date(start + step * HOUR);
          if (op.kind === "decide") {
            // What recordDecision writes (its preconditions are decision.server.test's business).
            const loopId = db().all<{ loopId: number }>(sql`select loop_id as loopId from interviews where id = ${interview.id}`)[0]!
              .loopId;
            db().transaction(() => {
              db().run(sql`insert or ignore into decisions (loop_id, decision, rationale, decided_by_id, decided_at)
                values (${loopId}, ${op.decision}, 'rationale', ${hm.id}, ${now.getTime()})`);
              refreshLoopAggregates(loopId);
            });
            continue;
          }
          if (!("ratings" in op)) {
            const row = db().all<{ scheduledAt: number; durationMinutes: number }>(
              sql`select scheduled_at as scheduledAt, duration_minutes as durationMinutes from interviews where id = ${interview.id}`,
            )[0]!;
            updateInterview(
              hm,
              interview.id,
              {
                interviewerId: interview.interviewerId,
                scheduledAt: new Date(row.scheduledAt),
                durationMinutes: row.durationMinutes,
                exerciseId: null,
                status: op.kind === "cancel" ? "cancelled" : "scheduled",
              },
              now,
            );
            continue;
          }
          const rating = Object.fromEntries(DIMENSIONS.flatMap((d, i) => (op.ratings[i] ? [[d, op.ratings[i]]] : [])));
          const value = { rating, evidence: {}, signals: [], note: {}, takeaways: "", recommendation: op.recommendation } as ScorecardValue;
          const versionBefore = aggregatesVersion();
          const result = saveScorecard(
            { id: interview.interviewerId, name: "x" },
            {
              interviewId: interview.id,
              interviewerId: interview.interviewerId,
              rubricVersionId: 1,
              value,
              submit: op.kind === "submit",
              amend: true,
              now,
            },
          );
          // A draft never touches what the views read, so their caches survive it.
          if (op.kind === "draft" && result.ok) expect(aggregatesVersion()).toBe(versionBefore);
        }
        const maintained = snapshot();
        const leniency = getLeniencyTable();
        rebuildAggregates();
        expect(snapshot()).toEqual(maintained);

        const ratings = db().all<{ interviewerId: number; candidateId: number; dimensionKey: string; level: number }>(sql`
          select s.interviewer_id as interviewerId, l.candidate_id as candidateId, r.dimension_key as dimensionKey, r.level as level
          from ratings r join scorecards s on s.id = r.scorecard_id and s.status = 'submitted'
          join interviews i on i.id = s.interview_id and i.status != 'cancelled' join loops l on l.id = i.loop_id
          where r.level is not null`);
        // Calibration's other columns, from the source tables.
        const cards = db().all<{ interviewerId: number; hours: number; decision: string | null; recommendation: string }>(sql`
          select s.interviewer_id as interviewerId, d.decision as decision, s.recommendation as recommendation,
            (s.submitted_at - (i.scheduled_at + i.duration_minutes * 60000)) / 3600000.0 as hours
          from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
          left join decisions d on d.loop_id = i.loop_id
          where s.status = 'submitted'`);
        const people = computeCalibration().people;
        expect(people.map((p) => p.id).sort()).toEqual([...new Set(cards.map((c) => c.interviewerId))].sort());
        for (const p of people) {
          const mine = cards.filter((c) => c.interviewerId === p.id);
          const hours = mine.map((c) => c.hours).sort((a, b) => a - b);
          const middle = (hours[Math.floor((hours.length - 1) / 2)]! + hours[Math.floor(hours.length / 2)]!) / 2;
          const decided = mine.filter((c) => c.decision === "hire" || c.decision === "no_hire");
          const matched = decided.filter((c) => (c.decision === "hire") === ["yes", "strong_yes"].includes(c.recommendation));
          expect(p).toMatchObject({ scorecards: mine.length, matched: matched.length, decided: decided.length });
          expect(p.medianHoursToSubmit).toBeCloseTo(middle, 9);
        }

        const pure = computeLeniency(ratings);
        for (const [id, l] of pure) {
          const kept = leniency.get(id) ?? { pairs: 0, candidates: 0, leniency: 0 };
          expect(kept.pairs).toBe(l.pairs);
          expect(kept.candidates).toBe(l.candidates);
          expect(kept.leniency).toBeCloseTo(l.leniency, 9);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
