import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.candidates.$candidateId.interviews.new";
import { InterviewForm } from "#app/components/interview-form";
import { interviewSchema } from "#app/models/loop-schema";
import { getOpenLoop } from "#app/models/loop.server";
import { addInterview } from "#app/models/interview.server";
import { idParam, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { schedulingOptions } from "#app/models/loop-scheduling.server";
import { checkInterview, checkWarnings, WARNINGS_MESSAGE } from "#app/models/interview-checks.server";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = () => [{ title: "Add interview · Loopwise" }];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requirePermission(request, "loops:manage");
  const candidateId = idParam(params.candidateId);
  const options = schedulingOptions(candidateId);
  // Interviews are added to an open loop; without one the hiring manager schedules a loop first.
  if (!getOpenLoop(candidateId)) throw redirect(`/candidates/${candidateId}/loop`);
  return { ...options, timeZone: user.timeZone, now: requestTime(context).getTime() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const candidateId = idParam(params.candidateId);
  const options = schedulingOptions(candidateId);
  const loop = getOpenLoop(candidateId);
  const now = requestTime(context).getTime();
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: interviewSchema({ timeZone: user.timeZone, now, allowPast: false }) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!loop)
    return data(submission.reply({ formErrors: ["This candidate's loop was closed; schedule a new loop instead."] }), { status: 409 });
  const checked = checkInterview(submission.value, {
    loopId: loop.id,
    candidateId,
    stageKeys: options.stages.map((s) => s.key),
    timeZone: user.timeZone,
    now,
  });
  if ("fieldErrors" in checked) return data(submission.reply({ fieldErrors: checked.fieldErrors }), { status: 400 });
  const warnings = checkWarnings([{ field: "scheduledAt", plan: checked.plan }], formData.get("acceptWarnings"));
  if (warnings) return data({ ...submission.reply({ formErrors: [WARNINGS_MESSAGE] }), warnings }, { status: 400 });
  addInterview(user, loop.id, checked.plan, requestTime(context));
  throw redirect(`/candidates/${candidateId}`);
}

export default function AddInterview({ loaderData, actionData }: Route.ComponentProps) {
  const { candidate, stages, panelists, exercisesByStage, timeZone, now } = loaderData;
  const first = stages[0];
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> /
      </nav>
      <div className="page-header">
        <h1>Add an interview</h1>
      </div>
      <InterviewForm
        mode="add"
        lastResult={actionData}
        defaults={{
          stage: first?.key ?? "system_design",
          interviewerId: "",
          scheduledAt: "",
          durationMinutes: first?.minutes ?? 60,
          exerciseId: null,
          status: "scheduled",
        }}
        stages={stages}
        panelists={panelists}
        exercisesByStage={exercisesByStage}
        timeZone={timeZone}
        now={now}
        cancelTo={`/candidates/${candidate.id}`}
      />
    </div>
  );
}
