// Phases (b) and (c): pages read while interviewers autosave, autosave and comment saves at 100
// concurrent sessions, and the server's memory once the load has run.
import { openLoop, send, Tally } from "./load";
import { autosave, comment, page, reviewers, signInEach } from "./people";
import { candidateAt, PAGE_P95_MS, type RunContext } from "./phases-pages";
import type { Figure } from "./report";
import { residentMb } from "./servers";
import { latency, throughput } from "./stats";

/** The first `n` items, starting over when there are fewer (more sessions than drafts). */
const take = <T>(xs: T[], n: number) => Array.from({ length: n }, (_, i) => xs[i % xs.length]!);

/** Calibration, compare and candidate page read back to back by the hiring manager while N interviewers autosave once a second. */
export async function pagesWhileAutosaving(ctx: RunContext): Promise<Figure[]> {
  const n = ctx.options.interviewers;
  const sessions = await signInEach(ctx.app.url, take(ctx.history.drafts, n));
  const reads = [
    { name: "calibration", path: () => "/calibration", ms: [] as number[] },
    { name: "compare", path: () => `/compare?position=${ctx.history.largestPosition}`, ms: [] as number[] },
    { name: "candidate page", path: (i: number) => `/candidates/${candidateAt(ctx.history, i)}`, ms: [] as number[] },
  ];
  const readTally = new Tally();
  let reading = true;
  const reader = (async () => {
    for (let i = 0; reading; i++) {
      const target = reads[i % reads.length]!;
      const reply = await send(page(ctx.app.url, target.path(i), ctx.hm));
      readTally.add(reply);
      if (reply.ok) target.ms.push(reply.ms);
    }
  })();
  const saves = await openLoop({
    users: sessions,
    perSecond: 1,
    durationMs: ctx.options.durationS * 1000,
    next: (s, seq) => autosave(ctx.app.url, s, ctx.history.rubric, seq),
  });
  reading = false;
  await reader;
  readTally.assertMostlyServed(`pages while ${n} interviewers autosave`);
  saves.tally.assertMostlyServed(`autosave by ${n} interviewers`);
  const saveLatency = latency(saves.tally.ms);
  return [
    ...reads.flatMap(({ name, ms }): Figure[] => {
      const l = latency(ms);
      return [
        { label: `${name} p50`, value: l.p50, unit: "ms", note: `${l.n} reads` },
        { label: `${name} p95`, value: l.p95, unit: "ms", target: { op: "≤", limit: PAGE_P95_MS } },
      ];
    }),
    {
      label: "page reads that failed",
      value: readTally.failures,
      unit: "errors",
      target: { op: "≤", limit: 0 },
      note: readTally.firstProblems[0],
    },
    { label: "their autosaves p99", value: saveLatency.p99, unit: "ms", note: `p50 ${Math.round(saveLatency.p50 ?? 0)} ms` },
  ];
}

type OpenLoopRun = Awaited<ReturnType<typeof openLoop>>;

function saveFigures(what: string, run: OpenLoopRun, p99Limit: number): Figure[] {
  const rate = throughput({ scheduled: run.scheduled, succeeded: run.tally.succeeded, plannedMs: run.plannedMs, tookMs: run.tookMs });
  const l = latency(run.tally.ms);
  return [
    { label: `${what}: offered`, value: rate.offered, unit: "/s" },
    {
      label: `${what}: served, share of offered`,
      value: rate.servedShare * 100,
      unit: "%",
      target: { op: "≥", limit: 99 },
      note: `${rate.served.toFixed(1)}/s`,
    },
    { label: `${what}: p50`, value: l.p50, unit: "ms" },
    { label: `${what}: p95`, value: l.p95, unit: "ms" },
    { label: `${what}: p99`, value: l.p99, unit: "ms", target: { op: "≤", limit: p99Limit } },
    {
      label: `${what}: errors`,
      value: run.tally.failures,
      unit: "errors",
      target: { op: "≤", limit: 0 },
      note: run.tally.firstProblems[0],
    },
  ];
}

/** Scorecard autosaves, then candidates' comment saves, from `sessions` sessions at one save a second each. */
export async function savesAtScale(ctx: RunContext): Promise<Figure[]> {
  const n = ctx.options.sessions;
  const durationMs = ctx.options.durationS * 1000;
  const sessions = await signInEach(ctx.app.url, take(ctx.history.drafts, n));
  // Typing on from where phase (b) left off, so no save repeats what is already stored.
  const typed = ctx.options.durationS;
  const saves = await openLoop({
    users: sessions,
    perSecond: 1,
    durationMs,
    next: (s, seq) => autosave(ctx.app.url, s, ctx.history.rubric, typed + seq),
  });
  saves.tally.assertMostlyServed(`autosave, ${n} sessions`);
  const candidates = await reviewers(take(ctx.history.reviews, n));
  const comments = await openLoop({ users: candidates, perSecond: 1, durationMs, next: (c, seq) => comment(ctx.app.url, c, seq) });
  comments.tally.assertMostlyServed(`comment saves, ${n} sessions`);
  return [...saveFigures(`autosave, ${n} sessions`, saves, 100), ...saveFigures(`comment save, ${n} sessions`, comments, 50)];
}

export function memory(ctx: RunContext): Figure {
  return {
    label: "server memory (RSS) after the load phases",
    value: residentMb(ctx.app),
    unit: "MB",
    target: { op: "≤", limit: 250 },
    bare: residentMb(ctx.bare),
  };
}
