// The take-home's grading checklist and the rating its ticks suggest. Each item carries the level
// of the guide it evidences, so the suggestion follows the anchors ("meets" alone is a 3, a 4
// needs the required "exceeds" items, a red flag is a 1) rather than a share of points. Pure: the
// loader, the grading page (live, in the browser) and the scorecard share this one rule.
import { z } from "zod";
import { kitDimensionKey } from "./kit";

export const CHECKLIST_LEVELS = ["meets", "exceeds_required", "exceeds", "red_flag"] as const;
export type ChecklistLevel = (typeof CHECKLIST_LEVELS)[number];

/** How each level reads to a grader, in the guide's words. */
export const CHECKLIST_LEVEL_LABELS: Record<ChecklistLevel, string> = {
  meets: "Meets the bar",
  exceeds_required: "Needed for a 4",
  exceeds: "Extra credit",
  red_flag: "Red flag",
};

/** The rubric's four levels as the kit's guide names them. */
export const SUGGESTED_LEVEL_NAMES = { 1: "Strong concern", 2: "Below the bar", 3: "Meets the bar", 4: "Exceeds the bar" } as const;
export type SuggestedLevel = keyof typeof SUGGESTED_LEVEL_NAMES;

const slug = z.string().regex(/^[a-z0-9-]+$/, "must be lower-kebab-case");

const ItemSchema = z.object({
  id: slug,
  dimension: kitDimensionKey,
  category: slug,
  level: z.enum(CHECKLIST_LEVELS, {
    error: (issue) =>
      issue.input === undefined
        ? `needs a level: ${CHECKLIST_LEVELS.join(", ")}`
        : `unknown level ${JSON.stringify(issue.input)}: use ${CHECKLIST_LEVELS.join(", ")}`,
  }),
  /** Only meets items weigh: their points decide the half-of-the-bar step between 1 and 2. */
  points: z.number().int().min(1).max(3).optional(),
  /** A few words, for the suggestion's workings ("missing for 4: golden-score test"). */
  label: z.string().trim().min(1).max(60),
  text: z.string().trim().min(1).max(300),
});

export const ChecklistSchema = z
  .object({
    /** What the candidate is told is assessed; the prompt names each one. */
    categories: z
      .array(z.object({ id: slug, name: z.string().trim().min(1).max(80) }))
      .min(1)
      .max(12),
    items: z.array(ItemSchema).min(4).max(40),
  })
  .superRefine((c, ctx) => {
    const categories = new Set(c.categories.map((k) => k.id));
    const seen = new Set<string>();
    c.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `"${item.id}" is used twice` });
      seen.add(item.id);
      if (!categories.has(item.category))
        ctx.addIssue({ code: "custom", path: ["items", i, "category"], message: `unknown category "${item.category}"` });
      if (item.level === "meets" && item.points === undefined)
        ctx.addIssue({ code: "custom", path: ["items", i, "points"], message: "a meets item needs its points (1 to 3)" });
      if (item.level !== "meets" && item.points !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "points"],
          message: `only meets items carry points; a ${item.level} item counts by its level`,
        });
    });
    c.categories.forEach((k, i) => {
      if (!c.items.some((item) => item.category === k.id))
        ctx.addIssue({ code: "custom", path: ["categories", i, "id"], message: `no item is in "${k.id}"` });
    });
    // Without both, a dimension could never reach 3, or would reach 4 on the bar alone.
    for (const dimension of new Set(c.items.map((i) => i.dimension))) {
      for (const level of ["meets", "exceeds_required"] as const)
        if (!c.items.some((i) => i.dimension === dimension && i.level === level))
          ctx.addIssue({ code: "custom", path: ["items"], message: `${dimension} has no ${level} item` });
    }
  });

export type Checklist = z.infer<typeof ChecklistSchema>;
export type ChecklistItem = Checklist["items"][number];

/**
 * A checklist as a kit version stored it. Versions written before items carried levels have no
 * levels, labels or categories; they still show their items, but suggest nothing.
 */
export type StoredChecklist = {
  categories?: Checklist["categories"];
  items: (Pick<ChecklistItem, "id" | "dimension" | "text"> & Partial<ChecklistItem>)[];
};

/** The checklist with its levels, or null for a version written before levels. */
export function levelledChecklist(stored: StoredChecklist | null | undefined): Checklist | null {
  const parsed = ChecklistSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

export type ChecklistSuggestion = {
  dimension: string;
  level: SuggestedLevel | null;
  /** Points of meets items ticked, of all the dimension's meets points. */
  meets: { ticked: number; total: number };
  redFlags: string[];
  /** Exceeds items ticked, required or not. */
  exceeds: string[];
  /** The level above this one, and the unticked items it needs (labels). */
  next: { level: 2 | 3 | 4; needs: string[]; points?: number } | null;
  /** The workings: why this level, and what the next one needs. */
  reason: string;
  /** The level and its workings in one line, for the scorecard's evidence. */
  why: string;
};

const list = (labels: string[]) => (labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}`);

/**
 * The suggested level of one dimension from the items ticked, checked in this order: a red flag
 * ticked: 1; every meets item and every required exceeds item: 4; every meets item: 3; at least
 * half the meets points: 2; less: 1. Nothing ticked in the dimension: no suggestion (the grader
 * chooses). Extra-credit items are listed but never lift a level.
 */
export function suggestForDimension(items: readonly ChecklistItem[], ticked: ReadonlySet<string>): Omit<ChecklistSuggestion, "dimension"> {
  const at = (level: ChecklistLevel) => items.filter((i) => i.level === level);
  const labels = (list: ChecklistItem[]) => list.map((i) => i.label);
  const sum = (list: ChecklistItem[]) => list.reduce((s, i) => s + (i.points ?? 0), 0);
  const meets = { ticked: sum(at("meets").filter((i) => ticked.has(i.id))), total: sum(at("meets")) };
  const redFlags = labels(at("red_flag").filter((i) => ticked.has(i.id)));
  const exceeds = labels(items.filter((i) => (i.level === "exceeds" || i.level === "exceeds_required") && ticked.has(i.id)));
  const missingMeets = labels(at("meets").filter((i) => !ticked.has(i.id)));
  const missingRequired = labels(at("exceeds_required").filter((i) => !ticked.has(i.id)));
  const points = `${meets.ticked} of ${meets.total} meets points`;
  const extraCredit = labels(at("exceeds").filter((i) => ticked.has(i.id)));
  const requiredTicked = labels(at("exceeds_required").filter((i) => ticked.has(i.id)));
  const extras = extraCredit.length ? ` Extra credit ticked: ${list(extraCredit)}.` : "";
  // Below the bar, a required item already ticked waits for the bar; say so rather than hide it.
  const waiting = requiredTicked.length ? ` Ticked for a 4, once the bar is met: ${list(requiredTicked)}.` : "";
  const short = Math.ceil(meets.total / 2) - meets.ticked;

  const [level, next, reason]: [SuggestedLevel | null, ChecklistSuggestion["next"], string] = !items.some((i) => ticked.has(i.id))
    ? [null, null, "Nothing ticked in this area, so no suggestion: you choose."]
    : redFlags.length
      ? [1, null, `red flag seen (${list(redFlags)}); a red flag suggests 1 whatever else is ticked.`]
      : !missingMeets.length && !missingRequired.length
        ? [4, null, `every meets item (${points}) and the required ${list(labels(at("exceeds_required")))} ticked.${extras}`]
        : !missingMeets.length
          ? [
              3,
              { level: 4, needs: missingRequired },
              `every meets item ticked (${points}). Missing for 4: ${list(missingRequired)}.${extras}`,
            ]
          : meets.ticked * 2 >= meets.total
            ? [
                2,
                { level: 3, needs: missingMeets },
                `${points} ticked, at least half. Missing for 3: ${list(missingMeets)}.${waiting}${extras}`,
              ]
            : [
                1,
                { level: 2, needs: missingMeets, points: short },
                `${points} ticked, less than half. Missing for 2: ${short} more meets point${short === 1 ? "" : "s"}, from ${list(missingMeets)}.${waiting}${extras}`,
              ];
  const why = level === null ? reason : `Suggests ${level} (${SUGGESTED_LEVEL_NAMES[level]}): ${reason}`;
  return { level, meets, redFlags, exceeds, next, reason, why };
}

/** The suggestion for every dimension the checklist covers, in the checklist's order. */
export function checklistSuggestions(checklist: Checklist, checked: readonly string[]): ChecklistSuggestion[] {
  const ticked = new Set(checked);
  const dimensions = [...new Set(checklist.items.map((i) => i.dimension))];
  return dimensions.map((dimension) => ({
    dimension,
    ...suggestForDimension(
      checklist.items.filter((i) => i.dimension === dimension),
      ticked,
    ),
  }));
}

/**
 * Problems with how a take-home prompt tells the candidate what is assessed: it needs a
 * "## What we assess" section with a "### " heading for every category, and no other.
 */
export function assessedSectionProblems(prompt: string, checklist: Checklist): string[] {
  const section = /^## What we assess\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(prompt);
  if (!section) return ['needs a "## What we assess" section naming the checklist\'s categories'];
  const headings = [...section[1]!.matchAll(/^###\s+(.+?)\s*$/gm)].map((m) => m[1]!);
  const names = checklist.categories.map((c) => c.name);
  return [
    ...names.filter((n) => !headings.includes(n)).map((n) => `"## What we assess" doesn't name the category "${n}" (as "### ${n}")`),
    ...headings.filter((h) => !names.includes(h)).map((h) => `"## What we assess" has "### ${h}", which is no category of checklist.json`),
  ];
}

/**
 * What a saved grade suggests per dimension, with the line of evidence the scorecard pre-fills.
 * A kit version without levels suggests nothing: its ticks are only counted.
 */
export function gradeSuggestions(
  stored: StoredChecklist,
  checked: readonly string[],
): Record<string, { level: SuggestedLevel | null; evidence: string }> {
  const checklist = levelledChecklist(stored);
  if (checklist)
    return Object.fromEntries(
      checklistSuggestions(checklist, checked).map((s) => [
        s.dimension,
        { level: s.level, evidence: `Take-home (graded checklist): ${s.why}` },
      ]),
    );
  const ticked = new Set(checked);
  const dimensions = [...new Set(stored.items.map((i) => i.dimension))];
  return Object.fromEntries(
    dimensions.map((d) => {
      const items = stored.items.filter((i) => i.dimension === d);
      const n = items.filter((i) => ticked.has(i.id)).length;
      return [
        d,
        {
          level: null,
          evidence: `Take-home (graded checklist): ${n} of ${items.length} items ticked in this area; this kit version's checklist has no levels, so nothing is suggested.`,
        },
      ];
    }),
  );
}
