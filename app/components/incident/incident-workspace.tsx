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

/**
 * The incident as the candidate works it (on their link, or on the interviewer's shared screen):
 * ask for evidence by name or pick it from a category, write hypotheses as they go, and end with a
 * root cause, a mitigation and a prevention plan. Every write goes to the server, which keeps time.
 */
export function IncidentWorkspace({ d, driver }: { d: WorkspaceData; driver: boolean }) {
  const reply = useActionData() as IncidentReply | undefined;
  const busy = useNavigation().state !== "idle";
  const askErrors = errorsFor(reply, "ask", "asked");
  const hypothesisErrors = errorsFor(reply, "hypothesis", "text");
  const conclusionErrors = (field: string) => [...errorsFor(reply, "submit", field), ...errorsFor(reply, "save-conclusion", field)];
  const rootCauseErrors = conclusionErrors("rootCause");
  const conclusionMessage = reply?.intent === "save-conclusion" || reply?.intent === "submit" ? reply.message : undefined;
  return (
    <div className="incident">
      <header className="incident-header">
        <div>
          <p className="small muted">Loopwise · incident simulation{driver ? " · driven by the interviewer" : ""}</p>
          <h1>{d.title}</h1>
        </div>
        {d.deadlineAt ? <Countdown deadlineAt={d.deadlineAt} serverNow={d.serverNow} extraTime={false} /> : null}
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
            <Form method="post" preventScrollReset className="stack">
              <input type="hidden" name="intent" value="ask" />
              <label htmlFor="asked">What do you want to look at?</label>
              <div className="row incident-ask">
                <input
                  id="asked"
                  name="asked"
                  className="input"
                  placeholder="e.g. deploy log"
                  maxLength={200}
                  aria-invalid={askErrors.length ? true : undefined}
                  aria-describedby={askErrors.length ? "asked-error" : undefined}
                />
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  Show
                </button>
              </div>
              <FieldError id="asked-error" messages={askErrors} />
            </Form>
            {reply?.intent === "ask" && reply.ok && reply.message ? (
              <p className="small" role="status">
                {reply.message}
              </p>
            ) : null}
            {reply?.intent === "ask" && reply.matches?.length ? (
              <div role="status">
                <p className="small">Several things match; which one?</p>
                <ul className="incident-matches">
                  {reply.matches.map((m) => (
                    <li key={m.id}>
                      <RevealButton id={m.id} title={m.title} busy={busy} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <h3 className="incident-subhead">Or pick from a category</h3>
            {d.catalogue.map((c) => (
              <details key={c.id} className="incident-category">
                <summary>{c.title}</summary>
                <ul>
                  {c.items.map((item) => (
                    <li key={item.id}>
                      <RevealButton id={item.id} title={item.title} busy={busy} seen={item.seen} />
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </section>
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
                    {n.kind === "ask" ? <span className="muted">Asked for “{n.text}”: nothing by that name</span> : n.text}
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
            d.revealed.map((e) => <EvidenceCard key={e.id} evidence={e} look={e.look} />)
          ) : (
            <p className="card muted">Nothing yet. Ask for something by name, or open a category on the left.</p>
          )}
        </div>
      </div>
    </div>
  );
}

function RevealButton({ id, title, busy, seen = false }: { id: string; title: string; busy: boolean; seen?: boolean }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="reveal" />
      <input type="hidden" name="evidenceId" value={id} />
      <button type="submit" className="link-button" disabled={busy}>
        {title}
      </button>
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
          {d.notes.filter((n) => n.kind === "hypothesis").length} hypotheses.
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
