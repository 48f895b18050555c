import { Fragment } from "react";

/** One field of what an interviewer had entered in a tab, in words, to copy from. */
export type EnteredField = { label: string; value: string };

/**
 * Shown when another tab or window saved this scorecard after this page loaded it: nothing was
 * overwritten either way, and the interviewer chooses. Loading the other version keeps what they
 * entered here on the page (YourEnteredVersion), so no words are lost whichever they pick.
 */
export function ScorecardConflict({ onLoadOther, onKeepMine }: { onLoadOther: () => void; onKeepMine: () => void }) {
  return (
    <section className="form-error conflict-panel stack" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">This scorecard was changed in another tab</h2>
      <p>
        It was saved from another tab or window after this page loaded it, so your latest changes here were <strong>not saved</strong>, and
        nothing of the other tab's was overwritten. What you entered is still on this page.
      </p>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={onLoadOther}>
          Load the other tab's version
        </button>
        <button type="button" className="btn" onClick={onKeepMine}>
          Keep this page's version
        </button>
      </div>
      <p className="small">
        Loading the other version keeps a copy of what you entered here below the form, to copy from. Keeping this page's version saves it
        over the other one.
      </p>
    </section>
  );
}

/** What the interviewer had entered in this tab before loading the other tab's version. */
export function YourEnteredVersion({ fields, onDismiss }: { fields: EnteredField[]; onDismiss: () => void }) {
  return (
    <section className="card stack entered-version" aria-labelledby="entered-title">
      <h2 id="entered-title">What you had entered in this tab (not saved)</h2>
      <p className="small muted">The form now shows the other tab's version. Copy anything you want to keep from here into it.</p>
      {fields.length ? (
        <dl className="facts">
          {fields.map((f) => (
            <Fragment key={f.label}>
              <dt>{f.label}</dt>
              <dd className="notes">{f.value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : (
        <p>Nothing had been entered.</p>
      )}
      <div>
        <button type="button" className="btn btn-small" onClick={onDismiss}>
          Done, hide this copy
        </button>
      </div>
    </section>
  );
}
