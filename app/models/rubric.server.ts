import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { rubricBands, rubricDimensions, rubricLevels, rubricSignals, rubricStages, rubricVersions, type RubricExtras } from "#db/schema";
import { db, type Db, type Tx } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { describeIssues, RubricFileSchema, type RaterGuidance, type RubricFile, type SuggestionRule } from "./rubric";

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

export function contentHash(rubric: RubricFile): string {
  return createHash("sha256").update(JSON.stringify(rubric)).digest("hex");
}

const SYSTEM: AuditActor = { id: null, name: "system (rubric loader)" };

/** A new draft version holding `rubric`. Published versions are made from drafts (publishDraft). */
export function insertDraftVersion(
  tx: Tx,
  rubric: RubricFile,
  source: { sourceFile: string; basedOnId?: number | null; createdById?: number | null; now: Date },
): number {
  const version = tx
    .insert(rubricVersions)
    .values({
      rubricKey: rubric.key,
      version: rubric.version,
      title: rubric.title,
      description: rubric.description,
      sourceFile: source.sourceFile,
      contentHash: contentHash(rubric),
      status: "draft",
      basedOnId: source.basedOnId ?? null,
      createdById: source.createdById ?? null,
      extras: extrasOf(rubric),
      createdAt: source.now,
    })
    .returning({ id: rubricVersions.id })
    .get();
  writeContent(tx, version.id, rubric);
  return version.id;
}

/** Replaces a draft's content; the database refuses this for a published version. */
export function replaceDraftContent(tx: Tx, versionId: number, rubric: RubricFile) {
  clearContent(tx, versionId);
  tx.update(rubricVersions)
    .set({ title: rubric.title, description: rubric.description, contentHash: contentHash(rubric), extras: extrasOf(rubric) })
    .where(eq(rubricVersions.id, versionId))
    .run();
  writeContent(tx, versionId, rubric);
}

/** The file's fields kept as one JSON column (null when it has none, as v1). */
function extrasOf(rubric: RubricFile): RubricExtras | null {
  const extras = {
    ...(rubric.suggestionRules ? { suggestionRules: rubric.suggestionRules } : {}),
    ...(rubric.raterGuidance ? { raterGuidance: rubric.raterGuidance } : {}),
  };
  return Object.keys(extras).length ? extras : null;
}

/** Removes a draft altogether; the database refuses this for a published version. */
export function deleteDraftVersion(tx: Tx, versionId: number) {
  clearContent(tx, versionId);
  tx.delete(rubricVersions).where(eq(rubricVersions.id, versionId)).run();
}

function clearContent(tx: Tx, versionId: number) {
  const dimensionIds = tx
    .select({ id: rubricDimensions.id })
    .from(rubricDimensions)
    .where(eq(rubricDimensions.rubricVersionId, versionId))
    .all()
    .map((d) => d.id);
  if (dimensionIds.length) tx.delete(rubricLevels).where(inArray(rubricLevels.dimensionId, dimensionIds)).run();
  for (const table of [rubricDimensions, rubricSignals, rubricBands, rubricStages])
    tx.delete(table).where(eq(table.rubricVersionId, versionId)).run();
}

function writeContent(tx: Tx, versionId: number, rubric: RubricFile) {
  rubric.dimensions.forEach((d, i) => {
    const dim = tx
      .insert(rubricDimensions)
      .values({
        rubricVersionId: versionId,
        key: d.key,
        name: d.name,
        weight: d.weight,
        floorAtOrBelow: d.floor?.atOrBelow ?? null,
        floorBlocks: d.floor?.blocks ?? null,
        excellent: d.excellent,
        assesses: d.assesses,
        sortOrder: i,
      })
      .returning({ id: rubricDimensions.id })
      .get();
    tx.insert(rubricLevels)
      .values(d.levels.map((l) => ({ dimensionId: dim.id, level: l.level, label: rubric.scale[l.level - 1]!.label, anchor: l.anchor })))
      .run();
  });
  if (rubric.signals.length)
    tx.insert(rubricSignals)
      .values(
        rubric.signals.map((s, i) => ({
          rubricVersionId: versionId,
          key: s.key,
          kind: s.kind,
          text: s.text,
          dimensionKey: s.dimension,
          sortOrder: i,
        })),
      )
      .run();
  tx.insert(rubricBands)
    .values(rubric.bands.map((b) => ({ rubricVersionId: versionId, ...b })))
    .run();
  if (rubric.stages.length)
    tx.insert(rubricStages)
      .values(rubric.stages.map((s, i) => ({ rubricVersionId: versionId, ...s, sortOrder: i })))
      .run();
}

/**
 * Loads the first version of each rubric the database doesn't have yet (a fresh install) and
 * publishes it. Later versions, and every file of a rubric already in the database, are not loaded
 * here: they are published through the rubric-version flow (loadDraftFromFile, the impact preview,
 * publishDraft), by an admin in the app or by the demo seed, so every version after the first is
 * published by someone, against the history it changes. A file whose version is already loaded
 * must match it exactly, because a version is immutable and scorecards may already point at it.
 */
export function loadRubrics({ now, database = db(), dir = RUBRICS_DIR }: { now: Date; database?: Db; dir?: string }) {
  const loaded: { key: string; version: number; id: number; created: boolean }[] = [];
  const files = rubricFiles(dir).map((file) => ({ file, rubric: readRubricFile(file) }));
  const knownKeys = new Set(
    database
      .selectDistinct({ key: rubricVersions.rubricKey })
      .from(rubricVersions)
      .all()
      .map((r) => r.key),
  );
  for (const { file, rubric } of files) {
    const existing = database
      .select({ id: rubricVersions.id, contentHash: rubricVersions.contentHash })
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricKey, rubric.key), eq(rubricVersions.version, rubric.version)))
      .get();
    if (existing) {
      if (existing.contentHash !== contentHash(rubric)) {
        const newest = database
          .select({ max: sql<number>`max(${rubricVersions.version})` })
          .from(rubricVersions)
          .where(eq(rubricVersions.rubricKey, rubric.key))
          .get()!.max;
        throw new RubricFileError(
          `${path.relative(process.cwd(), file)}: ${rubric.key} v${rubric.version} is already loaded with different content. ` +
            `Versions are immutable; save the change as version ${newest + 1}.`,
        );
      }
      loaded.push({ key: rubric.key, version: rubric.version, id: existing.id, created: false });
      continue;
    }
    if (knownKeys.has(rubric.key)) continue;
    const first = Math.min(...files.filter((f) => f.rubric.key === rubric.key).map((f) => f.rubric.version));
    if (rubric.version !== first) continue;
    const id = database.transaction((tx) => {
      const versionId = insertDraftVersion(tx, rubric, { sourceFile: path.relative(process.cwd(), file), now });
      tx.update(rubricVersions).set({ status: "published", publishedAt: now }).where(eq(rubricVersions.id, versionId)).run();
      recordAudit(tx, {
        actor: SYSTEM,
        at: now,
        action: "create",
        entityType: "rubric_version",
        entityId: versionId,
        summary: `Loaded ${rubric.title} v${rubric.version} from ${path.basename(file)} and published it`,
        after: { key: rubric.key, version: rubric.version, file: path.basename(file), contentHash: contentHash(rubric) },
      });
      return versionId;
    });
    loaded.push({ key: rubric.key, version: rubric.version, id, created: true });
  }
  return loaded;
}

export type RubricFileOffer = { name: string; title: string | null; version: number | null; problem: string | null };

/** Files in rubrics/ whose version isn't in the database: what an admin may load in the app. */
export function unloadedRubricFiles(dir = RUBRICS_DIR): RubricFileOffer[] {
  return rubricFiles(dir).flatMap((file): RubricFileOffer[] => {
    const name = path.basename(file);
    let rubric: RubricFile;
    try {
      rubric = readRubricFile(file);
    } catch (error) {
      return [{ name, title: null, version: null, problem: (error as Error).message }];
    }
    const loaded = db()
      .select({ id: rubricVersions.id })
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricKey, rubric.key), eq(rubricVersions.version, rubric.version)))
      .get();
    return loaded ? [] : [{ name, title: rubric.title, version: rubric.version, problem: null }];
  });
}

/** The latest published version of a rubric: the one new loops use (a draft never is). */
export function getLatestRubricVersion(rubricKey: string) {
  return (
    db()
      .select()
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricKey, rubricKey), eq(rubricVersions.status, "published")))
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

export type RubricDetail = NonNullable<ReturnType<typeof readRubricVersion>>;

// Published versions never change, so each is read from the database once per process; a
// draft is read afresh every time.
const detailCache = new WeakMap<Db, Map<number, RubricDetail>>();

/** Everything about one rubric version: dimensions with anchored levels, signals, bands, stages. */
export function getRubricDetail(rubricVersionId: number): RubricDetail | null {
  let perDatabase = detailCache.get(db());
  if (!perDatabase) detailCache.set(db(), (perDatabase = new Map()));
  const cached = perDatabase.get(rubricVersionId);
  if (cached) return cached;
  const detail = readRubricVersion(rubricVersionId);
  if (detail && detail.status !== "draft") perDatabase.set(rubricVersionId, detail);
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
    status: version.status,
    dimensions: dims.map((d) => ({
      key: d.key,
      name: d.name,
      weight: d.weight,
      floor: d.floorAtOrBelow !== null && d.floorBlocks !== null ? { atOrBelow: d.floorAtOrBelow, blocks: d.floorBlocks } : null,
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
    suggestionRules: (version.extras?.suggestionRules ?? []) as SuggestionRule[],
    raterGuidance: (version.extras?.raterGuidance ?? null) as RaterGuidance | null,
  };
}

/**
 * A version as a rubric file (rubric.ts), key order and all: what a new draft starts from, what
 * the editor edits, and what downloads as rubrics/<key>.v<n>.json. Round-trips with the loader:
 * the document of a version loaded from a file has that file's content hash.
 */
export function rubricDocument(rubricVersionId: number): RubricFile | null {
  const version = db().select().from(rubricVersions).where(eq(rubricVersions.id, rubricVersionId)).get();
  if (!version) return null;
  const dims = db()
    .select()
    .from(rubricDimensions)
    .where(eq(rubricDimensions.rubricVersionId, rubricVersionId))
    .orderBy(asc(rubricDimensions.sortOrder))
    .all();
  const levels = db()
    .select()
    .from(rubricLevels)
    .where(
      inArray(
        rubricLevels.dimensionId,
        dims.map((d) => d.id),
      ),
    )
    .orderBy(asc(rubricLevels.level))
    .all();
  const scale = new Map(levels.map((l) => [l.level, l.label]));
  const toLevel = (n: number) => n as 1 | 2 | 3 | 4;
  return {
    key: version.rubricKey,
    version: version.version,
    title: version.title,
    description: version.description,
    scale: [1, 2, 3, 4].map((level) => ({ level: toLevel(level), label: scale.get(level) ?? "" })),
    dimensions: dims.map((d) => ({
      key: d.key,
      name: d.name,
      weight: d.weight,
      ...(d.floorAtOrBelow !== null && d.floorBlocks !== null
        ? { floor: { atOrBelow: d.floorAtOrBelow as 1 | 2 | 3, blocks: d.floorBlocks } }
        : {}),
      excellent: d.excellent,
      assesses: d.assesses,
      levels: levels.filter((l) => l.dimensionId === d.id).map((l) => ({ level: toLevel(l.level), anchor: l.anchor })),
    })),
    signals: db()
      .select()
      .from(rubricSignals)
      .where(eq(rubricSignals.rubricVersionId, rubricVersionId))
      .orderBy(asc(rubricSignals.sortOrder))
      .all()
      .map((s) => ({ key: s.key, kind: s.kind, text: s.text, dimension: s.dimensionKey })),
    bands: db()
      .select({ key: rubricBands.key, label: rubricBands.label, minScore: rubricBands.minScore })
      .from(rubricBands)
      .where(eq(rubricBands.rubricVersionId, rubricVersionId))
      .orderBy(desc(rubricBands.minScore))
      .all(),
    stages: getStages(rubricVersionId).map((s) => ({
      key: s.key,
      name: s.name,
      description: s.description,
      minutes: s.minutes,
      optional: s.optional,
      focus: s.focus,
    })),
    // In the file's key order, so the document of a version loaded from a file has its hash.
    ...(version.extras?.suggestionRules ? { suggestionRules: version.extras.suggestionRules as SuggestionRule[] } : {}),
    ...(version.extras?.raterGuidance ? { raterGuidance: version.extras.raterGuidance as RaterGuidance } : {}),
  };
}
