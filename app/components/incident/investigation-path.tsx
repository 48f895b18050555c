import { formatOffset, type InvestigationPath } from "#app/models/incident-path";

type Conclusion = { rootCause: string; mitigation: string; prevention: string };

const LEVEL_STATUS = {
  seen: { label: "on their path", className: "badge badge-ok" },
  not_seen: { label: "not on their path", className: "badge badge-muted" },
  judge: { label: "judge from what they said", className: "badge" },
} as const;

/**
 * The candidate's investigation on one time line (hypotheses, expectations, asks, queries and
 * reveals, with the time into the run and on the incident clock) beside the kit's ideal path,
 * then the kit's levels with what the path shows was and wasn't done, and their conclusion.
 */
export function InvestigationPathView({
  path,
  conclusion,
  ranOutOfTime = false,
  dimensionNames = {},
  headingLevel = 2,
}: {
  path: InvestigationPath;
  conclusion: Conclusion | null;
  ranOutOfTime?: boolean;
  dimensionNames?: Record<string, string>;
  headingLevel?: 2 | 3;
}) {
  const H = `h${headingLevel}` as "h2";
  const Sub = `h${headingLevel + 1}` as "h3";
  const dimensions = [...new Set(path.levels.map((l) => l.dimension))];
  return (
    <section className="card incident-path" aria-labelledby="path-title">
      <H id="path-title">Investigation path</H>
      <p className="small muted">
        Looked at {path.looked} item{path.looked === 1 ? "" : "s"}; {path.idealSeen} of the {path.ideal.length} on the ideal path;{" "}
        {path.expectations} expectation{path.expectations === 1 ? "" : "s"} written before a reveal. Times are minutes into the run, from
        the server's clock
        {path.clock ? ", then the incident clock" : ""}.
      </p>
      {path.clock ? (
        <p className="incident-path-clock" aria-label="Incident clock">
          Incident clock: paged at <strong>{path.clock.start}</strong>, now <strong>{path.clock.now}</strong> ({path.clock.spent} of on-call
          time; the ideal path's looks take {path.clock.ideal}).
        </p>
      ) : null}
      {ranOutOfTime && path.ranOutOfTime ? (
        <p className="flash incident-ran-out" role="note">
          <strong>The run ended on time, not on a conclusion.</strong> {path.ranOutOfTime}
        </p>
      ) : null}
      <div className="incident-path-columns">
        <div>
          <Sub>Their path</Sub>
          {path.steps.length ? (
            <ol className="incident-steps" aria-label="Their path, in order">
              {path.steps.map((s, i) => (
                <li key={i} className={`incident-step incident-step-${s.kind}`}>
                  <span className="mono small">
                    {formatOffset(s.offsetMs)}
                    {s.clock ? ` · ${s.clock}` : ""}
                  </span>{" "}
                  {s.kind === "evidence" ? (
                    <>
                      <span className="badge badge-info">{s.look}</span> Looked at <strong>{s.title}</strong>
                      <span className="small muted"> ({[s.source, s.minutes ? `${s.minutes} min` : null].filter(Boolean).join(", ")})</span>
                      {s.text ? <span className="small muted"> asked as “{s.text}”</span> : null}
                      {s.expected ? (
                        <div className="small incident-expected">
                          Expected: <q className="notes">{s.expected}</q>
                        </div>
                      ) : null}
                    </>
                  ) : s.kind === "ask" ? (
                    <>
                      Asked for <q>{s.text}</q>{" "}
                      <span className="small muted">
                        {s.offered.length ? `(offered: ${s.offered.join("; ")})` : "(nothing in the scenario answers it)"}
                      </span>
                    </>
                  ) : s.kind === "query" ? (
                    <>
                      Wrote a query{" "}
                      <span className="small muted">{s.title ? `(answered with ${s.title})` : "(no result in the scenario)"}</span>
                      <pre className="evidence-code evidence-code-sql incident-path-query" tabIndex={0}>
                        {s.text}
                      </pre>
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
                    {i.seen.clock ? ` (${i.seen.clock})` : ""}
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
      {dimensions.length ? (
        <>
          <Sub>The kit's levels: what the path shows</Sub>
          <p className="small muted">
            "On their path" means they looked at the evidence for it; what they concluded from it, and everything marked "judge", is yours
            to rate.
          </p>
          <div className="incident-levels">
            {dimensions.map((key) => (
              <div key={key}>
                <p className="incident-levels-dimension">
                  <strong>{dimensionNames[key] ?? key}</strong>
                </p>
                <ul aria-label={`Levels for ${dimensionNames[key] ?? key}`}>
                  {path.levels
                    .filter((l) => l.dimension === key)
                    .map((l, i) => (
                      <li key={i}>
                        <span className="badge">{l.level === "meets" ? "Meets" : "Exceeds"}</span>
                        {l.lead ? <span className="badge badge-info">Lead-level</span> : null} {l.text}{" "}
                        <span className={LEVEL_STATUS[l.status].className}>
                          {LEVEL_STATUS[l.status].label}
                          {l.seenLook ? ` (look ${l.seenLook})` : ""}
                        </span>
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      ) : null}
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
