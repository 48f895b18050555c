// Phases (a) and (d): pages on a quiet server (cold, warm, first after a submit) and the candidate
// page under 16 concurrent readers, each beside the bare reference doing the same model work,
// the two interleaved so that whatever else the machine is doing falls on both alike.
import type { History, Owed } from "./history";
import { BenchError, closedLoop, send, sequence, type Request } from "./load";
import type { Options } from "./options";
import { page, signInEach, submit } from "./people";
import type { Figure } from "./report";
import type { Server } from "./servers";
import { latency, median, perSecond } from "./stats";

export type RunContext = { app: Server; bare: Server; history: History; options: Options; hm: string };

const WARM_UPS = 3;
const SAMPLES = 30;
const BATCH = 5;
const SUBMIT_ROUNDS = 5;
const READERS = 16;
export const PAGE_P95_MS = 150;

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
export const candidateAt = (history: History, n: number) => history.candidatePages[n % history.candidatePages.length]!;

/** The pages a hiring manager reads; `bare` where the reference server answers the same question. */
function pages(history: History): { label: string; app: (n: number) => string; bare?: (n: number) => string }[] {
  return [
    { label: "pipeline", app: () => "/pipeline" },
    { label: "candidates list", app: () => "/candidates" },
    { label: "compare (largest position)", app: () => `/compare?position=${history.largestPosition}` },
    { label: "candidate page", app: (n) => `/candidates/${candidateAt(history, n)}`, bare: (n) => `/candidate/${candidateAt(history, n)}` },
    { label: "calibration", app: () => "/calibration", bare: () => "/calibration" },
  ];
}

/** The very first calibration request after each server started. */
export async function coldCalibration(ctx: RunContext): Promise<Figure> {
  const [app] = await sequence([page(ctx.app.url, "/calibration", ctx.hm)]);
  const [bare] = await sequence([page(ctx.bare.url, "/calibration")]);
  return { label: "calibration, cold (first request after start)", value: app!, unit: "ms", target: { op: "≤", limit: 500 }, bare };
}

/** p50 and p95 of each page, one request at a time, app and bare alternating in batches. */
export async function warmPages(ctx: RunContext): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const spec of pages(ctx.history)) {
    const app = (n: number) => page(ctx.app.url, spec.app(n), ctx.hm);
    const bare = spec.bare && ((n: number) => page(ctx.bare.url, spec.bare!(n)));
    await sequence(range(0, WARM_UPS).map(app));
    if (bare) await sequence(range(0, WARM_UPS).map(bare));
    const appMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < SAMPLES; i += BATCH) {
      appMs.push(...(await sequence(range(i, i + BATCH).map(app))));
      if (bare) bareMs.push(...(await sequence(range(i, i + BATCH).map(bare))));
    }
    const a = latency(appMs);
    const b = bare ? latency(bareMs) : undefined;
    figures.push(
      { label: `${spec.label}, warm p50`, value: a.p50, unit: "ms", bare: b?.p50 },
      { label: `${spec.label}, warm p95`, value: a.p95, unit: "ms", target: { op: "≤", limit: PAGE_P95_MS }, bare: b?.p95 },
    );
  }
  return figures;
}

/**
 * Submits a real scorecard through the app, then times the very next request of one page (the
 * submitted candidate's page, their position's compare): every page gets its own submit, so
 * none of them benefits from another having just recomputed something.
 */
export async function firstAfterSubmit(ctx: RunContext): Promise<Figure[]> {
  const targets: { page: string; server: Server; path: (o: Owed) => string }[] = [
    { page: "calibration", server: ctx.app, path: () => "/calibration" },
    { page: "calibration", server: ctx.bare, path: () => "/calibration" },
    { page: "compare", server: ctx.app, path: (o) => `/compare?position=${o.positionId}` },
    { page: "candidate page", server: ctx.app, path: (o) => `/candidates/${o.candidateId}` },
    { page: "candidate page", server: ctx.bare, path: (o) => `/candidate/${o.candidateId}` },
  ];
  const needed = SUBMIT_ROUNDS * targets.length;
  if (ctx.history.owed.length < needed)
    throw new BenchError(`The history has ${ctx.history.owed.length} owed scorecards; this phase submits ${needed}.`);
  const owed = await signInEach(ctx.app.url, ctx.history.owed.slice(0, needed));
  const times = new Map<string, number[]>();
  for (let round = 0; round < SUBMIT_ROUNDS; round++) {
    // Alternating the order, so neither server always goes first.
    const order = round % 2 ? [...targets].reverse() : targets;
    for (const [i, target] of order.entries()) {
      const card = owed[round * targets.length + i]!;
      const saved = await send(submit(ctx.app.url, card, ctx.history.rubric));
      if (!saved.ok) throw new BenchError(`Submitting a scorecard failed: ${saved.problem}`);
      const [ms] = await sequence([page(target.server.url, target.path(card), target.server === ctx.app ? ctx.hm : undefined)]);
      const key = `${target.page}:${target.server === ctx.app ? "app" : "bare"}`;
      times.set(key, [...(times.get(key) ?? []), ms!]);
    }
  }
  return ["calibration", "compare", "candidate page"].map((name) => {
    const app = times.get(`${name}:app`) ?? [];
    const bare = times.get(`${name}:bare`);
    return {
      label: `${name}, first after a submit (median of ${SUBMIT_ROUNDS})`,
      value: median(app),
      unit: "ms",
      target: { op: "≤", limit: 200 },
      bare: bare && median(bare),
      note: `worst ${Math.round(Math.max(...app))} ms`,
    };
  });
}

/**
 * Throughput and p50 of the candidate page with 16 readers at once, app and bare in alternate
 * windows, after a warm-up window each.
 */
export async function concurrentReaders(ctx: RunContext): Promise<Figure[]> {
  const rounds = 4;
  const windowMs = (ctx.options.durationS * 1000) / (2 * rounds);
  const totals = { app: { ok: 0, ms: 0, lat: [] as number[] }, bare: { ok: 0, ms: 0, lat: [] as number[] } };
  const window = async (which: "app" | "bare", counted = true) => {
    const next = (n: number): Request =>
      which === "app"
        ? page(ctx.app.url, `/candidates/${candidateAt(ctx.history, n)}`, ctx.hm)
        : page(ctx.bare.url, `/candidate/${candidateAt(ctx.history, n)}`);
    const run = await closedLoop({ concurrency: READERS, durationMs: windowMs, next });
    run.tally.assertMostlyServed(`candidate page (${which}), ${READERS} readers`);
    if (!counted) return;
    totals[which].ok += run.tally.succeeded;
    totals[which].ms += run.tookMs;
    totals[which].lat.push(...run.tally.ms);
  };
  // One window each that isn't counted: until then the page's code has run a few dozen times and
  // is still being compiled, which a server that has been up for a while is long past.
  for (const which of ["app", "bare"] as const) await window(which, false);
  for (let round = 0; round < rounds; round++) {
    for (const which of round % 2 ? (["bare", "app"] as const) : (["app", "bare"] as const)) await window(which);
  }
  return [
    {
      label: `candidate page throughput, ${READERS} readers`,
      value: perSecond(totals.app.ok, totals.app.ms),
      unit: "req/s",
      target: { op: "≥", limit: 0.25, on: "ratio" },
      bare: perSecond(totals.bare.ok, totals.bare.ms),
    },
    { label: `candidate page p50, ${READERS} readers`, value: latency(totals.app.lat).p50, unit: "ms", bare: latency(totals.bare.lat).p50 },
  ];
}
