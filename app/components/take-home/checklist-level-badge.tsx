import { CHECKLIST_LEVEL_LABELS, type ChecklistLevel } from "#app/models/checklist";

const TONE: Record<ChecklistLevel, string> = {
  meets: "badge-ok",
  exceeds_required: "badge-info",
  exceeds: "",
  red_flag: "badge-danger",
};

/** A checklist item's level, as the grading page, the kit page and the print show it. */
export function ChecklistLevelBadge({ level }: { level: ChecklistLevel }) {
  return <span className={`badge ${TONE[level]} checklist-level`}>{CHECKLIST_LEVEL_LABELS[level]}</span>;
}

/** Items of one dimension in the order the rule reads them: the bar, what a 4 needs, extras, red flags. */
export const LEVEL_ORDER: ChecklistLevel[] = ["meets", "exceeds_required", "exceeds", "red_flag"];
