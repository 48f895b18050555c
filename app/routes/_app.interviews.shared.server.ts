import type { StageKey } from "#db/schema";
import { getExerciseStage } from "#app/models/exercise.server";
import { isOnPanel } from "#app/models/loop.server";
import { listPanelists } from "#app/models/user.server";

/** Database checks for one interview's fields, as field errors keyed by field name. */
export function interviewConflicts(
  value: { stage: StageKey; interviewerId: number; exerciseId?: number },
  { loopId, interviewId, stageKeys }: { loopId: number; interviewId?: number; stageKeys: StageKey[] },
) {
  const errors: Record<string, string[]> = {};
  if (!stageKeys.includes(value.stage)) errors.stage = ["This stage is not part of the position's rubric"];
  if (!listPanelists().some((p) => p.id === value.interviewerId))
    errors.interviewerId = ["That person can't interview: choose an active interviewer from the list"];
  else if (isOnPanel(loopId, value.interviewerId, interviewId))
    errors.interviewerId = ["This person already has another stage of this loop; choose someone else"];
  if (value.exerciseId) {
    const exercise = getExerciseStage(value.exerciseId);
    if (!exercise || !exercise.active || exercise.stage !== value.stage) errors.exerciseId = ["Choose an exercise made for this stage"];
  }
  return Object.keys(errors).length ? errors : null;
}
