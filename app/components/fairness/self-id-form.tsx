import { Form, Link } from "react-router";
import { SELF_ID_QUESTIONS } from "#app/models/self-identification";

/** Why the questions are asked, who sees the answers, and that not answering changes nothing. */
export function SelfIdStatement() {
  return (
    <div className="stack self-id-statement">
      <p>
        <strong>Why we ask.</strong> To check that our hiring process treats every group of candidates alike, and to show it in the yearly
        bias audit the law asks of us. We can only check what we count.
      </p>
      <p>
        <strong>Who sees it.</strong> No one who decides on your application. Your answers are kept apart from your application: the
        interviewers, graders and the hiring manager never see them. Only totals of at least five people are reported, to our compliance
        team.
      </p>
      <p>
        <strong>It is voluntary.</strong> Not answering, or answering “I prefer not to say”, changes nothing about your application. You can
        leave any question blank.
      </p>
    </div>
  );
}

export function SelfIdForm({ errors, busy }: { errors?: Record<string, string>; busy?: boolean }) {
  return (
    <Form method="post" className="stack" aria-describedby={errors?.form ? "self-id-form-error" : undefined}>
      {errors?.form ? (
        <p className="form-error" role="alert" id="self-id-form-error">
          {errors.form}
        </p>
      ) : null}
      {SELF_ID_QUESTIONS.map((q) => (
        <fieldset
          key={q.name}
          className="self-id-question"
          aria-invalid={errors?.[q.name] ? true : undefined}
          aria-describedby={errors?.[q.name] ? `${q.name}-error` : undefined}
        >
          <legend>{q.legend}</legend>
          {q.answers.map((a) => (
            <label key={a} className="checkbox">
              <input type="radio" name={q.name} value={a} />
              <span>{(q.labels as Record<string, string>)[a]}</span>
            </label>
          ))}
          {errors?.[q.name] ? (
            <p className="field-error" id={`${q.name}-error`}>
              {errors[q.name]}
            </p>
          ) : null}
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Saving…" : "Save my answers"}
        </button>
      </div>
    </Form>
  );
}

/** The small section on a candidate link's page that points to the form. */
export function SelfIdInvite({ invite, inline = false }: { invite: { path: string; answered: boolean } | null; inline?: boolean }) {
  if (!invite) return null;
  return (
    <aside className={inline ? "self-id-invite" : "page page-narrow self-id-invite"} aria-label="Voluntary equal-opportunity questions">
      <div className="card stack">
        <h2>Voluntary equal-opportunity questions</h2>
        {invite.answered ? (
          <p>Thank you: your answers are saved, apart from your application. No one who decides on it sees them.</p>
        ) : (
          <p>
            A few optional questions (sex, race or ethnicity, disability, veteran status) help us check that our process treats everyone
            alike. No one who decides on your application sees your answers, and not answering changes nothing.{" "}
            <Link to={invite.path}>Answer the questions (about a minute)</Link>
          </p>
        )}
      </div>
    </aside>
  );
}
