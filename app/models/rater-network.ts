// Whether interviewers' leniency can be compared at all. Leniency compares a rater with colleagues
// who rated the same candidates, so two groups of raters who never shared a candidate sit on two
// separate scales: their figures can't be set against each other (the rater-candidate network is
// not connected). Gold samples every trainee rates are a common link: each one joins everyone who
// rated it. Pure: union-find over raters and the items they rated.

export type RatedItem = { raterId: number; item: string };

/** The groups of raters connected through shared items, largest first, each sorted by id. */
export function raterGroups(raters: number[], links: RatedItem[]): number[][] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps it flat on the next find.
    let node = x;
    while (parent.get(node) !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (x: string) => {
    if (!parent.has(x)) parent.set(x, x);
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (const r of raters) add(`r${r}`);
  for (const l of links) {
    add(`r${l.raterId}`);
    add(`i${l.item}`);
    union(`r${l.raterId}`, `i${l.item}`);
  }
  const groups = new Map<string, number[]>();
  for (const r of new Set([...raters, ...links.map((l) => l.raterId)])) {
    const root = find(`r${r}`);
    groups.set(root, [...(groups.get(root) ?? []), r]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => b.length - a.length || a[0]! - b[0]!);
}
