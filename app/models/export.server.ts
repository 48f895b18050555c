// Exports of scorecards (one row per rating) and results (one row per candidate), with stable
// column names, limited to what the person asking may see.
import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import { db } from "#app/utils/db.server";
import type { Role } from "#db/schema";
import { getRubricDetail } from "./rubric.server";
import { getComparison } from "./pipeline.server";

export const SCORECARD_COLUMNS = [
  "candidate_id",
  "candidate_name",
  "position",
  "loop_id",
  "interview_id",
  "stage",
  "interviewer",
  "interviewer_email",
  "rubric_version",
  "dimension",
  "level",
  "level_label",
  "not_assessed",
  "evidence",
  "recommendation",
  "submitted_at",
] as const;

type Viewer = { id: number; role: Role };

/**
 * Loops whose panel data an interviewer may export: the same rule as the debrief. They sat on
 * the loop (submitted their own scorecard) and every scheduled scorecard is in.
 */
const unlockedLoopsFor = (interviewerId: number) => sql`(
  select i2.loop_id from interviews i2 join scorecards s2 on s2.interview_id = i2.id
  where s2.interviewer_id = ${interviewerId} and s2.status = 'submitted' and i2.status != 'cancelled'
    and not exists (
      select 1 from interviews i3 left join scorecards s3 on s3.interview_id = i3.id
      where i3.loop_id = i2.loop_id and i3.status != 'cancelled' and (s3.id is null or s3.status != 'submitted')))`;

/** All rows for the hiring team; for an interviewer, their own scorecards plus unlocked loops. */
function visibleLoops(viewer: Viewer) {
  if (viewer.role !== "interviewer") return sql`1 = 1`;
  return sql`(s.interviewer_id = ${viewer.id} or i.loop_id in ${unlockedLoopsFor(viewer.id)})`;
}

export function exportScorecards(viewer: Viewer, filter: { positionId?: number }) {
  const rows = db().all<Record<string, unknown>>(sql`
    select c.id as candidate_id, c.name as candidate_name, p.title as position, i.loop_id as loop_id, i.id as interview_id,
      i.stage as stage, u.name as interviewer, u.email as interviewer_email, rv.version as rubric_version,
      r.dimension_key as dimension, r.level as level, rl.label as level_label, r.not_assessed as not_assessed,
      r.evidence as evidence, s.recommendation as recommendation, s.submitted_at as submitted_at
    from ratings r
    join scorecards s on s.id = r.scorecard_id and s.status = 'submitted'
    join interviews i on i.id = s.interview_id and i.status != 'cancelled'
    join loops l on l.id = i.loop_id
    join candidates c on c.id = l.candidate_id and c.erased_at is null
    join positions p on p.id = c.position_id
    join users u on u.id = s.interviewer_id
    join rubric_versions rv on rv.id = s.rubric_version_id
    left join rubric_dimensions rd on rd.rubric_version_id = s.rubric_version_id and rd.key = r.dimension_key
    left join rubric_levels rl on rl.dimension_id = rd.id and rl.level = r.level
    where ${visibleLoops(viewer)} ${filter.positionId ? sql`and c.position_id = ${filter.positionId}` : sql``}
    order by c.id, i.scheduled_at, r.dimension_key`);
  return rows.map((r) => ({
    ...r,
    not_assessed: Boolean(r.not_assessed),
    submitted_at: r.submitted_at ? new Date(r.submitted_at as number).toISOString() : null,
  }));
}

export function exportResults(viewer: Viewer, filter: { positionId?: number }) {
  const positions = db().all<{ id: number; title: string }>(
    sql`select id, title from positions ${filter.positionId ? sql`where id = ${filter.positionId}` : sql``} order by id`,
  );
  const allowed =
    viewer.role === "interviewer"
      ? new Set(
          db()
            .all<{ loopId: number }>(
              sql`select distinct i.loop_id as loopId from interviews i join scorecards s on s.interview_id = i.id
              where s.interviewer_id = ${viewer.id} and s.status = 'submitted' and i.status != 'cancelled'`,
            )
            .map((r) => r.loopId),
        )
      : null;
  return positions.flatMap((p) =>
    getComparison(p.id)
      .filter((c) => !allowed || allowed.has(c.loopId))
      .map((c) => {
        const rubric = getRubricDetail(c.rubricVersionId)!;
        return {
          candidate_id: c.candidateId,
          candidate_name: c.candidateName,
          position: p.title,
          loop_id: c.loopId,
          loop_status: c.loopStatus,
          rubric_version: c.rubricVersion,
          score: c.score === null ? null : Number(c.score.toFixed(2)),
          band: c.band?.label ?? null,
          coverage: Number(c.coverage.toFixed(2)),
          gates: c.gates.join(";"),
          interviews: c.scheduled,
          submitted: c.submitted,
          decision: c.decision,
          ...Object.fromEntries(
            rubric.dimensions.map((d) => [
              `score_${d.key}`,
              c.dimensionScores[d.key] === null ? null : Number(c.dimensionScores[d.key]!.toFixed(2)),
            ]),
          ),
        };
      }),
  );
}

export function toCsv(rows: Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  return stringify(rows, { header: true, columns: cols as string[], cast: { boolean: (b) => (b ? "true" : "false") } });
}
