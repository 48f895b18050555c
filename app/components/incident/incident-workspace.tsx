import { Form, useActionData, useNavigation } from "react-router";
import { Countdown } from "#app/components/code-review/countdown";
import { formatOffset } from "#app/models/incident-path";
import type { IncidentReply, WorkspaceData } from "#app/models/incident-workspace.server";
import { EvidenceCard } from "./evidence-card";

const errorsFor = (reply: IncidentReply | undefined, intent: string, field: string) =>
  reply?.intent === intent ? (reply.fieldErrors?.[field] ?? []) : [];

function FieldError({ id, messages }: { id: string; messages: string[] }) {
  return messages.length ? (
    <p id={id} className="field-error" role="alert">
      {messages.join(" ")}
    </p>
  ) : null;
}

const minutesLabel = (minutes: number | null) => (minutes ? `${minutes} min` : null);

/** The simulated on-call time: where the incident's own clock stands after every reveal so far. */
function IncidentClockView({ clock }: { clock: NonNullable<WorkspaceData["clock"]> }) {
  return (
    <div className="incident-clock" aria-label="Incident clock">
      <span className="small">Incident clock</span>
      <strong>{clock.now}</strong>
      <span className="small muted">
        paged {clock.paged} · {clock.spent} of on-call time
      </span>
    </div>
  );
}

/**
 * The incident as the candidate works it (on their link, or on the interviewer's shared screen):
 * say what they want from which source, optionally what they expect it to show, write their own
 * warehouse queries and hypotheses as they go, and end with a root cause, a mitigation and a
 * prevention plan. Every write goes to the server, which keeps both clocks.
 */
export function IncidentWorkspace({ d, driver }: { d: WorkspaceData; driver: boolean }) {
  const reply = useActionData() as IncidentReply | undefined;
  const busy = useNavigation().state !== "idle";
  const askErrors = errorsFor(reply, "ask", "asked");
  const sourceErrors = errorsFor(reply, "ask", "source");
  const expectedErrors = errorsFor(reply, "ask", "expected");
  const queryErrors = errorsFor(reply, "query", "sql");
  const hypothesisErrors = errorsFor(reply, "hypothesis", "text");
  const conclusionErrors = (field: string) => [...errorsFor(reply, "submit", field), ...errorsFor(reply, "save-conclusion", field)];
  const rootCauseErrors = conclusionErrors("rootCause");
  const conclusionMessage = reply?.intent === "save-conclusion" || reply?.intent === "submit" ? reply.message : undefined;
  const askReply = reply?.intent === "ask" || reply?.intent === "reveal" ? reply : undefined;
  const queryReply = reply?.intent === "query" && reply.ok ? reply : undefined;
  const menu = d.sources.filter((s) => s.items.length);
  return (
    <div className="incident">
      <header className="incident-header">
        <div>
          <p className="small muted">Loopwise · incident simulation{driver ? " · driven by the interviewer" : ""}</p>
          <h1>{d.title}</h1>
        </div>
        <div className="incident-clocks">
          {d.clock ? <IncidentClockView clock={d.clock} /> : null}
          {d.deadlineAt ? <Countdown deadlineAt={d.deadlineAt} serverNow={d.serverNow} extraTime={false} /> : null}
        </div>
      </header>
      {reply && !reply.ok && reply.message && !reply.fieldErrors ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      <div className="incident-layout">
        <aside className="incident-side stack">
          <section className="card" aria-labelledby="ask-title">
            <h2 id="ask-title">Ask for evidence</h2>
            <Form method="post" preventScrollReset className="stack" key={`ask-${d.revealed.length}`}>
              <input type="hidden" name="intent" value="ask" />
              <div className="field">
                <label htmlFor="source">Where</label>
                <select
                  id="source"
                  name="source"
                  className="input"
                  defaultValue={askReply?.source ?? ""}
                  aria-invalid={sourceErrors.length ? true : undefined}
                  aria-describedby={sourceErrors.length ? "source-error" : undefined}
                >
                  <option value="">Any source</option>
                  {d.sources.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <FieldError id="source-error" messages={sourceErrors} />
              </div>
              <div className="field">
                <label htmlFor="asked">What do you want to see?</label>
                <input
                  id="asked"
                  name="asked"
                  className="input"
                  maxLength={200}
                  defaultValue={askReply?.ok && !askReply.revealed ? askReply.asked : undefined}
                  aria-invalid={askErrors.length ? true : undefined}
                  aria-describedby={askErrors.length ? "asked-error asked-hint" : "asked-hint"}
                />
                <p id="asked-hint" className="hint">
                  Which metric, feature, segment or table, and for when: e.g. “null rate of seller features since midnight”.
                </p>
                <FieldError id="asked-error" messages={askErrors} />
              </div>
              <div className="field">
                <label htmlFor="expected">What do you expect it to show? (optional)</label>
                <textarea
                  id="expected"
                  name="expected"
                  className="textarea"
                  rows={2}
                  maxLength={1000}
                  defaultValue={askReply?.ok && !askReply.revealed ? askReply.expected : undefined}
                  aria-invalid={expectedErrors.length ? true : undefined}
                  aria-describedby={expectedErrors.length ? "expected-error expected-hint" : "expected-hint"}
                />
                <p id="expected-hint" className="hint">
                  Recorded with what you see next, before you see it.
                </p>
                <FieldError id="expected-error" messages={expectedErrors} />
              </div>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                Ask
              </button>
            </Form>
            {askReply?.ok && askReply.message ? (
              <p className="small incident-reply" role="status">
                {askReply.message}
              </p>
            ) : null}
            {askReply?.ok && askReply.matches?.length ? (
              <div>
                <p className="small">{askReply.revealed ? "Also close:" : "Answers, closest first:"}</p>
                <ul className="incident-matches" aria-label="Answers to your request">
                  {askReply.matches.map((m) => (
                    <li key={m.id}>
                      <RevealButton
                        id={m.id}
                        title={m.title}
                        detail={[m.source, minutesLabel(d.clock ? m.minutes : null)].filter(Boolean).join(" · ")}
                        busy={busy}
                        request={{
                          asked: askReply.asked,
                          source: askReply.source,
                          expected: askReply.revealed ? undefined : askReply.expected,
                        }}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <h3 className="incident-subhead">Sources</h3>
            <p className="small muted">Each opens on its usual view; for anything more, say what you want above.</p>
            {d.sources.map((s) => (
              <details key={s.id} className="incident-category">
                <summary>{s.name}</summary>
                <p className="small muted">{s.about}</p>
                {s.items.length ? (
                  <ul>
                    {s.items.map((item) => (
                      <li key={item.id}>
                        <RevealButton id={item.id} title={item.title} detail={minutesLabel(item.minutes)} busy={busy} seen={item.seen} />
                      </li>
                    ))}
                  </ul>
                ) : null}
              </details>
            ))}
            {menu.length === 0 ? <p className="small muted">Every source answers what you ask of it.</p> : null}
          </section>
          {d.tables.length ? (
            <section className="card" aria-labelledby="query-title">
              <h2 id="query-title">Warehouse query</h2>
              <Form method="post" preventScrollReset className="stack" key={`query-${d.revealed.length}`}>
                <input type="hidden" name="intent" value="query" />
                <label htmlFor="sql">Your SQL</label>
                <textarea
                  id="sql"
                  name="sql"
                  className="textarea mono"
                  rows={5}
                  maxLength={4000}
                  spellCheck={false}
                  aria-invalid={queryErrors.length ? true : undefined}
                  aria-describedby={queryErrors.length ? "sql-error" : undefined}
                />
                <FieldError id="sql-error" messages={queryErrors} />
                <label htmlFor="query-expected">What do you expect it to return? (optional)</label>
                <textarea id="query-expected" name="expected" className="textarea" rows={2} maxLength={1000} />
                <button type="submit" className="btn" disabled={busy}>
                  Run query
                </button>
              </Form>
              {queryReply?.message ? (
                <p className="small incident-reply" role="status">
                  {queryReply.message}
                </p>
              ) : null}
              <details>
                <summary className="small">Tables</summary>
                <dl className="incident-tables">
                  {d.tables.map((t) => (
                    <div key={t.name}>
                      <dt className="mono">{t.name}</dt>
                      <dd className="small">{t.columns.join(", ")}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </section>
          ) : null}
          <section className="card" aria-labelledby="hypotheses-title">
            <h2 id="hypotheses-title">Hypotheses</h2>
            <Form method="post" preventScrollReset className="stack" key={d.notes.length}>
              <input type="hidden" name="intent" value="hypothesis" />
              <label htmlFor="hypothesis">What do you think is going on, and what would rule it out?</label>
              <textarea
                id="hypothesis"
                name="text"
                className="textarea"
                rows={3}
                maxLength={2000}
                aria-invalid={hypothesisErrors.length ? true : undefined}
                aria-describedby={hypothesisErrors.length ? "hypothesis-error" : undefined}
              />
              <FieldError id="hypothesis-error" messages={hypothesisErrors} />
              <button type="submit" className="btn" disabled={busy}>
                Add hypothesis
              </button>
            </Form>
            {d.notes.length ? (
              <ol className="incident-notes" aria-label="Your notes, newest first" reversed>
                {d.notes.map((n) => (
                  <li key={n.id}>
                    <span className="mono small">{formatOffset(n.offsetMs)}</span>{" "}
                    {n.kind === "ask" ? (
                      <span className="muted">Asked for “{n.text}”</span>
                    ) : n.kind === "query" ? (
                      <span className="muted">Ran a query</span>
                    ) : (
                      n.text
                    )}
                  </li>
                ))}
              </ol>
            ) : null}
          </section>
          <section className="card" aria-labelledby="conclusion-title">
            <h2 id="conclusion-title">Your conclusion</h2>
            <Form method="post" preventScrollReset className="stack">
              <input type="hidden" name="revision" value={reply?.revision ?? d.revision} />
              <label htmlFor="rootCause">Root cause</label>
              <textarea
                id="rootCause"
                name="rootCause"
                className="textarea"
                rows={3}
                maxLength={5000}
                defaultValue={d.conclusion.rootCause}
                aria-invalid={rootCauseErrors.length ? true : undefined}
                aria-describedby={rootCauseErrors.length ? "rootCause-error" : undefined}
              />
              <FieldError id="rootCause-error" messages={rootCauseErrors} />
              <label htmlFor="mitigation">Mitigation: what you do now</label>
              <textarea
                id="mitigation"
                name="mitigation"
                className="textarea"
                rows={3}
                maxLength={5000}
                defaultValue={d.conclusion.mitigation}
              />
              <FieldError id="mitigation-error" messages={conclusionErrors("mitigation")} />
              <label htmlFor="prevention">Prevention: what changes afterwards</label>
              <textarea
                id="prevention"
                name="prevention"
                className="textarea"
                rows={3}
                maxLength={5000}
                defaultValue={d.conclusion.prevention}
              />
              <FieldError id="prevention-error" messages={conclusionErrors("prevention")} />
              {conclusionMessage ? (
                <p className="small" role="status">
                  {conclusionMessage}
                </p>
              ) : null}
              <div className="row">
                <button type="submit" name="intent" value="save-conclusion" className="btn" disabled={busy}>
                  Save
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="submit"
                  className="btn btn-primary"
                  disabled={busy}
                  onClick={(e) => {
                    if (!window.confirm("Submit the investigation? It can't change afterwards.")) e.preventDefault();
                  }}
                >
                  Submit
                </button>
              </div>
            </Form>
          </section>
        </aside>
        <div className="incident-main stack">
          <details className="card incident-prompt" open={d.revealed.length === 0}>
            <summary>The situation</summary>
            <div className="markdown kit-markdown" dangerouslySetInnerHTML={{ __html: d.promptHtml }} />
          </details>
          <h2 className="incident-evidence-title">
            Evidence <span className="small muted">({d.revealed.length} looked at, newest first)</span>
          </h2>
          {d.revealed.length ? (
            d.revealed.map((e) => <EvidenceCard key={e.id} evidence={e} />)
          ) : (
            <p className="card muted">Nothing yet. Say what you want to see, or open a source on the left.</p>
          )}
        </div>
      </div>
    </div>
  );
}

function RevealButton({
  id,
  title,
  detail,
  busy,
  seen = false,
  request,
}: {
  id: string;
  title: string;
  detail?: string | null;
  busy: boolean;
  seen?: boolean;
  request?: { asked?: string; source?: string; expected?: string };
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="reveal" />
      <input type="hidden" name="evidenceId" value={id} />
      {request?.asked ? <input type="hidden" name="asked" value={request.asked} /> : null}
      {request?.source ? <input type="hidden" name="source" value={request.source} /> : null}
      {request?.expected ? <input type="hidden" name="expected" value={request.expected} /> : null}
      <button type="submit" className="link-button" disabled={busy}>
        {title}
      </button>
      {detail ? <span className="small muted"> ({detail})</span> : null}
      {seen ? <span className="small muted"> (seen)</span> : null}
    </Form>
  );
}

/** Before Start: the situation, and that the clock starts only on Start. */
export function IncidentStart({ d, driver }: { d: WorkspaceData; driver: boolean }) {
  return (
    <main className="page page-narrow">
      <div className="card stack">
        <p className="small muted">Loopwise · incident simulation</p>
        <h1>{d.title}</h1>
        <div className="markdown kit-markdown" dangerouslySetInnerHTML={{ __html: d.promptHtml }} />
        <p>
          You will have <strong>{d.timeLimitMinutes} minutes</strong> from Start. Opening this page has not started the clock.
          {d.clock ? " Each piece of evidence also takes the on-call time it would take, shown on the incident clock." : ""}
          {driver ? " The interviewer reveals what the candidate asks for; everything is recorded with the time." : ""}
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <button type="submit" className="btn btn-primary">
            Start the {d.timeLimitMinutes}-minute incident
          </button>
        </Form>
      </div>
    </main>
  );
}

/** After submission or the deadline: what was recorded, read-only. */
export function IncidentFinished({ d }: { d: WorkspaceData }) {
  return (
    <main className="page page-narrow">
      <div className="card stack">
        <p className="small muted">Loopwise · incident simulation</p>
        <h1>{d.phase === "submitted" ? "Thank you: your investigation is submitted" : "Time is up"}</h1>
        <p>
          {d.phase === "submitted"
            ? "What you looked at, your hypotheses and your conclusion have been sent to the interviewer. You can close this page."
            : "The investigation can no longer change. What was recorded before the deadline is what counts."}
        </p>
        <p>
          You looked at {d.revealed.length} piece{d.revealed.length === 1 ? "" : "s"} of evidence and wrote{" "}
          {d.notes.filter((n) => n.kind === "hypothesis").length} hypotheses
          {d.clock ? `; the incident clock reached ${d.clock.now} (${d.clock.spent} of on-call time)` : ""}.
        </p>
        <h2>Your conclusion</h2>
        <dl className="facts">
          <dt>Root cause</dt>
          <dd className="notes">{d.conclusion.rootCause || "—"}</dd>
          <dt>Mitigation</dt>
          <dd className="notes">{d.conclusion.mitigation || "—"}</dd>
          <dt>Prevention</dt>
          <dd className="notes">{d.conclusion.prevention || "—"}</dd>
        </dl>
      </div>
    </main>
  );
}
