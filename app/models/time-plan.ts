// Where an interview stands against its kit's time plan. Pure and dependency-free: the timer runs
// in the browser.

/** Where the timer stands against the time plan: the phase it is in and the minutes left in it. */
export function phaseAt(plan: readonly { minutes: number }[], elapsedMs: number) {
  let start = 0;
  for (let i = 0; i < plan.length; i++) {
    const end = start + plan[i]!.minutes * 60_000;
    if (elapsedMs < end) return { index: i, startMs: start, endMs: end, over: false };
    start = end;
  }
  return { index: plan.length - 1, startMs: start - plan[plan.length - 1]!.minutes * 60_000, endMs: start, over: true };
}
