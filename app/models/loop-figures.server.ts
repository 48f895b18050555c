// One loop's recommendation from the maintained tables (rating groups, tallies) with the loop's
// own rubric: what compare, the pipeline and the results export show, computed by the same
// recommendationFromPanel as the candidate page. `leniency` adds the calibrated view.
import { prepared } from "#app/utils/db.server";
import { recommendationFromPanel, type OverallRecommendation, type RatingGroup, type RedFlag } from "./recommendation";
import { getRubricDetail } from "./rubric.server";

type Tallies = { rubricVersionId: number; scheduled: number; submitted: number; yes: number; no: number; redFlags: number };

export function loopFiguresFromTables(loopId: number, leniency?: Record<number, number>) {
  const t = prepared(
    `select l.rubric_version_id as rubricVersionId, coalesce(t.scheduled, 0) as scheduled, coalesce(t.submitted, 0) as submitted,
       coalesce(t.yes, 0) as yes, coalesce(t.no, 0) as no, coalesce(t.red_flags, 0) as redFlags
     from loops l left join loop_tallies t on t.loop_id = l.id where l.id = ?`,
  ).get(loopId) as Tallies | undefined;
  if (!t) return null;
  const rubric = getRubricDetail(t.rubricVersionId);
  if (!rubric) return null;
  const groups = prepared(
    `select interviewer_id as interviewerId, dimension_key as dimensionKey, sum, count, min, max from panel_rating_groups where loop_id = ?`,
  ).all(loopId) as RatingGroup[];
  return recommendationFromPanel({
    rubric,
    groups,
    // Only the yes/no split matters to the gate, so counts stand in for the individual answers.
    recommendations: [...Array<OverallRecommendation>(t.yes).fill("yes"), ...Array<OverallRecommendation>(t.no).fill("no")],
    redFlags: t.redFlags > 0 ? redFlagsOf(loopId) : [],
    scheduledInterviews: t.scheduled,
    submittedInterviews: t.submitted,
    leniency,
    skipSpread: true,
  });
}

function redFlagsOf(loopId: number): RedFlag[] {
  return prepared(
    `select s.interviewer_id as interviewerId, ss.signal_key as key, rs.text as text, ss.note as note
     from interviews i join loops l on l.id = i.loop_id
     join scorecards s on s.interview_id = i.id and s.status = 'submitted'
     join scorecard_signals ss on ss.scorecard_id = s.id
     join rubric_signals rs on rs.rubric_version_id = l.rubric_version_id and rs.key = ss.signal_key and rs.kind = 'red_flag'
     where i.loop_id = ? and i.status != 'cancelled'`,
  ).all(loopId) as RedFlag[];
}
