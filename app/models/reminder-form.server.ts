import { z } from "zod";
import { sendReminder } from "./reminder.server";
import { env } from "#app/utils/env.server";
import { deliverOutbox, smtpConfigured } from "./mailer.server";
import type { SessionUser } from "./session.server";

/** What the pages' action answers to "Remind". */
export type ReminderReply = { reminder: { ok: boolean; message: string; interviewId: number | null } };

const RemindSchema = z.object({
  intent: z.literal("remind"),
  interviewId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/**
 * "Remind" on the pipeline and candidate pages. The reminder is written at once and the page
 * answers at once; email delivery (and its retries) happens in the background.
 */
export function remindFromForm(user: SessionUser, formData: FormData, { now }: { now: Date }): ReminderReply {
  const parsed = RemindSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { reminder: { ok: false, message: "Choose an owed scorecard to remind its interviewer about.", interviewId: null } };
  const { interviewId } = parsed.data;
  const smtp = smtpConfigured();
  const result = sendReminder(user, { interviewId, now, smtp, appUrl: env().publicUrl, timeZone: user.timeZone });
  if (result.ok && smtp) void deliverOutbox(now);
  return { reminder: { ...result, interviewId } };
}
