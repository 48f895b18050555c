import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, desc, eq } from "drizzle-orm";
import { rubricBands, rubricDimensions, rubricLevels, rubricSignals, rubricStages, rubricVersions } from "#db/schema";
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
export function loadRubrics({ now, database = db(), dir = RUBRICS_DIR }: { now: Date; database?: Db; dir?: string }) {
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
        at: now,
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
    db().select().from(rubricVersions).where(eq(rubricVersions.rubricKey, rubricKey)).orderBy(desc(rubricVersions.version)).get() ?? null
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

export type RubricDetail = NonNullable<ReturnType<typeof readRubricVersion>>;

// Versions never change once loaded, so each is read from the database once per process.
const detailCache = new WeakMap<Db, Map<number, RubricDetail>>();

/** Everything about one rubric version: dimensions with anchored levels, signals, bands, stages. */
export function getRubricDetail(rubricVersionId: number): RubricDetail | null {
  let perDatabase = detailCache.get(db());
  if (!perDatabase) detailCache.set(db(), (perDatabase = new Map()));
  const cached = perDatabase.get(rubricVersionId);
  if (cached) return cached;
  const detail = readRubricVersion(rubricVersionId);
  if (detail) perDatabase.set(rubricVersionId, detail);
  return detail;
}

function readRubricVersion(rubricVersionId: number) {
  const version = db().select().from(rubricVersions).where(eq(rubricVersions.id, rubricVersionId)).get();
  if (!version) return null;
  const dims = db()
    .select()
    .from(rubricDimensions)
    .where(eq(rubricDimensions.rubricVersionId, rubricVersionId))
    .orderBy(asc(rubricDimensions.sortOrder))
    .all();
  const levels = db()
    .select({ dimensionId: rubricLevels.dimensionId, level: rubricLevels.level, label: rubricLevels.label, anchor: rubricLevels.anchor })
    .from(rubricLevels)
    .innerJoin(rubricDimensions, eq(rubricDimensions.id, rubricLevels.dimensionId))
    .where(eq(rubricDimensions.rubricVersionId, rubricVersionId))
    .orderBy(asc(rubricLevels.level))
    .all();
  return {
    id: version.id,
    key: version.rubricKey,
    version: version.version,
    title: version.title,
    dimensions: dims.map((d) => ({
      key: d.key,
      name: d.name,
      weight: d.weight,
      excellent: d.excellent,
      levels: levels.filter((l) => l.dimensionId === d.id).map(({ level, label, anchor }) => ({ level, label, anchor })),
    })),
    signals: db()
      .select({ key: rubricSignals.key, kind: rubricSignals.kind, text: rubricSignals.text, dimensionKey: rubricSignals.dimensionKey })
      .from(rubricSignals)
      .where(eq(rubricSignals.rubricVersionId, rubricVersionId))
      .orderBy(asc(rubricSignals.sortOrder))
      .all(),
    bands: db()
      .select({ key: rubricBands.key, label: rubricBands.label, minScore: rubricBands.minScore })
      .from(rubricBands)
      .where(eq(rubricBands.rubricVersionId, rubricVersionId))
      .orderBy(desc(rubricBands.minScore))
      .all(),
    stages: getStages(rubricVersionId).map((s) => ({ key: s.key, name: s.name, focus: s.focus })),
  };
}
