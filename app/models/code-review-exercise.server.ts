// Code-review exercises: a pull request (files before/after, title, description) and its answer
// key of planted defects, read from exercises/<slug>/ and validated when loaded. The answer key
// never leaves the server except to the grader.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { SEVERITY_WEIGHT } from "./code-review-scoring";
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

/** Every pull request gives each focus dimension of the code-review stage at least this much planted weight. */
export const MIN_FOCUS_POINTS = 5;

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
});

const keyItem = {
  id: z.string().regex(/^[a-z0-9-]+$/, "must be kebab-case"),
  category: z.enum(DEFECT_CATEGORIES),
  severity: z.enum(["critical", "major", "minor"]),
  dimension: z.enum(REVIEW_DIMENSIONS),
  title: z.string().trim().min(1).max(200),
  explanation: z.string().trim().min(1).max(2000),
  expectedFix: z.string().trim().min(1).max(2000),
};

/**
 * A planted defect has one or more anchors: where it is defined, where it bites, or for a missing
 * safeguard the span where it belongs. A PR-level judgement (rollout, testing claims) has none:
 * the grader credits it from the candidate's summary.
 */
export const AnswerKeySchema = z.object({
  defects: z
    .array(
      z.object({
        ...keyItem,
        anchors: z
          .array(z.object({ file: filePath, lines: lineRange, label: z.string().trim().min(1).max(80).optional() }))
          .min(1, "needs at least one anchor")
          .max(6),
      }),
    )
    .min(8, "needs at least eight planted defects"),
  judgements: z.array(z.object(keyItem)).min(1, "needs at least one PR-level item (rollout, testing claims), credited from the summary"),
  decoys: z.array(z.object({ file: filePath, lines: lineRange, why: z.string().trim().min(1).max(2000) })).default([]),
});

export type CodeReviewMeta = z.infer<typeof CodeReviewMetaSchema>;
export type AnswerKey = z.infer<typeof AnswerKeySchema>;
export type Defect = AnswerKey["defects"][number];
export type Judgement = AnswerKey["judgements"][number];

export interface CodeReviewExercise {
  meta: CodeReviewMeta;
  description: string;
  files: { path: string; status: "added" | "modified"; before: string; after: string; lineCount: number }[];
  defects: Defect[];
  judgements: Judgement[];
  decoys: AnswerKey["decoys"];
  contentHash: string;
}

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

  const contentHash = createHash("sha256")
    .update(JSON.stringify([meta, description, files, defects, judgements, decoys]))
    .digest("hex");
  return { meta, description, files, defects, judgements, decoys, contentHash };
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
    const points = [...key.defects, ...key.judgements]
      .filter((d) => d.dimension === dimension)
      .reduce((n, d) => n + SEVERITY_WEIGHT[d.severity], 0);
    if (points < MIN_FOCUS_POINTS)
      problems.push(
        `${dimension}: ${points} severity points; every focus dimension of the code-review stage needs at least ${MIN_FOCUS_POINTS}`,
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
