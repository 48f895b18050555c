import { describe, expect, test } from "vitest";
import { latency, median, percentile, perSecond, throughput } from "./stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  test("reads the rank-th smallest sample", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  test("never interpolates: one slow request in twenty is the p95 itself", () => {
    const samples = [...Array<number>(19).fill(10), 900];
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 96)).toBe(900);
  });

  test("small and empty sample sets", () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([], 50)).toBeNull();
  });

  test("does not reorder the caller's array", () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

test("median of an even count is the mean of the middle two", () => {
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([5, 1, 3])).toBe(3);
  expect(median([])).toBeNull();
});

test("latency summarises p50, p95, p99 and the worst", () => {
  const samples = Array.from({ length: 200 }, (_, i) => i + 1);
  expect(latency(samples)).toEqual({ n: 200, p50: 100, p95: 190, p99: 198, max: 200 });
});

describe("rates", () => {
  test("per second", () => {
    expect(perSecond(50, 2000)).toBe(25);
    expect(perSecond(5, 0)).toBe(0);
  });

  test("a server that keeps up serves what was offered", () => {
    const r = throughput({ scheduled: 2000, succeeded: 2000, plannedMs: 20_000, tookMs: 20_040 });
    expect(r.offered).toBe(100);
    expect(r.served).toBeCloseTo(99.8, 1);
    expect(r.servedShare).toBeGreaterThan(0.99);
  });

  test("a server that falls behind finishes late, and its served rate drops", () => {
    const r = throughput({ scheduled: 2000, succeeded: 2000, plannedMs: 20_000, tookMs: 38_000 });
    expect(r.served).toBeCloseTo(52.6, 1);
    expect(r.servedShare).toBeCloseTo(0.526, 3);
  });

  test("failed requests are offered but not served", () => {
    expect(throughput({ scheduled: 100, succeeded: 90, plannedMs: 1000, tookMs: 900 }).servedShare).toBeCloseTo(0.9, 5);
  });
});
