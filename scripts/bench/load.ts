// The load generator: timed requests that never throw and never hang, sequential timing, a
// closed loop (N workers back to back, for throughput) and an open loop (a fixed timetable, so
// a slow server makes the queue grow instead of the offered rate drop).
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

export class BenchError extends Error {}

export type Request = { url: string; init?: RequestInit; timeoutMs?: number; ok?: (status: number) => boolean };
export type Reply = { ok: boolean; status: number; ms: number; problem: string | null; headers: Headers | null };

const DEFAULT_TIMEOUT_MS = 30_000;
const is2xx = (status: number) => status >= 200 && status < 300;

/**
 * Sends one request and reads the whole reply; always settles within `timeoutMs`. Time counts
 * from `due` (when the request should have gone out), so a bench process that falls behind its
 * own timetable can't hide latency.
 */
export async function send(request: Request, due = performance.now()): Promise<Reply> {
  const { url, init, timeoutMs = DEFAULT_TIMEOUT_MS, ok = is2xx } = request;
  const failed = (why: string): Reply => ({
    ok: false,
    status: 0,
    ms: performance.now() - due,
    problem: `${new URL(url).pathname}: ${why}`,
    headers: null,
  });
  // Our own timer, not AbortSignal.timeout: Node holds that signal only weakly, and once it is
  // garbage-collected under load the request can hang for ever. The race settles even then.
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Reply>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(failed(`no reply within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  const attempt = (async (): Promise<Reply> => {
    try {
      const res = await fetch(url, { redirect: "manual", ...init, signal: controller.signal });
      const body = await res.text();
      const good = ok(res.status);
      const problem = good
        ? null
        : `${init?.method ?? "GET"} ${new URL(url).pathname} → ${res.status}: ${body.slice(0, 200).replace(/\s+/g, " ")}`;
      return { ok: good, status: res.status, ms: performance.now() - due, problem, headers: res.headers };
    } catch (error) {
      // fetch says only "fetch failed"; the cause says why (ECONNREFUSED, a reset socket).
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return failed(`${String(error)}${cause ? ` (${cause.code ?? cause.message})` : ""}`);
    }
  })();
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Latencies of the successful replies, and what went wrong with the others. */
export class Tally {
  readonly ms: number[] = [];
  failures = 0;
  readonly firstProblems: string[] = [];

  add(reply: Reply) {
    if (reply.ok) this.ms.push(reply.ms);
    else {
      this.failures += 1;
      if (this.firstProblems.length < 3 && reply.problem) this.firstProblems.push(reply.problem);
    }
  }

  get succeeded() {
    return this.ms.length;
  }

  /** Missing a target is reported; most requests failing means the measurement itself is broken. */
  assertMostlyServed(what: string) {
    const total = this.succeeded + this.failures;
    if (total === 0 || this.failures / total > 0.5)
      throw new BenchError(`${what}: ${this.failures} of ${total} requests failed.\n  ${this.firstProblems.join("\n  ")}`);
  }
}

/** Sends the requests one after another; any failure is fatal (a page that errors can't be timed). */
export async function sequence(requests: Request[]): Promise<number[]> {
  const ms: number[] = [];
  for (const request of requests) {
    const reply = await send(request);
    if (!reply.ok) throw new BenchError(reply.problem ?? "request failed");
    ms.push(reply.ms);
  }
  return ms;
}

/** `concurrency` workers sending back to back for `durationMs`. */
export async function closedLoop(o: { concurrency: number; durationMs: number; next: (n: number) => Request }) {
  const tally = new Tally();
  const start = performance.now();
  let n = 0;
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (performance.now() - start < o.durationMs) tally.add(await send(o.next(n++)));
    }),
  );
  return { tally, tookMs: performance.now() - start };
}

/**
 * Each user sends `perSecond` requests a second on a fixed timetable (users staggered evenly
 * over the period), whether or not earlier replies have come back, for `durationMs`.
 */
export async function openLoop<User>(o: {
  users: User[];
  perSecond: number;
  durationMs: number;
  next: (user: User, seq: number) => Request;
}) {
  const period = 1000 / o.perSecond;
  const timetable: { at: number; user: User; seq: number }[] = [];
  o.users.forEach((user, i) => {
    let seq = 0;
    for (let at = (i / o.users.length) * period; at < o.durationMs; at += period) timetable.push({ at, user, seq: seq++ });
  });
  timetable.sort((a, b) => a.at - b.at);

  const tally = new Tally();
  const start = performance.now();
  let lastReply = start;
  const inFlight: Promise<void>[] = [];
  for (const slot of timetable) {
    const due = start + slot.at;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(
      send(o.next(slot.user, slot.seq), due).then((reply) => {
        tally.add(reply);
        lastReply = performance.now();
      }),
    );
  }
  await Promise.all(inFlight);
  return { tally, scheduled: timetable.length, plannedMs: o.durationMs, tookMs: lastReply - start };
}
