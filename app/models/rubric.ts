// The rubric file format, shared by the loader and the pages. Pure: no database, no file system.
import { z } from "zod";
import { SIGNAL_KINDS, STAGE_KEYS } from "#db/schema";

const key = z.string().regex(/^[a-z][a-z0-9_]*$/, "must be lower_snake_case");
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);
const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const DimensionSchema = z.object({
  key,
  name: text(80),
  weight: z.number({ error: "enter a whole number from 1 to 100" }).int("must be a whole number").min(1, "must be at least 1").max(100),
  // Optional: no `blocks` band or better while this dimension's score is at or below `atOrBelow`.
  floor: z
    .object({
      atOrBelow: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "choose level 1, 2 or 3" }),
      blocks: key,
    })
    .optional(),
  excellent: text(400),
  assesses: z.array(text(400)).min(1),
  levels: z
    .array(z.object({ level, anchor: text(600) }))
    .length(4, "needs exactly four levels (1-4)")
    .refine((ls) => ls.every((l, i) => l.level === i + 1), "levels must be 1, 2, 3, 4 in order"),
});

export const RubricFileSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    title: text(120),
    description: text(600),
    scale: z
      .array(z.object({ level, label: text(40) }))
      .length(4)
      .refine((ls) => ls.every((l, i) => l.level === i + 1), "scale must be levels 1, 2, 3, 4 in order"),
    dimensions: z.array(DimensionSchema).min(1),
    signals: z.array(z.object({ key, kind: z.enum(SIGNAL_KINDS), text: text(300), dimension: key })),
    bands: z
      .array(
        z.object({
          key,
          label: text(40),
          minScore: z
            .number({ error: "enter a score from 1 to 4" })
            .min(1, "must be at least 1")
            .max(4, "must be at most 4")
            // S is shown to two decimals and its band read from what is shown.
            .refine((m) => Math.abs(m * 100 - Math.round(m * 100)) < 1e-9, "use at most two decimals"),
        }),
      )
      .min(2),
    stages: z.array(
      z.object({
        key: z.enum(STAGE_KEYS),
        name: text(80),
        description: text(600),
        minutes: z.number().int().min(5).max(600),
        optional: z.boolean(),
        focus: z.array(key).min(1),
      }),
    ),
  })
  .superRefine((rubric, ctx) => {
    const total = rubric.dimensions.reduce((sum, d) => sum + d.weight, 0);
    if (total !== 100) ctx.addIssue({ code: "custom", path: ["dimensions"], message: `weights sum to ${total}, not 100` });
    const dimensionKeys = new Set<string>();
    rubric.dimensions.forEach((d, i) => {
      if (dimensionKeys.has(d.key))
        ctx.addIssue({ code: "custom", path: ["dimensions", i, "key"], message: `duplicate dimension "${d.key}"` });
      dimensionKeys.add(d.key);
    });
    const signalKeys = new Set<string>();
    rubric.signals.forEach((s, i) => {
      if (signalKeys.has(s.key)) ctx.addIssue({ code: "custom", path: ["signals", i, "key"], message: `duplicate signal "${s.key}"` });
      signalKeys.add(s.key);
      if (!dimensionKeys.has(s.dimension))
        ctx.addIssue({ code: "custom", path: ["signals", i, "dimension"], message: `unknown dimension "${s.dimension}"` });
    });
    rubric.stages.forEach((stage, i) =>
      stage.focus.forEach((f, j) => {
        if (!dimensionKeys.has(f)) ctx.addIssue({ code: "custom", path: ["stages", i, "focus", j], message: `unknown dimension "${f}"` });
      }),
    );
    const mins = rubric.bands.map((b) => b.minScore);
    mins.forEach((m, i) => {
      if (i > 0 && m >= mins[i - 1]!)
        ctx.addIssue({
          code: "custom",
          path: ["bands", i, "minScore"],
          message: `must be below ${rubric.bands[i - 1]!.label}'s ${mins[i - 1]}: thresholds run from highest to lowest`,
        });
    });
    if (mins.at(-1) !== 1)
      ctx.addIssue({
        code: "custom",
        path: ["bands", rubric.bands.length - 1, "minScore"],
        message: "the lowest band must start at 1 so every score has a band",
      });
    const bandKeys = new Set<string>();
    rubric.bands.forEach((b, i) => {
      if (bandKeys.has(b.key)) ctx.addIssue({ code: "custom", path: ["bands", i, "key"], message: `duplicate band "${b.key}"` });
      bandKeys.add(b.key);
    });
    rubric.dimensions.forEach((d, i) => {
      if (!d.floor) return;
      const blocked = rubric.bands.findIndex((b) => b.key === d.floor!.blocks);
      if (blocked === -1)
        ctx.addIssue({ code: "custom", path: ["dimensions", i, "floor", "blocks"], message: `unknown band "${d.floor.blocks}"` });
      else if (blocked === rubric.bands.length - 1)
        ctx.addIssue({
          code: "custom",
          path: ["dimensions", i, "floor", "blocks"],
          message: "a floor can't rule out the lowest band: every score needs a band",
        });
    });
  });

export type RubricFile = z.infer<typeof RubricFileSchema>;

/** "dimensions.2.levels.0.anchor: must not be empty" style messages for people fixing a file. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
}
