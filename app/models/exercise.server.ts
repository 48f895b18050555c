import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { type z } from "zod";
import { exercises, type StageKey } from "#db/schema";
import { db, type Db } from "#app/utils/db.server";
import { recordAudit } from "./audit.server";
import { readCodeReviewExercise, type CodeReviewExercise } from "./code-review-exercise.server";
import { fillStoredVersions, storedContent } from "./code-review-version.server";
import { describeIssues } from "./rubric";
import { assessedSectionProblems, ChecklistSchema, type StoredChecklist } from "./checklist";
import { KitMetaSchema, missingGuideSections, timeBoxProblems, type KitMeta, type TimePhase } from "./kit";
import { ScenarioSchema, type StoredScenario } from "./incident-scenario";
import { promptMinutesProblem } from "./stage-minutes";

export const EXERCISES_DIR = path.resolve("exercises");

export class ExerciseFileError extends Error {}

export type KitContent = {
  prompt: string;
  guide: string;
  /** System design: how every panel answers clarifying questions. */
  factSheet: string | null;
  /** Debugging: the incident simulation, in the shape of the version that stored it (read it with readScenario). */
  scenario: StoredScenario | null;
  /** Take-home: the grading checklist (as its version stored it), the settings and the files the candidate downloads. */
  checklist: StoredChecklist | null;
  takeHome: KitMeta["takeHome"] | null;
  files: { name: string; text: string }[];
  timePlan: TimePhase[];
};

const MAX_CANDIDATE_FILE_BYTES = 200_000;

function readJson<T>(name: string, file: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ExerciseFileError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ExerciseFileError(`${name}: invalid ${what}\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

function readText(dir: string, file: string, name: string): string {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new ExerciseFileError(`${name}: missing ${file}`);
  const text = readFileSync(full, "utf8");
  if (!text.trim()) throw new ExerciseFileError(`${name}/${file}: is empty`);
  return text;
}

/**
 * Reads one interview-kit folder: meta.json, prompt.md and guide.md always; fact-sheet.md for
 * system design, scenario.json for debugging, checklist.json and files/ for the take-home. Every
 * problem names the file and the field.
 */
export function readExerciseFolder(dir: string) {
  const name = path.relative(process.cwd(), dir);
  const metaFile = path.join(dir, "meta.json");
  if (!existsSync(metaFile)) throw new ExerciseFileError(`${name}: missing meta.json`);
  const meta = readJson(`${name}/meta.json`, metaFile, KitMetaSchema, "exercise");
  if (meta.slug !== path.basename(dir)) throw new ExerciseFileError(`${name}/meta.json: slug "${meta.slug}" must match the folder name`);
  const guide = readText(dir, "guide.md", name);
  const missing = missingGuideSections(guide);
  if (missing.length) throw new ExerciseFileError(`${name}/guide.md: missing the section(s) ${missing.map((m) => `"## ${m}"`).join(", ")}`);
  const content: KitContent = {
    prompt: readText(dir, "prompt.md", name),
    guide,
    factSheet: meta.stage === "system_design" ? readText(dir, "fact-sheet.md", name) : null,
    scenario:
      meta.stage === "debugging" ? readJson(`${name}/scenario.json`, path.join(dir, "scenario.json"), ScenarioSchema, "scenario") : null,
    checklist:
      meta.stage === "take_home"
        ? readJson(`${name}/checklist.json`, path.join(dir, "checklist.json"), ChecklistSchema, "checklist")
        : null,
    takeHome: meta.takeHome ?? null,
    files: (meta.takeHome?.files ?? []).map((file) => {
      const text = readText(path.join(dir, "files"), file, `${name}/files`);
      if (Buffer.byteLength(text) > MAX_CANDIDATE_FILE_BYTES) throw new ExerciseFileError(`${name}/files/${file}: larger than 200 kB`);
      return { name: file, text };
    }),
    timePlan: meta.timePlan,
  };
  if (meta.takeHome) checkTakeHomeTexts(name, meta, content);
  else {
    // A live kit: the candidate is told the same length the interviewer's plan adds up to.
    const problem = promptMinutesProblem(content.prompt, meta.durationMinutes);
    if (problem) throw new ExerciseFileError(`${name}/prompt.md: ${problem}`);
  }
  const contentHash = createHash("sha256")
    .update(JSON.stringify([meta, content]))
    .digest("hex");
  return { meta, content, contentHash };
}

/** What the candidate reads must agree with the checklist and the time box: no hidden criteria, one time limit. */
function checkTakeHomeTexts(name: string, meta: KitMeta, content: KitContent) {
  const checklist = ChecklistSchema.parse(content.checklist);
  const assessed = assessedSectionProblems(content.prompt, checklist);
  if (assessed.length) throw new ExerciseFileError(`${name}/prompt.md: ${assessed.join("; ")}`);
  const hours = timeBoxProblems(meta.takeHome!.timeBoxHours, [
    { file: `${name}/prompt.md`, text: content.prompt, mustState: true },
    { file: `${name}/guide.md`, text: content.guide },
    { file: `${name}/meta.json (summary)`, text: meta.summary },
  ]);
  if (hours.length) throw new ExerciseFileError(hours.join("\n"));
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
  const codeReviews = new Map<string, CodeReviewExercise>();
  for (const entry of readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(dir, entry.name);
    const kind = peekKind(folder);
    const { meta, contentHash, content } =
      kind === "interview_kit"
        ? readExerciseFolder(folder)
        : kind === "code_review"
          ? codeReviewEntry(readCodeReviewExercise(folder), codeReviews)
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
          createdAt: now,
          slug: meta.slug,
          kind: meta.kind,
          stage: meta.stage,
          title: meta.title,
          summary: meta.summary,
          durationMinutes: meta.durationMinutes,
          version: meta.version,
          contentHash,
          content,
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
  const missing = fillStoredVersions(dir, codeReviews, database);
  if (missing.length)
    throw new ExerciseFileError(
      `No copy of ${missing.join(", ")} to keep in the database: put its exercises/<slug>/versions/v<n>.json back (git history has it).`,
    );
  return results;
}

function codeReviewEntry(exercise: CodeReviewExercise, seen: Map<string, CodeReviewExercise>) {
  seen.set(exercise.meta.slug, exercise);
  return { meta: exercise.meta, contentHash: exercise.contentHash, content: storedContent(exercise) };
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
