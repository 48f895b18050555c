// The incident panel of a debugging interview's kit page: the run's state, the candidate's link,
// the recorded path beside the ideal one; and the actions that set a run up.
import { mayInterview } from "#app/models/interview-access";
import { z } from "zod";
import { assignmentPhase } from "#app/models/assignment-phase";
import { reissueLink } from "./assignment.server";
import { investigationPath } from "#app/models/incident-path";
import { createIncidentRun, getIncidentRun, listSteps } from "./incident.server";
import type { Kit } from "./kit.server";
import { kitScenario } from "./incident-workspace.server";
import type { getInterview } from "./interview.server";
import type { SessionUser } from "./session.server";
import { incidentLink } from "./incident-link.server";

type Interview = NonNullable<ReturnType<typeof getInterview>>;

/** The recorded path of a debugging interview's run, for the kit page and the scorecard. */
export function incidentPathFor(interviewId: number, kit: Kit | null, now: Date) {
  const scenario = kitScenario(kit);
  const run = scenario ? getIncidentRun(interviewId) : null;
  if (!scenario || !run) return null;
  const path = investigationPath(scenario, listSteps(run.assignmentId), run.startedAt);
  const written = run.rootCause || run.mitigation || run.prevention;
  return {
    path,
    conclusion: written ? { rootCause: run.rootCause, mitigation: run.mitigation, prevention: run.prevention } : null,
    // The guide scores a sensible path that ran out of time: the view says how, when it did.
    ranOutOfTime: assignmentPhase(run, now) === "time_up",
  };
}

export async function incidentPanel(interview: Interview, kit: Kit, now: Date, viewerIsInterviewer: boolean) {
  const run = getIncidentRun(interview.id);
  const open = interview.loopStatus === "open" && interview.status !== "cancelled";
  if (!run) return { run: null, canSetUp: open, defaultMinutes: Math.max(20, kit.durationMinutes - 10) };
  const phase = assignmentPhase(run, now);
  return {
    run: {
      mode: run.mode,
      phase,
      timeLimitMinutes: run.timeLimitMinutes,
      startedAt: run.startedAt,
      deadlineAt: run.deadlineAt,
      submittedAt: run.submittedAt,
      linkExpiresAt: run.linkExpiresAt,
      link: run.mode === "candidate_link" && (phase === "not_started" || phase === "in_progress") ? await incidentLink(run) : null,
      canDrive: run.mode === "interviewer_led" && viewerIsInterviewer,
    },
    canSetUp: open,
    defaultMinutes: run.timeLimitMinutes,
    ...incidentPathFor(interview.id, kit, now),
  };
}

const minutes = z.coerce
  .number({ error: "Enter the time in minutes" })
  .int("Use whole minutes")
  .min(15, "Allow at least 15 minutes")
  .max(120, "Keep the incident under 120 minutes");

const KitActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("incident-link"), timeLimitMinutes: minutes }),
  z.object({ intent: z.literal("incident-drive"), timeLimitMinutes: minutes }),
  z.object({ intent: z.literal("incident-reissue") }),
]);

/** Sets up the run of a debugging interview in an open loop, or issues its candidate a new link. */
export function handleKitAction(
  user: SessionUser,
  interview: Interview,
  kit: Kit | null,
  formData: FormData,
  now: Date,
): { ok: true; drive?: true } | { ok: false; error: string } {
  const parsed = KitActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join(" ") };
  if (!kit?.content?.scenario || interview.loopStatus !== "open" || interview.status === "cancelled")
    return { ok: false, error: "This interview has no incident to run in an open loop." };
  const input = parsed.data;
  if (input.intent === "incident-reissue") {
    const run = getIncidentRun(interview.id);
    if (!run || run.mode !== "candidate_link" || !reissueLink(user, run.assignmentId, now))
      return { ok: false, error: "Only an unfinished candidate link can be replaced." };
    return { ok: true };
  }
  if (input.intent === "incident-drive" && !mayInterview(user, interview, "write"))
    return { ok: false, error: "Only the interviewer of this interview can drive the incident." };
  createIncidentRun(
    user,
    {
      interviewId: interview.id,
      mode: input.intent === "incident-link" ? "candidate_link" : "interviewer_led",
      timeLimitMinutes: input.timeLimitMinutes,
    },
    now,
  );
  return input.intent === "incident-drive" ? { ok: true, drive: true } : { ok: true };
}
