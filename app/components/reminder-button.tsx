import { useFetcher } from "react-router";
import type { ReminderReply } from "#app/models/reminder-form.server";
import { formatDuration } from "#app/utils/time";

/** "Remind" beside an owed scorecard: posts to the page's action and says what happened, in place. */
export function ReminderButton({
  interviewId,
  interviewerName,
  lastRemindedAt,
  now,
}: {
  interviewId: number;
  interviewerName: string;
  lastRemindedAt: Date | null;
  now: number;
}) {
  const fetcher = useFetcher<ReminderReply>();
  const reply = fetcher.data?.reminder.interviewId === interviewId ? fetcher.data.reminder : null;
  return (
    <fetcher.Form method="post" className="reminder">
      <input type="hidden" name="intent" value="remind" />
      <input type="hidden" name="interviewId" value={interviewId} />
      <button type="submit" className="btn btn-small" disabled={fetcher.state !== "idle"} aria-label={`Remind ${interviewerName}`}>
        Remind
      </button>
      <span role="status" className={`small${reply && !reply.ok ? " reminder-refused" : " muted"}`}>
        {reply ? reply.message : lastRemindedAt ? `Reminded ${formatDuration(now - lastRemindedAt.getTime())} ago` : null}
      </span>
    </fetcher.Form>
  );
}
