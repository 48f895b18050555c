import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect, useRef, useState } from "react";
import { Form, useFetcher } from "react-router";
import { RECOMMENDATION_LABELS, scorecardSchema, type ScorecardShape } from "#app/models/scorecard-schema";
import { ErrorList, FormError } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Dimension = {
  key: string;
  name: string;
  weight: number;
  excellent: string;
  levels: { level: number; label: string; anchor: string }[];
};
type Signal = { key: string; kind: "strong" | "weak" | "red_flag"; text: string };

export type ScorecardDefaults = {
  rating: Record<string, string>;
  evidence: Record<string, string>;
  signals: string[];
  note: Record<string, string>;
  recommendation: string;
  takeaways: string;
};

const SIGNAL_GROUPS: { kind: Signal["kind"]; title: string }[] = [
  { kind: "strong", title: "Strong signals" },
  { kind: "weak", title: "Weak signals" },
  { kind: "red_flag", title: "Red flags" },
];

const AUTOSAVE_DELAY_MS = 800;

/**
 * The interviewer's scorecard: anchored levels per dimension (focus dimensions first), evidence,
 * signals, and an overall recommendation. Drafts save as the interviewer works.
 */
export function ScorecardForm({
  shape,
  dimensions,
  signals,
  defaults,
  lastResult,
  submitted,
  lastSavedLabel,
}: {
  shape: ScorecardShape;
  dimensions: Dimension[];
  signals: Signal[];
  defaults: ScorecardDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  submitted: boolean;
  lastSavedLabel: string | null;
}) {
  const [form, fields] = useForm({
    id: "scorecard",
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: scorecardSchema(shape, formData.get("intent") === "submit" ? "submit" : "draft") }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  const autosave = useAutosave(!submitted);
  const rating = fields.rating.getFieldset();
  const evidence = fields.evidence.getFieldset();
  const notes = fields.note.getFieldset();
  const focus = dimensions.filter((d) => shape.focus.includes(d.key));
  const others = dimensions.filter((d) => !shape.focus.includes(d.key));
  const othersTouched = others.some((d) => rating[d.key]?.initialValue || evidence[d.key]?.initialValue || rating[d.key]?.errors);
  const checked = new Set((fields.signals.initialValue as string[] | undefined) ?? []);

  const renderDimension = (d: Dimension, isFocus: boolean) => {
    const r = rating[d.key]!;
    const e = evidence[d.key]!;
    return (
      <fieldset key={d.key} className={`dimension${isFocus ? " dimension-focus" : ""}`} aria-describedby={r.errors ? r.errorId : undefined}>
        <legend>
          {d.name} {isFocus ? <span className="badge badge-info">Focus</span> : null}{" "}
          <span className="small muted">weight {d.weight}%</span>
        </legend>
        <p className="small muted">Excellent looks like: {d.excellent}</p>
        <div className="level-grid">
          {d.levels.map((l) => (
            <label key={l.level} className="level-option">
              <input type="radio" name={r.name} value={String(l.level)} defaultChecked={r.initialValue === String(l.level)} />
              <span className="level-title">
                {l.level} · {l.label}
              </span>
              <span className="level-anchor">{l.anchor}</span>
            </label>
          ))}
          <label className="level-option level-na">
            <input type="radio" name={r.name} value="na" defaultChecked={r.initialValue === "na"} />
            <span className="level-title">Not assessed</span>
            <span className="level-anchor">This interview gave no evidence either way.</span>
          </label>
        </div>
        <ErrorList id={r.errorId} errors={r.errors} />
        <div className="field">
          <label htmlFor={e.id}>Evidence for {d.name}</label>
          <textarea
            id={e.id}
            name={e.name}
            className="textarea"
            rows={3}
            defaultValue={(e.initialValue as string | undefined) ?? ""}
            placeholder="What the candidate said or did: quotes, decisions, numbers."
            aria-invalid={e.errors ? true : undefined}
            aria-describedby={e.errors ? e.errorId : undefined}
          />
          <ErrorList id={e.errorId} errors={e.errors} />
        </div>
      </fieldset>
    );
  };

  return (
    <Form method="post" className="form" {...getFormProps(form)} onChange={(e) => autosave.schedule(e.currentTarget)}>
      <div className="scorecard-body">
        <FormError errors={form.errors} />
        <section aria-labelledby="focus-heading" className="stack">
          <h2 id="focus-heading">Focus dimensions of this stage</h2>
          {focus.map((d) => renderDimension(d, true))}
        </section>
        <details className="card other-dimensions" open={othersTouched || undefined}>
          <summary>
            Other dimensions <span className="muted small">(optional: rate only what this interview showed)</span>
          </summary>
          <div className="stack">{others.map((d) => renderDimension(d, false))}</div>
        </details>

        <section className="card" aria-labelledby="signals-heading">
          <h2 id="signals-heading">Signals you saw</h2>
          <ErrorList id={fields.signals.errorId} errors={fields.signals.errors} />
          <div className="signal-columns">
            {SIGNAL_GROUPS.map((g) => (
              <fieldset key={g.kind} className={`signal-group signal-${g.kind}`}>
                <legend>{g.title}</legend>
                {signals
                  .filter((s) => s.kind === g.kind)
                  .map((s) => {
                    const note = g.kind === "red_flag" ? notes[s.key] : undefined;
                    return (
                      <div key={s.key} className="signal-item">
                        <label className="checkbox">
                          <input type="checkbox" name={fields.signals.name} value={s.key} defaultChecked={checked.has(s.key)} />
                          <span>{s.text}</span>
                        </label>
                        {note ? (
                          <div className="field signal-note">
                            <label htmlFor={note.id} className="small">
                              What raised it? (required if ticked)
                            </label>
                            <input
                              id={note.id}
                              name={note.name}
                              className="input"
                              defaultValue={(note.initialValue as string | undefined) ?? ""}
                              aria-invalid={note.errors ? true : undefined}
                              aria-describedby={note.errors ? note.errorId : undefined}
                            />
                            <ErrorList id={note.errorId} errors={note.errors} />
                          </div>
                        ) : null}
                      </div>
                    );
                  })}
              </fieldset>
            ))}
          </div>
        </section>

        <section className="card" aria-labelledby="overall-heading">
          <h2 id="overall-heading">Overall recommendation</h2>
          <div className="recommendation-options" role="radiogroup" aria-labelledby="overall-heading">
            {Object.entries(RECOMMENDATION_LABELS).map(([value, label]) => (
              <label key={value} className={`recommendation-option rec-${value}`}>
                <input
                  type="radio"
                  name={fields.recommendation.name}
                  value={value}
                  defaultChecked={fields.recommendation.initialValue === value}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          <p className="small muted">There is no neutral option: if you can't lean either way, say why in the take-aways.</p>
          <ErrorList id={fields.recommendation.errorId} errors={fields.recommendation.errors} />
          <div className="field">
            <label htmlFor={fields.takeaways.id}>Key take-aways</label>
            <textarea
              id={fields.takeaways.id}
              name={fields.takeaways.name}
              className="textarea"
              rows={4}
              defaultValue={(fields.takeaways.initialValue as string | undefined) ?? ""}
              aria-invalid={fields.takeaways.errors ? true : undefined}
            />
            <ErrorList id={fields.takeaways.errorId} errors={fields.takeaways.errors} />
          </div>
        </section>
      </div>

      <div className="form-actions sticky-actions">
        {submitted ? null : (
          <SubmitButton name="intent" value="save" className="btn" pendingText="Saving…">
            Save draft
          </SubmitButton>
        )}
        <SubmitButton name="intent" value="submit" pendingText="Submitting…">
          {submitted ? "Submit amendment" : "Submit scorecard"}
        </SubmitButton>
        <span className="small muted" role="status" aria-live="polite">
          {autosave.status ?? lastSavedLabel}
        </span>
      </div>
    </Form>
  );
}

/** Saves a draft shortly after each change, through a fetcher so the page doesn't navigate. */
function useAutosave(enabled: boolean) {
  const fetcher = useFetcher<{ autosave?: { ok: boolean; message: string } }>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [dirty, setDirty] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  const schedule = (form: HTMLFormElement) => {
    if (!enabled) return;
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const data = new FormData(form);
      data.set("intent", "autosave");
      fetcher.submit(data, { method: "post" });
      setDirty(false);
    }, AUTOSAVE_DELAY_MS);
  };
  const status =
    fetcher.state !== "idle" ? "Saving draft…" : dirty ? "Unsaved changes…" : fetcher.data?.autosave ? fetcher.data.autosave.message : null;
  return { schedule, status };
}
