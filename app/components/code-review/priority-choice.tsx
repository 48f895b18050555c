import type { CommentPriority } from "./types";

export const PRIORITY_LABELS: Record<CommentPriority, string> = { blocking: "Blocking", nit: "Nit" };

/**
 * Whether a comment must be fixed before merging or is polish. Optional: the grader reads it as
 * prioritisation (a blocking comment on a line that is fine weighs against precision), never as
 * a condition for credit.
 */
export function PriorityChoice({ idPrefix, defaultValue }: { idPrefix: string; defaultValue: CommentPriority | null }) {
  const options = [
    ["blocking", "Blocking: fix before merging"],
    ["nit", "Nit: polish, not required"],
    ["", "Not marked"],
  ] as const;
  return (
    <fieldset className="cr-priority">
      <legend className="small">How important is it?</legend>
      {options.map(([value, label]) => (
        <label key={value || "none"} className="checkbox small" htmlFor={`${idPrefix}-${value || "none"}`}>
          <input
            id={`${idPrefix}-${value || "none"}`}
            type="radio"
            name="priority"
            value={value}
            defaultChecked={(defaultValue ?? "") === value}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function PriorityBadge({ priority }: { priority: CommentPriority | null }) {
  if (!priority) return null;
  return <span className={`badge ${priority === "blocking" ? "badge-danger" : ""}`}>{PRIORITY_LABELS[priority]}</span>;
}
