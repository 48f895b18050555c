import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exactTest, impactTable, meanGap, median, oneDecisionFlips } from "./fairness-stats";

describe("exactTest", () => {
  it("the lady tasting tea (Fisher 1935): 3 of 4 right each way gives p = 34/70, mid-p = 18/70 (by hand)", () => {
    // Margins 4/4 of 8: P(x) = C(4,x)·C(4,4−x)/70 = 1, 16, 36, 16, 1 over 70. Tables no likelier
    // than x = 3 (16/70): 1 + 16 + 16 + 1 = 34. Mid-p: the two 1/70 tables plus half of 32/70.
    const { fisher, midP } = exactTest({ n: 4, selected: 3 }, { n: 4, selected: 1 });
    expect(fisher).toBeCloseTo(34 / 70, 12);
    expect(midP).toBeCloseTo(18 / 70, 12);
  });

  // Reference values from SciPy 1.17 scipy.stats.fisher_exact (the same as R's fisher.test), and
  // the mid-p from scipy.stats.hypergeom's pmf summed as above.
  it.each([
    [1, 10, 11, 14, 0.0027594561852200836, 0.0014133799973078478], // Wikipedia's "Fisher's exact test" example
    [2, 10, 7, 10, 0.06977851869492736, 0.037628006668254346],
    [0, 5, 5, 5, 0.007936507936507938, 0.003968253968253969],
    [4, 10, 9, 12, 0.19195046439628485, 0.1455108359133127],
    [5, 10, 5, 10, 1, 0.8281408993483297],
    [3, 12, 8, 12, 0.09953271926619617, 0.05590542853296926],
  ])("%i of %i against %i of %i: Fisher %f, mid-p %f", (sa, na, sb, nb, fisher, midP) => {
    const r = exactTest({ n: na, selected: sa }, { n: nb, selected: sb });
    expect(r.fisher).toBeCloseTo(fisher, 10);
    expect(r.midP).toBeCloseTo(midP, 10);
    // Swapping the two groups is the same table read the other way.
    const s = exactTest({ n: nb, selected: sb }, { n: na, selected: sa });
    expect(s.fisher).toBeCloseTo(fisher, 10);
  });

  it("a table with nobody selected, or nobody in a group, has nothing to test: p = 1", () => {
    expect(exactTest({ n: 6, selected: 0 }, { n: 7, selected: 0 })).toEqual({ fisher: 1, midP: 1 });
    expect(exactTest({ n: 0, selected: 0 }, { n: 7, selected: 3 })).toEqual({ fisher: 1, midP: 1 });
  });
});

describe("impactTable", () => {
  it("rates and ratios against the most selected group, worked by hand", () => {
    // Men 12 of 20 (0.60), women 6 of 15 (0.40): 0.40 / 0.60 = 0.667, under four-fifths. Overall
    // 18 of 35; women's expected selections at that rate are 15·18/35 = 7.714, so 1.714 short.
    const [men, women] = impactTable([
      { key: "male", tally: { n: 20, selected: 12 } },
      { key: "female", tally: { n: 15, selected: 6 } },
    ]);
    expect(men).toMatchObject({ isReference: true, rate: 0.6, impactRatio: 1, fisher: null });
    expect(women!.impactRatio).toBeCloseTo(2 / 3, 12);
    expect(women!.shortfall).toBeCloseTo((15 * 18) / 35 - 6, 12);
    expect(women!.fisher).toBeCloseTo(exactTest({ n: 15, selected: 6 }, { n: 20, selected: 12 }).fisher, 12);
    // 7 of 15 = 0.467 / 0.6 = 0.78: still under; one fewer man (11/20 = 0.55): 0.40/0.55 = 0.727. Not fragile.
    expect(women!.fragile).toBe(false);
  });

  it("suppresses a group under the threshold, at exactly the threshold it reports", () => {
    const rows = impactTable(
      [
        { key: "a", tally: { n: 10, selected: 5 } },
        { key: "b", tally: { n: 4, selected: 4 } },
        { key: "c", tally: { n: 5, selected: 1 } },
        { key: "d", tally: { n: 2, selected: 1 } },
      ],
      5,
    );
    const b = rows.find((r) => r.key === "b")!;
    const c = rows.find((r) => r.key === "c")!;
    // b's 100% would be the reference if it counted; suppressed, it is neither reported nor ranked.
    expect(b).toMatchObject({ reported: false, rate: null, impactRatio: null, n: 4, isReference: false });
    // Nobody selected anywhere: no reference, no ratio (a 0 ÷ 0 is not "1").
    expect(impactTable([{ key: "a", tally: { n: 6, selected: 0 } }]).map((r) => [r.isReference, r.impactRatio])).toEqual([[false, null]]);
    expect(rows.find((r) => r.key === "a")!.isReference).toBe(true);
    expect(c.reported).toBe(true);
    expect(c.impactRatio).toBeCloseTo(0.2 / 0.5, 12);
  });

  it("withholds the next smallest group beside a single small one, so the total can't give it away", () => {
    const groups = [
      { key: "a", tally: { n: 20, selected: 10 } },
      { key: "b", tally: { n: 8, selected: 3 } },
      { key: "c", tally: { n: 3, selected: 1 } },
    ];
    // With only c blank, 31 - 20 - 8 = 3 people would single c out; b goes blank with it.
    expect(impactTable(groups, 5).map((r) => [r.key, r.reported])).toEqual([
      ["a", true],
      ["b", false],
      ["c", false],
    ]);
    // Two groups tie for next smallest: both go blank, whatever they are called.
    const tied = [
      { key: "a", tally: { n: 1, selected: 0 } },
      { key: "b", tally: { n: 12, selected: 3 } },
      { key: "c", tally: { n: 12, selected: 6 } },
    ];
    expect(impactTable(tied, 4).map((r) => r.reported)).toEqual([false, false, false]);
    // An empty group blank on its own gives nothing away: 0 people is no one.
    const empty = [groups[0]!, groups[1]!, { key: "c", tally: { n: 0, selected: 0 } }];
    expect(impactTable(empty, 5).map((r) => r.reported)).toEqual([true, true, false]);
  });

  it("counts the unknowns in the overall rate but never ranks them", () => {
    const rows = impactTable(
      [
        { key: "a", tally: { n: 10, selected: 4 } },
        { key: "unknown", tally: { n: 10, selected: 8 } },
      ],
      5,
      ["unknown"],
    );
    const unknown = rows.find((r) => r.key === "unknown")!;
    expect(unknown).toMatchObject({ reported: true, rate: 0.8, impactRatio: null, isReference: false });
    expect(rows[0]!.isReference).toBe(true);
    // Overall 12 of 20 = 0.6: a's expected 6, actual 4.
    expect(rows[0]!.shortfall).toBeCloseTo(2, 12);
  });

  it("relabelling or reordering groups permutes the results and changes no figure", () => {
    const tally = fc.record({ n: fc.integer({ min: 0, max: 30 }), frac: fc.double({ min: 0, max: 1, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(tally, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 2 ** 30 }), (ts, seed) => {
        const groups = ts.map((t, i) => ({ key: `g${i}`, tally: { n: t.n, selected: Math.floor(t.frac * t.n) } }));
        // A shuffled order with new names (the names sort differently from the old ones).
        const order = groups.map((_, i) => i).sort((x, y) => ((x * seed) % 7) - ((y * seed) % 7) || x - y);
        const renamed = order.map((i) => ({ key: `z${groups.length - i}`, tally: groups[i]!.tally }));
        const before = impactTable(groups);
        const after = impactTable(renamed);
        order.forEach((i, j) => {
          const { key: _a, ...x } = before[i]!;
          const { key: _b, ...y } = after[j]!;
          expect(y).toEqual(x);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("oneDecisionFlips", () => {
  it("says when one decision decides the four-fifths conclusion", () => {
    // 3/10 against 5/10: 0.6. One more selection: 4/10 ÷ 5/10 = 0.8, no longer under: fragile.
    expect(oneDecisionFlips({ n: 10, selected: 3 }, { n: 10, selected: 5 })).toBe(true);
    // 1/10 against 8/10: 0.125; 2/10 is 0.25, 1/7 of 10 is 0.143: not fragile.
    expect(oneDecisionFlips({ n: 10, selected: 1 }, { n: 10, selected: 8 })).toBe(false);
    // 8/10 against 9/10: 0.889; one fewer (7/10) gives 0.778, under: fragile from above.
    expect(oneDecisionFlips({ n: 10, selected: 8 }, { n: 10, selected: 9 })).toBe(true);
  });
});

describe("median and meanGap", () => {
  it("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("Welch's interval for a gap; SciPy gives 1.25 with df 11.96 and (0.519, 1.981)", () => {
    const r = meanGap([3, 4, 3, 4, 4, 3], [2, 3, 2, 2, 3, 1, 2, 3])!;
    expect(r.gap).toBeCloseTo(1.25, 12);
    // df is rounded down to 11 for the table's t (2.201 rather than 2.180): slightly wider, never narrower.
    expect(r.low).toBeLessThanOrEqual(0.519);
    expect(r.low).toBeGreaterThan(0.5);
    expect(r.high).toBeGreaterThanOrEqual(1.981);
    expect(r.high).toBeLessThan(2.0);
    expect(meanGap([3], [2, 3])).toBeNull();
  });
});
