// What a scorecard form's post becomes, shared by an interview's scorecard and a gold sample's
// rating: the shape its schema is built from, what a draft that doesn't validate can keep, and
// the revision the page was loaded at.
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import type { RubricDetail } from "./rubric.server";
import { scorecardSchema, type ScorecardShape } from "./scorecard-schema";

// One shape object per rubric version and stage, so the schema built from it is built once.
const shapes = new WeakMap<RubricDetail, Map<string, ScorecardShape>>();

export function shapeFor(rubric: RubricDetail, stage: string): ScorecardShape {
  let perRubric = shapes.get(rubric);
  if (!perRubric) shapes.set(rubric, (perRubric = new Map()));
  let shape = perRubric.get(stage);
  if (!shape) {
    shape = {
      dimensions: rubric.dimensions.map((d) => ({ key: d.key, name: d.name })),
      focus: rubric.stages.find((s) => s.key === stage)?.focus ?? [],
      signals: rubric.signals.map((s) => ({ key: s.key, kind: s.kind })),
    };
    perRubric.set(stage, shape);
  }
  return shape;
}

/**
 * What can be kept of a draft that doesn't fully validate: known fields only, minus the ones
 * that are invalid (say, evidence over the length limit). Autosave then still saves the rest.
 */
export function salvageDraft(formData: FormData, shape: ScorecardShape) {
  const dims = new Set(shape.dimensions.map((d) => d.key));
  const signals = new Set(shape.signals.map((s) => s.key));
  const redFlags = new Set(shape.signals.filter((s) => s.kind === "red_flag").map((s) => s.key));
  const known = new FormData();
  for (const [name, value] of formData) {
    if (typeof value !== "string") continue;
    const [head, key] = name.split(".", 2);
    const keep =
      ((head === "rating" || head === "evidence") && key && dims.has(key)) ||
      (head === "note" && key && redFlags.has(key)) ||
      (name === "signals" && signals.has(value)) ||
      name === "recommendation" ||
      name === "takeaways";
    if (keep) known.append(name, value);
  }
  const schema = scorecardSchema(shape, "draft");
  let attempt = parseWithZod(known, { schema });
  const dropped: string[] = [];
  if (attempt.status !== "success") {
    for (const name of Object.keys(attempt.error ?? {})) {
      known.delete(name);
      dropped.push(name);
    }
    attempt = parseWithZod(known, { schema });
  }
  return attempt.status === "success" ? { value: attempt.value, dropped } : null;
}

// The page's copy: the revision it was loaded at (or last saved), and its tab's random id.
const SaveBaseSchema = z.object({
  revision: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  tab: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .nullable()
    .default(null),
});

/**
 * The base a save names (see saveScorecard): undefined when the form sends none (a script), null
 * when what it sends can't be read, which the action refuses rather than guess.
 */
export function saveBaseOf(formData: FormData) {
  if (!formData.has("revision")) return undefined;
  const parsed = SaveBaseSchema.safeParse({ revision: formData.get("revision"), tab: formData.get("tab") || null });
  return parsed.success ? parsed.data : null;
}
