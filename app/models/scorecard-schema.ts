// The scorecard form, shared by the browser and the server. Built from the rubric version the
// scorecard is filled against, so unknown dimensions or signals are errors, not silently dropped.
import { z } from "zod";
import { RECOMMENDATIONS } from "#db/schema";

export const EVIDENCE_MAX = 5000;
export const NOTE_MAX = 1000;
export const TAKEAWAYS_MAX = 5000;

export const RATING_CHOICES = ["1", "2", "3", "4", "na"] as const;
export type RatingChoice = (typeof RATING_CHOICES)[number];

export interface ScorecardShape {
  dimensions: { key: string; name: string }[];
  focus: string[];
  signals: { key: string; kind: "strong" | "weak" | "red_flag" }[];
}

export const RECOMMENDATION_LABELS: Record<(typeof RECOMMENDATIONS)[number], string> = {
  strong_no: "Strong no",
  no: "No",
  yes: "Yes",
  strong_yes: "Strong yes",
};

const tooLong = (max: number, what: string) => (iss: { input?: unknown }) =>
  `Keep ${what} under ${max.toLocaleString("en-GB")} characters (this has ${String(iss.input ?? "").length.toLocaleString("en-GB")})`;

/**
 * `draft`: anything goes except what could never be saved (unknown keys, oversized text).
 * `submit`: additionally every focus dimension rated 1–4 with evidence (or Not assessed with the
 * reason), evidence for any other rating, a note on every red flag, and an overall recommendation.
 */
// Built once per shape and mode: the server parses every autosave with it.
const schemas = new WeakMap<ScorecardShape, Partial<Record<"draft" | "submit", ReturnType<typeof buildScorecardSchema>>>>();

export function scorecardSchema(shape: ScorecardShape, mode: "draft" | "submit") {
  let perShape = schemas.get(shape);
  if (!perShape) schemas.set(shape, (perShape = {}));
  return (perShape[mode] ??= buildScorecardSchema(shape, mode));
}

function buildScorecardSchema(shape: ScorecardShape, mode: "draft" | "submit") {
  const dimensionKeys = shape.dimensions.map((d) => d.key);
  const redFlags = shape.signals.filter((s) => s.kind === "red_flag").map((s) => s.key);
  const signalKeys = new Set(shape.signals.map((s) => s.key));
  const unknown = (what: string) => (iss: { code?: string; keys?: string[] }) =>
    iss.code === "unrecognized_keys" ? `Unknown ${what}: ${iss.keys?.join(", ")}` : undefined;

  return z
    .object({
      rating: z
        .strictObject(
          Object.fromEntries(dimensionKeys.map((k) => [k, z.enum(RATING_CHOICES, { error: "Pick a level, or Not assessed" }).optional()])),
          { error: unknown("dimension") },
        )
        .default({}),
      evidence: z
        .strictObject(
          Object.fromEntries(
            dimensionKeys.map((k) => [
              k,
              z
                .string()
                .max(EVIDENCE_MAX, { error: tooLong(EVIDENCE_MAX, "evidence") })
                .optional(),
            ]),
          ),
          { error: unknown("dimension") },
        )
        .default({}),
      signals: z.array(z.string().max(100)).max(100).default([]),
      note: z
        .strictObject(
          Object.fromEntries(
            redFlags.map((k) => [
              k,
              z
                .string()
                .max(NOTE_MAX, { error: tooLong(NOTE_MAX, "the note") })
                .optional(),
            ]),
          ),
          { error: unknown("red flag") },
        )
        .default({}),
      recommendation: z.enum(RECOMMENDATIONS, { error: "Choose Strong no, No, Yes or Strong yes" }).optional(),
      takeaways: z
        .string()
        .max(TAKEAWAYS_MAX, { error: tooLong(TAKEAWAYS_MAX, "the take-aways") })
        .default(""),
    })
    .superRefine((value, ctx) => {
      for (const key of value.signals)
        if (!signalKeys.has(key)) ctx.addIssue({ code: "custom", path: ["signals"], message: `Unknown signal: ${key}` });
      if (mode !== "submit") return;
      const rating = value.rating as Record<string, RatingChoice | undefined>;
      const evidence = value.evidence as Record<string, string | undefined>;
      // "Not assessed" is always allowed (product.md), but a focus dimension left unassessed
      // needs its reason written down, so the gap is explained rather than silent.
      for (const key of shape.focus) {
        const r = rating[key];
        if (!r)
          ctx.addIssue({
            code: "custom",
            path: ["rating", key],
            message: "This is a focus dimension of the stage: rate it 1–4, or choose Not assessed",
          });
        else if (r === "na" && !evidence[key]?.trim())
          ctx.addIssue({ code: "custom", path: ["evidence", key], message: "Say why this focus dimension could not be assessed" });
      }
      for (const key of dimensionKeys) {
        const r = rating[key];
        if (r && r !== "na" && !evidence[key]?.trim())
          ctx.addIssue({
            code: "custom",
            path: ["evidence", key],
            message: "Write down what the candidate said or did that supports this rating",
          });
      }
      const notes = value.note as Record<string, string | undefined>;
      for (const key of value.signals)
        if (redFlags.includes(key) && !notes[key]?.trim())
          ctx.addIssue({ code: "custom", path: ["note", key], message: "Say what you saw or heard that raised this red flag" });
      if (!value.recommendation) ctx.addIssue({ code: "custom", path: ["recommendation"], message: "Choose an overall recommendation" });
    });
}

export type ScorecardValue = z.infer<ReturnType<typeof buildScorecardSchema>>;
