// Every version of a code-review exercise is kept whole in the database (pull request, answer key,
// cut-offs, grader guide), as interview kits are: a review is shown and scored against the version
// it was taken on, so changing a key never rescores a grade already given. Versions loaded before
// the content was kept are filled in from their archived copy, exercises/<slug>/versions/v<n>.json,
// checked against the hash they were loaded with.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { exercises } from "#db/schema";
import { db, type Db } from "#app/utils/db.server";
import { codeReviewContentHash, StoredCodeReviewSchema, type CodeReviewExercise } from "./code-review-exercise.server";

export class MissingVersionError extends Error {}

// A stored version never changes, so each is parsed once per process.
const cache = new Map<number, CodeReviewExercise>();

/** The code-review exercise as it was at the version `exerciseId` names. */
export function codeReviewExerciseOf(exerciseId: number, database: Db = db()): CodeReviewExercise {
  const cached = cache.get(exerciseId);
  if (cached) return cached;
  const row = database
    .select({ slug: exercises.slug, version: exercises.version, content: exercises.content })
    .from(exercises)
    .where(and(eq(exercises.id, exerciseId), eq(exercises.kind, "code_review")))
    .get();
  if (!row?.content)
    throw new MissingVersionError(
      row
        ? `${row.slug} version ${row.version}: its content isn't held; run the exercise loader (npm run db:setup)`
        : `no code-review exercise #${exerciseId}`,
    );
  const exercise = StoredCodeReviewSchema.parse(row.content);
  cache.set(exerciseId, exercise);
  return exercise;
}

/** What the database keeps of a version: everything the exercise reader produced. */
export const storedContent = (e: CodeReviewExercise) => e as unknown as Record<string, unknown>;

/** An archived copy of an earlier version, if it is there and is the content that version was loaded with. */
function archivedVersion(dir: string, slug: string, version: number, contentHash: string): CodeReviewExercise | null {
  const file = path.join(dir, slug, "versions", `v${version}.json`);
  if (!existsSync(file)) return null;
  const parsed = StoredCodeReviewSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) return null;
  const { contentHash: claimed, ...content } = parsed.data;
  return claimed === contentHash && codeReviewContentHash(content) === contentHash ? parsed.data : null;
}

/**
 * Fills in the content of code-review versions loaded before it was kept, from the current folder
 * (same hash) or the archived copy. Returns the versions it could not fill, for the loader to report.
 */
export function fillStoredVersions(dir: string, current: Map<string, CodeReviewExercise>, database: Db = db()): string[] {
  const missing: string[] = [];
  const rows = database
    .select({ id: exercises.id, slug: exercises.slug, version: exercises.version, contentHash: exercises.contentHash })
    .from(exercises)
    .where(and(eq(exercises.kind, "code_review"), isNull(exercises.content)))
    .all();
  for (const row of rows) {
    const folder = current.get(row.slug);
    const content = folder?.contentHash === row.contentHash ? folder : archivedVersion(dir, row.slug, row.version, row.contentHash);
    if (!content) {
      missing.push(`${row.slug} version ${row.version}`);
      continue;
    }
    database
      .update(exercises)
      .set({ content: storedContent(content) })
      .where(eq(exercises.id, row.id))
      .run();
  }
  return missing;
}
