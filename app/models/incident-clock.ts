// The simulated incident clock: it starts when the candidate is paged (the scenario's story time)
// and moves by the on-call time each reveal costs (a dashboard two minutes, a warehouse query
// eight, a canary twenty-five), so a breadth-first tour of every source costs what it would on
// call. Derived from the recorded steps, never stored. Pure.
import { clockMinutes, formatClock, type Scenario } from "./incident-scenario";

type Step = { kind: string; evidenceId: string | null };

export type IncidentClock = {
  /** Story time when the candidate was paged, in minutes on the scenario's calendar. */
  start: number;
  /** Story time now: after every reveal so far. */
  now: number;
  /** For each step, the story time once it was done (a reveal includes its own cost). */
  at: number[];
};

/** The clock of a run, or null for a scenario stored before the clock existed. */
export function incidentClock(scenario: Scenario, steps: readonly Step[]): IncidentClock | null {
  if (!scenario.clock) return null;
  const cost = new Map(scenario.evidence.map((e) => [e.id, e.minutes]));
  const start = clockMinutes(scenario.clock.start);
  let now = start;
  const at = steps.map((s) => {
    if (s.kind === "evidence" && s.evidenceId) now += cost.get(s.evidenceId) ?? 0;
    return now;
  });
  return { start, now, at };
}

/** Minutes of on-call time the ideal path's reveals take, for comparison. */
export function idealMinutes(scenario: Scenario): number {
  const cost = new Map(scenario.evidence.map((e) => [e.id, e.minutes]));
  return scenario.idealPath.reduce((sum, step) => sum + (cost.get(step.evidence) ?? 0), 0);
}

/** "1 h 05 min" or "42 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}

export { formatClock };
