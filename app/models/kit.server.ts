// Reading interview kits for the pages that serve them: one kit version by id, and every exercise
// with the loops that use each version.
import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { candidates, exercises, interviews, loops, positions } from "#db/schema";
import { db } from "#app/utils/db.server";
import type { KitContent } from "./exercise.server";
import { getLatestRubricVersion, getStages } from "./rubric.server";

// What a kit is listed and shown by; its content is read only where a kit is opened.
const KIT_COLUMNS = {
  id: exercises.id,
  slug: exercises.slug,
  kind: exercises.kind,
  stage: exercises.stage,
  title: exercises.title,
  summary: exercises.summary,
  durationMinutes: exercises.durationMinutes,
  version: exercises.version,
  active: exercises.active,
};

/** One exercise version with its kit content (null for code reviews and kits loaded before content was kept). */
export function getKit(exerciseId: number) {
  const row = db()
    .select({ ...KIT_COLUMNS, content: exercises.content })
    .from(exercises)
    .where(eq(exercises.id, exerciseId))
    .get();
  if (!row) return null;
  return { ...row, content: (row.content as KitContent | null) ?? null };
}

export type Kit = NonNullable<ReturnType<typeof getKit>>;

/** The newest version of the same kit, when this one has been replaced. */
export function newerVersionOf(kit: { slug: string; version: number }) {
  return (
    db()
      .select({ id: exercises.id, version: exercises.version })
      .from(exercises)
      .where(and(eq(exercises.slug, kit.slug), eq(exercises.active, true), ne(exercises.version, kit.version)))
      .get() ?? null
  );
}

/**
 * Every exercise version, newest first within a kit, with how many interviews use it and the
 * loops they belong to (candidate, position, loop status), for the Exercises page.
 */
export function listExercisesWithUsage() {
  const versions = db()
    .select(KIT_COLUMNS)
    .from(exercises)
    .orderBy(asc(exercises.stage), asc(exercises.slug), desc(exercises.version))
    .all();
  const uses = db()
    .select({
      exerciseId: interviews.exerciseId,
      loopId: loops.id,
      loopStatus: loops.status,
      candidateId: candidates.id,
      candidateName: candidates.name,
      positionTitle: positions.title,
      scheduledAt: interviews.scheduledAt,
    })
    .from(interviews)
    .innerJoin(loops, eq(loops.id, interviews.loopId))
    .innerJoin(candidates, eq(candidates.id, loops.candidateId))
    .innerJoin(positions, eq(positions.id, candidates.positionId))
    .where(and(ne(interviews.status, "cancelled"), sql`${interviews.exerciseId} is not null`))
    .orderBy(desc(interviews.scheduledAt))
    .all();
  return versions.map((v) => {
    const loopsUsing = uses.filter((u) => u.exerciseId === v.id);
    return { ...v, loops: loopsUsing, openLoops: loopsUsing.filter((u) => u.loopStatus === "open").length };
  });
}

/** Minutes the newest rubric version plans per stage, to show where a kit's length disagrees. */
export function plannedStageMinutes() {
  const newest = getLatestRubricVersion("lead-ml-engineer");
  if (!newest) return null;
  return {
    rubric: `${newest.title} v${newest.version}`,
    minutes: Object.fromEntries(getStages(newest.id).map((s) => [s.key, s.minutes])) as Partial<Record<string, number>>,
  };
}
