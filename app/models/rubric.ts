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

/**
 * Conditions of a review that a suggestion rule can name. Each is a fact of one stage's exercise,
 * so a rule names that stage: decoy_flagged_blocking, a comment marked blocking calls a decoy (a
 * plausible line that is fine) a defect; approved_with_open_critical, the candidate approved the
 * pull request while a critical security or privacy item stayed unflagged.
 */
export const SUGGESTION_CONDITIONS = {
  decoy_flagged_blocking: "code_review",
  approved_with_open_critical: "code_review",
} as const satisfies Record<string, (typeof STAGE_KEYS)[number]>;
export type SuggestionCondition = keyof typeof SUGGESTION_CONDITIONS;
const CONDITION_KEYS = Object.keys(SUGGESTION_CONDITIONS) as [SuggestionCondition, ...SuggestionCondition[]];

// A rule for a suggested rating, as data in the rubric: while `when` holds, the rating the stage's
// exercise suggests for `dimension` is at most `capAt`, and the workings quote `says`.
const SuggestionRuleSchema = z.object({
  stage: z.enum(STAGE_KEYS, { error: `must be a stage: ${STAGE_KEYS.join(", ")}` }),
  dimension: key,
  when: z.enum(CONDITION_KEYS, { error: `must be one of ${CONDITION_KEYS.join(", ")}` }),
  capAt: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "cap at level 1, 2 or 3" }),
  says: text(400),
});

// How raters read the levels, shown beside them on the scorecard and in a kit's print.
const RaterGuidanceSchema = z.object({
  partialMeets: text(1000),
  promptedVsProbed: text(1000),
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
    suggestionRules: z.array(SuggestionRuleSchema).optional(),
    raterGuidance: RaterGuidanceSchema.optional(),
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
    const seenRules = new Set<string>();
    rubric.suggestionRules?.forEach((rule, i) => {
      const at = (field: string) => ["suggestionRules", i, field];
      const stage = rubric.stages.find((s) => s.key === rule.stage);
      if (!stage) ctx.addIssue({ code: "custom", path: at("stage"), message: `this rubric has no "${rule.stage}" stage` });
      else if (SUGGESTION_CONDITIONS[rule.when] !== rule.stage)
        ctx.addIssue({
          code: "custom",
          path: at("when"),
          message: `"${rule.when}" is a fact of the ${SUGGESTION_CONDITIONS[rule.when]} stage, not of ${rule.stage}`,
        });
      if (!dimensionKeys.has(rule.dimension))
        ctx.addIssue({ code: "custom", path: at("dimension"), message: `unknown dimension "${rule.dimension}"` });
      else if (stage && !stage.focus.includes(rule.dimension))
        ctx.addIssue({
          code: "custom",
          path: at("dimension"),
          message: `"${rule.dimension}" is not a focus dimension of the ${rule.stage} stage, so that stage suggests no rating for it`,
        });
      const id = `${rule.stage}/${rule.dimension}/${rule.when}`;
      if (seenRules.has(id))
        ctx.addIssue({ code: "custom", path: at("when"), message: `a second rule for ${rule.dimension} when ${rule.when}` });
      seenRules.add(id);
    });
  });

export type RubricFile = z.infer<typeof RubricFileSchema>;
export type SuggestionRule = NonNullable<RubricFile["suggestionRules"]>[number];
export type RaterGuidance = NonNullable<RubricFile["raterGuidance"]>;

/** "dimensions.2.levels.0.anchor: must not be empty" style messages for people fixing a file. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("\n");
}
