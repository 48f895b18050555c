// Pre-graded code reviews: a realistic candidate's review of one version of a pull-request
// exercise (rubrics/gold-samples/grading/*.json) with an expert grader's ratings and reasons.
// Loaded into the gold-sample table as stage code_review, so the one certification rule, its
// thresholds and the scheduling check apply to graders unchanged. Every comment must sit on a
// real line of the file it names, in the exercise version it names.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { COMMENT_PRIORITIES, exercises, RECOMMENDATIONS, REVIEW_VERDICTS, rubricVersions, type GoldReview } from "#db/schema";
import { db, type Db } from "#app/utils/db.server";
import { storeSampleVersion } from "./gold-sample-store.server";
import type { CodeReviewExercise } from "./code-review-exercise.server";
import { codeReviewExerciseOf } from "./code-review-version.server";
import { getRubricDetail } from "./rubric.server";

export class GradingSampleFileError extends Error {}

const CommentSchema = z
  .strictObject({
    file: z.string().min(1),
    line: z.number().int().min(1),
    endLine: z.number().int().min(1).optional(),
    priority: z.enum(COMMENT_PRIORITIES).nullable(),
    body: z.string().trim().min(1).max(2000),
  })
  .refine((c) => c.endLine === undefined || c.endLine >= c.line, { message: "endLine is before line", path: ["endLine"] });

export const GradingSampleFileSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  stage: z.literal("code_review"),
  rubric: z.strictObject({ key: z.string(), version: z.number().int().min(1) }),
  exercise: z.strictObject({ slug: z.string().regex(/^[a-z0-9-]+$/), version: z.number().int().min(1) }),
  title: z.string().min(10),
  setting: z.string().min(10),
  review: z.strictObject({
    verdict: z.enum(REVIEW_VERDICTS).nullable(),
    summary: z.string(),
    comments: z.array(CommentSchema).min(1),
  }),
  expert: z.strictObject({
    ratedBy: z.string().min(1),
    summary: z.string().min(1),
    recommendation: z.enum(RECOMMENDATIONS),
    ratings: z.record(z.string(), z.strictObject({ level: z.number().int().min(1).max(4), reason: z.string().min(20) })),
  }),
});
export type GradingSampleFile = z.infer<typeof GradingSampleFileSchema>;

const relative = (file: string) => path.relative(process.cwd(), file);

/** Reads one pre-graded review; errors name the file and the field. */
export function readGradingSampleFile(file: string): GradingSampleFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new GradingSampleFileError(`${relative(file)}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = GradingSampleFileSchema.safeParse(json);
  if (!parsed.success)
    throw new GradingSampleFileError(
      `${relative(file)}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

/** Comments that don't land on a line of the pull request: a file it doesn't change, or past its end. */
export function misplacedComments(sample: GradingSampleFile, exercise: Pick<CodeReviewExercise, "files">): string[] {
  return sample.review.comments.flatMap((c, i) => {
    const file = exercise.files.find((f) => f.path === c.file);
    if (!file) return [`review.comments.${i}: ${c.file} is not a file of the pull request`];
    const lines = file.after.split("\n").length;
    const last = c.endLine ?? c.line;
    return last > lines ? [`review.comments.${i}: ${c.file} has ${lines} lines; the comment is on line ${last}`] : [];
  });
}

/** The review as the database keeps it: comment ids are the sample's own, 1, 2, ... in file order. */
function storedReview(sample: GradingSampleFile, exerciseId: number): GoldReview {
  return {
    exerciseId,
    summary: sample.review.summary,
    verdict: sample.review.verdict,
    comments: sample.review.comments.map((c, i) => ({
      id: i + 1,
      filePath: c.file,
      line: c.line,
      endLine: c.endLine ?? null,
      body: c.body,
      priority: c.priority,
    })),
  };
}

/**
 * Loads every pre-graded review whose rubric version and exercise version are in the database,
 * checking the expert rated exactly the code-review stage's focus dimensions and every comment
 * lands on a real line. As with gold samples, a changed file is a new version; one whose rubric
 * or exercise isn't loaded waits.
 */
export function loadGradingSamples({ now, database = db(), dir }: { now: Date; database?: Db; dir: string }) {
  const loaded: { slug: string; created: boolean }[] = [];
  const waiting: { slug: string; reason: string }[] = [];
  if (!existsSync(dir)) return { loaded, waiting };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  for (const name of files) {
    const file = path.join(dir, name);
    const sample = readGradingSampleFile(file);
    const where = `grading/${name}`;
    const rubric = database
      .select({ id: rubricVersions.id })
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricKey, sample.rubric.key), eq(rubricVersions.version, sample.rubric.version)))
      .get();
    if (!rubric) {
      waiting.push({ slug: sample.slug, reason: `${sample.rubric.key} v${sample.rubric.version} isn't loaded` });
      continue;
    }
    const exerciseRow = database
      .select({ id: exercises.id })
      .from(exercises)
      .where(
        and(eq(exercises.slug, sample.exercise.slug), eq(exercises.version, sample.exercise.version), eq(exercises.kind, "code_review")),
      )
      .get();
    if (!exerciseRow) {
      waiting.push({ slug: sample.slug, reason: `exercise ${sample.exercise.slug} v${sample.exercise.version} isn't loaded` });
      continue;
    }
    const misplaced = misplacedComments(sample, codeReviewExerciseOf(exerciseRow.id, database));
    if (misplaced.length) throw new GradingSampleFileError(`${where}: ${misplaced.join("; ")}`);
    const focus = getRubricDetail(rubric.id)?.stages.find((s) => s.key === "code_review")?.focus;
    if (!focus) throw new GradingSampleFileError(`${where}: ${sample.rubric.key} v${sample.rubric.version} has no code-review stage`);
    const rated = Object.keys(sample.expert.ratings).sort();
    if (JSON.stringify(rated) !== JSON.stringify([...focus].sort()))
      throw new GradingSampleFileError(
        `${where}: the expert must rate exactly the code-review stage's focus dimensions (${focus.join(", ")}); rated ${rated.join(", ")}`,
      );
    const created = storeSampleVersion(
      database,
      {
        slug: sample.slug,
        version: sample.version,
        contentHash: createHash("sha256").update(JSON.stringify(sample)).digest("hex"),
        stage: "code_review",
        rubricVersionId: rubric.id,
        title: sample.title,
        setting: sample.setting,
        account: sample.review.summary,
        expert: sample.expert,
        review: storedReview(sample, exerciseRow.id),
      },
      {
        now,
        summary: `Loaded pre-graded code review ${sample.slug} v${sample.version} (${sample.exercise.slug} v${sample.exercise.version}), rated on ${sample.rubric.key} v${sample.rubric.version}`,
        fail: (message) => new GradingSampleFileError(`${where}: ${message}`),
      },
    );
    loaded.push({ slug: sample.slug, created });
  }
  return { loaded, waiting };
}
