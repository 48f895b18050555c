import { and, eq, ne } from "drizzle-orm";
import { decisions, interviews, loops, scorecards, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import type { LoopRecommendation } from "./recommendation.server";
import { DECISION_LABELS } from "#app/models/labels";
import { formatScore } from "./numbers";
import { refreshLoopAggregates } from "./aggregates.server";

export type DecisionKind = "hire" | "no_hire" | "hold";

export function getDecision(loopId: number) {
  return (
    db()
      .select({
        id: decisions.id,
        decision: decisions.decision,
        rationale: decisions.rationale,
        scoreAtDecision: decisions.scoreAtDecision,
        bandAtDecision: decisions.bandAtDecision,
        acknowledgedAgainstBand: decisions.acknowledgedAgainstBand,
        acknowledgedRedFlags: decisions.acknowledgedRedFlags,
        decidedAt: decisions.decidedAt,
        decidedByName: users.name,
      })
      .from(decisions)
      .innerJoin(users, eq(users.id, decisions.decidedById))
      .where(eq(decisions.loopId, loopId))
      .get() ?? null
  );
}

/** Interviews of the loop still without a submitted scorecard (cancelled ones don't count). */
export function countMissingScorecards(loopId: number) {
  return db()
    .select({ id: interviews.id, status: scorecards.status })
    .from(interviews)
    .leftJoin(scorecards, eq(scorecards.interviewId, interviews.id))
    .where(and(eq(interviews.loopId, loopId), ne(interviews.status, "cancelled")))
    .all()
    .filter((r) => r.status !== "submitted").length;
}

/** What a decision goes against: the band's direction, a floor, and red flags the debrief must address. */
export function decisionWarnings(decision: DecisionKind, rec: Pick<LoopRecommendation, "band" | "gates">) {
  const positiveBand = rec.band?.key === "strong_hire" || rec.band?.key === "hire";
  const againstBand = rec.band !== null && ((decision === "hire" && !positiveBand) || (decision === "no_hire" && positiveBand));
  const againstFloor = decision === "hire" && rec.gates.some((g) => g.kind === "floor");
  const redFlags = rec.gates.some((g) => g.kind === "red_flag");
  return { againstBand, againstFloor, redFlags };
}

export type DecisionResult =
  { ok: true } | { ok: false; field?: "decision" | "rationale" | "acknowledge"; message: string; status: number };

/**
 * Records the hiring decision and closes the loop. Refused when the loop is already decided or
 * incomplete, and when it goes against the band or an open red flag without an explicit
 * acknowledgement.
 */
export function recordDecision(
  actor: AuditActor & { id: number },
  input: {
    loopId: number;
    decision: DecisionKind;
    rationale: string;
    acknowledged: boolean;
    recommendation: LoopRecommendation;
    now: Date;
  },
): DecisionResult {
  const warnings = decisionWarnings(input.decision, input.recommendation);
  if ((warnings.againstBand || warnings.againstFloor || warnings.redFlags) && !input.acknowledged)
    return {
      ok: false,
      field: "acknowledge",
      status: 400,
      message: [
        warnings.againstBand ? `This decision goes against the band (${input.recommendation.band?.label}).` : "",
        warnings.againstFloor ? "A floor in the rubric rules out hiring on this score." : "",
        warnings.redFlags ? "A red flag is open." : "",
        "Tick the box to confirm the rationale addresses it.",
      ]
        .filter(Boolean)
        .join(" "),
    };
  return db().transaction((tx): DecisionResult => {
    const existing = tx.select({ id: decisions.id }).from(decisions).where(eq(decisions.loopId, input.loopId)).get();
    if (existing) return { ok: false, status: 409, message: "This loop has already been decided; the decision stands as recorded." };
    if (countMissingScorecards(input.loopId) > 0)
      return { ok: false, status: 409, message: "Every scheduled interview needs a submitted scorecard before a decision." };
    const { now } = input;
    const row = tx
      .insert(decisions)
      .values({
        loopId: input.loopId,
        decision: input.decision,
        rationale: input.rationale,
        scoreAtDecision: input.recommendation.score,
        bandAtDecision: input.recommendation.band?.label ?? null,
        acknowledgedAgainstBand: (warnings.againstBand || warnings.againstFloor) && input.acknowledged,
        acknowledgedRedFlags: warnings.redFlags && input.acknowledged,
        decidedById: actor.id,
        decidedAt: now,
      })
      .returning()
      .get();
    tx.update(loops).set({ status: "closed", closedAt: now, updatedAt: now }).where(eq(loops.id, input.loopId)).run();
    refreshLoopAggregates(input.loopId);
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "decision",
      entityId: row.id,
      summary: `Decided ${DECISION_LABELS[input.decision]} (S ${formatScore(input.recommendation.score)}, ${input.recommendation.band?.label ?? "no band"})`,
      after: {
        loopId: input.loopId,
        decision: input.decision,
        rationale: input.rationale,
        acknowledgedAgainstBand: row.acknowledgedAgainstBand,
        acknowledgedRedFlags: row.acknowledgedRedFlags,
      },
    });
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "loop",
      entityId: input.loopId,
      summary: "Closed the loop with a decision",
      before: { status: "open" },
      after: { status: "closed" },
    });
    return { ok: true };
  });
}
