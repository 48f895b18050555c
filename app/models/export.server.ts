// Exports of scorecards (one row per rating) and results (one row per candidate), with stable
// column names, limited to what the person asking may see.
import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import { db } from "#app/utils/db.server";
import type { Role } from "#db/schema";
import { getRubricDetail } from "./rubric.server";
import { canSeePanel, panelVisibleWhere } from "./panel-visibility.server";
import { getComparison, withCalibrated } from "./compare.server";
import { roundHalfUp, shownScore } from "./numbers";
import { bandStatus } from "./panel-in";

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

// Candidates per query when streaming the scorecards export: tens of thousands of ratings at a
// real company's size are written out in batches, never held in memory at once.
const EXPORT_BATCH = 200;

/**
 * The scorecards export, one batch of rows at a time (each batch: every rating of up to 200
 * candidates), so a file of any size streams with bounded memory.
 */
export function* exportScorecards(viewer: Viewer, filter: { positionId?: number }): Generator<Record<string, unknown>[]> {
  const position = filter.positionId ? sql`and c.position_id = ${filter.positionId}` : sql``;
  const candidateIds = db()
    .all<{ id: number }>(
      sql`select distinct c.id from candidates c join loops l on l.candidate_id = c.id
        where c.erased_at is null ${position} and ${panelVisibleWhere(viewer, sql`l.id`)} order by c.id`,
    )
    .map((r) => r.id);
  for (let i = 0; i < candidateIds.length; i += EXPORT_BATCH) {
    const batch = candidateIds.slice(i, i + EXPORT_BATCH);
    const rows = db().all<Record<string, unknown>>(sql`
    select c.id as candidate_id, c.name as candidate_name, p.title as position, i.loop_id as loop_id, i.id as interview_id,
      i.stage as stage, u.name as interviewer, u.email as interviewer_email, rv.version as rubric_version,
      r.dimension_key as dimension, r.level as level, rl.label as level_label, r.not_assessed as not_assessed,
      r.evidence as evidence, s.recommendation as recommendation, s.submitted_at as submitted_at
    from candidates c
    join loops l on l.candidate_id = c.id
    join interviews i on i.loop_id = l.id and i.status != 'cancelled'
    join scorecards s on s.interview_id = i.id and s.status = 'submitted'
    join ratings r on r.scorecard_id = s.id
    join positions p on p.id = c.position_id
    join users u on u.id = s.interviewer_id
    join rubric_versions rv on rv.id = s.rubric_version_id
    left join rubric_dimensions rd on rd.rubric_version_id = s.rubric_version_id and rd.key = r.dimension_key
    left join rubric_levels rl on rl.dimension_id = rd.id and rl.level = r.level
    where c.id in (${sql.join(
      batch.map((id) => sql`${id}`),
      sql`, `,
    )}) and ${panelVisibleWhere(viewer, sql`i.loop_id`)}
    order by c.id, i.scheduled_at, r.dimension_key`);
    yield rows.map((r) => ({
      ...r,
      not_assessed: Boolean(r.not_assessed),
      submitted_at: r.submitted_at ? new Date(r.submitted_at as number).toISOString() : null,
    }));
  }
}

export function exportResults(viewer: Viewer, filter: { positionId?: number }) {
  const positions = db().all<{ id: number; title: string }>(
    sql`select id, title from positions ${filter.positionId ? sql`where id = ${filter.positionId}` : sql``} order by id`,
  );
  return positions.flatMap((p) =>
    withCalibrated(getComparison(p.id).filter((c) => canSeePanel(viewer, c.loopId))).map((c) => {
      const rubric = getRubricDetail(c.rubricVersionId)!;
      return {
        candidate_id: c.candidateId,
        candidate_name: c.candidateName,
        position: p.title,
        loop_id: c.loopId,
        loop_status: c.loopStatus,
        rubric_version: c.rubricVersion,
        // Figures as the pages show them (numbers.ts), so an export never disagrees with a screen.
        score: shownScore(c.score),
        band: c.band?.label ?? null,
        calibrated_score: shownScore(c.calibratedScore),
        calibrated_band: c.calibratedBand?.label ?? null,
        // "provisional" until every expected scorecard is in (panel-in.ts), as the pages say.
        band_status: bandStatus(c.band, c.panelIn),
        coverage: roundHalfUp(c.coverage, 2),
        gates: c.gates.join(";"),
        interviews: c.scheduled,
        submitted: c.submitted,
        decision: c.decision,
        ...Object.fromEntries(rubric.dimensions.map((d) => [`score_${d.key}`, shownScore(c.dimensionScores[d.key] ?? null)])),
      };
    }),
  );
}

// A cell a spreadsheet would read as a formula (OWASP "CSV injection"): =, +, -, @, tab or CR
// first. Prefixed with an apostrophe, the spreadsheet shows the text as typed instead of running it.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text cells are neutralised against formula injection; numbers (including negatives) stay numbers. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(rows: Record<string, unknown>[], columns: readonly string[], { header = true } = {}): string {
  return stringify(rows, {
    header,
    columns: columns as string[],
    cast: { boolean: (b) => (b ? "true" : "false"), string: neutraliseCell },
  });
}

/**
 * An export as a stream of bytes, batch by batch: CSV (a header, then rows) or JSON (the same
 * rows in a "rows" array, one per line).
 */
export function exportStream(
  batches: Iterable<Record<string, unknown>[]>,
  format: "csv" | "json",
  { columns, meta }: { columns: readonly string[]; meta: Record<string, unknown> },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.iterator]();
  let started = false;
  let rowsWritten = 0;
  return new ReadableStream({
    pull(controller) {
      let text = "";
      if (!started) {
        started = true;
        text += format === "csv" ? toCsv([], columns) : `${JSON.stringify(meta).slice(0, -1)},"rows":[`;
      }
      const next = iterator.next();
      if (next.done) {
        controller.enqueue(encoder.encode(format === "json" ? `${text}\n]}\n` : text));
        controller.close();
        return;
      }
      if (format === "csv") text += toCsv(next.value, columns, { header: false });
      else for (const row of next.value) text += `${rowsWritten++ ? "," : ""}\n${JSON.stringify(row)}`;
      controller.enqueue(encoder.encode(text));
    },
  });
}
