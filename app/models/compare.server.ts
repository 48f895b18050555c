// Candidates side by side: compare, the pipeline's figures and the results export. The raw figures
// (S, band, coverage, gates, dimension scores) are kept per loop as scorecards are submitted
// (loop_figures, aggregates.server.ts), so a position's thousands of candidates are one row each;
// the calibrated S, which moves with every interviewer's leniency, is computed for the rows shown.
// Both come from recommendationFromPanel, as on the candidate page, with the same leniency table.
import { sql } from "drizzle-orm";
import { db } from "#app/utils/db.server";
import { cachedByAggregates } from "./aggregates.server";
import { getLeniencyTable } from "./calibration.server";
import { loopFiguresFromTables } from "./loop-figures.server";
import { panelIn } from "./panel-in";
import type { Gate } from "./recommendation";
import { getRubricDetail } from "./rubric.server";

type CompareSource = {
  loopId: number;
  rubricVersionId: number;
  candidateId: number;
  candidateName: string;
  loopStatus: string;
  scheduled: number;
  submitted: number;
  decision: string | null;
  score: number | null;
  bandKey: string | null;
  coverage: number | null;
  gates: string | null;
  dimensionScores: string | null;
};

/** Candidates for one position (their latest loop each), with their raw figures. */
export function compareCandidates(positionId: number) {
  const rows = db().all<CompareSource>(sql`
    select l.id as loopId, l.rubric_version_id as rubricVersionId, c.id as candidateId, c.name as candidateName, l.status as loopStatus,
      coalesce(t.scheduled, 0) as scheduled, coalesce(t.submitted, 0) as submitted, d.decision as decision,
      f.score as score, f.band_key as bandKey, f.coverage as coverage, f.gates as gates, f.dimension_scores as dimensionScores
    from loops l join candidates c on c.id = l.candidate_id and c.erased_at is null
    left join loop_tallies t on t.loop_id = l.id
    left join loop_figures f on f.loop_id = l.id
    left join decisions d on d.loop_id = l.id
    where l.id in (select max(l2.id) from loops l2 join candidates c2 on c2.id = l2.candidate_id
                   where c2.position_id = ${positionId} and c2.erased_at is null group by l2.candidate_id)`);
  return rows.map((r) => {
    const rubric = getRubricDetail(r.rubricVersionId)!;
    const band = rubric.bands.find((b) => b.key === r.bandKey);
    return {
      loopId: r.loopId,
      rubricVersionId: r.rubricVersionId,
      rubricVersion: rubric.version,
      candidateId: r.candidateId,
      candidateName: r.candidateName,
      loopStatus: r.loopStatus,
      scheduled: r.scheduled,
      submitted: r.submitted,
      decision: r.decision,
      score: r.score,
      band: band ? { key: band.key, label: band.label } : null,
      panelIn: panelIn(r.scheduled, r.submitted),
      coverage: r.coverage ?? 0,
      gates: (r.gates ? r.gates.split(",") : []) as Gate["kind"][],
      dimensionScores: (r.dimensionScores ? JSON.parse(r.dimensionScores) : {}) as Record<string, number | null>,
    };
  });
}

export type CompareRow = ReturnType<typeof compareCandidates>[number];

/** compareCandidates, kept until the aggregates change (a submit, a cancellation, a decision). */
export function getComparison(positionId: number): CompareRow[] {
  return cachedByAggregates(`compare:${positionId}`, () => compareCandidates(positionId));
}

/** The calibrated S and band of these loops, with the raw figures they go beside. */
export function loopFigures(loopIds: number[]) {
  const leniency = Object.fromEntries([...getLeniencyTable()].map(([id, l]) => [id, l.leniency]));
  const out = new Map<number, ReturnType<typeof pick>>();
  for (const id of loopIds) {
    const f = loopFiguresFromTables(id, leniency);
    if (f) out.set(id, pick(f));
  }
  return out;
}

function pick(f: NonNullable<ReturnType<typeof loopFiguresFromTables>>) {
  return {
    score: f.score,
    band: f.band,
    calibratedScore: f.calibratedScore,
    calibratedBand: f.calibratedBand,
    coverage: f.coverage,
    gates: f.gates.map((g) => g.kind),
    panelIn: f.panelIn,
  };
}

/** Rows with their calibrated S and band beside the raw ones: for the rows shown or exported. */
export function withCalibrated<T extends { loopId: number }>(rows: T[]) {
  const figures = loopFigures(rows.map((r) => r.loopId));
  return rows.map((r) => ({
    ...r,
    calibratedScore: figures.get(r.loopId)?.calibratedScore ?? null,
    calibratedBand: figures.get(r.loopId)?.calibratedBand ?? null,
  }));
}
