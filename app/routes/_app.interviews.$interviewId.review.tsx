import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.interviews.$interviewId.review";
import { GradingForm } from "#app/components/code-review/grading-form";
import { allowedMs, formatAllowed } from "#app/models/assignment-phase";
import { blindReference } from "#app/models/interview.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { gradingView, moveComment, saveGrade } from "#app/models/review-grade.server";
import { keyVersionState, regradeUnderCurrentKey } from "#app/models/review-key-version.server";
import { idParam, readFormData } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";
import { loadGradingContext } from "./_app.interviews.$interviewId.review.server";
import { parseGradeForm, parseMove } from "#app/models/grade-form";
import { requestTime } from "#app/utils/clock.server";
import { can } from "#app/models/permissions";

export const meta: Route.MetaFunction = () => [{ title: "Code review grading · Loopwise" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const now = requestTime(context);
  const ctx = loadGradingContext(idParam(params.interviewId), user, now);
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
      // The grader sees that an accommodation was granted, so time used reads fairly; only the grader.
      extraTime:
        ctx.isGrader && assignment.extraTimePercent > 100
          ? { factor: assignment.extraTimePercent / 100, allowed: formatAllowed(allowedMs(assignment)), limit: assignment.timeLimitMinutes }
          : null,
    },
    review: result && {
      ...gradingView(result, result.grade?.decisions ?? null),
      keyVersion: assignment ? keyVersionState(assignment) : null,
      gradedBy: result.grade ? { name: result.grade.graderName, at: result.grade.savedAt } : null,
    },
    dimensionNames,
    timeZone: user.timeZone,
    justGraded: new URL(request.url).searchParams.get("graded") === "1",
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requireUser(request);
  const now = requestTime(context);
  const ctx = loadGradingContext(idParam(params.interviewId), user, now);
  const refuse = (error: string, status: number) => data({ error, undecided: [] as string[], moved: false }, { status });
  if (!ctx.isGrader) return refuse("Only the interviewer on this stage grades its code review.", 403);
  if (!ctx.assignment || !ctx.result) return refuse("The candidate hasn't finished the review yet.", 409);
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "grade");
  if (intent === "regrade") {
    const regraded = regradeUnderCurrentKey(user, ctx.assignment, now);
    return regraded.ok ? { error: undefined, undecided: [] as string[], moved: false, regraded: true } : refuse(regraded.message, 409);
  }
  if (intent.startsWith("move.")) {
    const move = parseMove(form, intent);
    if (!move) return refuse("Choose where the comment belongs, then Move.", 400);
    const moved = moveComment(user, ctx.assignment, move, now);
    return moved.ok ? { error: undefined, undecided: [] as string[], moved: true } : refuse(moved.message, 400);
  }
  const rubric = getRubricDetail(ctx.interview.rubricVersionId);
  const parsed = parseGradeForm(form, {
    matchedDefectIds: ctx.result.current.items.filter((i) => i.matches.length).map((i) => i.id),
    judgementIds: ctx.result.exercise.judgements.map((j) => j.id),
    unmatchedCommentIds: ctx.result.current.unmatchedCommentIds,
    dimensions: (rubric?.dimensions ?? []).map((d) => d.key),
  });
  if ("error" in parsed) return data({ error: parsed.error, undecided: parsed.undecided ?? [], moved: false }, { status: 400 });
  saveGrade(user, ctx.assignment, parsed.decisions, now);
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
          {d.assignment?.extraTime ? (
            <p className="badge badge-info">
              Extra time granted: ×{d.assignment.extraTime.factor} ({d.assignment.extraTime.allowed} instead of{" "}
              {d.assignment.extraTime.limit} minutes)
            </p>
          ) : null}
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
          review={d.review}
          summary={d.assignment.summary}
          verdict={d.assignment.verdict}
          dimensionNames={d.dimensionNames}
          isGrader={d.isGrader}
          justGraded={d.justGraded}
          justMoved={Boolean(actionData?.moved)}
          justRegraded={Boolean(actionData && "regraded" in actionData && actionData.regraded)}
          error={actionData?.error}
          undecided={actionData?.undecided ?? []}
        />
      )}
    </>
  );
}
