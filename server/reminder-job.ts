// The hourly reminder job, inside the server process. Every few minutes it delivers the outbox
// (retrying what a mail server refused); once an hour it also sends the automatic reminders for
// scorecards owed longer than REMINDER_AFTER_HOURS, and the one reminder each hire's outcome gets
// when it falls due (REMINDER_AFTER_HOURS=0 turns both off). The only clock it reads is the one passed in
// (systemNow by default), so tests drive `tick(now)` by hand; server.ts starts it, tests never do.
import { sendDueOutcomeReminders } from "#app/models/outcome.server";
import { sendDueReminders } from "#app/models/reminder.server";
import { systemNow } from "#app/utils/clock.server";
import { deliverOutbox, smtpConfigured } from "#app/models/mailer.server";

const HOUR = 3600_000;
const DELIVERY_EVERY_MS = 5 * 60_000;

export type ReminderJobOptions = {
  /** Hours after an interview ends before an automatic reminder; 0 for none. */
  afterHours: number;
  /** The app's address, for links in emails. */
  appUrl: string;
  clock?: () => Date;
  log?: (line: string) => void;
};

export function createReminderJob({ afterHours, appUrl, clock = systemNow, log = console.log }: ReminderJobOptions) {
  let lastReminderPass: number | null = null;
  let timer: NodeJS.Timeout | undefined;

  /** One run at `now`: the reminders when an hour has passed since the last pass, then delivery. */
  async function tick(now: Date = clock()) {
    if (afterHours > 0 && (lastReminderPass === null || now.getTime() - lastReminderPass >= HOUR)) {
      lastReminderPass = now.getTime();
      const sent = sendDueReminders({ now, afterHours, smtp: smtpConfigured(), appUrl });
      if (sent) log(`[loopwise] sent ${sent} automatic scorecard reminder${sent === 1 ? "" : "s"}`);
      const outcomes = sendDueOutcomeReminders({ now, smtp: smtpConfigured(), appUrl });
      if (outcomes) log(`[loopwise] sent ${outcomes} outcome reminder${outcomes === 1 ? "" : "s"}`);
    }
    await deliverOutbox(now);
  }

  return {
    tick,
    /** Runs a first pass now, then every few minutes, until stopped. */
    start() {
      if (timer) return;
      const run = () => void tick().catch((error) => console.error("[loopwise] the reminder job failed", error));
      run();
      timer = setInterval(run, DELIVERY_EVERY_MS);
      // Never the reason the process stays up.
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
