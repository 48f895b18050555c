// The validity page's figures: for hires with an outcome at one checkpoint, how the interview's
// scores (S, each dimension, each interviewer's own S) rank against the manager's rating, and how
// past hires would rank under weights fitted to those outcomes. Statistics in validity-stats.ts;
// what they mean and cannot mean in docs/decisions/012-validity-statistics.md.
import type { OutcomeCheckpoint } from "#db/schema";
import { prepared } from "#app/utils/db.server";
import { CHECKPOINTS } from "./outcome-scale";
import { getLatestRubricVersion, getRubricDetail } from "./rubric.server";
import { createDraft, listRubricVersions, saveDraft } from "./rubric-version.server";
import { rubricDocument } from "./rubric.server";
import type { AuditActor } from "./audit.server";
import { MINIMUM_HIRES, rankCorrelation, weightAdvice, weightedScore, type Correlation } from "./validity-stats";

type OutcomeRow = {
  candidateId: number;
  candidateName: string;
  loopId: number;
  rubricVersionId: number;
  performance: number;
  dimensionRatings: string;
  employment: string;
  score: number | null;
  dimensionScores: string | null;
};

/** Hires with an outcome at this checkpoint, with their loop's raw figures (loop_figures). */
function outcomesWithScores(checkpoint: OutcomeCheckpoint) {
  const rows = prepared(
    `select o.candidate_id as candidateId, c.name as candidateName, o.loop_id as loopId, l.rubric_version_id as rubricVersionId,
       o.performance, o.dimension_ratings as dimensionRatings, o.employment, f.score, f.dimension_scores as dimensionScores
     from hire_outcomes o join candidates c on c.id = o.candidate_id join loops l on l.id = o.loop_id
     left join loop_figures f on f.loop_id = o.loop_id
     where o.checkpoint = ? order by o.candidate_id`,
  ).all(checkpoint) as OutcomeRow[];
  return rows.map((r) => ({
    ...r,
    dimensionRatings: JSON.parse(r.dimensionRatings) as Record<string, number>,
    dimensionScores: (r.dimensionScores ? JSON.parse(r.dimensionScores) : {}) as Record<string, number | null>,
  }));
}

/** Each interviewer's own S for each of these loops: their mean per dimension, weighted by the loop's rubric. */
function interviewerScores(loops: { loopId: number; rubricVersionId: number }[]) {
  const out = new Map<number, Map<number, number>>();
  for (const { loopId, rubricVersionId } of loops) {
    const weights = Object.fromEntries((getRubricDetail(rubricVersionId)?.dimensions ?? []).map((d) => [d.key, d.weight]));
    const groups = prepared(
      "select interviewer_id as interviewerId, dimension_key as dimensionKey, sum, count from panel_rating_groups where loop_id = ?",
    ).all(loopId) as { interviewerId: number; dimensionKey: string; sum: number; count: number }[];
    const byInterviewer = new Map<number, Record<string, number>>();
    for (const g of groups) {
      const scores = byInterviewer.get(g.interviewerId) ?? byInterviewer.set(g.interviewerId, {}).get(g.interviewerId)!;
      scores[g.dimensionKey] = g.sum / g.count;
    }
    for (const [interviewerId, scores] of byInterviewer) {
      const s = weightedScore(scores, weights);
      if (s === null) continue;
      (out.get(interviewerId) ?? out.set(interviewerId, new Map()).get(interviewerId)!).set(loopId, s);
    }
  }
  return out;
}

/** The rubric advice is measured against: the published version of the rubric the latest hires used. */
function currentRubric(rubricVersionIds: number[]) {
  const latest = rubricVersionIds.length ? getRubricDetail(Math.max(...rubricVersionIds)) : null;
  const key = latest?.key ?? listRubricVersions()[0]?.key;
  const published = key ? getLatestRubricVersion(key) : null;
  return published ? getRubricDetail(published.id) : null;
}

export type DimensionValidity = { key: string; name: string; overall: Correlation; sameDimension: Correlation };

export function validityFigures(checkpoint: OutcomeCheckpoint) {
  const rows = outcomesWithScores(checkpoint);
  const rubric = currentRubric(rows.map((r) => r.rubricVersionId));
  const dims = rubric?.dimensions ?? [];
  const s = rankCorrelation(rows.flatMap((r) => (r.score === null ? [] : [{ x: r.score, y: r.performance }])));
  const dimensions: DimensionValidity[] = dims.map((d) => ({
    key: d.key,
    name: d.name,
    overall: rankCorrelation(
      rows.flatMap((r) => (typeof r.dimensionScores[d.key] === "number" ? [{ x: r.dimensionScores[d.key]!, y: r.performance }] : [])),
    ),
    sameDimension: rankCorrelation(
      rows.flatMap((r) =>
        typeof r.dimensionScores[d.key] === "number" && typeof r.dimensionRatings[d.key] === "number"
          ? [{ x: r.dimensionScores[d.key]!, y: r.dimensionRatings[d.key]! }]
          : [],
      ),
    ),
  }));
  const byInterviewer = interviewerScores(rows);
  const names = new Map(
    (prepared("select id, name from users").all() as { id: number; name: string }[]).map((u) => [u.id, u.name] as const),
  );
  const interviewers = [...byInterviewer]
    .map(([id, scores]) => ({
      id,
      name: names.get(id) ?? `Interviewer ${id}`,
      correlation: rankCorrelation(rows.flatMap((r) => (scores.has(r.loopId) ? [{ x: scores.get(r.loopId)!, y: r.performance }] : []))),
    }))
    .sort((a, b) => b.correlation.n - a.correlation.n || a.name.localeCompare(b.name));

  const current = Object.fromEntries(dims.map((d) => [d.key, d.weight]));
  const scored = rows.filter((r) => Object.values(r.dimensionScores).some((v) => typeof v === "number"));
  const advice = rubric
    ? weightAdvice(
        scored.map((r) => ({ scores: r.dimensionScores, outcome: r.performance })),
        current,
      )
    : null;
  const ranking =
    advice?.enough === true
      ? scored
          .map((r, i) => ({
            candidateId: r.candidateId,
            candidateName: r.candidateName,
            outcome: r.performance,
            currentScore: weightedScore(r.dimensionScores, current),
            fittedScore: advice.fitted ? weightedScore(r.dimensionScores, advice.fitted) : null,
            ...advice.ranks[i]!,
          }))
          .sort((a, b) => (a.current ?? Infinity) - (b.current ?? Infinity) || a.candidateName.localeCompare(b.candidateName))
      : [];
  return {
    checkpoint,
    label: CHECKPOINTS[checkpoint].label,
    hires: rows.length,
    leavers: {
      regretted: rows.filter((r) => r.employment === "left_regretted").length,
      nonRegretted: rows.filter((r) => r.employment === "left_non_regretted").length,
    },
    s,
    dimensions,
    interviewers,
    rubric: rubric
      ? { id: rubric.id, key: rubric.key, version: rubric.version, dimensions: dims.map((d) => ({ key: d.key, name: d.name })) }
      : null,
    advice,
    ranking,
    minimums: MINIMUM_HIRES,
  };
}

export type DraftFromAdvice = { ok: true; id: number } | { ok: false; message: string; draftId?: number };

/**
 * Starts a rubric draft with the weights fitted to outcomes at this checkpoint, through the rubric
 * versions' own flow (createDraft, saveDraft: audited, previewed and published as any draft).
 * The advice is computed here again, never taken from the form. Refused when there is too little
 * data or a draft is already open (its edits are never overwritten).
 */
export function startDraftFromAdvice(actor: AuditActor & { id: number }, checkpoint: OutcomeCheckpoint, now: Date): DraftFromAdvice {
  const figures = validityFigures(checkpoint);
  if (!figures.rubric || !figures.advice?.enough)
    return { ok: false, message: `Weight advice needs at least ${MINIMUM_HIRES.weights.n} hires with a ${figures.label.toLowerCase()}.` };
  if (!figures.advice.fitted)
    return {
      ok: false,
      message: "No dimension predicts the outcome on these hires, so there are no fitted weights to start a draft from.",
    };
  const open = listRubricVersions().find((v) => v.key === figures.rubric!.key && v.status === "draft");
  if (open)
    return {
      ok: false,
      draftId: open.id,
      message: `Draft v${open.version} is already open. Finish or discard it first: the advice never overwrites a draft's edits.`,
    };
  const created = createDraft(actor, figures.rubric.key, now);
  if (!created.ok) return created;
  const document = rubricDocument(created.id)!;
  const fitted = figures.advice.fitted;
  const saved = saveDraft(
    actor,
    created.id,
    { ...document, dimensions: document.dimensions.map((d) => ({ ...d, weight: fitted[d.key] ?? d.weight })) },
    now,
  );
  return saved.ok ? { ok: true, id: created.id } : saved;
}
