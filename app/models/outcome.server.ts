// Post-hire outcomes: a hire's manager records, at 90 days and at one year, how the person is doing
// on the anchored scale (outcome-scale.ts), optionally per rubric dimension, and whether they are
// still employed. Who may: the hiring team (the rule in interview-access.ts: loops:manage), which
// sees every candidate. When one falls due its manager gets one reminder through the outbox.
import { and, eq } from "drizzle-orm";
import { hireOutcomes, outcomeReminders, type OutcomeCheckpoint } from "#db/schema";
import { db, prepared } from "#app/utils/db.server";
import { formatDate } from "#app/utils/time";
import { recordAudit, type AuditActor } from "./audit.server";
import { CHECKPOINTS, OPENS_DAYS_BEFORE_DUE } from "./outcome-scale";
import type { OutcomeInput } from "./outcome-schema";
import { queueEmail } from "./outbox.server";
import { can } from "./permissions";
import { getRubricDetail } from "./rubric.server";

const DAY = 24 * 3600_000;

/** Why this person may not see or record outcomes, or null: the hiring team's rule, as for loops. */
export function outcomeRefusal(user: { role: Parameters<typeof can>[0]["role"] }): string | null {
  return can(user, "loops:manage") ? null : "Only the hiring team records and reads outcomes of hires.";
}

type HireRow = {
  candidateId: number;
  candidateName: string;
  erased: number;
  positionTitle: string;
  loopId: number;
  rubricVersionId: number;
  decision: string | null;
  hiredAt: number | null;
  managerId: number | null;
  managerName: string | null;
  managerEmail: string | null;
  managerActive: number | null;
};

// A candidate's hire is the decision on their latest decided loop; their manager is who decided it.
const HIRE_COLUMNS = `c.id as candidateId, c.name as candidateName, (c.erased_at is not null) as erased, p.title as positionTitle,
  l.id as loopId, l.rubric_version_id as rubricVersionId, d.decision as decision, d.decided_at as hiredAt,
  u.id as managerId, u.name as managerName, u.email as managerEmail, u.active as managerActive`;
const HIRE_FROM = `from candidates c join positions p on p.id = c.position_id
  left join loops l on l.id = (select l2.id from loops l2 join decisions d2 on d2.loop_id = l2.id
                               where l2.candidate_id = c.id order by d2.decided_at desc, l2.id desc limit 1)
  left join decisions d on d.loop_id = l.id
  left join users u on u.id = d.decided_by_id`;

export type Hire = {
  candidateId: number;
  candidateName: string;
  positionTitle: string;
  loopId: number;
  rubricVersionId: number;
  hiredAt: Date;
  manager: { id: number; name: string; email: string; active: boolean };
};

function toHire(r: HireRow): Hire | null {
  if (r.decision !== "hire" || r.hiredAt === null || r.managerId === null) return null;
  return {
    candidateId: r.candidateId,
    candidateName: r.candidateName,
    positionTitle: r.positionTitle,
    loopId: r.loopId,
    rubricVersionId: r.rubricVersionId,
    hiredAt: new Date(r.hiredAt),
    manager: { id: r.managerId, name: r.managerName!, email: r.managerEmail!, active: r.managerActive === 1 },
  };
}

/** When an outcome is due after a hire, and the first day it may be recorded. */
export function checkpointDates(hiredAt: Date, checkpoint: OutcomeCheckpoint) {
  const due = new Date(hiredAt.getTime() + CHECKPOINTS[checkpoint].days * DAY);
  return { due, opens: new Date(due.getTime() - OPENS_DAYS_BEFORE_DUE * DAY) };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function outcomesOf(loopId: number) {
  return prepared(
    `select o.id, o.checkpoint, o.performance, o.dimension_ratings as dimensionRatings, o.employment, o.reviewed_on as reviewedOn,
       o.note, o.recorded_at as recordedAt, u.name as recordedByName
     from hire_outcomes o join users u on u.id = o.recorded_by_id where o.loop_id = ? order by o.recorded_at`,
  ).all(loopId) as {
    id: number;
    checkpoint: OutcomeCheckpoint;
    performance: number;
    dimensionRatings: string;
    employment: string;
    reviewedOn: string;
    note: string;
    recordedAt: number;
    recordedByName: string;
  }[];
}

/** Whether a checkpoint still asks for an outcome: not recorded, and the person hadn't left before it. */
function stillOpen(recorded: { checkpoint: OutcomeCheckpoint; employment: string }[], checkpoint: OutcomeCheckpoint) {
  if (recorded.some((o) => o.checkpoint === checkpoint)) return false;
  return !(checkpoint === "year_1" && recorded.some((o) => o.checkpoint === "day_90" && o.employment !== "employed"));
}

/** What the outcome form shows for one candidate: their hire (or why there is none) and what is recorded. */
export function outcomePage(candidateId: number, now: Date) {
  const row = prepared(`select ${HIRE_COLUMNS} ${HIRE_FROM} where c.id = ?`).get(candidateId) as HireRow | undefined;
  if (!row || row.erased) return null;
  const hire = toHire(row);
  const candidate = { id: row.candidateId, name: row.candidateName, positionTitle: row.positionTitle };
  if (!hire) return { candidate, hire: null, notHired: notHiredReason(row), recorded: [], checkpoints: [], dimensions: [] };
  const recorded = outcomesOf(hire.loopId).map((o) => ({
    ...o,
    dimensionRatings: JSON.parse(o.dimensionRatings) as Record<string, number>,
    recordedAt: new Date(o.recordedAt),
  }));
  const checkpoints = (Object.keys(CHECKPOINTS) as OutcomeCheckpoint[]).map((checkpoint) => {
    const { due, opens } = checkpointDates(hire.hiredAt, checkpoint);
    return {
      checkpoint,
      label: CHECKPOINTS[checkpoint].label,
      due,
      opens,
      open: stillOpen(recorded, checkpoint),
      canRecordNow: opens <= now,
    };
  });
  const rubric = getRubricDetail(hire.rubricVersionId);
  return {
    candidate,
    hire: { loopId: hire.loopId, hiredAt: hire.hiredAt, managerName: hire.manager.name, today: day(now) },
    notHired: null,
    recorded,
    checkpoints,
    dimensions: (rubric?.dimensions ?? []).map((d) => ({ key: d.key, name: d.name })),
  };
}

function notHiredReason(row: HireRow): string {
  const who = row.candidateName;
  if (row.decision === null)
    return `${who} has no decision yet. Outcomes are recorded only for hires, once the hire is recorded at the debrief.`;
  const said = row.decision === "no_hire" ? "No hire" : "Hold";
  return `${who} was not hired (the decision on their loop was ${said}). Outcomes are recorded only for hires.`;
}

export type OutcomeResult = { ok: true; message: string } | { ok: false; formErrors: string[]; fieldErrors: Record<string, string[]> };

const refused = (formErrors: string[], fieldErrors: Record<string, string[]> = {}): OutcomeResult => ({
  ok: false,
  formErrors,
  fieldErrors,
});

/**
 * Records one outcome of a hire, audited. Refused with a message (and nothing written) for a
 * candidate who wasn't hired, a checkpoint already recorded or closed by a leaving, a day before
 * the hire, in the future or before the checkpoint opens, or a dimension the loop's rubric lacks.
 */
export function recordOutcome(actor: AuditActor & { id: number }, candidateId: number, input: OutcomeInput, now: Date): OutcomeResult {
  const page = outcomePage(candidateId, now);
  if (!page) return refused(["There is no such candidate."]);
  if (!page.hire) return refused([page.notHired!]);
  const { hire } = page;
  const name = page.candidate.name;
  const label = CHECKPOINTS[input.checkpoint].label;
  const done = page.recorded.find((o) => o.checkpoint === input.checkpoint);
  if (done) {
    const message = `The ${label.toLowerCase()} for ${name} was already recorded by ${done.recordedByName} on ${formatDate(done.recordedAt, "UTC")}. An outcome is recorded once; nothing was changed.`;
    return refused([message], { checkpoint: [message] });
  }
  const checkpoint = page.checkpoints.find((c) => c.checkpoint === input.checkpoint)!;
  if (!checkpoint.open) {
    const message = `${name} left before one year (recorded at 90 days), so there is no one-year outcome to record.`;
    return refused([message], { checkpoint: [message] });
  }
  const hiredOn = day(hire.hiredAt);
  const fieldErrors: Record<string, string[]> = {};
  if (input.reviewedOn < hiredOn)
    fieldErrors.reviewedOn = [`That day is before the hire (${hiredOn}): an outcome is about their time in the job.`];
  else if (input.reviewedOn > day(now)) fieldErrors.reviewedOn = [`That day is in the future (today is ${day(now)}).`];
  else if (input.reviewedOn < day(checkpoint.opens))
    fieldErrors.reviewedOn = [
      `A ${label.toLowerCase()} can be recorded from ${day(checkpoint.opens)}, two weeks before it is due on ${day(checkpoint.due)}.`,
    ];
  const known = new Set(page.dimensions.map((d) => d.key));
  const dimensionRatings: Record<string, number> = {};
  for (const [key, level] of Object.entries(input.dimensions)) {
    if (level === undefined) continue;
    if (!known.has(key)) fieldErrors[`dimensions.${key}`] = ["This rubric has no such dimension."];
    else dimensionRatings[key] = level;
  }
  if (Object.keys(fieldErrors).length) return refused([], fieldErrors);
  try {
    db().transaction((tx) => {
      const row = tx
        .insert(hireOutcomes)
        .values({
          candidateId,
          loopId: hire.loopId,
          checkpoint: input.checkpoint,
          performance: input.performance,
          dimensionRatings,
          employment: input.employment,
          reviewedOn: input.reviewedOn,
          note: input.note.trim(),
          recordedById: actor.id,
          recordedAt: now,
        })
        .returning({ id: hireOutcomes.id })
        .get();
      recordAudit(tx, {
        actor,
        at: now,
        action: "create",
        entityType: "hire_outcome",
        entityId: row.id,
        summary: `Recorded the ${label.toLowerCase()} for ${name}`,
        after: {
          checkpoint: input.checkpoint,
          performance: input.performance,
          dimensionRatings,
          employment: input.employment,
          reviewedOn: input.reviewedOn,
          note: input.note.trim(),
        },
      });
    });
  } catch (error) {
    // Two managers saving at once: the unique index keeps one, the other hears why.
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE")
      return refused([`The ${label.toLowerCase()} for ${name} was recorded a moment ago by someone else; nothing was changed.`]);
    throw error;
  }
  return { ok: true, message: `Recorded the ${label.toLowerCase()} for ${name}.` };
}

/** Every hire (not erased), with the outcomes recorded for it. */
export function listHires(): (Hire & { recorded: { checkpoint: OutcomeCheckpoint; employment: string }[] })[] {
  const rows = prepared(`select ${HIRE_COLUMNS} ${HIRE_FROM} where c.erased_at is null and d.decision = 'hire'`).all() as HireRow[];
  const recorded = prepared("select loop_id as loopId, checkpoint, employment from hire_outcomes").all() as {
    loopId: number;
    checkpoint: OutcomeCheckpoint;
    employment: string;
  }[];
  return rows.flatMap((r) => {
    const hire = toHire(r);
    return hire ? [{ ...hire, recorded: recorded.filter((o) => o.loopId === hire.loopId) }] : [];
  });
}

/** Outcomes due or overdue now, the longest overdue first: what the validity page leads with. */
export function listOutcomesDue(now: Date) {
  return listHires()
    .flatMap((h) =>
      (Object.keys(CHECKPOINTS) as OutcomeCheckpoint[]).flatMap((checkpoint) => {
        const { due } = checkpointDates(h.hiredAt, checkpoint);
        if (due > now || !stillOpen(h.recorded, checkpoint)) return [];
        return [
          {
            candidateId: h.candidateId,
            candidateName: h.candidateName,
            positionTitle: h.positionTitle,
            loopId: h.loopId,
            checkpoint,
            label: CHECKPOINTS[checkpoint].label,
            hiredAt: h.hiredAt,
            due,
            daysOverdue: Math.floor((now.getTime() - due.getTime()) / DAY),
            manager: h.manager,
          },
        ];
      }),
    )
    .sort((a, b) => a.due.getTime() - b.due.getTime() || a.candidateId - b.candidateId);
}

/**
 * The automatic pass: one reminder to the hire's manager for each outcome that has fallen due,
 * once (outcome_reminders holds one row per loop and checkpoint). An inactive manager gets none.
 * Returns how many went out.
 */
export function sendDueOutcomeReminders({ now, smtp, appUrl }: { now: Date; smtp: boolean; appUrl: string }) {
  let sent = 0;
  for (const o of listOutcomesDue(now)) {
    if (!o.manager.active) continue;
    const done = db().transaction((tx) => {
      const already = tx
        .select({ id: outcomeReminders.id })
        .from(outcomeReminders)
        .where(and(eq(outcomeReminders.loopId, o.loopId), eq(outcomeReminders.checkpoint, o.checkpoint)))
        .get();
      if (already) return false;
      const email = queueEmail(
        tx,
        {
          toAddress: o.manager.email,
          toName: o.manager.name,
          subject: `${o.label} due: ${o.candidateName}`,
          body: [
            `Hello ${o.manager.name},`,
            "",
            `${o.candidateName} (${o.positionTitle}) was hired on ${day(o.hiredAt)}; their ${o.label.toLowerCase()} is due on ${day(o.due)}.`,
            "",
            `Record it: ${appUrl}/validity/outcomes/${o.candidateId}`,
            "",
            "Outcomes are how Loopwise checks whether the interview loop predicts the job. This is the only reminder for it.",
          ].join("\n"),
        },
        { now, smtp },
      );
      tx.insert(outcomeReminders)
        .values({
          candidateId: o.candidateId,
          loopId: o.loopId,
          checkpoint: o.checkpoint,
          managerId: o.manager.id,
          sentAt: now,
          emailId: email.id,
        })
        .run();
      recordAudit(tx, {
        actor: { id: null, name: "Loopwise (automatic reminder)" },
        at: now,
        action: "remind",
        entityType: "candidate",
        entityId: o.candidateId,
        summary: `Reminded ${o.manager.name} that the ${o.label.toLowerCase()} for ${o.candidateName} is due`,
        after: { emailId: email.id, checkpoint: o.checkpoint, delivery: smtp ? "email" : "outbox" },
      });
      return true;
    });
    if (done) sent += 1;
  }
  return sent;
}
