import type { Route } from "./+types/_app.calibration";
import { DistributionBar, LevelLegend, LeniencyPlot } from "#app/components/charts";
import { MIN_CANDIDATES, MIN_PAIRABLE, type AgreementMeasure } from "#app/models/agreement";
import { SHRINKAGE_CANDIDATES } from "#app/models/leniency";
import { formatFixed, formatSigned } from "#app/models/numbers";
import { getCalibration } from "#app/models/calibration.server";
import { getLatestRubricVersion, getRubricDetail } from "#app/models/rubric.server";
import { requirePermission } from "#app/auth/session.server";
import { ScrollRegion } from "#app/components/ui/scroll-region";
import { calibrationCertification } from "#app/models/calibration-certification.server";
import { CERTIFICATION_LABELS } from "#app/models/labels";

export const meta: Route.MetaFunction = () => [{ title: "Interviewer calibration · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "calibration:read");
  const rubric = getLatestRubricVersion("lead-ml-engineer");
  const dimensions = (rubric ? (getRubricDetail(rubric.id)?.dimensions ?? []) : []).map((d) => ({ key: d.key, name: d.name }));
  const calibration = getCalibration();
  return { ...calibration, dimensions, certification: calibrationCertification(calibration.people.map((p) => p.id)) };
}

/** Fewer candidates than this, and a figure is flagged in words as resting on too little. */
const FEW_CANDIDATES = 5;

const alpha = (x: number | null) => (x === null ? "undefined (no variation)" : formatFixed(x, 2));
const interval = (ci: { low: number; high: number } | null) => (ci ? `${formatFixed(ci.low, 2)} to ${formatFixed(ci.high, 2)}` : "");

/** Krippendorff's reading of alpha (2004): ≥ 0.80 reliable, 0.667–0.80 tentative, lower not. */
function reliability(a: AgreementMeasure): string {
  if (!a.enough)
    return `Too little data: ${a.candidates} candidate${a.candidates === 1 ? "" : "s"} and ${a.pairable} pairable values (needs ${MIN_CANDIDATES} and ${MIN_PAIRABLE}).`;
  if (a.interval === null) return "Undefined: every rating was the same.";
  const reading = a.interval >= 0.8 ? "Good agreement" : a.interval >= 0.667 ? "Tentative agreement" : "Low agreement";
  return a.intervalCi && a.intervalCi.high - a.intervalCi.low > 0.3 ? `${reading}, but the interval is wide` : reading;
}

function AlphaRow({ label, a }: { label: string; a: AgreementMeasure }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {a.enough ? (
        <>
          <td className="num">
            {alpha(a.interval)}
            <div className="small muted">{interval(a.intervalCi)}</div>
          </td>
          <td className="num">
            {alpha(a.ordinal)}
            <div className="small muted">{interval(a.ordinalCi)}</div>
          </td>
        </>
      ) : (
        <td colSpan={2} className="muted small">
          not shown: too little data
        </td>
      )}
      <td className="num">{a.candidates}</td>
      <td className="num">{a.pairable}</td>
      <td>{reliability(a)}</td>
    </tr>
  );
}

export default function Calibration({ loaderData: d }: Route.ComponentProps) {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Interviewer calibration</h1>
          <p>
            Over every submitted scorecard. Leniency compares each interviewer with the other interviewers who rated the same candidate on
            the same dimension.
          </p>
        </div>
      </div>
      {d.people.length === 0 ? (
        <p className="card empty-state">No submitted scorecards yet.</p>
      ) : (
        <div className="stack">
          <section className="card" aria-labelledby="plot-heading">
            <h2 id="plot-heading">Who rates high, who rates low</h2>
            <LeniencyPlot people={d.people} />
            <details className="how-to-read" open>
              <summary>How to read this</summary>
              <ul className="small">
                <li>
                  <strong>Leniency</strong> is in rating points: +0.30 means this interviewer's ratings sit about a third of a level above
                  their colleagues' ratings of the same candidates and dimensions. An interviewer who sat two stages of one loop counts as
                  one voice there.
                </li>
                <li>
                  The dot is leniency <strong>adjusted for few candidates</strong>: the raw average difference, pulled toward 0 by{" "}
                  {SHRINKAGE_CANDIDATES} imaginary candidates with no difference, so one unusual candidate doesn't brand anyone. The
                  calibrated score subtracts this figure.
                </li>
                <li>
                  The line is its 95% interval. Ratings of one candidate move together, so the interval counts candidates, not ratings. An
                  interval that stays clear of 0 is a consistent habit worth a calibration conversation; one that crosses 0 is not yet
                  evidence of anything.
                </li>
              </ul>
            </details>
          </section>
          <section className="card card-flush" aria-labelledby="people-heading">
            <div className="card-header">
              <h2 id="people-heading">Interviewers</h2>
              <LevelLegend />
            </div>
            <ScrollRegion label="Interviewers">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col" className="num">
                      Scorecards
                    </th>
                    <th scope="col" className="num">
                      Median time to submit
                    </th>
                    <th scope="col" className="num">
                      Leniency
                    </th>
                    <th scope="col" className="num">
                      Based on
                    </th>
                    <th scope="col" className="num">
                      Recommendation matched the decision
                    </th>
                    <th scope="col">Ratings given (1 → 4) by dimension</th>
                  </tr>
                </thead>
                <tbody>
                  {d.people.map((p) => (
                    <tr key={p.id}>
                      <td className="name-cell">
                        {p.name}
                        <div className="small muted">{p.title}</div>
                      </td>
                      <td className="num">{p.scorecards}</td>
                      <td className="num">{p.medianHoursToSubmit === null ? "—" : `${formatFixed(p.medianHoursToSubmit, 1)} h`}</td>
                      <td className="num">
                        {p.candidates ? (
                          <>
                            <strong>{formatSigned(p.leniency)}</strong> <span className="small muted">adjusted</span>
                            {p.interval ? (
                              <div className="small muted nowrap">
                                95%: {formatSigned(p.interval.low)} to {formatSigned(p.interval.high)}
                              </div>
                            ) : null}
                            <div className="small muted nowrap">raw, before adjusting: {formatSigned(p.rawLeniency)}</div>
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td className="num">
                        {p.candidates} candidate{p.candidates === 1 ? "" : "s"}
                        <div className="small muted nowrap">{p.pairs} paired ratings</div>
                        {p.candidates < FEW_CANDIDATES ? (
                          <div className="small warn-text">
                            {p.candidates === 0 ? "No colleague rated the same candidates yet" : "Too few to read much into"}
                          </div>
                        ) : null}
                      </td>
                      <td className="num">
                        {p.decided ? `${p.matched} of ${p.decided}` : "—"}
                        <div className="small muted">
                          {p.decided
                            ? `decided loop${p.decided === 1 ? "" : "s"}${p.decided < FEW_CANDIDATES ? ": too few to judge" : ""}`
                            : "no decisions yet"}
                        </div>
                      </td>
                      <td>
                        <div className="dist-grid">
                          {d.dimensions.map((dim) => (
                            <span key={dim.key} className="dist-cell">
                              <span className="small muted">{dim.name}</span>
                              <DistributionBar counts={p.distribution[dim.key] ?? [0, 0, 0, 0]} label={`${p.name}, ${dim.name}`} />
                            </span>
                          ))}
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
          <CertificationSection certification={d.certification} people={d.people} />
          <section className="card" aria-labelledby="alpha-heading">
            <h2 id="alpha-heading">Panel agreement (Krippendorff's alpha)</h2>
            <p className="small muted">
              1 is perfect agreement, 0 is what chance would give, below 0 is systematic disagreement. A unit is one candidate's dimension;
              missing ratings are allowed. Under each alpha, its 95% interval from resampling candidates (fixed seed, so the page is
              stable). Alpha is not shown with fewer than {MIN_CANDIDATES} candidates or {MIN_PAIRABLE} pairable values: the interval would
              span poor to good agreement.
            </p>
            <p className="small">
              {d.agreement.overall.candidates < CO_RATED_NEEDED
                ? `Read these as provisional: they rest on ${d.agreement.overall.candidates} co-rated candidates, and Krippendorff's guidance is about ${CO_RATED_NEEDED}–140 co-rated items before alpha says much about a panel. The interval counts candidates, not raters.`
                : `Based on ${d.agreement.overall.candidates} co-rated candidates, past the ${CO_RATED_NEEDED}–140 Krippendorff suggests before alpha says much.`}
            </p>
            <ScrollRegion label="Panel agreement by dimension">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    <th scope="col" className="num">
                      Interval alpha
                    </th>
                    <th scope="col" className="num">
                      Ordinal alpha
                    </th>
                    <th scope="col" className="num">
                      Candidates
                    </th>
                    <th scope="col" className="num">
                      Pairable values
                    </th>
                    <th scope="col">Reading</th>
                  </tr>
                </thead>
                <tbody>
                  <AlphaRow label="All dimensions" a={d.agreement.overall} />
                  {d.dimensions.map((dim) => (
                    <AlphaRow key={dim.key} label={dim.name} a={d.agreement.byDimension[dim.key] ?? EMPTY} />
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        </div>
      )}
    </>
  );
}

/** Krippendorff (2004/2011): about 80–140 co-rated items before alpha is worth reading closely. */
const CO_RATED_NEEDED = 80;

type LoaderData = Route.ComponentProps["loaderData"];

function CertificationSection({ certification: c, people }: { certification: LoaderData["certification"]; people: LoaderData["people"] }) {
  const split = c.network.live.length > 1;
  return (
    <section className="card" aria-labelledby="certification-heading">
      <h2 id="certification-heading">Certification and drift</h2>
      <p className="small muted">
        Certified: within a level of the expert on enough gold-sample ratings of the stage (Certification page). Drift: how far the
        interviewer's leniency on live loops has moved since they certified; beyond {formatFixed(c.threshold, 2)} of a level, they rate the
        gold samples again. Only status is shown here: an interviewer's gold-sample answers are theirs.
      </p>
      {split ? (
        <p className="form-error" role="note">
          These panels can't be compared: {c.network.live.length} groups of interviewers never rated a candidate in common (
          {c.network.live.map((g) => g.join(", ")).join(" | ")}), so their leniency figures sit on separate scales.
          {c.network.withGold.length === 1
            ? " The gold samples they all rated link them: their certification results compare them on the same records."
            : " Have them rate the same gold samples to link them."}
        </p>
      ) : (
        <p className="small">Every interviewer is linked to every other through shared candidates, so their leniency figures compare.</p>
      )}
      <ScrollRegion label="Certification by interviewer">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Interviewer</th>
              <th scope="col">Stages</th>
              <th scope="col" className="num">
                Drift since certified
              </th>
            </tr>
          </thead>
          <tbody>
            {c.people.map((p) => (
              <tr key={p.id}>
                <th scope="row">{people.find((x) => x.id === p.id)?.name}</th>
                <td>
                  {p.stages.length === 0 ? (
                    <span className="muted small">No stage has gold samples</span>
                  ) : (
                    p.stages.map((s) => (
                      <div key={s.stage} className="small">
                        {CERTIFICATION_LABELS[s.stage]}:{" "}
                        {s.certified ? (
                          <span className="badge badge-ok">Certified</span>
                        ) : (
                          <span className="badge badge-warn">Not certified</span>
                        )}{" "}
                        {s.missing ? <span className="muted">{s.missing}</span> : null}
                      </div>
                    ))
                  )}
                </td>
                <td className="num">
                  {p.drift ? (
                    <>
                      {formatSigned(p.drift.value)}
                      {p.drift.due ? (
                        <div>
                          <span className="badge badge-warn">Recertify</span>
                        </div>
                      ) : null}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

const EMPTY: AgreementMeasure = {
  interval: null,
  ordinal: null,
  intervalCi: null,
  ordinalCi: null,
  pairable: 0,
  units: 0,
  candidates: 0,
  enough: false,
};
