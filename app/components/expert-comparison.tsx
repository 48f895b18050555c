import type { ReactNode } from "react";
import { ScrollRegion } from "./ui/scroll-region";

export type ExpertComparisonRow = {
  dimensionKey: string;
  name: string;
  trainee: number | null;
  expert: number;
  within: boolean;
  reason: string;
};

/** A certification attempt's ratings beside the expert's, with why the expert rated each as they did. */
export function ExpertComparisonTable({
  rows,
  label = "Your ratings beside the expert's",
}: {
  rows: ExpertComparisonRow[];
  label?: string;
}) {
  return (
    <ScrollRegion label={label}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col" className="num">
              You
            </th>
            <th scope="col" className="num">
              Expert
            </th>
            <th scope="col">Why the expert rated it so</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.dimensionKey}>
              <th scope="row">
                {c.name}
                <div className="small">
                  {c.within ? <span className="badge badge-ok">Within a level</span> : <span className="badge badge-warn">Differs</span>}
                </div>
              </th>
              <td className="num">{c.trainee ?? "Not assessed"}</td>
              <td className="num">{c.expert}</td>
              <td className="small">{c.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

/**
 * After a trainee submits a gold sample or a pre-graded review: how many focus dimensions fell
 * within a level of the expert, where that leaves their certification, and the expert's reasons.
 */
export function ExpertVerdict({
  comparison,
  stageStatus,
  stageLabel,
  ratedBy,
  summary,
  tableLabel,
  children,
}: {
  comparison: ExpertComparisonRow[];
  stageStatus: { certified: boolean; missing: string | null } | null;
  stageLabel: string;
  ratedBy: string;
  summary: string;
  tableLabel?: string;
  children?: ReactNode;
}) {
  const within = comparison.filter((c) => c.within).length;
  return (
    <section className="card" aria-labelledby="expert-heading">
      <h2 id="expert-heading">Your ratings beside the expert's</h2>
      <p role="status">
        {within} of {comparison.length} focus dimensions within a level of the expert.{" "}
        {stageStatus?.certified
          ? `You are certified for ${stageLabel}.`
          : stageStatus
            ? `Not certified for ${stageLabel} yet: ${stageStatus.missing}.`
            : ""}
      </p>
      <p className="small muted">
        Rated by {ratedBy}. {summary}
      </p>
      <ExpertComparisonTable rows={comparison} label={tableLabel} />
      {children}
    </section>
  );
}
