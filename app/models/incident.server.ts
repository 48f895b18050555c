// Incident simulations: a debugging interview's run of its scenario, on the candidate's private
// link or driven by the interviewer. The server's clock stamps every step and decides when the
// run is over.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { assignments, incidentRuns, incidentSteps, type IncidentMode, type IncidentStepKind } from "#db/schema";
import { db } from "#app/utils/db.server";
import { assignmentPhase } from "./assignment-phase";
import { insertAssignmentOnce, interviewOfAssignment, whileInProgress, type WriteResult } from "./assignment.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { answerQuery, matchEvidence } from "./evidence-matcher";
import type { EvidenceItem, Scenario } from "./incident-scenario";

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

type Step = { kind: IncidentStepKind; evidenceId?: string | null; text?: string };

/** Records steps in one write, in order, while the run is in progress. */
function recordSteps(assignmentId: number, steps: Step[], now: Date): WriteResult {
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
      if (count + steps.length > MAX_STEPS)
        return { ok: false, status: 400, message: `An investigation can record at most ${MAX_STEPS} steps.` };
      // Looking again at something already on screen (a second tab, a double click) is not a new
      // step of the path, nor is an expectation written for it.
      const revealed = new Set(
        tx
          .select({ id: incidentSteps.evidenceId })
          .from(incidentSteps)
          .where(and(eq(incidentSteps.assignmentId, assignmentId), eq(incidentSteps.kind, "evidence")))
          .all()
          .map((r) => r.id),
      );
      const fresh = steps.filter(
        (step) => !((step.kind === "evidence" || step.kind === "expectation") && revealed.has(step.evidenceId ?? null)),
      );
      for (const step of fresh)
        tx.insert(incidentSteps)
          .values({ assignmentId, at: now, kind: step.kind, evidenceId: step.evidenceId ?? null, text: step.text ?? "" })
          .run();
      return { ok: true };
    },
    INCIDENT_REFUSALS,
  );
}

/** Where an item was first looked at (1, 2, …), or null when it hasn't been. */
function lookOf(assignmentId: number, evidenceId: string): number | null {
  const revealed = db()
    .select({ evidenceId: incidentSteps.evidenceId })
    .from(incidentSteps)
    .where(and(eq(incidentSteps.assignmentId, assignmentId), eq(incidentSteps.kind, "evidence")))
    .orderBy(asc(incidentSteps.id))
    .all();
  const at = revealed.findIndex((r) => r.evidenceId === evidenceId);
  return at === -1 ? null : at + 1;
}

export type Request = { asked?: string; source?: string; expected?: string };
export type Offered = { id: string; title: string; source: string; minutes: number };
export type RevealResult = WriteResult & { revealed?: string; already?: number };

const offered = (scenario: Scenario, items: EvidenceItem[]): Offered[] => {
  const names = new Map(scenario.sources.map((s) => [s.id, s.name]));
  return items.map((e) => ({ id: e.id, title: e.title, source: names.get(e.source) ?? e.source, minutes: e.minutes }));
};

/** The reveal itself: the expectation written for it (if any), then the item; again is not a new step. */
function reveal(
  assignmentId: number,
  item: EvidenceItem,
  text: string,
  expected: string | undefined,
  now: Date,
  before: Step[] = [],
): RevealResult {
  const already = lookOf(assignmentId, item.id);
  const steps: Step[] = [
    ...(expected ? [{ kind: "expectation" as const, evidenceId: item.id, text: expected }] : []),
    ...before,
    { kind: "evidence", evidenceId: item.id, text },
  ];
  const result = recordSteps(assignmentId, steps, now);
  return result.ok ? { ok: true, revealed: item.id, ...(already ? { already } : {}) } : result;
}

/**
 * Reveals one item by its id: one listed in a menu, or one of the answers the request that came
 * with it gets. Anything else is refused, so no item is shown that wasn't asked for, and an id
 * from another scenario (or made up) finds nothing.
 */
export function revealEvidence(
  assignmentId: number,
  scenario: Scenario,
  evidenceId: string,
  now: Date,
  request: Request = {},
): RevealResult {
  const item = scenario.evidence.find((e) => e.id === evidenceId);
  if (!item) return { ok: false, status: 400, message: "That evidence doesn't exist in this scenario. Ask for what you want to see." };
  if (!item.menu) {
    const answers = request.asked ? matchEvidence(scenario, request.asked, request.source).answers : [];
    if (!answers.some((a) => a.item.id === evidenceId)) {
      // After the deadline or submission that is what the candidate needs to hear, not how to ask.
      const phase = phaseOf(assignmentId, now);
      if (phase !== "in_progress") return { ok: false, status: 409, message: INCIDENT_REFUSALS[phase] };
      return { ok: false, status: 400, message: "Say what you want to see first: ask for it, and choose from the answers." };
    }
  }
  return reveal(assignmentId, item, request.asked ?? "", request.expected, now);
}

/**
 * A request in the candidate's words: a clear match is revealed at once; otherwise the closest
 * items are offered to choose from (or, when nothing answers it, the sources to ask), and the
 * request is recorded as an ask (itself a sign of where the candidate looked).
 */
export function askForEvidence(
  assignmentId: number,
  scenario: Scenario,
  request: Required<Pick<Request, "asked">> & Request,
  now: Date,
): RevealResult & { found?: "one" | "several" | "none"; matches?: Offered[]; unknown?: string[] } {
  const match = matchEvidence(scenario, request.asked, request.source);
  const matches = offered(
    scenario,
    match.answers.map((a) => a.item),
  );
  if (match.confident) {
    const result = reveal(assignmentId, match.answers[0]!.item, request.asked, request.expected, now);
    return { ...result, found: "one", matches: matches.slice(1) };
  }
  const result = recordSteps(assignmentId, [{ kind: "ask", text: request.asked }], now);
  if (!result.ok) return result;
  return { ok: true, found: matches.length ? "several" : "none", matches, unknown: match.unknown };
}

/**
 * A warehouse query the candidate wrote: recorded as they wrote it (the interviewer rates it),
 * answered by the item that reads the tables it names, or by the list of tables there are.
 */
export function runQuery(
  assignmentId: number,
  scenario: Scenario,
  input: { sql: string; expected?: string },
  now: Date,
): RevealResult & { tables?: string[] } {
  const { item, tables } = answerQuery(scenario, input.sql);
  const query: Step = { kind: "query", evidenceId: item?.id ?? null, text: input.sql };
  if (!item) {
    const result = recordSteps(assignmentId, [query], now);
    return result.ok ? { ok: true, tables } : result;
  }
  return { ...reveal(assignmentId, item, "", input.expected, now, [query]), tables };
}

function phaseOf(assignmentId: number, now: Date) {
  const a = db()
    .select({ status: assignments.status, deadlineAt: assignments.deadlineAt })
    .from(assignments)
    .where(eq(assignments.id, assignmentId))
    .get();
  return a ? assignmentPhase(a, now) : "revoked";
}

export function addHypothesis(assignmentId: number, text: string, now: Date): WriteResult {
  return recordSteps(assignmentId, [{ kind: "hypothesis", text }], now);
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
