import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, desc, eq } from "drizzle-orm";
import {
  rubricBands,
  rubricDimensions,
  rubricLevels,
  rubricSignals,
  rubricStages,
  rubricVersions,
} from "#db/schema";
import { db, type Db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { describeIssues, RubricFileSchema, type RubricFile } from "./rubric";

export const RUBRICS_DIR = path.resolve("rubrics");

export class RubricFileError extends Error {}

/** Reads and validates one rubric file; errors name the file and the field. */
export function readRubricFile(file: string): RubricFile {
  const name = path.relative(process.cwd(), file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new RubricFileError(`${name}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = RubricFileSchema.safeParse(raw);
  if (!parsed.success) throw new RubricFileError(`${name}: invalid rubric\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function rubricFiles(dir = RUBRICS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

function contentHash(rubric: RubricFile): string {
  return createHash("sha256").update(JSON.stringify(rubric)).digest("hex");
}

const SYSTEM: AuditActor = { id: null, name: "system (rubric loader)" };

/**
 * Loads every rubric file into the database. Idempotent: a version already loaded with the same
 * content is left alone; one loaded with different content is refused, because a version is
 * immutable and scorecards may already point at it.
 */
export function loadRubrics(database: Db = db(), dir = RUBRICS_DIR) {
  const loaded: { key: string; version: number; id: number; created: boolean }[] = [];
  for (const file of rubricFiles(dir)) {
    const rubric = readRubricFile(file);
    const hash = contentHash(rubric);
    const existing = database
      .select({ id: rubricVersions.id, contentHash: rubricVersions.contentHash })
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricKey, rubric.key), eq(rubricVersions.version, rubric.version)))
      .get();
    if (existing) {
      if (existing.contentHash !== hash)
        throw new RubricFileError(
          `${path.relative(process.cwd(), file)}: ${rubric.key} v${rubric.version} is already loaded with different content. ` +
            `Versions are immutable; save the change as version ${rubric.version + 1}.`,
        );
      loaded.push({ key: rubric.key, version: rubric.version, id: existing.id, created: false });
      continue;
    }
    const id = database.transaction((tx) => {
      const version = tx
        .insert(rubricVersions)
        .values({
          rubricKey: rubric.key,
          version: rubric.version,
          title: rubric.title,
          description: rubric.description,
          sourceFile: path.relative(process.cwd(), file),
          contentHash: hash,
        })
        .returning({ id: rubricVersions.id })
        .get();
      rubric.dimensions.forEach((d, i) => {
        const dim = tx
          .insert(rubricDimensions)
          .values({
            rubricVersionId: version.id,
            key: d.key,
            name: d.name,
            weight: d.weight,
            excellent: d.excellent,
            assesses: d.assesses,
            sortOrder: i,
          })
          .returning({ id: rubricDimensions.id })
          .get();
        tx.insert(rubricLevels)
          .values(
            d.levels.map((l) => ({
              dimensionId: dim.id,
              level: l.level,
              label: rubric.scale[l.level - 1]!.label,
              anchor: l.anchor,
            })),
          )
          .run();
      });
      if (rubric.signals.length)
        tx.insert(rubricSignals)
          .values(
            rubric.signals.map((s, i) => ({
              rubricVersionId: version.id,
              key: s.key,
              kind: s.kind,
              text: s.text,
              dimensionKey: s.dimension,
              sortOrder: i,
            })),
          )
          .run();
      tx.insert(rubricBands)
        .values(rubric.bands.map((b) => ({ rubricVersionId: version.id, ...b })))
        .run();
      tx.insert(rubricStages)
        .values(rubric.stages.map((s, i) => ({ rubricVersionId: version.id, ...s, sortOrder: i })))
        .run();
      recordAudit(tx, {
        actor: SYSTEM,
        action: "create",
        entityType: "rubric_version",
        entityId: version.id,
        after: { key: rubric.key, version: rubric.version, file: path.basename(file), contentHash: hash },
      });
      return version.id;
    });
    loaded.push({ key: rubric.key, version: rubric.version, id, created: true });
  }
  return loaded;
}

export function getLatestRubricVersion(rubricKey: string) {
  return (
    db()
      .select()
      .from(rubricVersions)
      .where(eq(rubricVersions.rubricKey, rubricKey))
      .orderBy(desc(rubricVersions.version))
      .get() ?? null
  );
}

/** The stages of a rubric version, in order, with their focus dimensions. */
export function getStages(rubricVersionId: number) {
  return db()
    .select()
    .from(rubricStages)
    .where(eq(rubricStages.rubricVersionId, rubricVersionId))
    .orderBy(asc(rubricStages.sortOrder))
    .all();
}

export function getDimensions(rubricVersionId: number) {
  return db()
    .select({ key: rubricDimensions.key, name: rubricDimensions.name, weight: rubricDimensions.weight })
    .from(rubricDimensions)
    .where(eq(rubricDimensions.rubricVersionId, rubricVersionId))
    .orderBy(asc(rubricDimensions.sortOrder))
    .all();
}
