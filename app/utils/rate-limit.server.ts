import { RateLimiterMemory } from "rate-limiter-flexible";

// Failed sign-ins per email address. In memory: Loopwise runs as one process on one SQLite
// file, and a restart forgetting the count is acceptable against online guessing.
const MAX_FAILURES = 5;
const WINDOW_SECONDS = 15 * 60;

const failures = new RateLimiterMemory({ keyPrefix: "signin", points: MAX_FAILURES, duration: WINDOW_SECONDS });

/** Milliseconds until this address may try again, or 0 when it is not locked. */
export async function signInLockedFor(email: string): Promise<number> {
  const res = await failures.get(email);
  return res && res.consumedPoints >= MAX_FAILURES ? res.msBeforeNext : 0;
}

export async function recordFailedSignIn(email: string): Promise<void> {
  // consume() rejects once the points are used up; the lock itself is what we want then.
  await failures.consume(email).catch(() => undefined);
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await failures.delete(email);
}
