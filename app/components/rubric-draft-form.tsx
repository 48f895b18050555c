// The draft editor: weights and floors, band thresholds, anchor text and signals. One schema on
// both sides (rubric-draft-schema.ts), so a mistake is marked on its field before anything is sent,
// and the server says the same if it is sent anyway.
import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { ErrorList, FormError } from "#app/components/ui/field";
import { SubmitButton } from "#app/components/ui/submit-button";
import { draftFormValues, rubricDraftSchema } from "#app/models/rubric-draft-schema";
import type { RubricFile } from "#app/models/rubric";
import { SIGNAL_KINDS } from "#db/schema";

const KIND_LABELS: Record<(typeof SIGNAL_KINDS)[number], string> = { strong: "Strong signal", weak: "Weak signal", red_flag: "Red flag" };

export function RubricDraftForm({ draft, lastResult }: { draft: RubricFile; lastResult?: SubmissionResult<string[]> | null }) {
  const [form, fields] = useForm<RubricFile>({
    id: "rubric-draft",
    lastResult,
    defaultValue: draftFormValues(draft),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rubricDraftSchema(draft) }),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  // The draft fixes how many dimensions and bands there are, whatever a crafted post claims.
  const dimensions = fields.dimensions.getFieldList().slice(0, draft.dimensions.length);
  const bands = fields.bands.getFieldList().slice(0, draft.bands.length);
  const total = dimensions.reduce((sum, d) => sum + (Number(d.getFieldset().weight.value) || 0), 0);
  const blockable = draft.bands.slice(0, -1);
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <FormError errors={form.errors} />

      <section className="card card-flush" aria-labelledby="weights-heading">
        <div className="card-header">
          <h2 id="weights-heading">Weights and floors</h2>
          <span className={`small ${total === 100 ? "muted" : "warn-text"}`} aria-live="polite">
            Total {total} of 100
          </span>
        </div>
        <p className="small muted card-note">
          Whole numbers that sum to 100. A floor keeps a band and those above it out of reach while the dimension's score is at or below a
          level: it shows as a gate above the band, with its reason.
        </p>
        <ErrorList id={fields.dimensions.errorId} errors={fields.dimensions.errors} />
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Weight</th>
                <th scope="col">Floor: score at or below</th>
                <th scope="col">Rules out</th>
              </tr>
            </thead>
            <tbody>
              {dimensions.map((d, i) => {
                const f = d.getFieldset();
                const floor = f.floor.getFieldset();
                const name = draft.dimensions[i]!.name;
                return (
                  <tr key={`${i}:${d.key}`}>
                    <th scope="row">{name}</th>
                    <td>
                      <Labelled meta={f.weight} label={`Weight of ${name}`}>
                        {(props) => <input className="input input-narrow" type="number" min={1} max={100} step={1} {...props} />}
                      </Labelled>
                    </td>
                    <td>
                      <Labelled meta={floor.atOrBelow} label={`Floor for ${name}`}>
                        {(props) => (
                          <select className="select" {...props}>
                            <option value="">No floor</option>
                            {[1, 2, 3].map((level) => (
                              <option key={level} value={level}>
                                ≤ {level} {draft.scale[level - 1]?.label}
                              </option>
                            ))}
                          </select>
                        )}
                      </Labelled>
                    </td>
                    <td>
                      <Labelled meta={floor.blocks} label={`Band the floor for ${name} rules out`}>
                        {(props) => (
                          <select className="select" disabled={!floor.atOrBelow.value} {...props}>
                            {blockable.map((b) => (
                              <option key={b.key} value={b.key}>
                                {b.label} or better
                              </option>
                            ))}
                          </select>
                        )}
                      </Labelled>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card card-flush" aria-labelledby="bands-heading">
        <div className="card-header">
          <h2 id="bands-heading">Bands</h2>
        </div>
        <p className="small muted card-note">
          The lowest S each band starts at, highest first, to two decimals. The band is read from S as shown; the lowest band starts at 1.
        </p>
        <ErrorList id={fields.bands.errorId} errors={fields.bands.errors} />
        <div className="table-wrap">
          <table className="table">
            <tbody>
              {bands.map((b, i) => (
                <tr key={`${i}:${b.key}`}>
                  <th scope="row">{draft.bands[i]!.label}</th>
                  <td>
                    <Labelled meta={b.getFieldset().minScore} label={`${draft.bands[i]!.label} from S ≥`}>
                      {(props) => <input className="input input-narrow" type="number" min={1} max={4} step={0.01} {...props} />}
                    </Labelled>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="anchors-heading">
        <h2 id="anchors-heading">Anchored levels</h2>
        <p className="small muted">What an answer at each level sounds like for each dimension: four levels, no neutral midpoint.</p>
        {dimensions.map((d, i) => {
          const levels = d.getFieldset().levels;
          return (
            <fieldset key={`${i}:${d.key}`} className="anchor-fieldset">
              <legend>{draft.dimensions[i]!.name}</legend>
              <ErrorList id={levels.errorId} errors={levels.errors} />
              {levels.getFieldList().map((l, j) => {
                const anchor = l.getFieldset().anchor;
                const { key, ...props } = getTextareaProps(anchor, { ariaAttributes: true });
                return (
                  <div key={`${j}:${l.key}`} className="field">
                    <label htmlFor={anchor.id}>
                      {j + 1} · {draft.scale[j]?.label ?? "Extra level"}
                    </label>
                    <textarea key={key} className="textarea" rows={3} {...props} />
                    <ErrorList id={anchor.errorId} errors={anchor.errors} />
                  </div>
                );
              })}
            </fieldset>
          );
        })}
      </section>

      <section className="card card-flush" aria-labelledby="signals-heading">
        <div className="card-header">
          <h2 id="signals-heading">Signals</h2>
          <button
            className="btn btn-small"
            {...form.insert.getButtonProps({
              name: fields.signals.name,
              defaultValue: { key: "", kind: "strong", text: "", dimension: draft.dimensions[0]?.key ?? "" },
            })}
          >
            Add a signal
          </button>
        </div>
        <p className="small muted card-note">
          Checkable items on the scorecard. A red flag needs a note from the interviewer and fires a gate. Keys are lower_snake_case and
          unique.
        </p>
        <ErrorList id={fields.signals.errorId} errors={fields.signals.errors} />
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Dimension</th>
                <th scope="col">Text</th>
                <th scope="col">Key</th>
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.signals.getFieldList().map((s, i) => {
                const f = s.getFieldset();
                const n = `signal ${i + 1}`;
                return (
                  <tr key={`${i}:${s.key}`}>
                    <td>
                      <Labelled meta={f.kind} label={`Kind of ${n}`}>
                        {(props) => (
                          <select className="select" {...props}>
                            {SIGNAL_KINDS.map((k) => (
                              <option key={k} value={k}>
                                {KIND_LABELS[k]}
                              </option>
                            ))}
                          </select>
                        )}
                      </Labelled>
                    </td>
                    <td>
                      <Labelled meta={f.dimension} label={`Dimension of ${n}`}>
                        {(props) => (
                          <select className="select" {...props}>
                            {draft.dimensions.map((d) => (
                              <option key={d.key} value={d.key}>
                                {d.name}
                              </option>
                            ))}
                          </select>
                        )}
                      </Labelled>
                    </td>
                    <td className="wide-cell">
                      <Labelled meta={f.text} label={`Text of ${n}`}>
                        {(props) => <input className="input" type="text" {...props} />}
                      </Labelled>
                    </td>
                    <td>
                      <Labelled meta={f.key} label={`Key of ${n}`}>
                        {(props) => <input className="input mono" type="text" {...props} />}
                      </Labelled>
                    </td>
                    <td>
                      <button className="btn btn-small btn-ghost" {...form.remove.getButtonProps({ name: fields.signals.name, index: i })}>
                        Remove<span className="visually-hidden"> {n}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      {Object.keys(form.allErrors).length ? (
        <p className="form-error" role="alert">
          Not saved yet. {(fields.dimensions.errors ?? []).map((e) => `${e[0]?.toUpperCase()}${e.slice(1)}. `)}Fix the fields marked above.
        </p>
      ) : null}
      <div className="form-actions">
        <SubmitButton name="intent" value="preview" pendingText="Saving…">
          Save and preview the impact
        </SubmitButton>
        <SubmitButton name="intent" value="save" className="btn" pendingText="Saving…">
          Save draft
        </SubmitButton>
      </div>
    </Form>
  );
}

type ControlProps = { id: string; name: string; defaultValue?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** A table cell's control with a label for screen readers and its errors under it. */
function Labelled({
  meta,
  label,
  children,
}: {
  meta: FieldMetadata<unknown>;
  label: string;
  children: (props: ControlProps) => React.ReactNode;
}) {
  const { key, ...props } = getInputProps(meta as FieldMetadata<string>, { type: "text", ariaAttributes: true });
  const select = getSelectProps(meta as FieldMetadata<string>, { ariaAttributes: true });
  const defaultValue = Array.isArray(select.defaultValue) ? select.defaultValue[0] : select.defaultValue;
  return (
    <>
      <label htmlFor={meta.id} className="visually-hidden">
        {label}
      </label>
      <span key={key} style={{ display: "contents" }}>
        {children({
          id: props.id!,
          name: props.name,
          defaultValue: defaultValue ?? undefined,
          "aria-invalid": props["aria-invalid"],
          "aria-describedby": props["aria-describedby"],
        })}
      </span>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </>
  );
}
