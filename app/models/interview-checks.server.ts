import type { StageKey } from "#db/schema";
import { formatDateTime } from "#app/utils/time";
import { getExerciseStage } from "./exercise.server";
import { STAGE_LABELS } from "./labels";
import { checkScheduledAt } from "./loop-schema";
import { findActiveStage, findClash, isOnPanel, type InterviewPlan } from "./interview.server";
import { schedulingWarnings, warningsKey } from "./scheduling-warnings.server";
import { getSchedulingPeople, listPanelists } from "./user.server";
import { certificationRules, certificationStatus, stagesWithGoldSamples } from "./gold-sample.server";

/**
 * Why this interviewer isn't ready for this stage, or null: a stage with gold samples asks for
 * certification on them first (rubrics/gold-samples/certification.json says whether that warns or
 * refuses). A stage without gold samples asks for nothing.
 */
export function certificationProblem(plan: { stage: StageKey; interviewerId: number }, name: string): string | null {
  if (!stagesWithGoldSamples().has(plan.stage)) return null;
  const status = certificationStatus([plan.interviewerId]).get(plan.interviewerId)?.get(plan.stage);
  if (!status || status.certified) return null;
  // The code-review stage's interviewer is its grader: they certify on pre-graded code reviews.
  if (plan.stage === "code_review")
    return `${name} isn't certified to grade code reviews yet (${status.missing}): graders grade the pre-graded code reviews on the Certification page before their first.`;
  return `${name} isn't certified for ${STAGE_LABELS[plan.stage]} yet (${status.missing}): interviewers rate the stage's gold samples on the Certification page before their first loop.`;
}

/** Warnings by form field, and the key that accepting exactly these warnings sends back. */
export type SchedulingWarnings = { byField: Record<string, string[]>; key: string };

/**
 * The checks for one interview that need the database: a real, active interviewer (or the one
 * already booked, even if since deactivated), a kit for this stage, one interview per stage, and
 * no double-booking of the interviewer or the candidate. Returns the plan or field errors.
 */
export function clashMessage(clash: ReturnType<typeof findClash>, timeZone: string): string | null {
  if (clash.forCandidate)
    return `The candidate already has ${STAGE_LABELS[clash.forCandidate.stage]} at ${formatDateTime(clash.forCandidate.scheduledAt, timeZone)}; pick a time that doesn't overlap`;
  if (clash.forInterviewer)
    return `The interviewer is already interviewing ${clash.forInterviewer.candidateName} at ${formatDateTime(clash.forInterviewer.scheduledAt, timeZone)}`;
  return null;
}

export function checkInterview(
  value: { stage: StageKey; interviewerId: number; scheduledAt: string; durationMinutes: number; exerciseId?: number },
  ctx: {
    /** Absent while a new loop is being scheduled: there is no loop to collide with yet. */
    loopId?: number;
    candidateId: number;
    stageKeys: StageKey[];
    timeZone: string;
    now: number;
    existing?: { id: number; interviewerId: number; scheduledAt: Date; scheduledAtInput: string };
  },
): { plan: InterviewPlan } | { fieldErrors: Record<string, string[]> } {
  const errors: Record<string, string[]> = {};
  const keepsTime = ctx.existing && value.scheduledAt === ctx.existing.scheduledAtInput;
  const at = keepsTime ? { at: ctx.existing!.scheduledAt } : checkScheduledAt(value.scheduledAt, ctx.timeZone, ctx.now);
  if ("message" in at) errors.scheduledAt = [at.message];
  if (!ctx.stageKeys.includes(value.stage)) errors.stage = ["This stage is not part of the position's rubric"];
  else if (ctx.loopId && findActiveStage(ctx.loopId, value.stage, ctx.existing?.id))
    errors.stage = [`This loop already has a ${STAGE_LABELS[value.stage]} interview; edit or cancel that one instead`];
  const unchangedInterviewer = ctx.existing?.interviewerId === value.interviewerId;
  if (!unchangedInterviewer && !listPanelists().some((p) => p.id === value.interviewerId))
    errors.interviewerId = ["That person can't interview: choose an active interviewer from the list"];
  else if (ctx.loopId && isOnPanel(ctx.loopId, value.interviewerId, ctx.existing?.id))
    errors.interviewerId = ["This person already has another stage of this loop; choose someone else"];
  if (!errors.interviewerId && !unchangedInterviewer && certificationRules().uncertifiedOnStage === "refuse") {
    const name = getSchedulingPeople([value.interviewerId]).get(value.interviewerId)?.name ?? "This interviewer";
    const problem = certificationProblem(value, name);
    if (problem) errors.interviewerId = [problem];
  }
  if (value.exerciseId) {
    const exercise = getExerciseStage(value.exerciseId);
    if (!exercise || !exercise.active || exercise.stage !== value.stage) errors.exerciseId = ["Choose an exercise made for this stage"];
  }
  if ("at" in at && !errors.interviewerId) {
    const clash = findClash({
      interviewerId: value.interviewerId,
      candidateId: ctx.candidateId,
      start: at.at,
      minutes: value.durationMinutes,
      exceptInterviewId: ctx.existing?.id,
    });
    const message = clashMessage(clash, ctx.timeZone);
    if (message) errors.scheduledAt = [message];
  }
  if (Object.keys(errors).length || !("at" in at)) return { fieldErrors: errors };
  return {
    plan: {
      stage: value.stage,
      interviewerId: value.interviewerId,
      scheduledAt: at.at,
      durationMinutes: value.durationMinutes,
      exerciseId: value.exerciseId ?? null,
    },
  };
}

/**
 * Weekend, public-holiday and certification warnings for planned interviews, by form field, or null when there
 * are none. The form shows them and books only once they are accepted (`acceptedKey` matches).
 */
export function checkWarnings(
  planned: { field: string; plan: InterviewPlan }[],
  acceptedKey: FormDataEntryValue | null,
): SchedulingWarnings | null {
  const people = getSchedulingPeople([...new Set(planned.map((p) => p.plan.interviewerId))]);
  const byField: Record<string, string[]> = {};
  for (const { field, plan } of planned) {
    const person = people.get(plan.interviewerId);
    const warnings = person ? schedulingWarnings(plan.scheduledAt, person) : [];
    const uncertified = person && certificationRules().uncertifiedOnStage === "warn" ? certificationProblem(plan, person.name) : null;
    if (uncertified) warnings.push(uncertified);
    if (warnings.length) byField[field] = warnings;
  }
  if (!Object.keys(byField).length) return null;
  const key = warningsKey(byField);
  return key === acceptedKey ? null : { byField, key };
}

export const WARNINGS_MESSAGE = "Not booked yet: check the warnings below, then confirm or change the time.";
