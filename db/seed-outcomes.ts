// The demo's post-hire outcomes. A dozen earlier hires (from thirteen to twenty-two months ago, all
// hired, applying before the fairness monitor's last year so its picture stays as it was) join the
// history so the validity page has enough people to show figures for S and every dimension, while
// each interviewer's own figure and the per-dimension ratings in the job stay below the minimum
// and show the honest small-n state. One history hire's 90-day outcome is left due, so "Outcomes
// due" has a row. Outcomes are recorded through the model, as a manager would, so they are audited.
import { eq } from "drizzle-orm";
import { checkpointDates, listHires, recordOutcome } from "#app/models/outcome.server";
import { db } from "#app/utils/db.server";
import * as schema from "./schema";
import { pastCandidates } from "./seed-history";
import type { SeedCandidate } from "./seed-types";

const EARLIER_HIRES = [
  "Maya Okafor",
  "Lars Nilsson",
  "Sofia Marino",
  "Ibrahim Diallo",
  "Anna Kowalczyk",
  "Tomás Oliveira",
  "Mei Tanaka",
  "Oskar Lindqvist",
  "Amaka Nwachukwu",
  "Jakub Novák",
  "Elif Şahin",
  "Hugo Lefèvre",
];

/** The history hire whose 90-day outcome the demo leaves due. */
export const OUTCOME_LEFT_DUE = "Daniel Kim";

export function earlierHires(): SeedCandidate[] {
  return pastCandidates(EARLIER_HIRES, { seed: 20261208, daysAgo: (n) => 380 + n * 25, strength: (r) => 2.95 + r * 0.85 });
}

/** A small deterministic generator, so outcomes are the same on every seed. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const level = (x: number) => Math.min(4, Math.max(1, Math.round(x)));
const day = (d: Date) => d.toISOString().slice(0, 10);

export function seedOutcomes(now: Date) {
  const random = generator(90365);
  const hires = listHires().sort((a, b) => a.hiredAt.getTime() - b.hiredAt.getTime());
  hires.forEach((hire, i) => {
    if (hire.candidateName === OUTCOME_LEFT_DUE) return;
    const figures = db().select().from(schema.loopFigures).where(eq(schema.loopFigures.loopId, hire.loopId)).get();
    if (!figures?.score) return;
    const manager = db().select().from(schema.users).where(eq(schema.users.id, hire.manager.id)).get()!;
    // The job tracks the loop, loosely: S moves the rating, a manager's judgement adds noise.
    const performance = level(3 + (figures.score - 3.2) * 2.2 + (random() - 0.5) * 1.6);
    for (const checkpoint of ["day_90", "year_1"] as const) {
      const { due } = checkpointDates(hire.hiredAt, checkpoint);
      if (due > now) continue;
      // A few managers rate the dimensions they have seen most of.
      const dimensions =
        i % 3 === 0
          ? Object.fromEntries(
              ["software_engineering", "mlops_operations", "leadership"].map((key) => [
                key,
                level((figures.dimensionScores[key] ?? 3) + (random() - 0.5) * 1.4),
              ]),
            )
          : {};
      const employment = checkpoint === "year_1" && i === 1 ? "left_non_regretted" : "employed";
      const result = recordOutcome(
        manager,
        hire.candidateId,
        {
          checkpoint,
          performance: checkpoint === "year_1" ? level(performance + (random() - 0.5) * 1.2) : performance,
          dimensions,
          employment,
          reviewedOn: day(new Date(due.getTime() + Math.floor(random() * 6) * 24 * 3600_000)),
          note: "",
        },
        new Date(Math.min(now.getTime(), due.getTime() + 7 * 24 * 3600_000)),
      );
      if (!result.ok)
        throw new Error(
          `seed-outcomes: ${hire.candidateName}: ${[...result.formErrors, ...Object.values(result.fieldErrors).flat()].join(" ")}`,
        );
    }
  });
}
