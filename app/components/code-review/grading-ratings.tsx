// The grader's rating of each focus dimension of a pre-graded code review, inside the grading
// form: the four levels with their anchors, the suggestion from the saved grade beside them (as
// the scorecard shows it), and a message next to a level left out.
export type RatingDimension = {
  key: string;
  name: string;
  levels: { level: number; label: string; anchor: string }[];
};

export function GradingRatings({
  dimensions,
  chosen,
  suggested,
  errors,
}: {
  dimensions: RatingDimension[];
  chosen: Record<string, string>;
  suggested: Record<string, number | null>;
  errors: Record<string, string>;
}) {
  return (
    <section className="card stack" aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Your ratings</h2>
      <p className="small muted">
        Rate the candidate on each focus dimension as you would on their scorecard. Save the grade first to see the suggested ratings; you
        decide the final ones.
      </p>
      {dimensions.map((d) => {
        const error = errors[d.key];
        const suggestion = suggested[d.key];
        return (
          <fieldset
            key={d.key}
            className="stack"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `rating-error-${d.key}` : undefined}
          >
            <legend>
              <strong>{d.name}</strong>
              {suggestion ? <span className="small muted"> · suggested {suggestion}</span> : null}
            </legend>
            {error ? (
              <p id={`rating-error-${d.key}`} className="field-error">
                {error}
              </p>
            ) : null}
            {d.levels.map((l) => (
              <label key={l.level} className="checkbox">
                <input type="radio" name={`rating.${d.key}`} value={String(l.level)} defaultChecked={chosen[d.key] === String(l.level)} />
                <span>
                  <strong>
                    {l.level} · {l.label}
                  </strong>
                  <span className="small muted"> {l.anchor}</span>
                </span>
              </label>
            ))}
          </fieldset>
        );
      })}
    </section>
  );
}
