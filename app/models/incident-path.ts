// The investigation path as the interviewer reads it: each step with its time into the run, and
// the scenario's ideal path marked with where (and whether) the candidate looked at each item.
import type { Scenario } from "./incident-scenario";

type Step = { at: Date; kind: "evidence" | "hypothesis" | "ask"; evidenceId: string | null; text: string };

export type PathStep = {
  kind: Step["kind"];
  /** Milliseconds since the run started. */
  offsetMs: number;
  /** The evidence's position in the order looked at (1, 2, …); null for notes and asks. */
  look: number | null;
  title: string | null;
  text: string;
};

export function investigationPath(scenario: Scenario, steps: readonly Step[], startedAt: Date | null) {
  const titles = new Map(scenario.evidence.map((e) => [e.id, e.title]));
  const start = startedAt?.getTime() ?? steps[0]?.at.getTime() ?? 0;
  let looks = 0;
  const lookOf = new Map<string, { look: number; offsetMs: number }>();
  const path: PathStep[] = steps.map((s) => {
    const offsetMs = Math.max(0, s.at.getTime() - start);
    if (s.kind !== "evidence" || !s.evidenceId) return { kind: s.kind, offsetMs, look: null, title: null, text: s.text };
    looks += 1;
    lookOf.set(s.evidenceId, { look: looks, offsetMs });
    return { kind: s.kind, offsetMs, look: looks, title: titles.get(s.evidenceId) ?? s.evidenceId, text: s.text };
  });
  const ideal = scenario.idealPath.map((p, i) => ({
    position: i + 1,
    title: titles.get(p.evidence) ?? p.evidence,
    why: p.why,
    seen: lookOf.get(p.evidence) ?? null,
  }));
  return { steps: path, ideal, looked: looks, idealSeen: ideal.filter((i) => i.seen).length };
}

export type InvestigationPath = ReturnType<typeof investigationPath>;

/** "12:05" from milliseconds: minutes and seconds into the run. */
export function formatOffset(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
