import type { RubricStatus } from "#db/schema";

const LOOK: Record<RubricStatus, { label: string; className: string }> = {
  draft: { label: "Draft", className: "badge-warn" },
  published: { label: "Published", className: "badge-ok" },
  retired: { label: "Retired", className: "badge-muted" },
};

/** Where a rubric version stands: a draft may change; published and retired ones never do. */
export function RubricStatusBadge({ status }: { status: RubricStatus }) {
  return <span className={`badge ${LOOK[status].className}`}>{LOOK[status].label}</span>;
}
