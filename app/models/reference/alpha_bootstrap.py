"""Independent reference for agreement.test.ts: Krippendorff's interval alpha written from its
pairwise definition (not the coincidence matrix agreement.ts uses), and the same bootstrap over
candidates with the same seeded generator (mulberry32) and percentile rule. Standard library only.

    python3 app/models/reference/alpha_bootstrap.py
prints the numbers the test expects.
"""
import json

# Twelve candidates; each a list of units (one per dimension rated), each unit the panel's ratings.
CANDIDATES = [
    [[3, 3], [4, 3, 4]],
    [[2, 2], [2, 3]],
    [[4, 4, 3], [3, 3]],
    [[1, 2], [2, 2, 1]],
    [[3, 4], [4, 4]],
    [[2, 3], [3, 2]],
    [[4, 4], [4, 3]],
    [[1, 1], [2, 1]],
    [[3, 3, 3], [2, 3]],
    [[2, 1], [1, 1]],
    [[4, 3], [3, 4, 4]],
    [[3, 2], [2, 2]],
]


def interval_alpha(units):
    units = [u for u in units if len(u) >= 2]
    values = [v for u in units for v in u]
    n = len(values)
    if n < 2:
        return None
    d_o = 0.0
    for u in units:
        m = len(u)
        d_o += sum((u[i] - u[j]) ** 2 for i in range(m) for j in range(m) if i != j) / (m - 1)
    d_o /= n
    d_e = sum((values[i] - values[j]) ** 2 for i in range(n) for j in range(n) if i != j) / (n * (n - 1))
    return None if d_e == 0 else 1 - d_o / d_e


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


def percentile(xs, p):
    s = sorted(xs)
    pos = p * (len(s) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def bootstrap(candidates, replicates, seed):
    rnd = mulberry32(seed)
    draws = []
    for _ in range(replicates):
        sample = [candidates[int(rnd() * len(candidates))] for _ in candidates]
        a = interval_alpha([u for c in sample for u in c])
        if a is not None:
            draws.append(a)
    return percentile(draws, 0.025), percentile(draws, 0.975)


if __name__ == "__main__":
    low, high = bootstrap(CANDIDATES, 200, 20261130)
    print(json.dumps({"alpha": interval_alpha([u for c in CANDIDATES for u in c]), "low": low, "high": high}))
