import { formatFixed, roundHalfUp } from "#app/models/numbers";
import { correlationDecimals, type Correlation } from "#app/models/validity-stats";

/** rho as shown: one decimal below 100 hires (validity-stats.ts says why). */
export function formatRho(rho: number, n: number) {
  return formatFixed(rho, correlationDecimals(n)).replace(/^-/, "−");
}

/** What a figure says, in words a hiring manager reads. Nothing below the minimum. */
export function readCorrelation(c: Correlation): string {
  if (!c.enough)
    return `Needs at least ${c.needed} hires with outcomes; there ${c.n === 1 ? "is" : "are"} ${c.n}. No figure is shown below that.`;
  if (c.rho === null) return "No figure: every outcome, or every score, was the same, so nothing can rank against it.";
  if (!c.interval) return "Too few different outcomes among these hires for an interval; read the figure as a hint only.";
  // Read from the interval as shown, so "0.0 to 0.8" never sits beside "stays above 0".
  const decimals = correlationDecimals(c.n);
  if (roundHalfUp(c.interval.low, decimals) > 0)
    return "Hires who scored higher here were rated higher in the job, and the interval stays above 0.";
  if (roundHalfUp(c.interval.high, decimals) < 0)
    return "Hires who scored higher here were rated lower in the job, and the interval stays below 0: worth a look.";
  return "The interval includes 0: on these hires this can't be told apart from no relation.";
}

/** A correlation in a table: rho and its interval, or the small-n state with no number. */
export function CorrelationCells({ c }: { c: Correlation }) {
  if (!c.enough)
    return (
      <>
        <td className="num muted">—</td>
        <td className="num">{c.n}</td>
        <td className="small">{readCorrelation(c)}</td>
      </>
    );
  return (
    <>
      <td className="num">
        {c.rho === null ? "—" : formatRho(c.rho, c.n)}
        {c.interval ? (
          <div className="small muted nowrap">
            {formatRho(c.interval.low, c.n)} to {formatRho(c.interval.high, c.n)}
          </div>
        ) : null}
      </td>
      <td className="num">{c.n}</td>
      <td className="small">{readCorrelation(c)}</td>
    </>
  );
}
