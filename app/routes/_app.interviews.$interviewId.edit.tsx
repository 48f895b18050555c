import { parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.interviews.$interviewId.edit";
import { InterviewForm } from "#app/components/interview-form";
import { STAGE_LABELS } from "#app/components/labels";
import { listExercisesByStage } from "#app/models/exercise.server";
import { checkScheduledAt, interviewSchema } from "#app/models/loop-schema";
import { deleteInterview, getInterview, updateInterview } from "#app/models/loop.server";
import { getStages } from "#app/models/rubric.server";
import { listPanelists } from "#app/models/user.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requireRole } from "#app/utils/session.server";
import { toLocalInputValue } from "#app/utils/time";
import { interviewConflicts } from "./_app.interviews.shared.server";

export const meta: Route.MetaFunction = () => [{ title: "Edit interview · Loopwise" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireRole(request, "hiring_manager", "admin");
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
    panelists: listPanelists(),
    exercisesByStage: listExercisesByStage(),
    timeZone: user.timeZone,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireRole(request, "hiring_manager", "admin");
  const interview = getInterview(idParam(params.interviewId)) ?? notFound("No such interview");
  const back = `/candidates/${interview.candidateId}`;
  const formData = await readFormData(request);
  if (interview.loopStatus === "closed")
    return data({ status: "error", error: { "": ["This loop is closed; its interviews can no longer change."] } } as const, { status: 409 });
  if (formData.get("intent") === "delete") {
    // Refused when a scorecard exists: evidence is never thrown away with the interview.
    if (!deleteInterview(user, interview.id))
      return data({ status: "error", error: { "": ["This interview has a scorecard, so it can't be deleted. Cancel it instead."] } } as const, {
        status: 409,
      });
    throw redirect(back);
  }
  const now = Date.now();
  const unchangedTime = formData.get("scheduledAt") === toLocalInputValue(interview.scheduledAt, user.timeZone);
  const submission = parseWithZod(formData, { schema: interviewSchema({ timeZone: user.timeZone, now, allowPast: unchangedTime }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  const stageKeys = getStages(interview.rubricVersionId).map((s) => s.key);
  const fieldErrors = interviewConflicts({ ...value, stage: interview.stage }, { loopId: interview.loopId, interviewId: interview.id, stageKeys }) ?? {};
  if (interview.scorecardStatus && value.interviewerId !== interview.interviewerId)
    fieldErrors.interviewerId = [`${interview.interviewerName} has already started a scorecard for this interview, so the interviewer can't change.`];
  if (interview.scorecardStatus === "submitted" && value.status === "cancelled")
    fieldErrors.status = ["A submitted scorecard exists for this interview; it can't be cancelled."];
  if (Object.keys(fieldErrors).length) return data(submission.reply({ fieldErrors }), { status: 400 });
  const at = checkScheduledAt(value.scheduledAt, user.timeZone, now, { allowPast: unchangedTime });
  if (!("at" in at)) return data(submission.reply({ fieldErrors: { scheduledAt: [at.message] } }), { status: 400 });
  updateInterview(user, interview.id, {
    interviewerId: value.interviewerId,
    scheduledAt: unchangedTime ? interview.scheduledAt : at.at,
    durationMinutes: value.durationMinutes,
    exerciseId: value.exerciseId ?? null,
    status: value.status,
  });
  throw redirect(back);
}

export default function EditInterview({ loaderData, actionData }: Route.ComponentProps) {
  const { interview, stages, panelists, exercisesByStage, timeZone } = loaderData;
  const closed = interview.loopStatus === "closed";
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${interview.candidateId}`}>{interview.candidateName}</Link> /
      </nav>
      <div className="page-header">
        <h1>Edit {STAGE_LABELS[interview.stage]} interview</h1>
      </div>
      {closed ? <p className="form-error">This loop is closed; its interviews can no longer change.</p> : null}
      <InterviewForm
        mode="edit"
        lastResult={actionData}
        defaults={interview.defaults}
        stages={stages}
        panelists={panelists}
        exercisesByStage={exercisesByStage}
        timeZone={timeZone}
        cancelTo={`/candidates/${interview.candidateId}`}
      />
      {!interview.hasScorecard && !closed ? (
        <Form method="post" className="card" style={{ marginTop: "1rem" }}>
          <h2>Delete this interview</h2>
          <p className="muted">Removes it from the loop. Use this for a mistake; for an interview that did not happen, set its status to Cancelled.</p>
          <button type="submit" name="intent" value="delete" className="btn btn-danger">
            Delete interview
          </button>
        </Form>
      ) : null}
    </div>
  );
}
