import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useEffect, useRef, useState } from "react";
import { Form, useBlocker } from "react-router";
import { useDebouncedSave } from "./ui/use-debounced-save";
import {
  EVIDENCE_MAX,
  NOTE_MAX,
  RECOMMENDATION_LABELS,
  scorecardSchema,
  TAKEAWAYS_MAX,
  type ScorecardShape,
} from "#app/models/scorecard-schema";
import type { ScorecardDefaults } from "#app/models/scorecard-defaults";
import { ScorecardConflict, YourEnteredVersion, type EnteredField } from "./scorecard-conflict";
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

const SIGNAL_GROUPS: { kind: Signal["kind"]; title: string }[] = [
  { kind: "strong", title: "Strong signals" },
  { kind: "weak", title: "Weak signals" },
  { kind: "red_flag", title: "Red flags" },
];

const AUTOSAVE_DELAY_MS = 800;

/** What a save's reply says: its status line, the revision now stored, or that another tab saved first. */
export type SaveReply = { ok: boolean; message: string; revision?: number; conflict?: { revision: number } };

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
  submitBlockedReason,
  suggestions,
  revision,
  lastSave,
  entered,
  onLoadOther,
  onDismissEntered,
}: {
  shape: ScorecardShape;
  dimensions: Dimension[];
  signals: Signal[];
  defaults: ScorecardDefaults;
  lastResult?: SubmissionResult<string[]> | null;
  submitted: boolean;
  lastSavedLabel: string | null;
  submitBlockedReason: string | null;
  suggestions: Record<string, { level: number | null; recall: number }>;
  /** The revision the page loaded; every save names the latest this tab knows of. */
  revision: number;
  /** The reply to the last Save draft or Submit (autosaves reply to their own fetcher). */
  lastSave?: SaveReply;
  /** What this tab had entered before it loaded another tab's version, shown to copy from. */
  entered: EnteredField[] | null;
  onLoadOther: (entered: EnteredField[]) => void;
  onDismissEntered: () => void;
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
  const formProps = getFormProps(form);
  const { base, tabField, conflict, useReplies, keepMine } = usePageCopy(revision);
  const autosave = useAutosave(!submitted && !conflict);
  useReplies([lastSave, autosave.reply]);
  // An amendment isn't autosaved, so leaving with unsent changes asks first; a draft's last words
  // are saved before the next page loads.
  useLeaveSafely(submitted && autosave.touched, autosave);
  useRevealFirstError(form.id, form.allErrors);
  const formRef = useRef<HTMLFormElement>(null);
  const rating = fields.rating.getFieldset();
  const evidence = fields.evidence.getFieldset();
  const notes = fields.note.getFieldset();
  const focus = dimensions.filter((d) => shape.focus.includes(d.key));
  const others = dimensions.filter((d) => !shape.focus.includes(d.key));
  const othersTouched = others.some(
    (d) => rating[d.key]?.initialValue || evidence[d.key]?.initialValue || rating[d.key]?.errors || evidence[d.key]?.errors,
  );
  const checked = new Set((fields.signals.initialValue as string[] | undefined) ?? []);

  const renderDimension = (d: Dimension, isFocus: boolean) => (
    <DimensionFieldset
      key={d.key}
      dimension={d}
      isFocus={isFocus}
      rating={rating[d.key]!}
      evidence={evidence[d.key]!}
      suggestion={suggestions[d.key]}
    />
  );

  return (
    <Form
      method="post"
      className="form"
      {...formProps}
      ref={formRef}
      onChange={(e) => autosave.schedule(e.currentTarget)}
      onSubmit={(e) => {
        formProps.onSubmit(e);
        // A draft save still waiting would reach the server after the submit and be refused (the
        // scorecard is submitted by then), and its refusal would leave the page showing the draft.
        if (!e.defaultPrevented) autosave.cancel();
      }}
    >
      {/* The copy this page holds, named by every save: a stale one is refused, never applied. */}
      <input type="hidden" name="revision" value={base} />
      <input type="hidden" name="tab" ref={tabField} />
      {conflict ? (
        <ScorecardConflict
          onLoadOther={() => onLoadOther(enteredFields(formRef.current, dimensions, signals))}
          onKeepMine={() => {
            const over = keepMine();
            // A draft is saved over the other version at once; an amendment waits for its Submit.
            if (formRef.current && over !== null && !submitted) autosave.saveNow(formRef.current, { revision: String(over) });
          }}
        />
      ) : null}
      {entered ? <YourEnteredVersion fields={entered} onDismiss={onDismissEntered} /> : null}
      <ErrorSummary errors={form.allErrors} dimensions={dimensions} />
      <div className="scorecard-body">
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
                              maxLength={NOTE_MAX}
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
            <CountedTextarea meta={fields.takeaways as FieldMeta} max={TAKEAWAYS_MAX} rows={4} />
            <ErrorList id={fields.takeaways.errorId} errors={fields.takeaways.errors} />
          </div>
        </section>
      </div>

      {submitBlockedReason ? (
        <p id="submit-blocked" className="small muted">
          {submitBlockedReason}
        </p>
      ) : null}
      <div className="form-actions sticky-actions">
        {submitted ? null : (
          <SubmitButton name="intent" value="save" className="btn" pendingText="Saving…">
            Save draft
          </SubmitButton>
        )}
        <SubmitButton
          name="intent"
          value="submit"
          pendingText="Submitting…"
          disabled={Boolean(submitBlockedReason)}
          aria-describedby={submitBlockedReason ? "submit-blocked" : undefined}
        >
          {submitted ? "Submit amendment" : "Submit scorecard"}
        </SubmitButton>
        <span className="small muted save-status" role="status" aria-live="polite">
          {conflict
            ? "Not saved: changed in another tab"
            : (autosave.status ?? lastSavedLabel ?? (submitted ? null : "Not started: notes save as you type"))}
        </span>
        <FormError errors={form.errors} />
      </div>
    </Form>
  );
}

/** Draft autosave for the scorecard, and the status line it shows. */
function useAutosave(enabled: boolean) {
  const { fetcher, schedule, saveNow, cancel, dirty, flush, hasPending } = useDebouncedSave<{ autosave?: SaveReply }>({
    intent: "autosave",
    delayMs: AUTOSAVE_DELAY_MS,
    enabled,
  });
  // Touched is tracked even when autosave is off: an amendment asks before leaving.
  const [touched, setTouched] = useState(false);
  const status =
    fetcher.state !== "idle" ? "Saving draft…" : dirty ? "Unsaved changes…" : fetcher.data?.autosave ? fetcher.data.autosave.message : null;
  return {
    reply: fetcher.state === "idle" ? fetcher.data?.autosave : undefined,
    schedule: (form: HTMLFormElement) => {
      setTouched(true);
      schedule(form);
    },
    saveNow,
    cancel,
    flush,
    hasPending,
    status,
    touched,
  };
}

/**
 * The copy of the scorecard this page holds: the revision its next save names (the page's, then
 * each reply's), this tab's random id (so its own saves in flight aren't taken for another tab's),
 * and whether another tab has saved since. Only this tab's own replies move the revision on: a
 * reload of the page's data after another tab saved must not, or this tab would then overwrite it.
 */
function usePageCopy(loaded: number) {
  const [base, setBase] = useState(loaded);
  const [conflict, setConflict] = useState<{ revision: number } | null>(null);
  // The tab's id is made in the browser after hydration (the server's render has none) and put
  // straight into the hidden field every save sends.
  const tabField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (tabField.current && !tabField.current.value) tabField.current.value = crypto.randomUUID();
  }, []);
  const seen = useRef(new WeakSet<SaveReply>());
  /** Takes in each save's reply once: a conflict stops autosave and asks; success moves the revision on. */
  const useReplies = (replies: (SaveReply | undefined)[]) =>
    useEffect(() => {
      for (const reply of replies) {
        if (!reply || seen.current.has(reply)) continue;
        seen.current.add(reply);
        if (reply.conflict) setConflict(reply.conflict);
        else if (reply.revision !== undefined) setBase((b) => Math.max(b, reply.revision!));
      }
    });
  /** This tab's version is to go over the other: its saves now name the revision stored. */
  const keepMine = () => {
    if (conflict) setBase(conflict.revision);
    setConflict(null);
    return conflict?.revision ?? null;
  };
  return { base, tabField, conflict, useReplies, keepMine };
}

/**
 * Leaving the page never loses a word: while `confirm` (an amendment not yet submitted) it asks
 * first; otherwise a draft save still waiting is sent, and the navigation goes on once the server
 * has it, so the page navigated to, or the one returned to, reads it.
 */
function useLeaveSafely(confirm: boolean, autosave: { hasPending: () => boolean; flush: () => Promise<void> }) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => (confirm || autosave.hasPending()) && currentLocation.pathname !== nextLocation.pathname,
  );
  // The latest of both, read when the navigation is blocked (they change on every render).
  const latest = useRef({ confirm, autosave });
  useEffect(() => {
    latest.current = { confirm, autosave };
  });
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (!latest.current.confirm) void latest.current.autosave.flush().then(() => blocker.proceed());
    else if (window.confirm("Leave without submitting your amendment? Your changes will be lost.")) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!confirm) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [confirm]);
}

/** At the top of the form after a refused save: every message, named by its field (the first field gets focus). */
function ErrorSummary({ errors, dimensions }: { errors: Record<string, string[]>; dimensions: Dimension[] }) {
  const entries = Object.entries(errors).filter(([name]) => name !== "");
  if (!entries.length) return null;
  const fieldName = (name: string) => {
    const [head, key] = name.split(".", 2);
    const dimension = dimensions.find((d) => d.key === key)?.name;
    if (head === "rating" && dimension) return `${dimension}: rating`;
    if (head === "evidence" && dimension) return `${dimension}: evidence`;
    if (head === "note") return "Red-flag note";
    return name === "recommendation" ? "Overall recommendation" : name === "takeaways" ? "Key take-aways" : "Signals";
  };
  return (
    <div className="form-error error-summary" role="alert" aria-labelledby="error-summary-heading">
      <h2 id="error-summary-heading">
        {entries.length === 1 ? "One field to fix" : `${entries.length} fields to fix`}: what you typed is still here
      </h2>
      <ul>
        {entries.map(([name, messages]) => (
          <li key={name}>
            {fieldName(name)}: {messages.join(" ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After a refused submit, bring the first message into view (opening a folded section). */
function useRevealFirstError(formId: string, errors: Record<string, string[]>) {
  const signature = Object.keys(errors).join("|");
  useEffect(() => {
    if (!signature) return;
    const form = document.getElementById(formId);
    const first = form?.querySelector<HTMLElement>(".field-error");
    if (!first) return;
    first.closest("details")?.setAttribute("open", "");
    const fieldset = first.closest("fieldset") ?? first;
    fieldset.scrollIntoView({ block: "center" });
    // The wrong field itself (say, an evidence box that is too long), else the group's first choice.
    (fieldset.querySelector<HTMLElement>('[aria-invalid="true"]') ?? fieldset.querySelector<HTMLElement>("input, textarea"))?.focus({
      preventScroll: true,
    });
  }, [formId, signature]);
}

type FieldMeta = { id: string; name: string; errorId: string; errors?: string[]; initialValue?: unknown };

/**
 * One dimension: its anchored levels, "Not assessed", and the evidence. On a phone the levels are
 * compact choices; the chosen level's anchor is shown under them and every anchor is one tap away.
 */
function DimensionFieldset({
  dimension: d,
  isFocus,
  rating: r,
  evidence: e,
  suggestion,
}: {
  dimension: Dimension;
  isFocus: boolean;
  rating: FieldMeta;
  evidence: FieldMeta;
  suggestion?: { level: number | null; recall: number };
}) {
  const [chosen, setChosen] = useState((r.initialValue as string | undefined) ?? "");
  const chosenLevel = d.levels.find((l) => String(l.level) === chosen);
  return (
    <fieldset
      className={`dimension${isFocus ? " dimension-focus" : ""}`}
      aria-describedby={r.errors ? r.errorId : undefined}
      onChange={(event) => {
        const target: EventTarget = event.target;
        if (target instanceof HTMLInputElement && target.name === r.name) setChosen(target.value);
      }}
    >
      <legend>
        {d.name} {isFocus ? <span className="badge badge-info">Focus</span> : null}{" "}
        <span className="small muted nowrap">weight {d.weight}%</span>
      </legend>
      <p className="small muted">Excellent looks like: {d.excellent}</p>
      {suggestion?.level ? (
        <p className="flash small">
          Suggested from the graded code review: {suggestion.level} · {d.levels.find((l) => l.level === suggestion.level)?.label} (
          {Math.round(suggestion.recall * 100)}% of planted defects found). It is pre-selected; the rating is yours to decide.
        </p>
      ) : suggestion ? (
        <p className="flash small">
          From the graded code review: the candidate found none of the planted defects in this area (0%). Nothing is pre-selected: choose
          the rating from what you saw.
        </p>
      ) : null}
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
      {/* Phone only (CSS): the anchors the compact choices leave out. */}
      <p className="level-chosen small" aria-live="polite">
        {chosenLevel ? (
          <>
            <strong>
              {chosenLevel.level} · {chosenLevel.label}:
            </strong>{" "}
            {chosenLevel.anchor}
          </>
        ) : null}
      </p>
      <details className="level-guide small">
        <summary>What each level looks like</summary>
        <dl>
          {d.levels.map((l) => (
            <div key={l.level}>
              <dt>
                {l.level} · {l.label}
              </dt>
              <dd>{l.anchor}</dd>
            </div>
          ))}
        </dl>
      </details>
      <ErrorList id={r.errorId} errors={r.errors} />
      <div className="field">
        <label htmlFor={e.id}>Evidence for {d.name}</label>
        <CountedTextarea meta={e} max={EVIDENCE_MAX} rows={3} placeholder="What the candidate said or did: quotes, decisions, numbers." />
        <ErrorList id={e.errorId} errors={e.errors} />
      </div>
    </fieldset>
  );
}

/**
 * A text box with a limit: it counts as you type and says when the text is over, rather than
 * cutting a paste short without a word (no maxLength). What is over is kept on the page.
 */
function CountedTextarea({ meta, max, rows, placeholder }: { meta: FieldMeta; max: number; rows: number; placeholder?: string }) {
  const [length, setLength] = useState(((meta.initialValue as string | undefined) ?? "").length);
  const over = length > max;
  const countId = `${meta.id}-count`;
  return (
    <>
      <textarea
        id={meta.id}
        name={meta.name}
        className="textarea textarea-grow"
        rows={rows}
        defaultValue={(meta.initialValue as string | undefined) ?? ""}
        placeholder={placeholder}
        onInput={(event) => {
          growToFit(event);
          setLength(event.currentTarget.value.length);
        }}
        aria-invalid={meta.errors || over ? true : undefined}
        aria-describedby={[meta.errors ? meta.errorId : null, countId].filter(Boolean).join(" ")}
      />
      <p id={countId} className={`small char-count${over ? " field-error" : " muted"}`} aria-live={over ? "polite" : "off"}>
        {over
          ? `${length.toLocaleString("en-GB")} of ${max.toLocaleString("en-GB")} characters: ${(length - max).toLocaleString("en-GB")} too many. Shorten it to save it; nothing has been cut.`
          : `${length.toLocaleString("en-GB")} of ${max.toLocaleString("en-GB")} characters`}
      </p>
    </>
  );
}

/** Evidence boxes grow as they are typed in: CSS does it where field-sizing is supported, this elsewhere. */
function growToFit(event: React.FormEvent<HTMLTextAreaElement>) {
  const box = event.currentTarget;
  if (typeof CSS !== "undefined" && CSS.supports("field-sizing", "content")) return;
  box.style.height = "auto";
  box.style.height = `${box.scrollHeight + 2}px`;
}

const RATING_WORDS: Record<string, string> = { na: "Not assessed" };

/** What is entered in the form, field by field in words, for the copy kept when another version loads. */
function enteredFields(form: HTMLFormElement | null, dimensions: Dimension[], signals: Signal[]): EnteredField[] {
  if (!form) return [];
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  const fields: EnteredField[] = [];
  for (const d of dimensions) {
    const choice = text(`rating.${d.key}`);
    const level = d.levels.find((l) => String(l.level) === choice);
    if (choice)
      fields.push({ label: `${d.name}: rating`, value: level ? `${level.level} · ${level.label}` : (RATING_WORDS[choice] ?? choice) });
    if (text(`evidence.${d.key}`)) fields.push({ label: `${d.name}: evidence`, value: text(`evidence.${d.key}`) });
  }
  for (const key of data.getAll("signals").map(String)) {
    const signal = signals.find((s) => s.key === key);
    if (!signal) continue;
    const note = text(`note.${key}`);
    fields.push({ label: "Signal", value: note ? `${signal.text}: ${note}` : signal.text });
  }
  const recommendation = text("recommendation");
  if (recommendation)
    fields.push({
      label: "Overall recommendation",
      value: RECOMMENDATION_LABELS[recommendation as keyof typeof RECOMMENDATION_LABELS] ?? recommendation,
    });
  if (text("takeaways")) fields.push({ label: "Key take-aways", value: text("takeaways") });
  return fields;
}
