// Code-review exercises: a pull request (files before/after, title, description) and its answer
// key of planted defects, read from exercises/<slug>/ and validated when loaded. The answer key
// never leaves the server except to the grader.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { describeIssues } from "./rubric";

export const DEFECT_CATEGORIES = [
  "testing",
  "abstraction",
  "observability",
  "data_leakage",
  "training_serving_skew",
  "reproducibility",
  "security",
  "reliability",
  "performance",
  "validation",
  "error_handling",
  "memory",
] as const;

// The rubric dimensions a code review can evidence; checked again against the rubric on load.
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
});

export const AnswerKeySchema = z.object({
  defects: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/, "must be kebab-case"),
        file: filePath,
        lines: lineRange,
        category: z.enum(DEFECT_CATEGORIES),
        severity: z.enum(["critical", "major", "minor"]),
        dimension: z.enum(REVIEW_DIMENSIONS),
        title: z.string().trim().min(1).max(200),
        explanation: z.string().trim().min(1).max(2000),
        expectedFix: z.string().trim().min(1).max(2000),
      }),
    )
    .min(8, "needs at least eight planted defects"),
  decoys: z.array(z.object({ file: filePath, lines: lineRange, why: z.string().trim().min(1).max(2000) })).default([]),
});

export type CodeReviewMeta = z.infer<typeof CodeReviewMetaSchema>;
export type Defect = z.infer<typeof AnswerKeySchema>["defects"][number];

export interface CodeReviewExercise {
  meta: CodeReviewMeta;
  description: string;
  files: { path: string; status: "added" | "modified"; before: string; after: string; lineCount: number }[];
  defects: Defect[];
  decoys: z.infer<typeof AnswerKeySchema>["decoys"];
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
export function readCodeReviewExercise(dir: string): CodeReviewExercise {
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
  const { defects, decoys } = keyParsed.data;
  const byPath = new Map(files.map((f) => [f.path, f]));
  const problems: string[] = [];
  const seen = new Set<string>();
  defects.forEach((d, i) => {
    if (seen.has(d.id)) problems.push(`defects.${i}.id: duplicate id "${d.id}"`);
    seen.add(d.id);
    const file = byPath.get(d.file);
    if (!file) problems.push(`defects.${i}.file: "${d.file}" is not a file of this pull request`);
    else if (d.lines[1] > file.lineCount)
      problems.push(`defects.${i}.lines: ${d.lines[0]}-${d.lines[1]} is outside ${d.file} (${file.lineCount} lines)`);
  });
  decoys.forEach((d, i) => {
    const file = byPath.get(d.file);
    if (!file) problems.push(`decoys.${i}.file: "${d.file}" is not a file of this pull request`);
    else if (d.lines[1] > file.lineCount) problems.push(`decoys.${i}.lines: outside ${d.file} (${file.lineCount} lines)`);
  });
  if (problems.length) throw new CodeReviewFileError(`${name}/answer-key.json: invalid answer key\n${problems.join("\n")}`);

  const contentHash = createHash("sha256")
    .update(JSON.stringify([meta, description, files, defects, decoys]))
    .digest("hex");
  return { meta, description, files, defects, decoys, contentHash };
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
