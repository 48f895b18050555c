// One measure's groups as a table: rate, impact ratio, exact p-values, shortfall and fragility.
// Groups under the threshold arrive blanked from the server; they are named under the table with
// why, so a missing row never reads as a zero.
import type { ShownGroup } from "#app/models/fairness";
import { FOUR_FIFTHS } from "#app/models/fairness-stats";
import { formatFixed, formatPercent } from "#app/models/numbers";
import { ScrollRegion } from "#app/components/ui/scroll-region";

/** One group's row, as the monitor sends it. */
export type ImpactRow = ShownGroup;

export const formatP = (p: number | null) => (p === null ? "—" : p < 0.001 ? "< 0.001" : formatFixed(p, 3));

export function ImpactTable({ rows, label, threshold }: { rows: ImpactRow[]; label: string; threshold: number }) {
  const shown = rows.filter((r) => r.reported);
  const withheld = rows.filter((r) => !r.reported);
  const comparable = shown.filter((r) => r.key !== "unknown").length >= 2;
  return (
    <>
      {shown.length === 0 ? (
        <p className="muted small">Not enough data: no group has {threshold} or more people at this step.</p>
      ) : (
        <ScrollRegion label={label}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col" className="num">
                  People
                </th>
                <th scope="col" className="num">
                  Selected
                </th>
                <th scope="col" className="num">
                  Rate
                </th>
                <th scope="col" className="num">
                  Impact ratio
                </th>
                <th scope="col" className="num">
                  Mid-p
                </th>
                <th scope="col" className="num">
                  Fisher p
                </th>
                <th scope="col" className="num">
                  Shortfall
                </th>
                <th scope="col">One decision</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{r.n}</td>
                  <td className="num">{r.selected}</td>
                  <td className="num">{r.rate === null ? "—" : formatPercent(r.rate)}</td>
                  <td className="num">
                    {r.isReference ? (
                      <span className="muted">1.00 (most selected)</span>
                    ) : r.impactRatio === null ? (
                      <span className="muted">{r.key === "unknown" ? "counted, not ranked" : "—"}</span>
                    ) : r.impactRatio < FOUR_FIFTHS ? (
                      <strong className="warn-text">{formatFixed(r.impactRatio, 2)} (under 0.8)</strong>
                    ) : (
                      formatFixed(r.impactRatio, 2)
                    )}
                  </td>
                  <td className="num">{r.isReference || r.key === "unknown" ? "—" : formatP(r.midP)}</td>
                  <td className="num">{r.isReference || r.key === "unknown" ? "—" : formatP(r.fisher)}</td>
                  <td className="num">{r.shortfall === null ? "—" : formatFixed(r.shortfall, 1)}</td>
                  <td className="small">
                    {r.isReference || r.key === "unknown" || r.fragile === null
                      ? "—"
                      : r.fragile
                        ? "would change the conclusion"
                        : "would not"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {shown.length > 0 && !comparable && (
        <p className="small muted">Not enough data to compare groups: fewer than two groups are large enough.</p>
      )}
      {withheld.length > 0 && (
        <p className="small muted">
          Suppressed (fewer than {threshold} people or none, or withheld beside a single small group so it can't be worked out from the
          total): {withheld.map((r) => r.label).join(", ")}.
        </p>
      )}
    </>
  );
}
