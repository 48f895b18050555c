// The impact of publishing a draft: every candidate with submitted scorecards, their S and band as
// shown today and under the draft, computed by the same recommendationFromPanel from the same
// maintained rating groups (compare.server.ts), so the preview can't disagree with the pages.
import { sql } from "drizzle-orm";
import { cachedByAggregates } from "./aggregates.server";
import { figuresOf, loopPanels } from "./loop-panels.server";
import { getRubricDetail, type RubricDetail } from "./rubric.server";

type Figures = { version: number; score: number | null; band: { key: string; label: string } | null; floor: boolean };

export type PreviewRow = {
  candidateId: number;
  candidateName: string;
  current: Figures;
  draft: Figures;
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
  const figures = (r: { rubricVersion: number; score: number | null; band: Figures["band"]; gates: string[] }): Figures => ({
    version: r.rubricVersion,
    score: r.score,
    band: r.band,
    floor: r.gates.includes("floor"),
  });
  const rows: PreviewRow[] = [...current.values()].map((now) => {
    const next = proposed.get(now.loopId)!;
    return {
      candidateId: now.candidateId,
      candidateName: now.candidateName,
      current: figures(now),
      draft: { ...figures(next), version: draft.version },
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
  return {
    draft: { id: draft.id, version: draft.version, title: draft.title },
    rows,
    bandChanges: rows.filter((r) => r.bandChanged).length,
    floorChanges: rows.filter((r) => r.floorChanged).length,
  };
}
