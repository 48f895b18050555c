// Product words for stored keys, in one place so every page says the same thing.
import type { CANDIDATE_SOURCES, Role, StageKey } from "#db/schema";

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  hiring_manager: "Hiring manager",
  interviewer: "Interviewer",
  compliance: "Compliance",
};

export const STAGE_LABELS: Record<StageKey, string> = {
  system_design: "System design",
  debugging: "Debugging",
  code_review: "Code review",
  leadership: "Leadership & collaboration",
  take_home: "Take-home",
};

/** What certifying for a stage is called: on code review it is grading the candidate's review. */
export const CERTIFICATION_LABELS: Record<StageKey, string> = { ...STAGE_LABELS, code_review: "Code-review grading" };

export const DECISION_LABELS: Record<"hire" | "no_hire" | "hold", string> = { hire: "Hire", no_hire: "No hire", hold: "Hold" };

export const SOURCE_LABELS: Record<(typeof CANDIDATE_SOURCES)[number], string> = {
  referral: "Referral",
  inbound: "Inbound application",
  sourced: "Sourced",
  agency: "Agency",
  internal: "Internal move",
};

export const GATE_LABELS: Record<"incomplete" | "red_flag" | "split_panel" | "floor", string> = {
  incomplete: "Incomplete",
  red_flag: "Red flag",
  split_panel: "Split panel",
  floor: "Below a floor",
};
