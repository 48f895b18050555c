// An incident scenario (exercises/<debugging kit>/scenario.json): evidence the candidate can ask
// for, drawn as real artefacts, and the interviewer's ideal path. Validated when the kit loads.
import { z } from "zod";

const id = z
  .string()
  .regex(/^[a-z0-9-]+$/, "must be lower-kebab-case")
  .max(60);
const label = z.string().trim().min(1).max(160);
const cell = z.union([z.string().max(400), z.number(), z.null()]);

const Series = z.object({ name: label, values: z.array(z.number().nullable()).min(1).max(400) });

export const ArtefactSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("timeseries"),
    title: label,
    unit: z.string().max(20).default(""),
    x: z.array(z.string().min(1).max(20)).min(2).max(400),
    series: z.array(Series).min(1).max(6),
    markers: z
      .array(z.object({ at: z.string(), label }))
      .max(8)
      .default([]),
    yFromZero: z.boolean().default(false),
  }),
  z.object({
    type: z.literal("histogram"),
    title: label,
    bins: z.array(z.string().min(1).max(20)).min(2).max(60),
    series: z.array(Series).min(1).max(3),
  }),
  z.object({
    type: z.literal("table"),
    caption: label,
    columns: z.array(label).min(1).max(12),
    rows: z.array(z.array(cell)).min(1).max(200),
  }),
  z.object({ type: z.literal("log"), title: label, lines: z.array(z.string().max(400)).min(1).max(300) }),
  z.object({
    type: z.literal("code"),
    title: label,
    language: z.enum(["sql", "diff", "json", "yaml", "text"]),
    text: z.string().min(1).max(10000),
  }),
  z.object({ type: z.literal("note"), markdown: z.string().trim().min(1).max(4000) }),
]);

export type Artefact = z.infer<typeof ArtefactSchema>;

export const ScenarioSchema = z
  .object({
    categories: z
      .array(z.object({ id, title: label }))
      .min(2)
      .max(12),
    evidence: z
      .array(
        z.object({
          id,
          title: label,
          category: id,
          /** Other words a candidate might use when asking for it by name. */
          keywords: z.array(z.string().trim().min(2).max(60)).max(20).default([]),
          artefacts: z.array(ArtefactSchema).min(1).max(4),
          /** For the interviewer only: what this evidence shows. */
          meaning: z.string().trim().min(1).max(600),
        }),
      )
      .min(8)
      .max(60),
    /** What a strong candidate checks first, in order, and why. */
    idealPath: z
      .array(z.object({ evidence: id, why: z.string().trim().min(1).max(400) }))
      .min(3)
      .max(20),
  })
  .superRefine((s, ctx) => {
    const categories = new Set(s.categories.map((c) => c.id));
    const ids = new Set<string>();
    s.evidence.forEach((e, i) => {
      const at = (...rest: (string | number)[]) => ["evidence", i, ...rest];
      if (ids.has(e.id)) ctx.addIssue({ code: "custom", path: at("id"), message: `"${e.id}" is used twice` });
      ids.add(e.id);
      if (!categories.has(e.category)) ctx.addIssue({ code: "custom", path: at("category"), message: `unknown category "${e.category}"` });
      e.artefacts.forEach((a, j) => {
        if (a.type === "timeseries" || a.type === "histogram") {
          const points = a.type === "timeseries" ? a.x.length : a.bins.length;
          a.series.forEach((series, k) => {
            if (series.values.length !== points)
              ctx.addIssue({
                code: "custom",
                path: at("artefacts", j, "series", k, "values"),
                message: `has ${series.values.length} values for ${points} ${a.type === "timeseries" ? "x labels" : "bins"}`,
              });
          });
        }
        if (a.type === "timeseries")
          a.markers.forEach((m, k) => {
            if (!a.x.includes(m.at))
              ctx.addIssue({ code: "custom", path: at("artefacts", j, "markers", k, "at"), message: `"${m.at}" is not one of x` });
          });
        if (a.type === "table")
          a.rows.forEach((row, k) => {
            if (row.length !== a.columns.length)
              ctx.addIssue({
                code: "custom",
                path: at("artefacts", j, "rows", k),
                message: `has ${row.length} cells for ${a.columns.length} columns`,
              });
          });
      });
    });
    s.idealPath.forEach((step, i) => {
      if (!ids.has(step.evidence))
        ctx.addIssue({ code: "custom", path: ["idealPath", i, "evidence"], message: `unknown evidence "${step.evidence}"` });
    });
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type EvidenceItem = Scenario["evidence"][number];

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Evidence a candidate's words ask for: every item whose title or keywords contain all the words
 * they typed (in any order). Short, common words are ignored so "the null rates" finds null rates.
 */
export function findEvidence(scenario: Scenario, asked: string): EvidenceItem[] {
  const words = normalise(asked)
    .split(" ")
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
  if (!words.length) return [];
  return scenario.evidence.filter((e) => {
    const haystack = normalise([e.title, ...e.keywords].join(" "));
    return words.every((w) => haystack.includes(w));
  });
}

const STOP_WORDS = new Set([
  "the",
  "and",
  "for",
  "can",
  "see",
  "show",
  "look",
  "what",
  "with",
  "please",
  "like",
  "would",
  "want",
  "check",
  "any",
  "all",
  "last",
  "our",
]);
