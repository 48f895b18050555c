import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.interviews.$interviewId.review";
import { SubmitButton } from "#app/components/ui/submit-button";
import { blindReference } from "#app/models/loop.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { saveGrade } from "#app/models/review-grade.server";
import { idParam, readFormData } from "#app/utils/http.server";
import { requireUser } from "#app/utils/session.server";
import { formatDateTime } from "#app/utils/time";
import { loadGradingContext, parseGradeForm } from "./_app.interviews.$interviewId.review.server";
import { requestTime } from "#app/utils/clock.server";
import { can } from "#app/models/permissions";

export const meta: Route.MetaFunction = () => [{ title: "Code review grading · Loopwise" }];

const SEVERITY_CLASS = { critical: "badge-danger", major: "badge-warn", minor: "badge" } as const;
const pct = (x: number) => `${Math.round(x * 100)}%`;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const ctx = loadGradingContext(idParam(params.interviewId), user);
  const { interview, assignment, result } = ctx;
  const rubric = getRubricDetail(interview.rubricVersionId);
  const dimensionNames = Object.fromEntries((rubric?.dimensions ?? []).map((d) => [d.key, d.name]));
  // Blind grading: the grader sees the candidate's name only once their grade is saved.
  const showName = !ctx.isGrader || Boolean(result?.grade);
  return {
    interviewId: interview.id,
    exerciseTitle: interview.exerciseTitle,
    canManage: can(user, "loops:manage"),
    candidate: showName ? { id: interview.candidateId, name: interview.candidateName } : null,
    reference: assignment ? blindReference(assignment.id) : null,
    phase: ctx.phase,
    isGrader: ctx.isGrader,
    assignment: assignment && {
      exerciseTitle: assignment.exerciseTitle,
      summary: assignment.summary,
      verdict: assignment.verdict,
      submittedAt: assignment.submittedAt,
      deadlineAt: assignment.deadlineAt,
    },
    review: result && {
      defects: result.exercise.defects.map((d) => ({
        ...d,
        matched: result.auto.defects.find((a) => a.id === d.id)!.matchedCommentIds,
      })),
      comments: result.comments.map(({ id, filePath, line, body, code }) => ({ id, filePath, line, body, code })),
      unmatched: result.auto.unmatchedCommentIds,
      auto: { recall: result.auto.recall, found: result.auto.foundWeight, total: result.auto.totalWeight },
      graded: result.graded && {
        recall: result.graded.recall,
        found: result.graded.foundWeight,
        credited: result.graded.creditedWeight,
        byDimension: result.graded.byDimension,
      },
      decisions: result.grade?.decisions ?? null,
      gradedBy: result.grade ? { name: result.grade.graderName, at: result.grade.savedAt } : null,
      suggestions: result.suggestions,
    },
    dimensionNames,
    timeZone: user.timeZone,
    justGraded: new URL(request.url).searchParams.get("graded") === "1",
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const ctx = loadGradingContext(idParam(params.interviewId), user);
  if (!ctx.isGrader)
    return data({ error: "Only the interviewer on this stage grades its code review.", undecided: [] as string[] }, { status: 403 });
  if (!ctx.assignment || !ctx.result)
    return data({ error: "The candidate hasn't finished the review yet.", undecided: [] as string[] }, { status: 409 });
  const rubric = getRubricDetail(ctx.interview.rubricVersionId);
  const parsed = parseGradeForm(await readFormData(request), {
    matchedDefectIds: ctx.result.auto.defects.filter((d) => d.matchedCommentIds.length).map((d) => d.id),
    unmatchedCommentIds: ctx.result.auto.unmatchedCommentIds,
    dimensions: (rubric?.dimensions ?? []).map((d) => d.key),
  });
  if ("error" in parsed) return data({ error: parsed.error, undecided: parsed.undecided ?? [] }, { status: 400 });
  saveGrade(user, ctx.assignment, parsed.decisions, requestTime(context));
  throw redirect(`/interviews/${ctx.interview.id}/review?graded=1`);
}

export default function GradingPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const title = d.candidate ? `Code review: ${d.candidate.name}` : `Code review: ${d.reference ?? "not assigned"}`;
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={`/interviews/${d.interviewId}`}>Interview</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          <p>
            {d.assignment?.exerciseTitle ?? d.exerciseTitle ?? "No exercise chosen for this interview"}
            {d.isGrader && !d.candidate ? " · graded blind: the name appears once you save your grade" : ""}
          </p>
        </div>
        {d.review?.gradedBy ? (
          <Link to={`/interviews/${d.interviewId}/scorecard`} className="btn btn-primary">
            Open scorecard (ratings suggested)
          </Link>
        ) : null}
      </div>
      {!d.assignment ? (
        <p className="card">
          No candidate link has been created for this interview yet.{" "}
          {d.canManage && d.candidate ? (
            <Link to={`/candidates/${d.candidate.id}`}>Create it on {d.candidate.name}'s page.</Link>
          ) : (
            "The hiring manager creates it from the candidate's page."
          )}
        </p>
      ) : !d.review ? (
        <p className="card">
          {d.phase === "not_started"
            ? "The candidate hasn't started the exercise yet."
            : `The candidate is working on it; the review can be graded after they submit or the time runs out${d.assignment.deadlineAt ? ` (${formatDateTime(d.assignment.deadlineAt, d.timeZone)})` : ""}.`}
        </p>
      ) : (
        <GradingForm
          d={d}
          error={actionData?.error}
          undecided={actionData && "undecided" in actionData ? (actionData.undecided as string[]) : []}
        />
      )}
    </>
  );
}

function GradingForm({ d, error, undecided = [] }: { d: Route.ComponentProps["loaderData"]; error?: string; undecided?: string[] }) {
  const review = d.review!;
  const comment = (id: number) => review.comments.find((c) => c.id === id);
  const rejected = new Set(review.decisions?.rejected ?? []);
  const credited = new Map((review.decisions?.credited ?? []).map((c) => [c.commentId, c]));
  const readOnly = !d.isGrader;
  return (
    <Form method="post" className="stack">
      {d.justGraded ? (
        <p className="flash">Grade saved. The suggested ratings are on your scorecard; you decide the final ratings.</p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <section className="card" aria-labelledby="score-heading">
        <h2 id="score-heading">Score</h2>
        <div className="score-tiles">
          <div className="score-tile">
            <span className="tile-label">Automatic (severity-weighted recall)</span>
            <span className="tile-value">{pct(review.auto.recall)}</span>
            <span className="small muted">
              {review.auto.found} of {review.auto.total} points
            </span>
          </div>
          <div className="score-tile">
            <span className="tile-label">Graded</span>
            <span className="tile-value">{review.graded ? pct(review.graded.recall) : "—"}</span>
            <span className="small muted">
              {review.gradedBy
                ? `by ${review.gradedBy.name}${review.graded?.credited ? ` · +${review.graded.credited} points credited outside the key` : ""}`
                : "not graded yet"}
            </span>
          </div>
          <div className="score-tile">
            <span className="tile-label">Verdict</span>
            <span className="tile-value" style={{ fontSize: "1.1rem" }}>
              {d.assignment?.verdict?.replace("_", " ") ?? "none given"}
            </span>
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
                  <td>{d.dimensionNames[key] ?? key}</td>
                  <td className="num">
                    {s.found} of {s.total} points ({pct(s.recall)})
                  </td>
                  <td className="num">{s.level}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {d.assignment?.summary ? (
          <p className="notes" style={{ marginTop: "1rem" }}>
            <strong>Candidate's summary:</strong> {d.assignment.summary}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="defects-heading" className="stack">
        <h2 id="defects-heading">Planted defects ({review.defects.length})</h2>
        {review.defects.map((defect) => (
          <article
            key={defect.id}
            className={`card defect${defect.matched.length ? " defect-found" : " defect-missed"}`}
            aria-label={defect.title}
          >
            <div className="row-between">
              <h3>{defect.title}</h3>
              <span className="row small">
                <span className={`badge ${SEVERITY_CLASS[defect.severity]}`}>{defect.severity}</span>
                <span className="badge">{defect.category.replaceAll("_", " ")}</span>
                <span className="badge badge-info">{d.dimensionNames[defect.dimension] ?? defect.dimension}</span>
              </span>
            </div>
            <p className="small mono">
              {defect.file}:{defect.lines[0]}
              {defect.lines[1] !== defect.lines[0] ? `–${defect.lines[1]}` : ""}
            </p>
            <details>
              <summary className="small">Why it matters and the expected fix</summary>
              <p className="small">{defect.explanation}</p>
              <p className="small">
                <strong>Fix:</strong> {defect.expectedFix}
              </p>
            </details>
            {defect.matched.length ? (
              <>
                {defect.matched.map((id) => (
                  <blockquote key={id} className="candidate-comment">
                    <span className="mono small">
                      {comment(id)?.filePath}:{comment(id)?.line}
                    </span>
                    <pre className="code-line">{comment(id)?.code}</pre>
                    <p className="notes">{comment(id)?.body}</p>
                  </blockquote>
                ))}
                <fieldset className="row" disabled={readOnly} aria-invalid={undecided.includes(defect.id) || undefined}>
                  <legend className="visually-hidden">Does the comment identify this defect?</legend>
                  {undecided.includes(defect.id) ? <span className="field-error">Choose one:</span> : null}
                  <label className="checkbox">
                    <input
                      type="radio"
                      name={`decision.${defect.id}`}
                      value="confirm"
                      defaultChecked={review.decisions ? !rejected.has(defect.id) : false}
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
              <p className="small muted">Missed: no comment near these lines.</p>
            )}
          </article>
        ))}
      </section>

      <section aria-labelledby="unmatched-heading" className="stack">
        <h2 id="unmatched-heading">Comments outside the answer key ({review.unmatched.length})</h2>
        <p className="small muted">Not penalised. Credit any that is a valid finding the key doesn't list.</p>
        {review.unmatched.map((id) => {
          const c = comment(id)!;
          const credit = credited.get(id);
          return (
            <fieldset key={id} className="card" disabled={readOnly}>
              <legend className="mono small">
                {c.filePath}:{c.line}
              </legend>
              <pre className="code-line">{c.code}</pre>
              <p className="notes">{c.body}</p>
              <div className="row">
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
                  className="select"
                  style={{ width: 130 }}
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
                  className="select"
                  style={{ width: 240 }}
                  defaultValue={credit?.dimension ?? "software_engineering"}
                >
                  {Object.entries(d.dimensionNames).map(([key, name]) => (
                    <option key={key} value={key}>
                      {name}
                    </option>
                  ))}
                </select>
              </div>
            </fieldset>
          );
        })}
      </section>
      {d.isGrader ? (
        <div className="form-actions">
          <SubmitButton pendingText="Saving grade…">{review.gradedBy ? "Update grade" : "Save grade"}</SubmitButton>
        </div>
      ) : null}
    </Form>
  );
}
