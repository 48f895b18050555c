// The impact of publishing a draft: every candidate with submitted scorecards, their S and band as
// shown today and under the draft, computed by the same recommendationFromPanel from the same
// maintained rating groups (compare.server.ts), so the preview can't disagree with the pages.
import { sql } from "drizzle-orm";
import { cachedByAggregates } from "./aggregates.server";
import { figuresOf, loopPanels } from "./loop-panels.server";
import type { Gate } from "./recommendation";
import { rubricChanges } from "./rubric-changes";
import { getLatestRubricVersion, getRubricDetail, type RubricDetail } from "./rubric.server";
import type { PanelIn } from "./panel-in";
import { shownScore } from "./numbers";

type Figures = {
  version: number;
  score: number | null;
  band: { key: string; label: string } | null;
  floor: boolean;
  /** Every gate under that version: a floor is the one a draft can add or remove, the rest come from the panel. */
  gates: Gate["kind"][];
};

export type PreviewRow = {
  candidateId: number;
  candidateName: string;
  current: Figures;
  draft: Figures;
  /** The same under both versions: the panel doesn't change with the rubric. */
  panelIn: PanelIn;
  bandChanged: boolean;
  floorChanged: boolean;
};

/** Each candidate's latest loop that has a submitted scorecard (erased candidates excluded). */
const SCORED_LOOPS = sql`(select max(l.id) from loops l
  join candidates c on c.id = l.candidate_id and c.erased_at is null
  join loop_tallies t on t.loop_id = l.id and t.submitted > 0
  group by l.candidate_id)`;

/**
 * Changed bands first, then a floor that starts or stops biting, then by how far S moves. Kept
 * until the aggregates change (saving a draft counts), so paging through thousands is cheap.
 */
export function previewDraft(draftId: number) {
  const draft = getRubricDetail(draftId);
  if (!draft) return null;
  return cachedByAggregates(`rubric-preview:${draftId}`, () => computePreview(draft));
}

function computePreview(draft: RubricDetail) {
  const panels = loopPanels(SCORED_LOOPS);
  const current = figuresOf(panels, (l) => getRubricDetail(l.rubricVersionId)!);
  const proposed = figuresOf(panels, () => draft);
  const figures = (r: { rubricVersion: number; score: number | null; band: Figures["band"]; gates: Gate["kind"][] }): Figures => ({
    version: r.rubricVersion,
    score: r.score,
    band: r.band,
    floor: r.gates.includes("floor"),
    gates: r.gates,
  });
  const rows: PreviewRow[] = [...current.values()].map((now) => {
    const next = proposed.get(now.loopId)!;
    return {
      candidateId: now.candidateId,
      candidateName: now.candidateName,
      current: figures(now),
      draft: { ...figures(next), version: draft.version },
      panelIn: now.panelIn,
      bandChanged: now.band?.key !== next.band?.key,
      floorChanged: now.gates.includes("floor") !== next.gates.includes("floor"),
    };
  });
  const moved = (r: PreviewRow) => Math.abs((r.draft.score ?? 0) - (r.current.score ?? 0));
  rows.sort(
    (a, b) =>
      Number(b.bandChanged) - Number(a.bandChanged) ||
      Number(b.floorChanged) - Number(a.floorChanged) ||
      moved(b) - moved(a) ||
      a.candidateName.localeCompare(b.candidateName),
  );
  const published = getLatestRubricVersion(draft.key);
  const base = published ? getRubricDetail(published.id) : null;
  return {
    draft: { id: draft.id, version: draft.version, title: draft.title, bands: draft.bands },
    /** What the draft changes against the published version it would replace. */
    changes: base ? rubricChanges(base, draft) : [],
    base: base && { version: base.version, bands: base.bands },
    rows,
    picture: picturePoints(rows),
    bandMoves: bandMoves(rows, draft.bands),
    bandChanges: rows.filter((r) => r.bandChanged).length,
    floorChanges: rows.filter((r) => r.floorChanged).length,
  };
}

export type PicturePoint = { now: number; draft: number; count: number; bandChanged: boolean; floorChanged: boolean };

/** The picture's resolution on the 1–4 scale: finer than a pixel of it, coarser than the figures. */
const PICTURE_STEP = 0.02;
const toStep = (s: number) => Math.round(s / PICTURE_STEP) * PICTURE_STEP;

/**
 * Now-vs-draft pairs for the picture: candidates whose S falls on the same point of it under both
 * versions are one mark with a count, so thousands of past candidates draw as hundreds of lines,
 * not thousands. The exact figures are the table's.
 */
function picturePoints(rows: PreviewRow[]): PicturePoint[] {
  const points = new Map<string, PicturePoint>();
  for (const r of rows) {
    const [shownNow, shownDraft] = [shownScore(r.current.score), shownScore(r.draft.score)];
    if (shownNow === null || shownDraft === null) continue;
    const [now, draft] = [toStep(shownNow), toStep(shownDraft)];
    const key = `${now}|${draft}|${r.bandChanged}|${r.floorChanged}`;
    const p = points.get(key);
    if (p) p.count++;
    else points.set(key, { now, draft, count: 1, bandChanged: r.bandChanged, floorChanged: r.floorChanged });
  }
  // Unchanged first, so the changed lines are drawn on top.
  return [...points.values()].sort((a, b) => Number(a.bandChanged || a.floorChanged) - Number(b.bandChanged || b.floorChanged));
}

/** How many move to a better band under the draft and how many to a worse one. */
function bandMoves(rows: PreviewRow[], bands: { key: string }[]) {
  const rank = (band: { key: string } | null) => (band ? bands.findIndex((b) => b.key === band.key) : bands.length);
  const changed = rows.filter((r) => r.bandChanged);
  return {
    up: changed.filter((r) => rank(r.draft.band) < rank(r.current.band)).length,
    down: changed.filter((r) => rank(r.draft.band) > rank(r.current.band)).length,
  };
}
