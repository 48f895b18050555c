import { and, eq, ne, sql } from "drizzle-orm";
import { interviews, scorecards } from "#db/schema";
import { db } from "#app/utils/db.server";
import { getLeniencyTable } from "./calibration.server";
import { computeRecommendation, type Level, type OverallRecommendation } from "./recommendation";
import { getRubricDetail } from "./rubric.server";
import { listSubmittedScorecards } from "./scorecard.server";

/** The weighted recommendation of one loop, raw and calibrated, with what it was built from. */
export function getLoopRecommendation(loop: { id: number; rubricVersionId: number }, now: Date) {
  const rubric = getRubricDetail(loop.rubricVersionId);
  if (!rubric) return null;
  const cards = listSubmittedScorecards({ loopId: loop.id });
  const counts = db()
    .select({
      scheduled: sql<number>`count(*)`,
      submitted: sql<number>`coalesce(sum(case when ${scorecards.status} = 'submitted' then 1 else 0 end), 0)`,
      upcoming: sql<number>`coalesce(sum(case when (${scorecards.status} is null or ${scorecards.status} != 'submitted')
        and ${interviews.scheduledAt} + ${interviews.durationMinutes} * 60000 > ${now.getTime()} then 1 else 0 end), 0)`,
    })
    .from(interviews)
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(and(eq(interviews.loopId, loop.id), ne(interviews.status, "cancelled")))
    .get();
  const table = getLeniencyTable();
  const leniency = Object.fromEntries(
    cards.map((c) => [c.interviewerId, table.get(c.interviewerId) ?? { leniency: 0, pairs: 0, candidates: 0 }]),
  );
  const signalText = new Map(rubric.signals.map((s) => [s.key, s]));
  const result = computeRecommendation({
    rubric: { dimensions: rubric.dimensions, bands: rubric.bands },
    scorecards: cards.map((c) => ({
      interviewerId: c.interviewerId,
      recommendation: c.recommendation as OverallRecommendation | null,
      ratings: Object.fromEntries(c.ratings.map((r) => [r.dimensionKey, r.level as Level | null])),
      redFlags: c.signals
        .filter((s) => signalText.get(s.signalKey)?.kind === "red_flag")
        .map((s) => ({ key: s.signalKey, text: signalText.get(s.signalKey)!.text, note: s.note })),
    })),
    scheduledInterviews: counts?.scheduled ?? 0,
    submittedInterviews: counts?.submitted ?? 0,
    upcomingInterviews: counts?.upcoming ?? 0,
    leniency: Object.fromEntries(Object.entries(leniency).map(([id, l]) => [id, l.leniency])),
  });
  return {
    ...result,
    rubric: { key: rubric.key, version: rubric.version, title: rubric.title, bands: rubric.bands },
    panel: cards.map((c) => ({
      interviewerId: c.interviewerId,
      interviewerName: c.interviewerName,
      stage: c.stage,
      recommendation: c.recommendation,
      leniency: leniency[c.interviewerId]?.leniency ?? 0,
      pairs: leniency[c.interviewerId]?.pairs ?? 0,
      candidates: leniency[c.interviewerId]?.candidates ?? 0,
    })),
  };
}

export type LoopRecommendation = NonNullable<ReturnType<typeof getLoopRecommendation>>;
