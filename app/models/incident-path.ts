// The investigation path as the interviewer reads it: one time line of hypotheses, expectations,
// asks, queries and reveals, each with its time into the run and on the incident clock; the
// scenario's ideal path marked with where (and whether) the candidate looked at each item; and
// the kit's levels with what the path shows was and wasn't done. Pure.
import { matchEvidence } from "./evidence-matcher";
import { formatClock, formatDuration, idealMinutes, incidentClock } from "./incident-clock";
import type { Scenario } from "./incident-scenario";

type Step = { at: Date; kind: string; evidenceId: string | null; text: string };

export type PathStep = {
  kind: "evidence" | "hypothesis" | "ask" | "query";
  /** Milliseconds since the run started. */
  offsetMs: number;
  /** The incident clock once this step was done ("Tue 09:05"); null for runs without a clock. */
  clock: string | null;
  /** The evidence's position in the order looked at (1, 2, …); null for other steps. */
  look: number | null;
  /** The item revealed, or the item a query was answered with. */
  title: string | null;
  source: string | null;
  /** On-call minutes the reveal cost. */
  minutes: number | null;
  /** What was asked (a reveal, an ask), the hypothesis, or the query as written. */
  text: string;
  /** What they wrote they expected before this reveal. */
  expected: string | null;
  /** For an ask that revealed nothing by itself: the closest items it was offered. */
  offered: string[];
};

export type LevelStatus = "seen" | "not_seen" | "judge";

export function investigationPath(scenario: Scenario, steps: readonly Step[], startedAt: Date | null) {
  const items = new Map(scenario.evidence.map((e) => [e.id, e]));
  const sources = new Map(scenario.sources.map((s) => [s.id, s.name]));
  const start = startedAt?.getTime() ?? steps[0]?.at.getTime() ?? 0;
  const clock = incidentClock(scenario, steps);
  const expectations = new Map(steps.filter((s) => s.kind === "expectation" && s.evidenceId).map((s) => [s.evidenceId!, s.text]));
  let looks = 0;
  const lookOf = new Map<string, { look: number; offsetMs: number; clock: string | null }>();
  const path: PathStep[] = [];
  steps.forEach((s, i) => {
    const offsetMs = Math.max(0, s.at.getTime() - start);
    const at = clock ? formatClock(clock.at[i]!) : null;
    const base = { offsetMs, clock: at, look: null, title: null, source: null, minutes: null, text: s.text, expected: null, offered: [] };
    const item = s.evidenceId ? items.get(s.evidenceId) : undefined;
    if (s.kind === "evidence" && s.evidenceId) {
      looks += 1;
      lookOf.set(s.evidenceId, { look: looks, offsetMs, clock: at });
      path.push({
        ...base,
        kind: "evidence",
        look: looks,
        title: item?.title ?? s.evidenceId,
        source: item ? (sources.get(item.source) ?? null) : null,
        minutes: item?.minutes ?? null,
        expected: expectations.get(s.evidenceId) ?? null,
      });
    } else if (s.kind === "query") {
      path.push({ ...base, kind: "query", title: item?.title ?? null, source: item ? (sources.get(item.source) ?? null) : null });
    } else if (s.kind === "ask") {
      path.push({ ...base, kind: "ask", offered: matchEvidence(scenario, s.text).answers.map((a) => a.item.title) });
    } else if (s.kind === "hypothesis") {
      path.push({ ...base, kind: "hypothesis" });
    }
    // An expectation is shown with the reveal it was written for.
  });
  const ideal = scenario.idealPath.map((p, i) => ({
    position: i + 1,
    title: items.get(p.evidence)?.title ?? p.evidence,
    why: p.why,
    seen: lookOf.get(p.evidence) ?? null,
  }));
  const levels = scenario.levels.map((l) => {
    const seen = l.evidence.map((id) => lookOf.get(id)).find((x) => x) ?? null;
    const status: LevelStatus = !l.evidence.length ? "judge" : seen ? "seen" : "not_seen";
    return { dimension: l.dimension, level: l.level, text: l.text, lead: l.lead, status, seenLook: seen?.look ?? null };
  });
  return {
    steps: path,
    ideal,
    looked: looks,
    idealSeen: ideal.filter((i) => i.seen).length,
    expectations: steps.filter((s) => s.kind === "expectation").length,
    clock: clock
      ? {
          start: formatClock(clock.start),
          now: formatClock(clock.now),
          spent: formatDuration(clock.now - clock.start),
          ideal: formatDuration(idealMinutes(scenario)),
        }
      : null,
    levels,
    ranOutOfTime: scenario.ranOutOfTime || null,
  };
}

export type InvestigationPath = ReturnType<typeof investigationPath>;

/** "12:05" from milliseconds: minutes and seconds into the run. */
export function formatOffset(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
