// Interview kits as data: the meta.json of a kit folder, its time plan and, for the take-home,
// its grading checklist. Pure, so the kit page and the loader share one definition.
import { z } from "zod";
import { STAGE_KEYS } from "#db/schema";

/** The largest take-home archive any kit may allow; the server's body limit for uploads follows it. */
export const MAX_ARCHIVE_MEGABYTES = 20;

const dimensionKey = z.enum([
  "ml_system_design",
  "software_engineering",
  "mlops_operations",
  "data_quality",
  "evaluation",
  "leadership",
  "communication",
]);

const PhaseSchema = z.object({
  minutes: z.number().int().min(1).max(240),
  phase: z.string().trim().min(1).max(80),
  note: z.string().trim().max(300).default(""),
});

const TakeHomeSchema = z.object({
  timeBoxHours: z.number().min(1).max(8),
  submitWithinDays: z.number().int().min(1).max(21),
  // No larger than the server lets a take-home upload through (server/body-limit.ts).
  maxArchiveMegabytes: z.number().int().min(1).max(MAX_ARCHIVE_MEGABYTES),
  /** Files under files/ the candidate downloads with the prompt. */
  files: z.array(z.string().regex(/^[\w.-]+$/, "must be a plain file name inside files/")).max(10),
});

export const KitMetaSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9-]+$/, "must be lower-kebab-case"),
    kind: z.literal("interview_kit"),
    stage: z.enum(STAGE_KEYS),
    title: z.string().trim().min(1).max(120),
    summary: z.string().trim().min(1).max(300),
    durationMinutes: z.number().int().min(5).max(600),
    version: z.number().int().min(1),
    /** The interviewer's plan for the live session (for the take-home, the follow-up call). */
    timePlan: z.array(PhaseSchema).min(1).max(20),
    takeHome: TakeHomeSchema.optional(),
  })
  .superRefine((meta, ctx) => {
    const planned = meta.timePlan.reduce((sum, p) => sum + p.minutes, 0);
    if (meta.stage === "take_home") {
      if (!meta.takeHome) ctx.addIssue({ code: "custom", path: ["takeHome"], message: "a take-home kit needs its takeHome settings" });
      if (meta.takeHome && meta.durationMinutes !== meta.takeHome.timeBoxHours * 60)
        ctx.addIssue({ code: "custom", path: ["durationMinutes"], message: "must equal takeHome.timeBoxHours × 60" });
    } else if (planned !== meta.durationMinutes) {
      ctx.addIssue({
        code: "custom",
        path: ["timePlan"],
        message: `the phases add up to ${planned} minutes but durationMinutes is ${meta.durationMinutes}`,
      });
    }
  });

export type KitMeta = z.infer<typeof KitMetaSchema>;
export type TimePhase = KitMeta["timePlan"][number];

export const ChecklistSchema = z
  .object({
    items: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/, "must be lower-kebab-case"),
          dimension: dimensionKey,
          text: z.string().trim().min(1).max(300),
          points: z.number().int().min(1).max(3),
        }),
      )
      .min(4)
      .max(40),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: ["items", i, "id"], message: `"${item.id}" is used twice` });
      seen.add(item.id);
    });
  });

export type Checklist = z.infer<typeof ChecklistSchema>;

/** Headings every guide must have, so every kit maps its levels onto the rubric the same way. */
export const REQUIRED_GUIDE_SECTIONS = ["What each level sounds like", "On the rubric's four levels", "Red flags", "What not to do"];

export function missingGuideSections(guide: string): string[] {
  const headings = [...guide.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1]!.trim().toLowerCase());
  return REQUIRED_GUIDE_SECTIONS.filter((s) => !headings.some((h) => h.startsWith(s.toLowerCase())));
}

/**
 * Suggested level per dimension from the share of checklist points ticked, on the same steps as
 * the code review's recall (75%+: 4, 50%: 3, 25%: 2, below: 1). As there, a dimension with nothing
 * ticked gets no suggestion: the grader chooses.
 */
export function checklistSuggestions(checklist: Checklist, checked: readonly string[]) {
  const ticked = new Set(checked);
  const byDimension = new Map<string, { found: number; total: number }>();
  for (const item of checklist.items) {
    const d = byDimension.get(item.dimension) ?? { found: 0, total: 0 };
    d.total += item.points;
    if (ticked.has(item.id)) d.found += item.points;
    byDimension.set(item.dimension, d);
  }
  return Object.fromEntries(
    [...byDimension].map(([dimension, { found, total }]) => {
      const share = found / total;
      const level = found === 0 ? null : share >= 0.75 ? 4 : share >= 0.5 ? 3 : share >= 0.25 ? 2 : 1;
      return [dimension, { found, total, share, level }];
    }),
  );
}
