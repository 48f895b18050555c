// Incident simulations: a debugging interview's run of its scenario, on the candidate's private
// link or driven by the interviewer. The server's clock stamps every step and decides when the
// run is over.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { assignments, incidentRuns, incidentSteps, type IncidentMode } from "#db/schema";
import { db } from "#app/utils/db.server";
import { assignmentPhase } from "./assignment-phase";
import { insertAssignmentOnce, interviewOfAssignment, whileInProgress, type WriteResult } from "./assignment.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { findEvidence, type Scenario } from "./incident-scenario";

export const MAX_STEPS = 300;
export const INCIDENT_LINK_VALID_DAYS = 7;
const DAY = 24 * 3600_000;

export const INCIDENT_REFUSALS = {
  not_started: "Start the incident first.",
  submitted: "This incident has been submitted, so it can no longer change.",
  time_up: "Time is up: the investigation can no longer change. What was recorded before the deadline is what counts.",
  revoked: "This link is no longer valid.",
} as const;

/** The live run of a debugging interview, with its answers, or null. */
export function getIncidentRun(interviewId: number) {
  return (
    db()
      .select({
        assignmentId: assignments.id,
        interviewId: assignments.interviewId,
        exerciseId: assignments.exerciseId,
        status: assignments.status,
        tokenId: assignments.tokenId,
        linkExpiresAt: assignments.linkExpiresAt,
        timeLimitMinutes: assignments.timeLimitMinutes,
        extraTimePercent: assignments.extraTimePercent,
        startedAt: assignments.startedAt,
        deadlineAt: assignments.deadlineAt,
        submittedAt: assignments.submittedAt,
        mode: incidentRuns.mode,
        rootCause: incidentRuns.rootCause,
        mitigation: incidentRuns.mitigation,
        prevention: incidentRuns.prevention,
        revision: incidentRuns.revision,
      })
      .from(assignments)
      .innerJoin(incidentRuns, eq(incidentRuns.assignmentId, assignments.id))
      .where(and(eq(assignments.interviewId, interviewId), ne(assignments.status, "revoked")))
      .get() ?? null
  );
}

export type IncidentRun = NonNullable<ReturnType<typeof getIncidentRun>>;

/** The run a candidate's link opens, by its assignment id. */
export function getIncidentRunByAssignment(assignmentId: number) {
  const interviewId = interviewOfAssignment(assignmentId);
  return interviewId ? getIncidentRun(interviewId) : null;
}

/**
 * Sets up the incident for a debugging interview: a private link for the candidate, or a run the
 * interviewer drives. One run per interview; asking again returns the one there is.
 */
export function createIncidentRun(
  actor: AuditActor,
  input: { interviewId: number; mode: IncidentMode; timeLimitMinutes: number },
  now: Date,
) {
  return db().transaction((tx) => {
    const made = insertAssignmentOnce(tx, actor, input.interviewId, now, {
      linkExpiresAt: new Date(now.getTime() + INCIDENT_LINK_VALID_DAYS * DAY),
      timeLimitMinutes: input.timeLimitMinutes,
    });
    if (!made.created) return { id: made.id, created: false };
    const { row } = made;
    tx.insert(incidentRuns).values({ assignmentId: row.id, mode: input.mode }).run();
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "assignment",
      entityId: row.id,
      summary:
        input.mode === "candidate_link"
          ? `Created an incident link (${input.timeLimitMinutes} min)`
          : `Started an interviewer-led incident (${input.timeLimitMinutes} min)`,
      after: {
        interviewId: input.interviewId,
        exerciseId: row.exerciseId,
        mode: input.mode,
        timeLimitMinutes: input.timeLimitMinutes,
      },
    });
    return { id: row.id, created: true };
  });
}

export function listSteps(assignmentId: number) {
  return db()
    .select({
      id: incidentSteps.id,
      at: incidentSteps.at,
      kind: incidentSteps.kind,
      evidenceId: incidentSteps.evidenceId,
      text: incidentSteps.text,
    })
    .from(incidentSteps)
    .where(eq(incidentSteps.assignmentId, assignmentId))
    .orderBy(asc(incidentSteps.id))
    .all();
}

export type IncidentStep = ReturnType<typeof listSteps>[number];

type Step = { kind: "evidence" | "hypothesis" | "ask"; evidenceId?: string; text?: string };

function recordStep(assignmentId: number, step: Step, now: Date): WriteResult {
  return whileInProgress(
    assignmentId,
    now,
    (tx) => {
      const count =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(incidentSteps)
          .where(eq(incidentSteps.assignmentId, assignmentId))
          .get()?.n ?? 0;
      if (count >= MAX_STEPS) return { ok: false, status: 400, message: `An investigation can record at most ${MAX_STEPS} steps.` };
      if (step.kind === "evidence") {
        const seen = tx
          .select({ id: incidentSteps.id })
          .from(incidentSteps)
          .where(and(eq(incidentSteps.assignmentId, assignmentId), eq(incidentSteps.evidenceId, step.evidenceId!)))
          .get();
        // Looking again at something already on screen is not a new step of the path.
        if (seen) return { ok: true };
      }
      tx.insert(incidentSteps)
        .values({ assignmentId, at: now, kind: step.kind, evidenceId: step.evidenceId ?? null, text: step.text ?? "" })
        .run();
      return { ok: true };
    },
    INCIDENT_REFUSALS,
  );
}

/** Reveals one evidence item by its id; an id the scenario doesn't have is refused. */
export function revealEvidence(assignmentId: number, scenario: Scenario, evidenceId: string, now: Date, asked = ""): WriteResult {
  if (!scenario.evidence.some((e) => e.id === evidenceId))
    return {
      ok: false,
      status: 400,
      message: "That evidence doesn't exist in this scenario. Pick it from a category or ask for it by name.",
    };
  return recordStep(assignmentId, { kind: "evidence", evidenceId, text: asked }, now);
}

/**
 * Evidence asked for by name: one match is revealed at once, several are offered to choose from,
 * none is recorded as an ask that found nothing (itself a sign of where the candidate looked).
 */
export function askForEvidence(
  assignmentId: number,
  scenario: Scenario,
  asked: string,
  now: Date,
): WriteResult & { found?: "one" | "several" | "none"; matches?: { id: string; title: string }[] } {
  const matches = findEvidence(scenario, asked);
  if (matches.length === 1) return { ...revealEvidence(assignmentId, scenario, matches[0]!.id, now, asked), found: "one" };
  if (matches.length > 1) {
    const phase = phaseOf(assignmentId, now);
    if (phase !== "in_progress") return { ok: false, status: 409, message: INCIDENT_REFUSALS[phase] };
    return { ok: true, found: "several", matches: matches.map(({ id, title }) => ({ id, title })) };
  }
  return { ...recordStep(assignmentId, { kind: "ask", text: asked }, now), found: "none" };
}

export function addHypothesis(assignmentId: number, text: string, now: Date): WriteResult {
  return recordStep(assignmentId, { kind: "hypothesis", text }, now);
}

function phaseOf(assignmentId: number, now: Date) {
  const a = db()
    .select({ status: assignments.status, deadlineAt: assignments.deadlineAt })
    .from(assignments)
    .where(eq(assignments.id, assignmentId))
    .get();
  return a ? assignmentPhase(a, now) : "revoked";
}

/**
 * Saves the root cause, mitigation and prevention plan, and submits when asked. `revision` is the
 * one the page started from: a save from a stale tab is refused instead of overwriting.
 */
export function saveConclusion(
  assignmentId: number,
  input: { rootCause: string; mitigation: string; prevention: string; revision: number; submit: boolean },
  now: Date,
): WriteResult & { revision?: number } {
  let revision = input.revision;
  const result = whileInProgress(
    assignmentId,
    now,
    (tx) => {
      const run = tx
        .select({ revision: incidentRuns.revision })
        .from(incidentRuns)
        .where(eq(incidentRuns.assignmentId, assignmentId))
        .get();
      if (!run) return { ok: false, status: 404, message: "This incident no longer exists." };
      if (run.revision !== input.revision)
        return { ok: false, status: 409, message: "The answers were changed in another tab. Copy your text, reload, and save again." };
      revision = run.revision + 1;
      tx.update(incidentRuns)
        .set({ rootCause: input.rootCause, mitigation: input.mitigation, prevention: input.prevention, revision })
        .where(eq(incidentRuns.assignmentId, assignmentId))
        .run();
      tx.update(assignments)
        .set({ updatedAt: now, ...(input.submit ? { status: "submitted" as const, submittedAt: now } : {}) })
        .where(eq(assignments.id, assignmentId))
        .run();
      return { ok: true };
    },
    INCIDENT_REFUSALS,
  );
  return { ...result, revision };
}
