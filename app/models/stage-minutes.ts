// One length per stage, everywhere: the interview's slot, the kit's time plan and what the
// candidate's prompt says. The source is the kit: its time plan adds up to its durationMinutes
// (kit.ts), its prompt must state the same figure (checked when the kit loads), and a slot
// booked with it defaults to it. Only a stage without a kit falls back to the rubric's minutes.

/** How long an interview of this stage is, with this kit (or none chosen yet). */
export function stageMinutes(stage: { minutes: number }, kit: { durationMinutes: number } | null | undefined): number {
  return kit?.durationMinutes ?? stage.minutes;
}

const STATED = /^##\s+How the time is used \((\d+) minutes\)\s*$/m;

/** The total a live kit's prompt tells the candidate ("## How the time is used (50 minutes)"), or null. */
export function promptMinutes(prompt: string): number | null {
  const m = STATED.exec(prompt);
  return m ? Number(m[1]) : null;
}

/** Why a live kit's prompt disagrees with its own length, or null when it names the same figure. */
export function promptMinutesProblem(prompt: string, durationMinutes: number): string | null {
  const stated = promptMinutes(prompt);
  if (stated === null) return `must say "## How the time is used (${durationMinutes} minutes)"`;
  return stated === durationMinutes ? null : `tells the candidate ${stated} minutes but the kit's time plan is ${durationMinutes}`;
}
