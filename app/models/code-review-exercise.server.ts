// Code-review exercises: a pull request (files before/after, title, description) and its answer
// key of planted defects, read from exercises/<slug>/ and validated when loaded. The answer key
// never leaves the server except to the grader.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { MIN_FOCUS_ITEMS, MIN_FOCUS_POINTS, SEVERITY_WEIGHT } from "./code-review-scoring";
import { creditRuleProblems } from "./review-credit";
import { describeIssues } from "./rubric";
import { readRubricFile, rubricFiles, RUBRICS_DIR } from "./rubric.server";

export const DEFECT_CATEGORIES = [
  "testing",
  "abstraction",
  "observability",
  "data_leakage",
  "training_serving_skew",
  "reproducibility",
  "security",
  "privacy",
  "reliability",
  "performance",
  "validation",
  "error_handling",
  "memory",
  "caching",
  "rollout",
] as const;

// The rubric dimensions a code review can evidence.
const REVIEW_DIMENSIONS = ["software_engineering", "mlops_operations", "data_quality", "evaluation", "ml_system_design"] as const;

const filePath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, "must be a relative path without '..'");
const lineRange = z.tuple([z.number().int().min(1), z.number().int().min(1)]).refine(([a, b]) => b >= a, "end line is before start line");

export const CodeReviewMetaSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.literal("code_review"),
  stage: z.literal("code_review"),
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().min(1).max(300),
  durationMinutes: z.number().int().min(10).max(180),
  version: z.number().int().min(1),
  pr: z.object({
    number: z.number().int().min(1),
    title: z.string().trim().min(1).max(200),
    author: z.string().trim().min(1).max(60),
    baseBranch: z.string().trim().min(1).max(100),
    headBranch: z.string().trim().min(1).max(100),
  }),
  files: z.array(z.object({ path: filePath, status: z.enum(["added", "modified"]) })).min(1),
  // The recall a focus dimension needs for each suggested level on this pull request, and why.
  levelCutoffs: z
    .object({
      "4": z.number().gt(0).max(1),
      "3": z.number().gt(0).max(1),
      "2": z.number().gt(0).max(1),
      reason: z.string().trim().min(1, "say why these cut-offs suit this pull request").max(1000),
    })
    .refine((c) => c["4"] > c["3"] && c["3"] > c["2"], "cut-offs must fall from level 4 to level 2"),
});

/** What a comment must name to be credited (review-credit.ts); the grader reads it too. */
const MinimumToCreditSchema = z
  .object({
    says: z.string().trim().min(1, "say in a sentence what a credited comment contains").max(400),
    concepts: z
      .array(
        z.object({
          concept: z.string().trim().min(1).max(80),
          terms: z.array(z.string().trim().min(1).max(60)).min(1, "list the phrasings that name this concept").max(40),
        }),
      )
      .min(1, "names nothing: list the concepts a credited comment must name")
      .max(4, "at most four concepts: a minimum, not a model answer"),
  })
  .superRefine((rule, ctx) => {
    for (const message of creditRuleProblems(rule)) ctx.addIssue({ code: "custom", message });
  });

const keyItem = {
  id: z.string().regex(/^[a-z0-9-]+$/, "must be kebab-case"),
  category: z.enum(DEFECT_CATEGORIES),
  severity: z.enum(["critical", "major", "minor"]),
  dimension: z.enum(REVIEW_DIMENSIONS),
  title: z.string().trim().min(1).max(200),
  explanation: z.string().trim().min(1).max(2000),
  expectedFix: z.string().trim().min(1).max(2000),
  minimumToCredit: MinimumToCreditSchema,
};

const anchorSchema = z.object({ file: filePath, lines: lineRange, label: z.string().trim().min(1).max(80).optional() });
const decoySchema = z.object({
  file: filePath,
  lines: lineRange,
  // What a reviewer might wrongly flag, for the grader: "the 25 ms feature-store timeout".
  title: z.string().trim().min(1).max(120),
  why: z.string().trim().min(1).max(2000),
});

/**
 * A planted defect has one or more anchors: where it is defined, where it bites, or for a missing
 * safeguard the span where it belongs. A PR-level judgement (rollout, testing claims) has none:
 * the grader credits it from the candidate's summary.
 */
export const AnswerKeySchema = z.object({
  defects: z
    .array(z.object({ ...keyItem, anchors: z.array(anchorSchema).min(1, "needs at least one anchor").max(6) }))
    .min(8, "needs at least eight planted defects"),
  judgements: z.array(z.object(keyItem)).min(1, "needs at least one PR-level item (rollout, testing claims), credited from the summary"),
  decoys: z.array(decoySchema).default([]),
});

/**
 * A version as the database holds it. Versions loaded before answer keys had a minimum to credit,
 * per-PR cut-offs and a grader guide lack them: such a review is scored by position, as it was
 * graded (docs/decisions/007-credit-reads-the-comment.md).
 */
export const StoredCodeReviewSchema = z.object({
  meta: CodeReviewMetaSchema.extend({ levelCutoffs: CodeReviewMetaSchema.shape.levelCutoffs.optional() }),
  description: z.string(),
  files: z.array(
    z.object({ path: filePath, status: z.enum(["added", "modified"]), before: z.string(), after: z.string(), lineCount: z.number().int() }),
  ),
  defects: z.array(z.object({ ...keyItem, minimumToCredit: MinimumToCreditSchema.optional(), anchors: z.array(anchorSchema).min(1) })),
  judgements: z.array(z.object({ ...keyItem, minimumToCredit: MinimumToCreditSchema.optional() })),
  decoys: z.array(decoySchema.extend({ title: decoySchema.shape.title.optional() })),
  graderGuide: z.string().nullable().default(null),
  contentHash: z.string(),
});

export type CodeReviewExercise = z.infer<typeof StoredCodeReviewSchema>;
export type CodeReviewMeta = CodeReviewExercise["meta"];
export type Defect = CodeReviewExercise["defects"][number];
export type Judgement = CodeReviewExercise["judgements"][number];
export type Decoy = CodeReviewExercise["decoys"][number];
type AnswerKey = z.infer<typeof AnswerKeySchema>;

export class CodeReviewFileError extends Error {}

function readJson(file: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new CodeReviewFileError(`${name}: ${existsSync(file) ? `not valid JSON (${(error as Error).message})` : "missing"}`);
  }
}

const countLines = (text: string) => (text.endsWith("\n") ? text.split("\n").length - 1 : text.split("\n").length);

/** Reads and validates one code-review exercise folder; every error names the file at fault. */
export function readCodeReviewExercise(dir: string, focus = codeReviewFocus()): CodeReviewExercise {
  const name = path.relative(process.cwd(), dir);
  const metaParsed = CodeReviewMetaSchema.safeParse(readJson(path.join(dir, "meta.json"), `${name}/meta.json`));
  if (!metaParsed.success) throw new CodeReviewFileError(`${name}/meta.json: invalid exercise\n${describeIssues(metaParsed.error)}`);
  const meta = metaParsed.data;
  if (meta.slug !== path.basename(dir)) throw new CodeReviewFileError(`${name}/meta.json: slug "${meta.slug}" must match the folder name`);

  const descriptionFile = path.join(dir, "pr.md");
  if (!existsSync(descriptionFile)) throw new CodeReviewFileError(`${name}/pr.md: missing`);
  const description = readFileSync(descriptionFile, "utf8");

  const files = meta.files.map((f) => {
    const afterFile = path.join(dir, "after", f.path);
    const beforeFile = path.join(dir, "before", f.path);
    if (!existsSync(afterFile)) throw new CodeReviewFileError(`${name}/after/${f.path}: missing (listed in meta.json)`);
    if (f.status === "modified" && !existsSync(beforeFile))
      throw new CodeReviewFileError(`${name}/before/${f.path}: missing (the file is listed as modified)`);
    const after = readFileSync(afterFile, "utf8");
    return { ...f, before: f.status === "modified" ? readFileSync(beforeFile, "utf8") : "", after, lineCount: countLines(after) };
  });

  const keyParsed = AnswerKeySchema.safeParse(readJson(path.join(dir, "answer-key.json"), `${name}/answer-key.json`));
  if (!keyParsed.success) throw new CodeReviewFileError(`${name}/answer-key.json: invalid answer key\n${describeIssues(keyParsed.error)}`);
  const { defects, judgements, decoys } = keyParsed.data;
  const problems = answerKeyProblems(keyParsed.data, files, focus);
  if (problems.length) throw new CodeReviewFileError(`${name}/answer-key.json: invalid answer key\n${problems.join("\n")}`);

  const changed = files.reduce((n, f) => n + changedLines(f), 0);
  if (meta.durationMinutes < minimumReviewMinutes(changed))
    throw new CodeReviewFileError(
      `${name}/meta.json: durationMinutes ${meta.durationMinutes} is too short for ${changed} changed lines; at ${REVIEW_LINES_PER_HOUR} lines an hour plus ${REVIEW_READING_MINUTES} minutes for the description and summary it needs at least ${minimumReviewMinutes(changed)}`,
    );
  const graderGuide = readGraderGuide(dir, name);
  const exercise = { meta, description, files, defects, judgements, decoys, graderGuide };
  return { ...exercise, contentHash: codeReviewContentHash(exercise) };
}

/**
 * Lines the pull request adds or changes, as a diff counts them (a line kept from before doesn't
 * count): what a reviewer has to read.
 */
export function changedLines(file: { before: string; after: string }): number {
  const before = new Map<string, number>();
  for (const line of file.before.split("\n")) before.set(line, (before.get(line) ?? 0) + 1);
  return file.after.split("\n").filter((line) => {
    const left = before.get(line) ?? 0;
    if (left) before.set(line, left - 1);
    return !left;
  }).length;
}

// Careful review finds most defects below about 400 lines an hour (the Cisco/SmartBear study of
// 2,500 reviews); a faster pace is skimming. Plus time to read the description and write the summary.
export const REVIEW_LINES_PER_HOUR = 400;
export const REVIEW_READING_MINUTES = 10;

/** The shortest fair time limit for a pull request of this many changed lines, in 5-minute steps. */
export function minimumReviewMinutes(changed: number): number {
  return Math.ceil((changed / REVIEW_LINES_PER_HOUR) * 12 + REVIEW_READING_MINUTES / 5) * 5;
}

/** The sections a grader guide must have: what earns credit, and what partial credit is. */
export const GRADER_GUIDE_SECTIONS = ["What a credited comment contains", "Partial credit"] as const;

function readGraderGuide(dir: string, name: string): string {
  const file = path.join(dir, "grader-guide.md");
  if (!existsSync(file))
    throw new CodeReviewFileError(`${name}/grader-guide.md: missing (what a credited comment contains, partial credit)`);
  const guide = readFileSync(file, "utf8");
  const headings = [...guide.matchAll(/^##\s+(.+?)\s*$/gm)].map((m) => m[1]!.toLowerCase());
  const missing = GRADER_GUIDE_SECTIONS.filter((s) => !headings.includes(s.toLowerCase()));
  if (missing.length)
    throw new CodeReviewFileError(
      `${name}/grader-guide.md: needs the section${missing.length > 1 ? "s" : ""} ${missing.map((s) => `"## ${s}"`).join(", ")}`,
    );
  return guide;
}

/**
 * What identifies a version's content. A version stored before grader guides existed keeps the
 * hash it was loaded with (no guide in it), so its archived copy can be checked against it.
 */
export function codeReviewContentHash(e: Omit<CodeReviewExercise, "contentHash">): string {
  const parts: unknown[] = [e.meta, e.description, e.files, e.defects, e.judgements, e.decoys];
  if (e.graderGuide !== null) parts.push(e.graderGuide);
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

const overlaps = (a: { file: string; lines: [number, number] }, b: { file: string; lines: [number, number] }) =>
  a.file === b.file && a.lines[0] <= b.lines[1] && b.lines[0] <= a.lines[1];

/**
 * What the schema can't see: anchors and decoys inside the files, no line claimed by two
 * defects (a comment there would be ambiguous), and enough planted weight in every focus
 * dimension of the code-review stage for a suggested rating to mean something.
 */
function answerKeyProblems(key: AnswerKey, files: { path: string; lineCount: number }[], focus: string[]): string[] {
  const problems: string[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const inFile = (where: string, r: { file: string; lines: [number, number] }) => {
    const file = byPath.get(r.file);
    if (!file) problems.push(`${where}.file: "${r.file}" is not a file of this pull request`);
    else if (r.lines[1] > file.lineCount)
      problems.push(`${where}.lines: ${r.lines[0]}-${r.lines[1]} is outside ${r.file} (${file.lineCount} lines)`);
  };
  const seen = new Set<string>();
  const anchors: { where: string; id: string; file: string; lines: [number, number] }[] = [];
  [...key.defects.map((d, i) => [d, `defects.${i}`] as const), ...key.judgements.map((j, i) => [j, `judgements.${i}`] as const)].forEach(
    ([item, where]) => {
      if (seen.has(item.id)) problems.push(`${where}.id: duplicate id "${item.id}"`);
      seen.add(item.id);
    },
  );
  key.defects.forEach((d, i) =>
    d.anchors.forEach((a, j) => {
      const where = `defects.${i}.anchors.${j}`;
      inFile(where, a);
      const clash = anchors.find((other) => overlaps(other, a));
      if (clash)
        problems.push(
          `${where}: ${a.file} ${a.lines[0]}-${a.lines[1]} overlaps ${clash.where}` +
            (clash.id === d.id ? " (merge them into one anchor)" : ` of "${clash.id}"; a comment there would be ambiguous`),
        );
      anchors.push({ where, id: d.id, ...a });
    }),
  );
  key.decoys.forEach((d, i) => {
    inFile(`decoys.${i}`, d);
    const clash = anchors.find((a) => overlaps(a, d));
    if (clash) problems.push(`decoys.${i}: ${d.file} ${d.lines[0]}-${d.lines[1]} overlaps ${clash.where} of "${clash.id}"`);
  });
  for (const dimension of focus) {
    const items = [...key.defects, ...key.judgements].filter((d) => d.dimension === dimension);
    const points = items.reduce((n, d) => n + SEVERITY_WEIGHT[d.severity], 0);
    if (items.length < MIN_FOCUS_ITEMS || points < MIN_FOCUS_POINTS)
      problems.push(
        `${dimension}: ${items.length} item${items.length === 1 ? "" : "s"} and ${points} severity points; every focus dimension of the code-review stage needs at least ${MIN_FOCUS_ITEMS} items and ${MIN_FOCUS_POINTS} points`,
      );
  }
  return problems;
}

/** The focus dimensions of the code-review stage, across every rubric file. */
export function codeReviewFocus(dir = RUBRICS_DIR): string[] {
  const focus = rubricFiles(dir).flatMap((file) => readRubricFile(file).stages.find((s) => s.key === "code_review")?.focus ?? []);
  return [...new Set(focus)];
}

// Exercise content is immutable per version, so each folder is read once per process.
const cache = new Map<string, CodeReviewExercise>();

export function getCodeReviewExercise(slug: string, dir = path.resolve("exercises")): CodeReviewExercise {
  const key = `${dir}:${slug}`;
  let exercise = cache.get(key);
  if (!exercise) {
    exercise = readCodeReviewExercise(path.join(dir, slug));
    cache.set(key, exercise);
  }
  return exercise;
}
