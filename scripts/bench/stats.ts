// The arithmetic of the report: percentiles, rates and medians, kept pure so they are tested.

/** Nearest-rank percentile (p in 0–100) of unsorted samples; null when there are none. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Events per second. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

export type Latency = { n: number; p50: number | null; p95: number | null; p99: number | null; max: number | null };

export function latency(samples: readonly number[]): Latency {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
  };
}

/**
 * Offered and served rates of an open-loop run. `offered` counts what the timetable asked for
 * over the planned window; `served` counts successful replies over the window it really took
 * (a server that falls behind finishes late, so its served rate drops below the offered one).
 */
export function throughput(run: { scheduled: number; succeeded: number; plannedMs: number; tookMs: number }) {
  const offered = perSecond(run.scheduled, run.plannedMs);
  const served = perSecond(run.succeeded, Math.max(run.plannedMs, run.tookMs));
  return { offered, served, servedShare: offered > 0 ? served / offered : 0 };
}
