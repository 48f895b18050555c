import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { exercises, STAGE_KEYS, type StageKey } from "#db/schema";
import { db, type Db } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { readCodeReviewExercise } from "./code-review-exercise.server";
import { describeIssues } from "./rubric";

export const EXERCISES_DIR = path.resolve("exercises");

const KitMetaSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/, "must be lower-kebab-case"),
  kind: z.literal("interview_kit"),
  stage: z.enum(STAGE_KEYS),
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().min(1).max(300),
  durationMinutes: z.number().int().min(5).max(600),
  version: z.number().int().min(1),
});

export type ExerciseMeta = z.infer<typeof KitMetaSchema>;
export class ExerciseFileError extends Error {}

/** Reads one exercise folder: meta.json validated, plus the Markdown files it must have. */
export function readExerciseFolder(dir: string) {
  const name = path.relative(process.cwd(), dir);
  const metaFile = path.join(dir, "meta.json");
  if (!existsSync(metaFile)) throw new ExerciseFileError(`${name}: missing meta.json`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(metaFile, "utf8"));
  } catch (error) {
    throw new ExerciseFileError(`${name}/meta.json: not valid JSON (${(error as Error).message})`);
  }
  const parsed = KitMetaSchema.safeParse(raw);
  if (!parsed.success) throw new ExerciseFileError(`${name}/meta.json: invalid exercise\n${describeIssues(parsed.error)}`);
  if (parsed.data.slug !== path.basename(dir))
    throw new ExerciseFileError(`${name}/meta.json: slug "${parsed.data.slug}" must match the folder name`);
  const files: Record<string, string> = {};
  for (const md of ["prompt.md", "guide.md"]) {
    const file = path.join(dir, md);
    if (!existsSync(file)) throw new ExerciseFileError(`${name}: missing ${md}`);
    files[md] = readFileSync(file, "utf8");
    if (!files[md].trim()) throw new ExerciseFileError(`${name}/${md}: is empty`);
  }
  const contentHash = createHash("sha256")
    .update(JSON.stringify([parsed.data, files["prompt.md"], files["guide.md"]]))
    .digest("hex");
  return { meta: parsed.data, prompt: files["prompt.md"]!, guide: files["guide.md"]!, contentHash };
}

/**
 * Registers every exercise folder: interview kits and code-review pull requests. Idempotent; a
 * changed exercise under an unchanged version is refused, so an interview never silently points
 * at different content.
 */
/** Loads every kit folder that is new or changed; `now` stamps the audit entries. */
export function loadExercises({ now, database = db(), dir = EXERCISES_DIR }: { now: Date; database?: Db; dir?: string }) {
  const results: { slug: string; created: boolean }[] = [];
  if (!existsSync(dir)) return results;
  for (const entry of readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(dir, entry.name);
    const kind = peekKind(folder);
    const { meta, contentHash } =
      kind === "interview_kit"
        ? readExerciseFolder(folder)
        : kind === "code_review"
          ? readCodeReviewExercise(folder)
          : unknownKind(folder, kind);
    const existing = database
      .select({ id: exercises.id, contentHash: exercises.contentHash })
      .from(exercises)
      .where(and(eq(exercises.slug, meta.slug), eq(exercises.version, meta.version)))
      .get();
    if (existing) {
      if (existing.contentHash !== contentHash)
        throw new ExerciseFileError(
          `exercises/${meta.slug}: version ${meta.version} is already loaded with different content; raise "version" in meta.json.`,
        );
      results.push({ slug: meta.slug, created: false });
      continue;
    }
    database.transaction((tx) => {
      const row = tx
        .insert(exercises)
        .values({
          slug: meta.slug,
          kind: meta.kind,
          stage: meta.stage,
          title: meta.title,
          summary: meta.summary,
          durationMinutes: meta.durationMinutes,
          version: meta.version,
          contentHash,
        })
        .returning({ id: exercises.id })
        .get();
      // Older versions of the same kit stay for the interviews that use them but are no longer offered.
      tx.update(exercises)
        .set({ active: false })
        .where(and(eq(exercises.slug, meta.slug), eq(exercises.active, true)))
        .run();
      tx.update(exercises).set({ active: true }).where(eq(exercises.id, row.id)).run();
      recordAudit(tx, {
        actor: { id: null, name: "system (exercise loader)" },
        at: now,
        action: "create",
        entityType: "exercise",
        entityId: row.id,
        after: { slug: meta.slug, version: meta.version, contentHash },
      });
    });
    results.push({ slug: meta.slug, created: true });
  }
  return results;
}

function unknownKind(folder: string, kind: string | null): never {
  throw new ExerciseFileError(`${path.relative(process.cwd(), folder)}/meta.json: unknown kind "${kind}" (interview_kit or code_review)`);
}

function peekKind(folder: string): string | null {
  try {
    const raw = JSON.parse(readFileSync(path.join(folder, "meta.json"), "utf8")) as { kind?: unknown };
    return typeof raw.kind === "string" ? raw.kind : null;
  } catch {
    throw new ExerciseFileError(`${path.relative(process.cwd(), folder)}: missing or unreadable meta.json`);
  }
}

/** Active exercises grouped by stage, for the scheduling form. */
export function listExercisesByStage() {
  const rows = db()
    .select({
      id: exercises.id,
      slug: exercises.slug,
      stage: exercises.stage,
      title: exercises.title,
      durationMinutes: exercises.durationMinutes,
    })
    .from(exercises)
    .where(eq(exercises.active, true))
    .orderBy(asc(exercises.title))
    .all();
  const byStage: Partial<Record<StageKey, typeof rows>> = {};
  for (const row of rows) (byStage[row.stage] ??= []).push(row);
  return byStage;
}

export function getExerciseStage(id: number) {
  return db().select({ stage: exercises.stage, active: exercises.active }).from(exercises).where(eq(exercises.id, id)).get() ?? null;
}
