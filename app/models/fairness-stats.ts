// The arithmetic of adverse impact, pure and small: selection rates, impact ratios against the most
// selected group (the four-fifths rule), and exact tests for the 2×2 table of one group against
// that group. Counts in a hiring funnel are small, so the p-values are exact (Fisher's, and its
// mid-p, which is less conservative) rather than a chi-square approximation.
// Why: docs/decisions/011-fairness-kept-apart.md.

/** The conventional line: a group selected at under 80% of the most selected group's rate. */
export const FOUR_FIFTHS = 0.8;
/** Groups with fewer people than this are suppressed: no rate, no ratio, "not enough data". */
export const DEFAULT_THRESHOLD = 5;

export type Tally = { n: number; selected: number };

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[n]!;
}
const logChoose = (n: number, k: number) => logFactorial(n) - logFactorial(k) - logFactorial(n - k);

// R's fisher.test treats probabilities within this relative distance as equal, so a table as
// likely as the observed one is not lost to rounding.
const RELATIVE_TOLERANCE = 1e-7;

/**
 * Two-sided exact p-values for a 2×2 table: group A (selected, not selected) against group B.
 * Fisher's sums the probabilities of every table with the same margins no more likely than the
 * observed one; the mid-p counts the tables exactly as likely as the observed one by half.
 */
export function exactTest(a: Tally, b: Tally): { fisher: number; midP: number } {
  const r1 = a.n;
  const r2 = b.n;
  const c1 = a.selected + b.selected;
  const n = r1 + r2;
  if (r1 === 0 || r2 === 0 || c1 === 0 || c1 === n) return { fisher: 1, midP: 1 };
  const logTotal = logChoose(n, c1);
  const prob = (x: number) => Math.exp(logChoose(r1, x) + logChoose(r2, c1 - x) - logTotal);
  const observed = prob(a.selected);
  let less = 0;
  let equal = 0;
  for (let x = Math.max(0, c1 - r2); x <= Math.min(r1, c1); x++) {
    const p = prob(x);
    if (p < observed * (1 - RELATIVE_TOLERANCE)) less += p;
    else if (p <= observed * (1 + RELATIVE_TOLERANCE)) equal += p;
  }
  return { fisher: Math.min(1, less + equal), midP: Math.min(1, less + equal / 2) };
}

export const rate = (t: Tally): number | null => (t.n === 0 ? null : t.selected / t.n);

export type GroupResult = {
  key: string;
  n: number;
  selected: number;
  /** False when n is under the threshold (or withheld beside a single such group): every figure below is null. */
  reported: boolean;
  rate: number | null;
  impactRatio: number | null;
  /** Exact two-sided p-values against the most selected group; null for that group itself. */
  fisher: number | null;
  midP: number | null;
  /** Selections at the overall rate minus actual selections: people, not percentages. */
  shortfall: number | null;
  /** Whether one decision the other way (for this group, or the reference) flips the four-fifths conclusion. */
  fragile: boolean | null;
  isReference: boolean;
};

/**
 * One category's results: each group's rate, its ratio to the most selected reported group and an
 * exact test against that group. Groups under the threshold are kept (their counts are known to
 * exist) but not reported; groups in `unranked` (the unknowns) are reported but never the
 * reference and get no ratio, since "unknown" is not a group anyone belongs to.
 */
export function impactTable(
  groups: { key: string; tally: Tally }[],
  threshold = DEFAULT_THRESHOLD,
  unranked: string[] = [],
): GroupResult[] {
  const total = groups.reduce((s, g) => ({ n: s.n + g.tally.n, selected: s.selected + g.tally.selected }), { n: 0, selected: 0 });
  const overall = rate(total);
  const withheld = withheldGroups(groups, threshold);
  const rankable = groups.filter((g) => !withheld.has(g.key) && !unranked.includes(g.key));
  // The most selected group, the larger on a tie, which is tested against. Every group at the top
  // rate is a reference (ratio 1, nothing to test), so the answer never depends on names or order;
  // when nobody was selected there is no reference and no ratio.
  const reference = [...rankable].sort((x, y) => rate(y.tally)! - rate(x.tally)! || y.tally.n - x.tally.n)[0];
  const refRate = reference ? rate(reference.tally)! : null;
  return groups.map(({ key, tally }) => {
    const reported = !withheld.has(key);
    const isReference = reported && !unranked.includes(key) && refRate !== null && refRate > 0 && rate(tally) === refRate;
    const blank = { fisher: null, midP: null, fragile: null };
    if (!reported)
      return { key, n: tally.n, selected: tally.selected, reported, rate: null, impactRatio: null, shortfall: null, isReference, ...blank };
    const r = rate(tally)!;
    const shortfall = overall === null ? null : tally.n * overall - tally.selected;
    const ranked = !unranked.includes(key) && reference && refRate !== null && refRate > 0;
    if (!ranked || isReference)
      return {
        key,
        n: tally.n,
        selected: tally.selected,
        reported,
        rate: r,
        impactRatio: isReference ? 1 : null,
        shortfall,
        isReference,
        ...blank,
      };
    const ratio = r / refRate;
    const test = exactTest(tally, reference.tally);
    return {
      key,
      n: tally.n,
      selected: tally.selected,
      reported,
      rate: r,
      impactRatio: ratio,
      fisher: test.fisher,
      midP: test.midP,
      shortfall,
      fragile: oneDecisionFlips(tally, reference.tally),
      isReference,
    };
  });
}

/**
 * The groups whose figures are withheld: those under the threshold (or empty) and, when that is a
 * single group of people, the next smallest as well (every one of that size, when several tie). Totals are published, so one blank cell
 * could be worked out by subtraction; with two blank, only their sum can.
 */
export function withheldGroups(groups: { key: string; tally: Tally }[], threshold: number): Set<string> {
  const small = groups.filter((g) => g.tally.n < threshold || g.tally.n === 0);
  const withheld = new Set(small.map((g) => g.key));
  if (small.length === 1 && small[0]!.tally.n > 0) {
    // Every group tied at the next-smallest size goes blank together: choosing one of them by name
    // or order would make what is shown depend on how the groups happen to be labelled.
    const rest = groups.filter((g) => !withheld.has(g.key));
    const nextSize = Math.min(...rest.map((g) => g.tally.n));
    for (const g of rest) if (g.tally.n === nextSize) withheld.add(g.key);
  }
  return withheld;
}

/**
 * Would one decision made the other way change which side of 0.8 the ratio falls on? Below the
 * line: one more selection in the group, or one fewer in the reference. At or above it: one fewer
 * in the group, or one more in the reference.
 */
export function oneDecisionFlips(group: Tally, reference: Tally): boolean {
  const below = (g: Tally, r: Tally) => r.selected > 0 && g.selected / g.n / (r.selected / r.n) < FOUR_FIFTHS;
  const now = below(group, reference);
  const moves: [Tally, Tally][] = now
    ? [
        [{ n: group.n, selected: Math.min(group.n, group.selected + 1) }, reference],
        [group, { n: reference.n, selected: Math.max(0, reference.selected - 1) }],
      ]
    : [
        [{ n: group.n, selected: Math.max(0, group.selected - 1) }, reference],
        [group, { n: reference.n, selected: Math.min(reference.n, reference.selected + 1) }],
      ];
  return moves.some(([g, r]) => below(g, r) !== now);
}

/** The median of the values (the mean of the middle two for an even count); null when empty. */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * The gap between two groups' mean ratings with a 95% interval (Welch's: the groups' variances
 * are not assumed equal), or null when either side has fewer than two ratings.
 */
export function meanGap(group: number[], rest: number[]): { gap: number; low: number; high: number } | null {
  if (group.length < 2 || rest.length < 2) return null;
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const variance = (v: number[], m: number) => v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
  const m1 = mean(group);
  const m2 = mean(rest);
  const s1 = variance(group, m1) / group.length;
  const s2 = variance(rest, m2) / rest.length;
  const se = Math.sqrt(s1 + s2);
  const df = se === 0 ? Infinity : (s1 + s2) ** 2 / (s1 ** 2 / (group.length - 1) + s2 ** 2 / (rest.length - 1));
  const t = tQuantile975(df);
  const gap = m1 - m2;
  return { gap, low: gap - t * se, high: gap + t * se };
}

// The 97.5% point of Student's t: exact table values for small df, the normal's beyond.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
];
function tQuantile975(df: number): number {
  if (!Number.isFinite(df) || df > 120) return 1.96;
  if (df <= 20) return T975[Math.max(0, Math.floor(df) - 1)]!; // rounding df down errs wide
  return df <= 30
    ? 2.042 + ((30 - df) / 10) * (2.086 - 2.042)
    : df <= 60
      ? 2.0 + ((60 - df) / 30) * 0.042
      : 1.98 + ((120 - df) / 60) * 0.02;
}
