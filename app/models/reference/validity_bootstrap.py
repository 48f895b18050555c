"""Independent reference for validity-stats.test.ts: Spearman's rho as the Pearson correlation of
mid-ranks, with the ranks counted pairwise (rank = 1 + #smaller + #equal-others / 2, not by
sorting as validity-stats.ts does) and the correlation from Python's own statistics.correlation;
then the same bootstrap over hires (mulberry32, the same seed, 2,000 resamples) with the
percentile rule written out. Standard library only (no numpy on the machine).

    python3 app/models/reference/validity_bootstrap.py
prints the numbers the test expects.
"""
import json
import statistics

# Twelve hires: S at the interview, and the manager's 90-day rating (1-4).
S = [3.62, 3.10, 2.95, 3.45, 3.05, 3.80, 3.20, 2.90, 3.55, 3.00, 3.33, 3.15]
OUTCOME = [4, 3, 2, 3, 3, 4, 2, 2, 3, 3, 4, 2]
SEED = 20261208
REPLICATES = 2000


def mid_ranks(xs):
    return [1 + sum(1 for y in xs if y < x) + (sum(1 for y in xs if y == x) - 1) / 2 for x in xs]


def rho(xs, ys):
    rx, ry = mid_ranks(xs), mid_ranks(ys)
    if len(set(rx)) < 2 or len(set(ry)) < 2:
        return None
    return statistics.correlation(rx, ry)


def mulberry32(seed):
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def percentile(sorted_values, p):
    pos = p * (len(sorted_values) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def main():
    n = len(S)
    random = mulberry32(SEED)
    draws, degenerate = [], 0
    for _ in range(REPLICATES):
        idx = [int(random() * n) for _ in range(n)]
        r = rho([S[i] for i in idx], [OUTCOME[i] for i in idx])
        if r is None:
            degenerate += 1
        else:
            draws.append(r)
    draws.sort()
    print(json.dumps({"rho": rho(S, OUTCOME), "low": percentile(draws, 0.025), "high": percentile(draws, 0.975), "degenerate": degenerate}))


main()
