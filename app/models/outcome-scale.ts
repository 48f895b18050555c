// The scale a hire's manager rates on at 90 days and at one year: four anchored levels written for
// a Lead ML Engineer, no neutral midpoint (as the interview rubric). Plain data, shown on the form.
import type { EmploymentState, OutcomeCheckpoint } from "#db/schema";

export const OUTCOME_LEVELS = [
  {
    level: 1,
    label: "Not meeting the role",
    anchor:
      "Systems they own have had incidents that recurred after their fix; designs need close direction; the team does not yet look to them for technical judgement.",
  },
  {
    level: 2,
    label: "Partly meeting the role",
    anchor:
      "Delivers assigned work with support; designs come back from review with significant rework; mentoring and influence beyond their own work are not yet visible.",
  },
  {
    level: 3,
    label: "Meeting the role",
    anchor:
      "Owns an ML system end to end (data, training, serving, monitoring) and ships changes behind evaluation and rollout gates; reviewers trust their designs; mentors at least one engineer.",
  },
  {
    level: 4,
    label: "Exceeding the role",
    anchor:
      "Raises the bar beyond their own systems: a standard other teams adopted (evaluation, on-call, data contracts), an incident or migration led to a measured result, engineers they grew now lead.",
  },
] as const;

export const CHECKPOINTS: Record<OutcomeCheckpoint, { label: string; days: number; judge: string }> = {
  day_90: {
    label: "90-day outcome",
    days: 90,
    judge: "Judge against what a Lead should have reached by 90 days: on-boarded, owning a system, first changes shipped safely.",
  },
  year_1: {
    label: "One-year outcome",
    days: 365,
    judge: "Judge the whole first year against the role: the systems they own, what they shipped, and who they grew.",
  },
};

/** An outcome can be recorded from this many days before it is due (a review held a little early). */
export const OPENS_DAYS_BEFORE_DUE = 14;

export const EMPLOYMENT_LABELS: Record<EmploymentState, string> = {
  employed: "Still employed",
  left_regretted: "Left: regretted (we wanted them to stay)",
  left_non_regretted: "Left: non-regretted",
};
