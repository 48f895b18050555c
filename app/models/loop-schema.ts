// The loop scheduling form: one row per stage, each included or not. Shared by browser and server;
// the server adds the checks that need the database (does the interviewer exist, is the kit for
// this stage).
import { z } from "zod";
import { STAGE_KEYS } from "#db/schema";
import { toLocalInputValue, zonedLocalToUtc } from "#app/utils/time";

const YEAR_MS = 366 * 24 * 3600_000;
// A few minutes of slack so a form opened just before the hour still saves.
const PAST_GRACE_MS = 5 * 60_000;

export const InterviewFieldsSchema = z.object({
  interviewerId: z.number({ error: "Choose an interviewer" }).int().positive("Choose an interviewer"),
  scheduledAt: z.string({ error: "Pick a date and time" }).max(20, "Enter a date and time like 2026-12-01 10:00"),
  durationMinutes: z
    .number({ error: "Enter the length in minutes" })
    .int("Use whole minutes")
    .min(15, "An interview is at least 15 minutes")
    .max(600, "An interview is at most 600 minutes"),
  exerciseId: z.number({ error: "Choose an exercise from the list" }).int().positive().optional(),
});

export type ScheduleProblem = { path: (string | number)[]; message: string };

/** Checks a wall-clock time typed in `timeZone`; returns the UTC time or a message for the field. */
export function checkScheduledAt(
  local: string,
  timeZone: string,
  now: number,
  { allowPast = false }: { allowPast?: boolean } = {},
): { at: Date } | { message: string } {
  const at = zonedLocalToUtc(local, timeZone);
  if (!at) return { message: "Enter a date and time like 2026-12-01 10:00" };
  // A wall-clock time skipped by a daylight-saving change doesn't exist; say so rather than shift it.
  if (toLocalInputValue(at, timeZone) !== local)
    return { message: `That time doesn't exist in ${timeZone} (the clocks change then); pick another` };
  if (!allowPast && at.getTime() < now - PAST_GRACE_MS) return { message: "That time has already passed; pick a time in the future" };
  if (at.getTime() > now + YEAR_MS) return { message: "Schedule interviews within the next year" };
  return { at };
}

const StageRowSchema = z.object({
  stage: z.enum(STAGE_KEYS, { error: "Unknown stage" }),
  include: z.boolean({ error: "Tick the box to include this stage" }).default(false),
  interviewerId: z.number({ error: "Choose an interviewer" }).int().positive().optional(),
  scheduledAt: z.string().max(20, "Enter a date and time like 2026-12-01 10:00").optional(),
  durationMinutes: z.number({ error: "Enter the length in minutes" }).int("Use whole minutes").optional(),
  exerciseId: z.number({ error: "Choose an exercise from the list" }).int().positive().optional(),
});

export function loopScheduleSchema({ timeZone, now }: { timeZone: string; now: number }) {
  return z.object({ stages: z.array(StageRowSchema).min(1).max(STAGE_KEYS.length) }).superRefine(({ stages }, ctx) => {
    const included = stages.filter((s) => s.include);
    if (included.length === 0) ctx.addIssue({ code: "custom", path: [], message: "Include at least one stage in the loop" });
    const seenStages = new Set<string>();
    const seenInterviewers = new Set<number>();
    stages.forEach((row, i) => {
      if (!row.include) return;
      if (seenStages.has(row.stage)) ctx.addIssue({ code: "custom", path: ["stages", i, "stage"], message: "This stage is listed twice" });
      seenStages.add(row.stage);
      const fields = InterviewFieldsSchema.safeParse(row);
      if (!fields.success) {
        for (const issue of fields.error.issues)
          ctx.addIssue({ code: "custom", path: ["stages", i, ...issue.path.map(String)], message: issue.message });
      }
      if (row.scheduledAt) {
        const checked = checkScheduledAt(row.scheduledAt, timeZone, now);
        if ("message" in checked) ctx.addIssue({ code: "custom", path: ["stages", i, "scheduledAt"], message: checked.message });
      }
      if (row.interviewerId) {
        if (seenInterviewers.has(row.interviewerId))
          ctx.addIssue({
            code: "custom",
            path: ["stages", i, "interviewerId"],
            message: "This person already has another stage of this loop; choose someone else so the panel hears independent views",
          });
        seenInterviewers.add(row.interviewerId);
      }
    });
  });
}

export type LoopScheduleValue = z.infer<ReturnType<typeof loopScheduleSchema>>;

/** An interview added to (or edited in) an existing loop. */
export function interviewSchema({ timeZone, now, allowPast }: { timeZone: string; now: number; allowPast: boolean }) {
  return InterviewFieldsSchema.extend({
    stage: z.enum(STAGE_KEYS, { error: "Choose a stage" }),
    status: z.enum(["scheduled", "completed", "cancelled"], { error: "Choose Scheduled, Completed or Cancelled" }).default("scheduled"),
  }).superRefine((value, ctx) => {
    const checked = checkScheduledAt(value.scheduledAt, timeZone, now, { allowPast });
    if ("message" in checked) ctx.addIssue({ code: "custom", path: ["scheduledAt"], message: checked.message });
  });
}
