// What a scorecard form's post becomes, shared by an interview's scorecard and a gold sample's
// rating: the shape its schema is built from, what a draft that doesn't validate can keep, and
// the revision the page was loaded at.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { formatTime } from "#app/utils/time";
import type { RubricDetail } from "./rubric.server";
import { scorecardSchema, type ScorecardShape, type ScorecardValue } from "./scorecard-schema";

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

/** "evidence.evaluation" -> "the evidence for Evaluation & measurement (too long)", for status lines. */
export const describeField = (shape: ScorecardShape) => (name: string) => {
  const [head, key] = name.split(".", 2);
  const dimension = shape.dimensions.find((d) => d.key === key)?.name;
  if (head === "evidence" && dimension) return `the evidence for ${dimension} (too long)`;
  if (head === "note") return "a red-flag note (too long)";
  return name === "takeaways" ? "the take-aways (too long)" : name;
};

type Conflict = { revision: number; savedAt: Date };
type SaveOutcome = { ok: true; revision: number; savedAt: Date } | { ok: false; message: string; conflict?: Conflict };
/** What the page's status line and form are told: the status line's message, the revision now stored. */
export type ScorecardReply = SubmissionResult<string[]> & {
  autosave: { ok: boolean; message: string; revision?: number; conflict?: { revision: number; savedAt: number } };
};
export type ScorecardPostAnswer =
  { submitted: true } | { submitted: false; status: number; body: ScorecardReply | Pick<ScorecardReply, "autosave"> };

/** A post refused as a whole: the message at the top of the form and in the status line. */
export function scorecardRefusal(message: string, status: number, conflict?: Conflict): ScorecardPostAnswer {
  return {
    submitted: false,
    status,
    body: {
      status: "error",
      error: { "": [message] },
      autosave: { ok: false, message, conflict: conflict && { revision: conflict.revision, savedAt: conflict.savedAt.getTime() } },
    },
  };
}

/**
 * Answers a scorecard form's post (an interview's scorecard, a gold sample's rating): parse,
 * save, and when the post doesn't validate still keep what is valid as a draft, so no word is lost.
 * An autosave's answer is only its status line: the form already holds what was typed.
 */
export function answerScorecardPost(input: {
  formData: FormData;
  shape: ScorecardShape;
  /** Whether a post that doesn't validate may be kept in part as a draft (not on a submitted scorecard). */
  salvage: boolean;
  save: (value: ScorecardValue, submit: boolean) => SaveOutcome;
  timeZone: string;
}): ScorecardPostAnswer {
  const { formData, shape } = input;
  const intent = formData.get("intent");
  const submit = intent === "submit";
  const submission = parseWithZod(formData, { schema: scorecardSchema(shape, submit ? "submit" : "draft") });
  if (submission.status !== "success") {
    const salvage = input.salvage ? salvageDraft(formData, shape) : null;
    const salvaged = salvage && input.save(salvage.value, false);
    if (salvaged && !salvaged.ok) return scorecardRefusal(salvaged.message, 409, salvaged.conflict);
    const message = !salvage
      ? "Not saved: fix the marked fields."
      : submit
        ? "Saved as a draft. Fix the marked fields to submit."
        : `Saved, except ${salvage.dropped.map(describeField(shape)).join(", ") || "the marked fields"}.`;
    const autosave = { ok: false, message, revision: salvaged ? salvaged.revision : undefined };
    return {
      submitted: false,
      status: 400,
      body: intent === "autosave" ? { autosave } : { ...submission.reply({ formErrors: [message] }), autosave },
    };
  }
  const result = input.save(submission.value, submit);
  if (!result.ok) return scorecardRefusal(result.message, 409, result.conflict);
  if (submit) return { submitted: true };
  // Each answer carries the revision now stored: the page's next save names it as its base.
  const autosave = { ok: true, message: `Draft saved at ${formatTime(result.savedAt, input.timeZone)}`, revision: result.revision };
  return { submitted: false, status: 200, body: intent === "autosave" ? { autosave } : { ...submission.reply(), autosave } };
}
