import type { StageKey } from "#db/schema";
import { getCandidate, getPosition } from "./candidate.server";
import { listExercisesByStage } from "./exercise.server";
import type { LoopScheduleValue } from "#app/models/loop-schema";
import type { InterviewPlan } from "./interview.server";
import { getDimensions, getStages } from "./rubric.server";
import { listPanelists } from "./user.server";
import { notFound } from "#app/utils/http.server";
import { checkInterview } from "./interview-checks.server";
import { stageMinutes } from "./stage-minutes";

/** Everything the scheduling form offers: the position's rubric stages, people and kits. */
export function schedulingOptions(candidateId: number) {
  const candidate = getCandidate(candidateId) ?? notFound("No such candidate");
  const position = getPosition(candidate.positionId) ?? notFound("No such position");
  const exercisesByStage = listExercisesByStage();
  const domainWords = `${position.key} ${position.title}`
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 3);
  const dimensions = Object.fromEntries(getDimensions(position.rubricVersionId).map((d) => [d.key, d.name]));
  // The kit whose slug names the position's domain ("fraud", "ranking") is the natural default.
  const defaultKit = Object.fromEntries(
    Object.entries(exercisesByStage).map(([stage, kits]) => [
      stage,
      kits.find((k) => domainWords.some((w) => k.slug.includes(w))) ?? kits[0],
    ]),
  ) as Partial<Record<StageKey, { id: number; durationMinutes: number }>>;
  return {
    candidate: { id: candidate.id, name: candidate.name, positionTitle: candidate.positionTitle },
    rubricVersionId: position.rubricVersionId,
    stages: getStages(position.rubricVersionId).map((s) => ({
      key: s.key,
      name: s.name,
      description: s.description,
      // The default kit's length: the slot is as long as the time plan the interviewer runs.
      minutes: stageMinutes(s, defaultKit[s.key]),
      optional: s.optional,
      focus: s.focus.map((f) => dimensions[f] ?? f),
    })),
    panelists: listPanelists(),
    exercisesByStage,
    defaultExercise: Object.fromEntries(Object.entries(defaultKit).map(([stage, kit]) => [stage, kit?.id ?? null])) as Partial<
      Record<StageKey, number | null>
    >,
  };
}

const ROW_FIELD = /^stages\[(\d+)\]\.(stage|include|interviewerId|scheduledAt|durationMinutes|exerciseId)$/;

/**
 * Only the fields the form has, for the rows it has. Anything else (stages[999999], a bare
 * "stages", unknown names) is dropped before parsing, so it can neither crash the page nor
 * smuggle in extra interviews.
 */
export function pickStageFields(formData: FormData, rowCount: number): FormData {
  const picked = new FormData();
  for (const [name, value] of formData) {
    const m = ROW_FIELD.exec(name);
    if (m && Number(m[1]) < rowCount && typeof value === "string") picked.append(name, value);
  }
  return picked;
}

/**
 * Each included row goes through the same checks as a single interview (checkInterview); on top,
 * rows may not overlap each other. Field errors, and each plan's date field, are keyed the way
 * the form names its fields.
 */
export function toInterviewPlans(
  value: LoopScheduleValue,
  ctx: { timeZone: string; now: number; stageKeys: StageKey[]; candidateId: number },
): { plans: { field: string; plan: InterviewPlan }[] } | { fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const plans: { field: string; plan: InterviewPlan }[] = [];
  value.stages.forEach((row, i) => {
    // The schema has already required these for every included row.
    if (!row.include || !row.interviewerId || !row.scheduledAt || !row.durationMinutes) return;
    const checked = checkInterview(
      {
        stage: row.stage,
        interviewerId: row.interviewerId,
        scheduledAt: row.scheduledAt,
        durationMinutes: row.durationMinutes,
        exerciseId: row.exerciseId,
      },
      ctx,
    );
    if ("fieldErrors" in checked) {
      for (const [field, messages] of Object.entries(checked.fieldErrors)) fieldErrors[`stages[${i}].${field}`] = messages;
      return;
    }
    const plan = checked.plan;
    if (plans.some(({ plan: p }) => p.scheduledAt.getTime() < end(plan) && plan.scheduledAt.getTime() < end(p)))
      fieldErrors[`stages[${i}].scheduledAt`] = ["Overlaps another stage of this loop; the candidate can't be in two interviews at once"];
    plans.push({ field: `stages[${i}].scheduledAt`, plan });
  });
  return Object.keys(fieldErrors).length ? { fieldErrors } : { plans };
}

const end = (p: { scheduledAt: Date; durationMinutes: number }) => p.scheduledAt.getTime() + p.durationMinutes * 60_000;
