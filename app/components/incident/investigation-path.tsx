import { formatOffset, type InvestigationPath } from "#app/models/incident-path";

type Conclusion = { rootCause: string; mitigation: string; prevention: string };

/**
 * The candidate's investigation beside the kit's ideal path: what they looked at, in what order
 * and when, what they asked for that didn't exist, the hypotheses they wrote, and their conclusion.
 */
export function InvestigationPathView({
  path,
  conclusion,
  headingLevel = 2,
}: {
  path: InvestigationPath;
  conclusion: Conclusion | null;
  headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as "h2";
  const Sub = `h${headingLevel + 1}` as "h3";
  return (
    <section className="card incident-path" aria-labelledby="path-title">
      <H id="path-title">Investigation path</H>
      <p className="small muted">
        Looked at {path.looked} item{path.looked === 1 ? "" : "s"}; {path.idealSeen} of the {path.ideal.length} on the ideal path. Times are
        minutes into the run, from the server's clock.
      </p>
      <div className="incident-path-columns">
        <div>
          <Sub>Their path</Sub>
          {path.steps.length ? (
            <ol className="incident-steps" aria-label="Their path, in order">
              {path.steps.map((s, i) => (
                <li key={i} className={`incident-step incident-step-${s.kind}`}>
                  <span className="mono small">{formatOffset(s.offsetMs)}</span>{" "}
                  {s.kind === "evidence" ? (
                    <>
                      <span className="badge badge-info">{s.look}</span> Looked at <strong>{s.title}</strong>
                      {s.text ? <span className="small muted"> (asked for "{s.text}")</span> : null}
                    </>
                  ) : s.kind === "ask" ? (
                    <>
                      Asked for <q>{s.text}</q> <span className="small muted">(nothing by that name)</span>
                    </>
                  ) : (
                    <>
                      Hypothesis: <q className="notes">{s.text}</q>
                    </>
                  )}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">Nothing looked at yet.</p>
          )}
        </div>
        <div>
          <Sub>Ideal path</Sub>
          <ol className="incident-ideal" aria-label="Ideal path">
            {path.ideal.map((i) => (
              <li key={i.position}>
                <strong>{i.title}</strong>{" "}
                {i.seen ? (
                  <span className="badge badge-ok">
                    their look {i.seen.look}, at {formatOffset(i.seen.offsetMs)}
                  </span>
                ) : (
                  <span className="badge badge-muted">not looked at</span>
                )}
                <div className="small muted">{i.why}</div>
              </li>
            ))}
          </ol>
        </div>
      </div>
      {conclusion ? (
        <>
          <Sub>Their conclusion</Sub>
          <dl className="facts incident-conclusion">
            <dt>Root cause</dt>
            <dd className="notes">{conclusion.rootCause || "—"}</dd>
            <dt>Mitigation</dt>
            <dd className="notes">{conclusion.mitigation || "—"}</dd>
            <dt>Prevention</dt>
            <dd className="notes">{conclusion.prevention || "—"}</dd>
          </dl>
        </>
      ) : null}
    </section>
  );
}
