// When a band is a verdict and when it is only provisional: one rule for every page, `.data`
// answer and export that shows a band (the candidate page, debrief, compare, pipeline, results
// export, the rubric preview), so no screen calls "Hire" final while another says "1 of 3 in".
//
// - A loop expects one scorecard per interview that still takes place: a cancelled interview
//   expects none, and a stage the loop never scheduled (the optional take-home) expects none.
// - The panel is in when every expected scorecard is submitted. Until then S and its bands are
//   shown, but as provisional, beside "1 of 3 in"; with none in there is no band at all.
// - Gates (a floor, "against the band") read the raw band; the calibrated one sits beside it.

export interface PanelIn {
  submitted: number;
  expected: number;
  /** Every expected scorecard submitted (and at least one expected). */
  complete: boolean;
  /** "1 of 3 in". */
  label: string;
}

export type BandStatus = "final" | "provisional";

/** How much of the panel is in, from the loop's non-cancelled interviews and their submitted scorecards. */
export function panelIn(expected: number, submitted: number): PanelIn {
  const e = Math.max(0, expected);
  const s = Math.max(0, Math.min(submitted, e));
  return { submitted: s, expected: e, complete: e > 0 && s >= e, label: `${s} of ${e} in` };
}

/** The same count from a loop's interviews: cancelled ones expect nothing, a draft is not in. */
export function panelInOf(interviews: { status: string; scorecardStatus: "draft" | "submitted" | null }[]): PanelIn {
  const expected = interviews.filter((i) => i.status !== "cancelled");
  return panelIn(expected.length, expected.filter((i) => i.scorecardStatus === "submitted").length);
}

/** Whether a band shown beside S is the panel's verdict or provisional; null when there is no band. */
export function bandStatus(band: { key: string } | null, panel: PanelIn): BandStatus | null {
  if (!band) return null;
  return panel.complete ? "final" : "provisional";
}

/**
 * Said where the raw and calibrated bands differ, so nobody reads a gate against the wrong one:
 * floors and "against the band" are about the raw band, as S is.
 */
export function bandsDifferNote(band: { key: string; label: string } | null, calibrated: { key: string; label: string } | null) {
  if (!band || !calibrated || band.key === calibrated.key) return null;
  return `The gates and "against the band" read the raw band, ${band.label}; the calibrated band, ${calibrated.label}, is shown beside it for comparison.`;
}
