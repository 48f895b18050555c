import { RateLimiterMemory } from "rate-limiter-flexible";

// Sign-in throttling. In memory: Loopwise runs as one process on one SQLite file, and a restart
// forgetting the counts is acceptable against online guessing.
//
// Three counters of failed attempts, so that nobody can lock another person out:
// - per client address: one client guessing across many accounts is refused after a while, and
//   only that client is refused;
// - per account and client: guessing one account from one client is refused after a few tries,
//   and other clients (the account's owner) are unaffected;
// - per account, from every client: a distributed attack on one account slows every attempt on it
//   down (up to a few seconds), but a correct password still signs in. Slowing, not locking, is
//   what keeps a stranger from denying the owner.
const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = {
  perClient: 30,
  perAccountClient: 5,
  /** Failures on one account (all clients) before every attempt on it is slowed down. */
  perAccountBeforeSlowing: 10,
  slowdownStepMs: 250,
  maxSlowdownMs: 3_000,
} as const;

function limiter(keyPrefix: string, points: number) {
  return new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
}

const perClient = limiter("signin-client", SIGN_IN_LIMITS.perClient);
const perAccountClient = limiter("signin-account-client", SIGN_IN_LIMITS.perAccountClient);
// Counts further than the slow-down threshold, so the delay can grow with the attack.
const perAccount = limiter("signin-account", 10_000);

export type SignInGate = { refusedForMs: number; reason: "client" | "account_client" | null; delayMs: number };

async function consumed(l: RateLimiterMemory, key: string) {
  return (await l.get(key))?.consumedPoints ?? 0;
}

async function msUntilReset(l: RateLimiterMemory, key: string) {
  return (await l.get(key))?.msBeforeNext ?? 0;
}

/** Whether this attempt may be checked at all, and how long to hold it first. */
export async function signInGate(email: string, client: string): Promise<SignInGate> {
  const pair = `${email}|${client}`;
  const delayMs = Math.min(
    SIGN_IN_LIMITS.maxSlowdownMs,
    Math.max(0, (await consumed(perAccount, email)) - SIGN_IN_LIMITS.perAccountBeforeSlowing + 1) * SIGN_IN_LIMITS.slowdownStepMs,
  );
  if ((await consumed(perClient, client)) >= SIGN_IN_LIMITS.perClient)
    return { refusedForMs: await msUntilReset(perClient, client), reason: "client", delayMs: 0 };
  if ((await consumed(perAccountClient, pair)) >= SIGN_IN_LIMITS.perAccountClient)
    return { refusedForMs: await msUntilReset(perAccountClient, pair), reason: "account_client", delayMs: 0 };
  return { refusedForMs: 0, reason: null, delayMs };
}

export async function recordFailedSignIn(email: string, client: string): Promise<void> {
  // consume() rejects once the points are used up; being over the limit is what we want then.
  const swallow = () => undefined;
  await Promise.all([
    perClient.consume(client).catch(swallow),
    perAccountClient.consume(`${email}|${client}`).catch(swallow),
    perAccount.consume(email).catch(swallow),
  ]);
}

/** A correct password clears this client's record for the account; the account-wide count stays. */
export async function clearFailedSignIns(email: string, client: string): Promise<void> {
  await perAccountClient.delete(`${email}|${client}`);
}

// "Forgot your password?" requests. Per client, like failed sign-ins: one client asking for many
// addresses is refused for a while (the refusal is the same whatever the addresses). Per address,
// from everywhere: a few emails an hour at most, then further requests are answered as usual but
// send nothing, so nobody can flood a colleague's inbox and the answer still reveals nothing.
export const RESET_LIMITS = { perClient: 10, perAddressPerHour: 3 } as const;
const resetPerClient = limiter("reset-client", RESET_LIMITS.perClient);
const resetPerAddress = new RateLimiterMemory({ keyPrefix: "reset-address", points: RESET_LIMITS.perAddressPerHour, duration: 3600 });

/** Counts one request; says whether this client is refused, and whether an email may go out. */
export async function passwordResetGate(email: string, client: string): Promise<{ refusedForMs: number; mayEmail: boolean }> {
  if ((await consumed(resetPerClient, client)) >= RESET_LIMITS.perClient)
    return { refusedForMs: await msUntilReset(resetPerClient, client), mayEmail: false };
  const swallow = () => null;
  await resetPerClient.consume(client).catch(swallow);
  const address = await resetPerAddress.consume(email).catch(swallow);
  return { refusedForMs: 0, mayEmail: address !== null };
}
