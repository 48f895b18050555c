/**
 * The rubric's two rules for rating, one tap away beside the levels: what to do when a level was
 * only partly shown, and which answers count as unprompted. Collapsed, so a phone keeps the
 * levels in view; the same text every rater of this version reads.
 */
export function RaterGuidance({ guidance }: { guidance: { partialMeets: string; promptedVsProbed: string } | null }) {
  if (!guidance) return null;
  return (
    <details className="card rater-guidance">
      <summary>How to rate: part of a level shown, and prompted or probed</summary>
      <h2 className="small">Part of a level shown</h2>
      <p className="small">{guidance.partialMeets}</p>
      <h2 className="small">Prompted or probed</h2>
      <p className="small">{guidance.promptedVsProbed}</p>
    </details>
  );
}
