import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.interviews.$interviewId.edit";
import { InterviewForm } from "#app/components/interview-form";
import { STAGE_LABELS } from "#app/models/labels";
import { listExercisesByStage } from "#app/models/exercise.server";
import { interviewSchema } from "#app/models/loop-schema";
import { deleteInterview, getInterview, updateInterview } from "#app/models/interview.server";
import { getStages } from "#app/models/rubric.server";
import { listPanelists } from "#app/models/user.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { toLocalInputValue } from "#app/utils/time";
import { checkInterview, checkWarnings, WARNINGS_MESSAGE } from "#app/models/interview-checks.server";
import { requestTime } from "#app/utils/clock.server";

function withCurrent<T extends { id: number; name: string; title: string }>(people: T[], current: { id: number; name: string }) {
  return people.some((p) => p.id === current.id) ? people : [...people, { ...current, title: "deactivated" } as T];
}

export const meta: Route.MetaFunction = () => [{ title: "Edit interview · Loopwise" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "loops:manage");
  const interview = getInterview(idParam(params.interviewId)) ?? notFound("No such interview");
  return {
    interview: {
      id: interview.id,
      stage: interview.stage,
      candidateId: interview.candidateId,
      candidateName: interview.candidateName,
      loopStatus: interview.loopStatus,
      hasScorecard: Boolean(interview.scorecardStatus),
      defaults: {
        stage: interview.stage,
        interviewerId: interview.interviewerId,
        scheduledAt: toLocalInputValue(interview.scheduledAt, user.timeZone),
        durationMinutes: interview.durationMinutes,
        exerciseId: interview.exerciseId,
        status: interview.status,
      },
    },
    stages: getStages(interview.rubricVersionId).map((s) => ({ key: s.key, name: s.name })),
    // The booked interviewer stays selectable even if deactivated since, so other fields can change.
    panelists: withCurrent(listPanelists(), { id: interview.interviewerId, name: interview.interviewerName }),
    exercisesByStage: listExercisesByStage(),
    timeZone: user.timeZone,
    now: requestTime(context).getTime(),
  };
}

const CLOSED = "This loop is closed; its interviews can no longer change.";

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const interview = getInterview(idParam(params.interviewId)) ?? notFound("No such interview");
  const back = `/candidates/${interview.candidateId}`;
  const formData = await readFormData(request);
  if (interview.loopStatus === "closed") return data({ status: "error", error: { "": [CLOSED] } } as const, { status: 409 });
  if (formData.get("intent") === "delete") {
    // Refused when a scorecard exists: evidence is never thrown away with the interview.
    if (!deleteInterview(user, interview.id, requestTime(context)))
      return data(
        { status: "error", error: { "": ["This interview has a scorecard, so it can't be deleted. Cancel it instead."] } } as const,
        {
          status: 409,
        },
      );
    throw redirect(back);
  }
  // The stage of an existing interview never changes; whatever was posted for it is ignored.
  formData.set("stage", interview.stage);
  const now = requestTime(context).getTime();
  const scheduledAtInput = toLocalInputValue(interview.scheduledAt, user.timeZone);
  const submission = parseWithZod(formData, {
    schema: interviewSchema({ timeZone: user.timeZone, now, allowPast: formData.get("scheduledAt") === scheduledAtInput }),
  });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const checked = checkInterview(value, {
    loopId: interview.loopId,
    candidateId: interview.candidateId,
    stageKeys: getStages(interview.rubricVersionId).map((s) => s.key),
    timeZone: user.timeZone,
    now,
    existing: { id: interview.id, interviewerId: interview.interviewerId, scheduledAt: interview.scheduledAt, scheduledAtInput },
  });
  const fieldErrors = "fieldErrors" in checked ? checked.fieldErrors : {};
  if (interview.scorecardStatus && value.interviewerId !== interview.interviewerId)
    fieldErrors.interviewerId = [
      `${interview.interviewerName} has already started a scorecard for this interview, so the interviewer can't change.`,
    ];
  if (interview.scorecardStatus === "submitted" && value.status !== "completed")
    fieldErrors.status = ["A scorecard has been submitted for this interview, so it stays Completed."];
  if ("plan" in checked && value.status === "completed" && checked.plan.scheduledAt.getTime() > now)
    fieldErrors.status = ["An interview can't be completed before it has started."];
  if (Object.keys(fieldErrors).length || !("plan" in checked)) return data(submission.reply({ fieldErrors }), { status: 400 });
  // Only a new time or a new interviewer can raise a warning; the booking as it stands was accepted.
  const rebooked =
    checked.plan.scheduledAt.getTime() !== interview.scheduledAt.getTime() || value.interviewerId !== interview.interviewerId;
  const warnings =
    rebooked && value.status === "scheduled"
      ? checkWarnings([{ field: "scheduledAt", plan: checked.plan }], formData.get("acceptWarnings"))
      : null;
  if (warnings) return data({ ...submission.reply({ formErrors: [WARNINGS_MESSAGE] }), warnings }, { status: 400 });
  updateInterview(user, interview.id, { ...checked.plan, status: value.status }, requestTime(context));
  throw redirect(back);
}

export default function EditInterview({ loaderData, actionData }: Route.ComponentProps) {
  const { interview, stages, panelists, exercisesByStage, timeZone, now } = loaderData;
  const closed = interview.loopStatus === "closed";
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${interview.candidateId}`}>{interview.candidateName}</Link> /
      </nav>
      <div className="page-header">
        <h1>Edit {STAGE_LABELS[interview.stage]} interview</h1>
      </div>
      {closed ? (
        <div className="card">
          <p className="form-error" role="status">
            {CLOSED}
          </p>
          <p>
            <Link to={`/candidates/${interview.candidateId}`}>Back to {interview.candidateName}</Link>
          </p>
        </div>
      ) : (
        <InterviewForm
          mode="edit"
          lastResult={actionData}
          defaults={interview.defaults}
          stages={stages}
          panelists={panelists}
          exercisesByStage={exercisesByStage}
          timeZone={timeZone}
          now={now}
          cancelTo={`/candidates/${interview.candidateId}`}
        />
      )}
      {!interview.hasScorecard && !closed ? (
        <Form method="post" className="card" style={{ marginTop: "1rem" }}>
          <h2>Delete this interview</h2>
          <p className="muted">
            Removes it from the loop. Use this for a mistake; for an interview that did not happen, set its status to Cancelled.
          </p>
          <button type="submit" name="intent" value="delete" className="btn btn-danger">
            Delete interview
          </button>
        </Form>
      ) : null}
    </div>
  );
}
