import type { StageKey } from "#db/schema";
import { getCandidate, getPosition } from "#app/models/candidate.server";
import { getExerciseStage, listExercisesByStage } from "#app/models/exercise.server";
import { checkScheduledAt, type LoopScheduleValue } from "#app/models/loop-schema";
import { findClash, type InterviewPlan } from "#app/models/loop.server";
import { clashMessage } from "./_app.interviews.shared.server";
import { getDimensions, getStages } from "#app/models/rubric.server";
import { listPanelists } from "#app/models/user.server";
import { notFound } from "#app/utils/http.server";

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
  return {
    candidate: { id: candidate.id, name: candidate.name, positionTitle: candidate.positionTitle },
    rubricVersionId: position.rubricVersionId,
    stages: getStages(position.rubricVersionId).map((s) => ({
      key: s.key,
      name: s.name,
      description: s.description,
      minutes: s.minutes,
      optional: s.optional,
      focus: s.focus.map((f) => dimensions[f] ?? f),
    })),
    panelists: listPanelists(),
    exercisesByStage,
    // The kit whose slug names the position's domain ("fraud", "ranking") is the natural default.
    defaultExercise: Object.fromEntries(
      Object.entries(exercisesByStage).map(([stage, kits]) => [
        stage,
        (kits.find((k) => domainWords.some((w) => k.slug.includes(w))) ?? kits[0])?.id ?? null,
      ]),
    ) as Partial<Record<StageKey, number | null>>,
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
 * Checks that need the database, and turns the form into interview plans. Returns field errors
 * keyed the way the form names its fields.
 */
export function toInterviewPlans(
  value: LoopScheduleValue,
  { timeZone, now, stageKeys, candidateId }: { timeZone: string; now: number; stageKeys: StageKey[]; candidateId: number },
): { plans: InterviewPlan[] } | { fieldErrors: Record<string, string[]> } {
  const panel = new Set(listPanelists().map((p) => p.id));
  const fieldErrors: Record<string, string[]> = {};
  const plans: (InterviewPlan & { row: number })[] = [];
  value.stages.forEach((row, i) => {
    if (!row.include) return;
    const at = checkScheduledAt(row.scheduledAt ?? "", timeZone, now);
    if (!stageKeys.includes(row.stage)) fieldErrors[`stages[${i}].stage`] = ["This stage is not part of the position's rubric"];
    if (!row.interviewerId || !panel.has(row.interviewerId))
      fieldErrors[`stages[${i}].interviewerId`] = ["That person can't interview: choose an active interviewer from the list"];
    if (row.exerciseId) {
      const exercise = getExerciseStage(row.exerciseId);
      if (!exercise || !exercise.active || exercise.stage !== row.stage)
        fieldErrors[`stages[${i}].exerciseId`] = ["Choose an exercise made for this stage"];
    }
    if (!("at" in at) || !row.interviewerId || !row.durationMinutes) return;
    const plan = {
      row: i,
      stage: row.stage,
      interviewerId: row.interviewerId,
      scheduledAt: at.at,
      durationMinutes: row.durationMinutes,
      exerciseId: row.exerciseId ?? null,
    };
    const overlapsRow = plans.find((p) => p.scheduledAt.getTime() < end(plan) && plan.scheduledAt.getTime() < end(p));
    const clash = clashMessage(
      findClash({ interviewerId: plan.interviewerId, candidateId, start: plan.scheduledAt, minutes: plan.durationMinutes }),
      timeZone,
    );
    if (overlapsRow)
      fieldErrors[`stages[${i}].scheduledAt`] = ["Overlaps another stage of this loop; the candidate can't be in two interviews at once"];
    else if (clash) fieldErrors[`stages[${i}].scheduledAt`] = [clash];
    plans.push(plan);
  });
  return Object.keys(fieldErrors).length ? { fieldErrors } : { plans: plans.map(({ row: _row, ...plan }) => plan) };
}

const end = (p: { scheduledAt: Date; durationMinutes: number }) => p.scheduledAt.getTime() + p.durationMinutes * 60_000;
