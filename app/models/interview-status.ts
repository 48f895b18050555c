// What state an interview is in, from the point of view of the hiring team. Pure, so the
// candidate page, "My interviews" and (later) the pipeline all say the same thing.
import type { InterviewStatus, StageKey } from "#db/schema";

export type InterviewState =
  | { kind: "cancelled" }
  | { kind: "upcoming"; startsAt: Date }
  | { kind: "in_progress"; endsAt: Date }
  | { kind: "scorecard_owed"; since: Date; draft: boolean }
  | { kind: "submitted"; at: Date };

export function interviewState(
  interview: { status: InterviewStatus; scheduledAt: Date; durationMinutes: number },
  scorecard: { status: "draft" | "submitted"; submittedAt: Date | null } | null,
  now: Date,
): InterviewState {
  if (interview.status === "cancelled") return { kind: "cancelled" };
  if (scorecard?.status === "submitted") return { kind: "submitted", at: scorecard.submittedAt ?? now };
  const endsAt = new Date(interview.scheduledAt.getTime() + interview.durationMinutes * 60_000);
  if (now < interview.scheduledAt && interview.status === "scheduled") return { kind: "upcoming", startsAt: interview.scheduledAt };
  if (now < endsAt && interview.status === "scheduled") return { kind: "in_progress", endsAt };
  // Marked completed early, or simply over: from then on a scorecard is owed.
  const since = now < endsAt ? now : endsAt;
  return { kind: "scorecard_owed", since, draft: scorecard?.status === "draft" };
}

export const STATE_LABELS: Record<InterviewState["kind"], string> = {
  cancelled: "Cancelled",
  upcoming: "Scheduled",
  in_progress: "In progress",
  scorecard_owed: "Scorecard owed",
  submitted: "Scorecard submitted",
};

type InterviewRow = {
  status: InterviewStatus;
  scheduledAt: Date;
  durationMinutes: number;
  scorecardStatus: "draft" | "submitted" | null;
  scorecardSubmittedAt: Date | null;
};

/** Each interview of a loop with its state, from the rows the loop query already returns. */
export function withStates<T extends InterviewRow>(rows: T[], now: Date) {
  return rows.map((i) => ({
    ...i,
    state: interviewState(i, i.scorecardStatus ? { status: i.scorecardStatus, submittedAt: i.scorecardSubmittedAt } : null, now),
  }));
}

/** Who still owes a scorecard, and since when: derived from the states, no second query. */
export function owedScorecards(rows: { id: number; stage: StageKey; interviewerName: string; state: InterviewState }[]) {
  return rows.flatMap((r) =>
    r.state.kind === "scorecard_owed"
      ? [{ interviewId: r.id, stage: r.stage, interviewerName: r.interviewerName, owedSince: r.state.since, draft: r.state.draft }]
      : [],
  );
}
