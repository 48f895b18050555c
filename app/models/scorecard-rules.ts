// When an interview's scorecard may be written: one rule, used by the page (what it offers), the
// action (what it answers before reading the form) and the model (what it refuses in the write's
// own transaction, so a script or a race can't get past the page).

export const SUBMITTED_NEEDS_AMEND =
  "This scorecard has already been submitted (perhaps from another tab), so these changes were not saved. " +
  "Reload to see it; to change it, choose Amend and submit the amendment.";
export const LOOP_CLOSED = "This loop is closed; its scorecards can no longer change.";
export const INTERVIEW_CANCELLED = "This interview was cancelled; it takes no scorecard.";
export const NOT_STARTED = "The interview hasn't started yet; you can save a draft now and submit afterwards.";

export type ScorecardTarget = {
  loopStatus: string;
  /** The interview's status ("scheduled", "cancelled", …). */
  status: string;
  scheduledAt: Date;
  scorecardStatus: "draft" | "submitted" | null;
};

/** Whether the scorecard can change at all: an open loop and an interview that still takes place. */
export function scorecardClosedReason(target: Pick<ScorecardTarget, "loopStatus" | "status">): string | null {
  if (target.loopStatus !== "open") return LOOP_CLOSED;
  if (target.status === "cancelled") return INTERVIEW_CANCELLED;
  return null;
}

/** A submit counts only once the interview has started; a draft can be written before. */
export const submitsYet = (target: Pick<ScorecardTarget, "scheduledAt">, now: Date) => target.scheduledAt.getTime() <= now.getTime();

/**
 * Why this write is refused, or null. A submitted scorecard changes only through an amendment
 * (a submit from the amend page); submitting again exactly what is stored (a double click) is
 * harmless, so the model passes `unchanged` once it has compared what is stored with what is sent.
 */
export function scorecardWriteRefusal(
  target: ScorecardTarget,
  write: { submit: boolean; amend: boolean; now: Date; unchanged?: boolean },
): string | null {
  const closed = scorecardClosedReason(target);
  if (closed) return closed;
  if (target.scorecardStatus === "submitted") {
    // Before the content is compared (the action), only a write that isn't a submit is surely refused.
    const refused = write.unchanged === undefined ? !write.submit : !write.unchanged && !(write.submit && write.amend);
    if (refused) return SUBMITTED_NEEDS_AMEND;
  }
  if (write.submit && !submitsYet(target, write.now)) return NOT_STARTED;
  return null;
}

/** What the scorecard page offers its own interviewer: the form, or an Amend button. */
export function scorecardEditing(target: ScorecardTarget, { isOwn, amend }: { isOwn: boolean; amend: boolean }) {
  const open = isOwn && scorecardClosedReason(target) === null;
  const submitted = target.scorecardStatus === "submitted";
  return { editable: open && (!submitted || amend), canAmend: open && submitted && !amend };
}
