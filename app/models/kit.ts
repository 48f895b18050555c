// Interview kits as data: the meta.json of a kit folder, its time plan and, for the take-home, the
// one time box its texts must agree on (the checklist is in checklist.ts). Pure, so the kit page
// and the loader share one definition.
import { z } from "zod";
import { STAGE_KEYS } from "#db/schema";

/** The largest take-home archive any kit may allow; the server's body limit for uploads follows it. */
export const MAX_ARCHIVE_MEGABYTES = 20;

export const kitDimensionKey = z.enum([
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

/** Headings every guide must have, so every kit maps its levels onto the rubric the same way. */
export const REQUIRED_GUIDE_SECTIONS = ["What each level sounds like", "On the rubric's four levels", "Red flags", "What not to do"];

export function missingGuideSections(guide: string): string[] {
  const headings = [...guide.matchAll(/^##\s+(.+)$/gm)].map((m) => m[1]!.trim().toLowerCase());
  return REQUIRED_GUIDE_SECTIONS.filter((s) => !headings.some((h) => h.startsWith(s.toLowerCase())));
}

const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/** Every length in hours a text states ("3 hours", "three-hour", "4 hours at the latest"). */
export function hoursStated(text: string): number[] {
  const pattern = new RegExp(`\\b(\\d+(?:\\.\\d+)?|${NUMBER_WORDS.join("|")})[ -]hours?\\b`, "gi");
  return [...text.matchAll(pattern)].map((m) => {
    const word = NUMBER_WORDS.indexOf(m[1]!.toLowerCase());
    return word >= 0 ? word : Number(m[1]);
  });
}

/**
 * Where a take-home's texts disagree with its time box: the candidate gets one time limit, so the
 * prompt must state it and no text may state another.
 */
export function timeBoxProblems(hours: number, texts: { file: string; text: string; mustState?: boolean }[]): string[] {
  return texts.flatMap(({ file, text, mustState }) => {
    const stated = hoursStated(text);
    const other = [...new Set(stated.filter((h) => h !== hours))];
    if (other.length) return [`${file}: states ${other.map((h) => `${h} hours`).join(" and ")}; the time box is ${hours} hours`];
    if (mustState && !stated.length) return [`${file}: doesn't state the time box (${hours} hours)`];
    return [];
  });
}
