// The readable copy of a subject-access export: one self-contained HTML file that a candidate can
// open anywhere, with everything in the machine-readable part shown in plain language and the
// complete data (JSON) at the end of the same file.
import type { SubjectAccessData, SubjectAccessLabels } from "#app/models/subject-access.server";
import { DECISION_LABELS, SOURCE_LABELS, STAGE_LABELS } from "#app/models/labels";
import { RECOMMENDATION_LABELS } from "#app/models/scorecard-schema";

type Row = Record<string, unknown>;

const when = (ms: unknown) => (typeof ms === "number" ? `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");
const text = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
const by = (rows: Row[] | undefined, key: string, id: unknown) => (rows ?? []).filter((r) => r[key] === id);

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2433}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #d8dde6;padding-bottom:.25rem}h3{margin-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d8dde6;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f8}.muted{color:#5a6478}pre{white-space:pre-wrap;word-break:break-word;background:#f3f5f8;padding:1rem;font-size:12px}`;

export function SubjectAccessDocument({ data, labels }: { data: SubjectAccessData; labels: SubjectAccessLabels }) {
  const t = data.tables;
  const candidate = t.candidates?.[0] ?? {};
  const json = JSON.stringify(data, null, 2);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <title>Your data held by Loopwise</title>
        <style>{STYLE}</style>
      </head>
      <body>
        <h1>Your data held by Loopwise</h1>
        <p>
          Everything the company's Loopwise records hold about you, as of {data.generatedAt.slice(0, 16).replace("T", " ")} UTC. The
          complete data, table by table, is at the end of this file in a machine-readable form (JSON).
        </p>
        <p className="muted">{data.policy}</p>

        <h2>Your details</h2>
        <table>
          <tbody>
            <Fact label="Name" value={candidate.name} />
            <Fact label="Email" value={candidate.email} />
            <Fact label="Position" value={labels.positionTitle} />
            <Fact label="How you came to us" value={SOURCE_LABELS[candidate.source as keyof typeof SOURCE_LABELS] ?? candidate.source} />
            <Fact label="Recruiter notes" value={candidate.notes} />
            <Fact label="Added" value={when(candidate.created_at)} />
          </tbody>
        </table>

        {(t.loops ?? []).map((loop) => (
          <section key={String(loop.id)}>
            <h2>
              Interview loop {String(loop.id)} ({loop.status === "open" ? "open" : `closed ${when(loop.closed_at)}`})
            </h2>
            {by(t.interviews, "loop_id", loop.id).map((interview) => (
              <Interview key={String(interview.id)} interview={interview} data={data} labels={labels} />
            ))}
            {by(t.decisions, "loop_id", loop.id).map((d) => (
              <div key={String(d.id)}>
                <h3>Decision: {DECISION_LABELS[d.decision as keyof typeof DECISION_LABELS] ?? text(d.decision)}</h3>
                <p>
                  {text(d.decided_by_id)}, {when(d.decided_at)}. Rationale: {text(d.rationale)}
                </p>
              </div>
            ))}
          </section>
        ))}

        {t.outbox?.length ? (
          <>
            <h2>Emails about you</h2>
            <p className="muted">Reminders sent to colleagues about your interviews.</p>
            {t.outbox.map((email) => (
              <div key={String(email.id)}>
                <h3>{text(email.subject)}</h3>
                <p className="muted">
                  To {text(email.to_name)}, {when(email.created_at)}
                </p>
                <pre>{text(email.body)}</pre>
              </div>
            ))}
          </>
        ) : null}

        <h2>Record of changes</h2>
        <table>
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {data.auditLog.map((e, i) => (
              <tr key={i}>
                <td>{e.at.slice(0, 16).replace("T", " ")} UTC</td>
                <td>{e.by}</td>
                <td>{e.summary || `${e.action} ${e.about}`}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>All of the data (JSON)</h2>
        <pre id="subject-access-data">{json}</pre>
      </body>
    </html>
  );
}

function Fact({ label, value }: { label: string; value: unknown }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{text(value)}</td>
    </tr>
  );
}

function Interview({ interview, data, labels }: { interview: Row; data: SubjectAccessData; labels: SubjectAccessLabels }) {
  const t = data.tables;
  const stage = STAGE_LABELS[interview.stage as keyof typeof STAGE_LABELS] ?? text(interview.stage);
  return (
    <div>
      <h3>
        {stage}, {when(interview.scheduled_at)}
      </h3>
      <p className="muted">
        {interview.duration_minutes as number} minutes with {text(interview.interviewer_id)}
        {typeof interview.exercise_id === "number" ? ` · ${labels.exerciseTitles[interview.exercise_id] ?? ""}` : ""} ·{" "}
        {text(interview.status)}
      </p>
      {by(t.scorecards, "interview_id", interview.id).map((card) => {
        const rubric = labels.rubrics[card.rubric_version_id as number];
        return (
          <div key={String(card.id)}>
            <p>
              Scorecard ({text(card.status)}
              {card.submitted_at ? `, submitted ${when(card.submitted_at)}` : ""}). Overall:{" "}
              {card.recommendation ? RECOMMENDATION_LABELS[card.recommendation as keyof typeof RECOMMENDATION_LABELS] : "—"}
            </p>
            <table>
              <thead>
                <tr>
                  <th>Dimension</th>
                  <th>Rating</th>
                  <th>Evidence</th>
                </tr>
              </thead>
              <tbody>
                {by(t.ratings, "scorecard_id", card.id).map((r) => {
                  const dimension = rubric?.dimensions[r.dimension_key as string];
                  return (
                    <tr key={String(r.dimension_key)}>
                      <td>{dimension?.name ?? text(r.dimension_key)}</td>
                      <td>
                        {r.not_assessed
                          ? "Not assessed"
                          : r.level
                            ? `${String(r.level)} ${dimension?.levels[r.level as number] ?? ""}`
                            : "—"}
                      </td>
                      <td>{text(r.evidence)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {by(t.scorecard_signals, "scorecard_id", card.id).length ? (
              <ul>
                {by(t.scorecard_signals, "scorecard_id", card.id).map((s) => (
                  <li key={String(s.signal_key)}>
                    {rubric?.signals[s.signal_key as string] ?? text(s.signal_key)}
                    {s.note ? `: ${String(s.note)}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            {card.takeaways ? <p>Takeaways: {String(card.takeaways)}</p> : null}
          </div>
        );
      })}
      {by(t.assignments, "interview_id", interview.id).map((a) => (
        <div key={String(a.id)}>
          <p>
            Code-review exercise: {labels.exerciseTitles[a.exercise_id as number] ?? ""} ({text(a.status)}; started {when(a.started_at)},
            submitted {when(a.submitted_at)}). Your verdict: {text(a.verdict)}. Your summary: {text(a.summary)}
          </p>
          <ul>
            {by(t.review_comments, "assignment_id", a.id).map((c) => (
              <li key={String(c.id)}>
                {String(c.file_path)}:{String(c.line)}: {text(c.body)}
              </li>
            ))}
          </ul>
          {by(t.review_grades, "assignment_id", a.id).map((g) => (
            <p key={String(g.id)}>
              Graded by {text(g.grader_id)}: {typeof g.score === "number" ? `${Math.round(g.score * 100)}%` : "—"} of the answer key.
            </p>
          ))}
        </div>
      ))}
    </div>
  );
}
