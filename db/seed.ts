// Seeds the demo organisation from seed-data.ts. Runs only into an empty database, so restarting
// the demo never duplicates people or overwrites what someone changed while trying it out.
import path from "node:path";
import { eq } from "drizzle-orm";
import { db as processDatabase, type Db } from "#app/utils/db.server";
import { hashPassword } from "#app/utils/password.server";
import { zonedLocalToUtc } from "#app/utils/time";
import { recordAudit } from "#app/models/audit.server";
import { produceReport } from "#app/models/fairness.server";
import { rebuildAggregates } from "#app/models/aggregates.server";
import { readRubricFile, rubricFiles } from "#app/models/rubric.server";
import { loadDraftFromFile, publishDraft } from "#app/models/rubric-version.server";
import * as schema from "./schema";
import { historyCandidates } from "./seed-history";
import { earlierHires, seedOutcomes } from "./seed-outcomes";
import { seedCertification } from "./seed-certification";
import { selfIdentifications } from "./seed-self-id";
import { candidates as seedCandidates, DEMO_PASSWORD, INVITED, positions as seedPositions, users as seedUsers } from "./seed-data";
import { stageMinutes } from "#app/models/stage-minutes";
import { createUser } from "#app/models/user.server";
import { env } from "#app/utils/env.server";

const DAY = 24 * 3600_000;

export async function seedDemoData(db: Db, now: Date) {
  if (db.select({ id: schema.users.id }).from(schema.users).limit(1).get()) return { seeded: false };
  // The history is scored on the version a fresh database starts on (loadRubrics: the first).
  const rubric = db.select().from(schema.rubricVersions).where(eq(schema.rubricVersions.status, "published")).get();
  if (!rubric) throw new Error("Load the rubrics before seeding.");
  // Publishing below goes through the app's models, which use the process's database.
  if (db !== processDatabase()) throw new Error("seedDemoData seeds the process's database: replaceDatabase(database) first.");
  const exercisesByStage = new Map<string, number[]>();
  const exerciseSlugs = new Map<number, string>();
  const exerciseMinutes = new Map<number, number>();
  for (const ex of db.select().from(schema.exercises).where(eq(schema.exercises.active, true)).all()) {
    exercisesByStage.set(ex.stage, [...(exercisesByStage.get(ex.stage) ?? []), ex.id]);
    exerciseSlugs.set(ex.id, ex.slug);
    exerciseMinutes.set(ex.id, ex.durationMinutes);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    const userIds = new Map<string, { id: number; timeZone: string }>();
    for (const u of seedUsers) {
      const row = tx
        .insert(schema.users)
        .values({ ...u, passwordHash })
        .returning()
        .get();
      userIds.set(u.email, { id: row.id, timeZone: row.timeZone });
    }
    const positionIds = new Map<string, number>();
    for (const p of seedPositions) {
      const row = tx
        .insert(schema.positions)
        .values({ ...p, rubricVersionId: rubric.id })
        .returning()
        .get();
      positionIds.set(p.key, row.id);
    }
    const hm = userIds.get("hm@loopwise.test");
    [...seedCandidates, ...historyCandidates(), ...earlierHires()].forEach((c) => {
      const added = new Date(now.getTime() - c.addedDaysAgo * DAY);
      const candidate = tx
        .insert(schema.candidates)
        .values({
          name: c.name,
          email: c.email,
          positionId: must(positionIds.get(c.positionKey), `position ${c.positionKey}`),
          source: c.source,
          notes: c.notes,
          panelSummary: c.panelSummary ?? "",
          createdById: hm?.id,
          createdAt: added,
          updatedAt: added,
        })
        .returning()
        .get();
      const selfId = selfIdentifications[c.name];
      // Answered on their first exercise link, a day after they applied.
      if (selfId)
        tx.insert(schema.selfIdentifications)
          .values({ candidateId: candidate.id, ...selfId, answeredAt: new Date(added.getTime() + DAY) })
          .run();
      if (!c.loop) return;
      const loop = tx
        .insert(schema.loops)
        .values({
          candidateId: candidate.id,
          rubricVersionId: rubric.id,
          status: c.loop.status,
          createdById: hm?.id,
          createdAt: added,
          closedAt: c.loop.status === "closed" ? new Date(now.getTime() + (c.loop.decision?.dayOffset ?? -1) * DAY) : null,
        })
        .returning()
        .get();
      for (const iv of c.loop.interviews) {
        const person = must(userIds.get(iv.interviewerEmail), `interviewer ${iv.interviewerEmail}`);
        const scheduledAt = atLocalHour(now, iv.dayOffset, iv.hour, person.timeZone);
        const choices = exercisesByStage.get(iv.stage) ?? [];
        // The ranking role gets the ranking design case, the fraud role the fraud ones; a role
        // without a kit of its own gets one that isn't about another role's topic.
        const topic = c.positionKey.replace(/^lml-/, "");
        const otherTopics = seedPositions.map((p) => p.key.replace(/^lml-/, "")).filter((t) => t !== topic);
        const kit =
          choices.find((id) => exerciseSlugs.get(id)?.includes(topic)) ??
          choices.find((id) => !otherTopics.some((t) => exerciseSlugs.get(id)?.includes(t))) ??
          choices[0] ??
          null;
        // As long as its kit, as the scheduling form would book it (app/models/stage-minutes.ts).
        const durationMinutes = stageMinutes(
          { minutes: iv.durationMinutes },
          kit === null ? null : { durationMinutes: exerciseMinutes.get(kit)! },
        );
        const interview = tx
          .insert(schema.interviews)
          .values({
            loopId: loop.id,
            stage: iv.stage,
            interviewerId: person.id,
            exerciseId: kit,
            scheduledAt,
            durationMinutes,
            status: iv.status,
            createdAt: added,
          })
          .returning()
          .get();
        const card = iv.scorecard;
        if (!card) continue;
        const endedAt = scheduledAt.getTime() + durationMinutes * 60_000;
        const savedAt = new Date(Math.min(now.getTime(), endedAt + (card.submittedAfterHours ?? 2) * 3600_000));
        const scorecard = tx
          .insert(schema.scorecards)
          .values({
            interviewId: interview.id,
            interviewerId: person.id,
            rubricVersionId: rubric.id,
            status: card.status,
            recommendation: card.recommendation,
            takeaways: card.takeaways,
            submittedAt: card.status === "submitted" ? savedAt : null,
            createdAt: new Date(endedAt),
            updatedAt: savedAt,
          })
          .returning()
          .get();
        const ratings = Object.entries(card.ratings).map(([dimensionKey, r]) => ({
          scorecardId: scorecard.id,
          dimensionKey,
          level: r.level,
          evidence: r.evidence,
        }));
        if (ratings.length) tx.insert(schema.ratings).values(ratings).run();
        if (card.signals.length)
          tx.insert(schema.scorecardSignals)
            .values(card.signals.map((s) => ({ scorecardId: scorecard.id, signalKey: s.key, note: s.note ?? "" })))
            .run();
      }
      const d = c.loop.decision;
      if (d)
        tx.insert(schema.decisions)
          .values({
            loopId: loop.id,
            decision: d.decision,
            rationale: d.rationale,
            decidedById: must(userIds.get(d.byEmail), d.byEmail).id,
            decidedAt: new Date(now.getTime() + d.dayOffset * DAY),
          })
          .run();
    });
    recordAudit(tx, {
      actor: { id: null, name: "system (demo seed)" },
      at: now,
      action: "create",
      entityType: "demo_data",
      entityId: "seed",
      after: { users: seedUsers.length, candidates: seedCandidates.length + historyCandidates().length + earlierHires().length },
    });
  });
  // The seed writes the tables directly, so the views' aggregates are built once at the end.
  rebuildAggregates();
  const hm = db.select().from(schema.users).where(eq(schema.users.email, "hm@loopwise.test")).get();
  publishNewerVersions(must(hm ?? undefined, "hiring manager hm@loopwise.test"), rubric, now);
  // Gold samples are rated on the newest version, so they load (and are rated) once it is published.
  seedCertification(now);
  // One colleague invited this morning who hasn't chosen a password yet: the admin's user page
  // shows the invitation pending, and the outbox holds the email with its link.
  const admin = must(
    db.select().from(schema.users).where(eq(schema.users.email, "admin@loopwise.test")).get(),
    "admin admin@loopwise.test",
  );
  createUser(admin, INVITED, { now, smtp: false, appUrl: env().publicUrl });
  // Managers' 90-day and one-year outcomes for the hires old enough to have them.
  seedOutcomes(now);
  // Last year's bias audit, produced as the compliance lead would from /fairness.
  const compliance = must(db.select().from(schema.users).where(eq(schema.users.role, "compliance")).get(), "compliance user");
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  produceReport(compliance, { positionId: null, from: day(now.getTime() - 365 * DAY), to: day(now.getTime()), threshold: 5 }, now);
  return { seeded: true };
}

/**
 * The rubric files newer than the one the history was scored on, published as the hiring manager
 * would in the app: loaded from the file as a draft, then published (the impact preview reads the
 * history in between), each step audited under their name. Every position moves to the newest
 * version, so new loops use it; loops already scheduled keep the version they were scheduled with.
 */
function publishNewerVersions(actor: { id: number; name: string }, from: { rubricKey: string; version: number }, now: Date) {
  const newer = rubricFiles()
    .map((file) => ({ name: path.basename(file), rubric: readRubricFile(file) }))
    .filter((f) => f.rubric.key === from.rubricKey && f.rubric.version > from.version)
    .sort((a, b) => a.rubric.version - b.rubric.version);
  for (const file of newer) {
    const draft = loadDraftFromFile(actor, file.name, now);
    if (!draft.ok) throw new Error(`Seeding ${file.name}: ${draft.message}`);
    const published = publishDraft(actor, draft.id, now);
    if (!published.ok) throw new Error(`Seeding ${file.name}: ${published.message}`);
  }
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`seed-data.ts refers to an unknown ${what}`);
  return value;
}

/**
 * `dayOffset` days from now at `hour`:00 on the interviewer's own clock, moved off weekends as a
 * real team would schedule: past interviews back to Friday, future ones on to Monday.
 */
function atLocalHour(now: Date, dayOffset: number, hour: number, timeZone: string): Date {
  const date = new Date(now.getTime() + dayOffset * DAY);
  const step = dayOffset < 0 ? -1 : 1;
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + step);
  const day = date.toISOString().slice(0, 10);
  return zonedLocalToUtc(`${day}T${String(hour).padStart(2, "0")}:00`, timeZone) ?? new Date(now.getTime() + dayOffset * DAY);
}
