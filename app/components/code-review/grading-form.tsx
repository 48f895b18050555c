import { Form } from "react-router";
import type { ReactNode } from "react";
import { SubmitButton } from "../ui/submit-button";

import { CommentBlock, KeyItemDetails, KeyItemHeading, type GradedComment, type KeyText, type Severity } from "./grading-items";

type Match = { commentId: number; by: "anchor" | "grader" };

export interface GradingReview {
  defects: (KeyText & { anchors: { file: string; lines: [number, number]; label?: string }[]; matches: Match[] })[];
  judgements: (KeyText & { credited: boolean })[];
  comments: GradedComment[];
  unmatched: number[];
  decoys: { file: string; lines: [number, number]; title: string | null; why: string; commentIds: number[] }[];
  auto: { recall: number; found: number; total: number };
  current: { recall: number; found: number; total: number; credited: number };
  decisions: { rejected: string[]; credited: { commentId: number; severity: Severity; dimension: string }[]; fromSummary: string[] } | null;
  gradedBy: { name: string; at: Date | null } | null;
  suggestions: Record<
    string,
    {
      level: number | null;
      fromRecall: number | null;
      applied: { capAt: number; says: string }[];
      found: number;
      total: number;
      recall: number;
    }
  >;
  keyVersion:
    { kind: "current"; version: number } | { kind: "can_regrade" | "pull_request_changed"; version: number; current: number } | null;
  /** Critical security or privacy items unfound though the candidate approved the pull request. */
  approvedWithOpenCritical: string[];
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const range = ([a, b]: [number, number]) => (a === b ? `${a}` : `${a}–${b}`);

/**
 * The grader's page: the score, each planted defect with the comments credited to it, the
 * PR-level items to credit from the summary, and the comments outside the key. Any comment can
 * be moved onto the defect it actually identifies; that applies (and is audited) at once.
 */
export function GradingForm({
  review,
  summary,
  verdict,
  dimensionNames,
  isGrader,
  justGraded,
  justMoved,
  justRegraded = false,
  error,
  undecided,
  children,
  gradedMessage = "Grade saved. The suggested ratings are on your scorecard; you decide the final ratings.",
}: {
  review: GradingReview;
  summary: string;
  verdict: string | null;
  dimensionNames: Record<string, string>;
  isGrader: boolean;
  justGraded: boolean;
  justMoved: boolean;
  justRegraded?: boolean;
  error?: string;
  undecided: string[];
  /** More of the same form before its buttons (certification adds the ratings and a submit). */
  children?: ReactNode;
  gradedMessage?: string;
}) {
  const comment = (id: number) => review.comments.find((c) => c.id === id)!;
  const rejected = new Set(review.decisions?.rejected ?? []);
  const credited = new Map((review.decisions?.credited ?? []).map((c) => [c.commentId, c]));
  const titles = new Map(review.defects.map((d) => [d.id, d.title]));
  const readOnly = !isGrader;
  const moveProps = { titles, defects: review.defects, readOnly };
  return (
    <Form method="post" className="stack">
      {justGraded ? <p className="flash">{gradedMessage}</p> : null}
      {justRegraded ? (
        <p className="flash" role="status">
          Regraded under the current answer key; the score below is recalculated and the change is in the audit log.
        </p>
      ) : null}
      {justMoved ? (
        <p className="flash" role="status">
          Comment moved; the score below is recalculated.
        </p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {review.approvedWithOpenCritical.length ? (
        <p className="card form-error" role="note">
          The candidate approved this pull request while a critical security or privacy defect stayed unflagged:{" "}
          {review.approvedWithOpenCritical.join("; ")}.
        </p>
      ) : null}
      {review.keyVersion && review.keyVersion.kind !== "current" ? (
        <div className="card row-between" role="note">
          <p>
            Scored under answer key version {review.keyVersion.version}, the one the candidate was given; the current key is version{" "}
            {review.keyVersion.current}.{" "}
            {review.keyVersion.kind === "can_regrade"
              ? "The pull request is the same in both, so you may regrade under the current key (the change is in the audit log)."
              : "The pull request itself changed since, so this review stays scored under its own version."}
          </p>
          {review.keyVersion.kind === "can_regrade" && isGrader ? (
            <button type="submit" name="intent" value="regrade" className="btn">
              Regrade under version {review.keyVersion.current}
            </button>
          ) : null}
        </div>
      ) : null}
      <section className="card" aria-labelledby="score-heading">
        <h2 id="score-heading">Score</h2>
        <div className="score-tiles">
          <div className="score-tile">
            <span className="tile-label">Automatic (by each comment's line and words)</span>
            <span className="tile-value">{pct(review.auto.recall)}</span>
            <span className="small muted">
              {review.auto.found} of {review.auto.total} points
            </span>
          </div>
          <div className="score-tile">
            <span className="tile-label">{review.gradedBy ? "Graded" : "Graded (provisional)"}</span>
            <span className="tile-value">{pct(review.current.recall)}</span>
            <span className="small muted">
              {review.current.found} of {review.current.total} points ·{" "}
              {review.gradedBy
                ? `by ${review.gradedBy.name}${review.current.credited ? ` · +${review.current.credited} credited outside the key` : ""}`
                : "save the grade to confirm"}
            </span>
          </div>
          <div className="score-tile">
            <span className="tile-label">Verdict</span>
            <span className="tile-value tile-value-text">{verdict?.replace("_", " ") ?? "none given"}</span>
          </div>
          <div className="score-tile">
            <span className="tile-label">Comments</span>
            <span className="tile-value">{review.comments.length}</span>
            <span className="small muted">{review.unmatched.length} outside the key</span>
          </div>
        </div>
        {Object.keys(review.suggestions).length ? (
          <table className="table" style={{ marginTop: "1rem" }}>
            <caption className="visually-hidden">Suggested ratings</caption>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col" className="num">
                  Found
                </th>
                <th scope="col" className="num">
                  Suggested rating
                </th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(review.suggestions).map(([key, s]) => (
                <tr key={key}>
                  <td>{dimensionNames[key] ?? key}</td>
                  <td className="num">
                    {s.found} of {s.total} points ({pct(s.recall)})
                  </td>
                  <td className="num">
                    {s.level ?? "none: nothing found, you choose"}
                    {s.applied.map((a) => (
                      <span key={a.says} className="small muted cr-rule">
                        {s.fromRecall} from recall, capped at {a.capAt}: {a.says}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="defects-heading" className="stack">
        <h2 id="defects-heading">Planted defects ({review.defects.length})</h2>
        {review.defects.map((defect) => (
          <article
            key={defect.id}
            className={`card defect${defect.matches.length ? " defect-found" : " defect-missed"}`}
            aria-label={defect.title}
          >
            <KeyItemHeading item={defect} dimensionNames={dimensionNames} />
            <p className="small mono">
              {defect.anchors.map((a, i) => (
                <span key={i} className="cr-anchor">
                  {a.file}:{range(a.lines)}
                  {a.label ? <span className="muted"> ({a.label})</span> : null}
                </span>
              ))}
            </p>
            <KeyItemDetails item={defect} />
            {defect.matches.length ? (
              <>
                {defect.matches.map((m) => (
                  <CommentBlock key={m.commentId} comment={comment(m.commentId)} {...moveProps} />
                ))}
                <fieldset className="row" disabled={readOnly} aria-invalid={undecided.includes(defect.id) || undefined}>
                  <legend className="visually-hidden">Does the comment identify this defect?</legend>
                  {undecided.includes(defect.id) ? <span className="field-error">Choose one:</span> : null}
                  <label className="checkbox">
                    <input
                      type="radio"
                      name={`decision.${defect.id}`}
                      value="confirm"
                      // A comment the grader moved here is their own call already.
                      defaultChecked={review.decisions ? !rejected.has(defect.id) : defect.matches.every((m) => m.by === "grader")}
                    />
                    <span>Confirm: the comment identifies it</span>
                  </label>
                  <label className="checkbox">
                    <input type="radio" name={`decision.${defect.id}`} value="reject" defaultChecked={rejected.has(defect.id)} />
                    <span>Reject: right line, wrong point</span>
                  </label>
                </fieldset>
              </>
            ) : (
              <p className="small muted">Missed: no comment credited to it.</p>
            )}
          </article>
        ))}
      </section>

      <section aria-labelledby="judgements-heading" className="stack">
        <h2 id="judgements-heading">Pull-request-level judgement ({review.judgements.length})</h2>
        <p className="small muted">Credit these from the candidate's summary: they are about the description, not a line of code.</p>
        <blockquote className="candidate-comment">
          <span className="small">Candidate's summary</span>
          <p className="notes">{summary || "No summary."}</p>
        </blockquote>
        {review.judgements.map((j) => (
          <article key={j.id} className="card defect" aria-label={j.title}>
            <KeyItemHeading item={j} dimensionNames={dimensionNames} />
            <KeyItemDetails item={j} />
            <label className="checkbox">
              <input type="checkbox" name="summary" value={j.id} defaultChecked={j.credited} disabled={readOnly} />
              <span>Credit: the summary makes this point</span>
            </label>
          </article>
        ))}
      </section>

      {review.decoys.length ? (
        <section aria-labelledby="decoys-heading" className="stack">
          <h2 id="decoys-heading">Plausible lines that are fine ({review.decoys.length})</h2>
          <p className="small muted">
            Decoys: code that looks wrong and isn't. Recognising them is part of software engineering at level 4; a comment that calls one a
            defect is listed under it.
          </p>
          {review.decoys.map((decoy, i) => (
            <article key={i} className="card" aria-label={decoy.title ?? `Decoy at ${decoy.file}:${range(decoy.lines)}`}>
              <h3>{decoy.title ?? "A plausible line that is fine"}</h3>
              <p className="small mono">
                {decoy.file}:{range(decoy.lines)}
              </p>
              <p className="small">{decoy.why}</p>
              {decoy.commentIds.length ? (
                decoy.commentIds.map((id) => (
                  <blockquote key={id} className="candidate-comment">
                    <span className="small">Flagged by the candidate at line {comment(id).line}</span>
                    <p className="notes">{comment(id).body}</p>
                  </blockquote>
                ))
              ) : (
                <p className="small muted">No comment flags it.</p>
              )}
            </article>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="unmatched-heading" className="stack">
        <h2 id="unmatched-heading">Comments outside the answer key ({review.unmatched.length})</h2>
        <p className="small muted">
          Not penalised. Move one onto the defect it names, or credit it as a valid finding the key doesn't list.
        </p>
        {review.unmatched.map((id) => {
          const credit = credited.get(id);
          return (
            <div key={id} className="card">
              <CommentBlock comment={comment(id)} {...moveProps} />
              <fieldset className="row" disabled={readOnly}>
                <legend className="visually-hidden">Credit this comment</legend>
                <label className="checkbox">
                  <input type="checkbox" name="credit" value={id} defaultChecked={Boolean(credit)} />
                  <span>Credit as a valid finding</span>
                </label>
                <label className="small" htmlFor={`severity-${id}`}>
                  Severity
                </label>
                <select
                  id={`severity-${id}`}
                  name={`severity.${id}`}
                  className="select cr-select-narrow"
                  defaultValue={credit?.severity ?? "minor"}
                >
                  <option value="critical">Critical</option>
                  <option value="major">Major</option>
                  <option value="minor">Minor</option>
                </select>
                <label className="small" htmlFor={`dimension-${id}`}>
                  Dimension
                </label>
                <select
                  id={`dimension-${id}`}
                  name={`dimension.${id}`}
                  className="select cr-select-wide"
                  defaultValue={credit?.dimension ?? "software_engineering"}
                >
                  {Object.entries(dimensionNames).map(([key, name]) => (
                    <option key={key} value={key}>
                      {name}
                    </option>
                  ))}
                </select>
              </fieldset>
            </div>
          );
        })}
      </section>
      {children}
      {isGrader ? (
        <div className="form-actions">
          <SubmitButton name="intent" value="grade" pendingText="Saving grade…">
            {review.gradedBy ? "Update grade" : "Save grade"}
          </SubmitButton>
        </div>
      ) : null}
    </Form>
  );
}
