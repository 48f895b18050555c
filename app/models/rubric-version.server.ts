// Rubric versions in the app: a draft made from the published version (or loaded from a file in
// rubrics/), edited, previewed (rubric-preview.server.ts) and published. Only a draft changes;
// the database refuses any change to a published one (db/migrations/0004), and a draft is never
// used by a loop, so publishing is what makes new loops use a version while started loops keep
// theirs. Every step is audited.
import path from "node:path";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { positions, rubricVersions, users } from "#db/schema";
import { db, type Tx } from "#app/utils/db.server";
import { touchAggregates } from "./aggregates.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { describeIssues, RubricFileSchema, type RubricFile } from "./rubric";
import {
  contentHash,
  deleteDraftVersion,
  getLatestRubricVersion,
  insertDraftVersion,
  readRubricFile,
  replaceDraftContent,
  RubricFileError,
  RUBRICS_DIR,
  rubricDocument,
  rubricFiles,
} from "./rubric.server";

export type VersionResult = { ok: true; id: number } | { ok: false; message: string };

/** Every version, newest first, with how many loops and scorecards use it. */
export function listRubricVersions() {
  return db()
    .select({
      id: rubricVersions.id,
      key: rubricVersions.rubricKey,
      version: rubricVersions.version,
      title: rubricVersions.title,
      status: rubricVersions.status,
      sourceFile: rubricVersions.sourceFile,
      createdAt: rubricVersions.createdAt,
      publishedAt: rubricVersions.publishedAt,
      createdByName: users.name,
      loops: sql<number>`(select count(*) from loops l where l.rubric_version_id = rubric_versions.id)`,
      scorecards: sql<number>`(select count(*) from scorecards s where s.rubric_version_id = rubric_versions.id)`,
    })
    .from(rubricVersions)
    .leftJoin(users, eq(users.id, rubricVersions.createdById))
    .orderBy(desc(rubricVersions.version), desc(rubricVersions.id))
    .all();
}

export type RubricVersionRow = ReturnType<typeof listRubricVersions>[number];

export function getRubricVersion(id: number): RubricVersionRow | null {
  return listRubricVersions().find((v) => v.id === id) ?? null;
}

function draftOf(tx: Tx, rubricKey: string) {
  return tx
    .select({ id: rubricVersions.id, version: rubricVersions.version })
    .from(rubricVersions)
    .where(and(eq(rubricVersions.rubricKey, rubricKey), eq(rubricVersions.status, "draft")))
    .get();
}

function nextVersion(tx: Tx, rubricKey: string) {
  const row = tx
    .select({ max: sql<number | null>`max(${rubricVersions.version})` })
    .from(rubricVersions)
    .where(eq(rubricVersions.rubricKey, rubricKey))
    .get();
  return (row?.max ?? 0) + 1;
}

/** A new draft copied from the published version. If a draft exists already, that one is the answer. */
export function createDraft(actor: AuditActor & { id: number }, rubricKey: string, now: Date): VersionResult {
  const active = getLatestRubricVersion(rubricKey);
  if (!active) return { ok: false, message: `No published version of ${rubricKey} to start from.` };
  const base = rubricDocument(active.id)!;
  return db().transaction((tx): VersionResult => {
    const existing = draftOf(tx, rubricKey);
    if (existing) return { ok: true, id: existing.id };
    const draft = { ...base, version: nextVersion(tx, rubricKey) };
    const id = insertDraftVersion(tx, draft, { sourceFile: "", basedOnId: active.id, createdById: actor.id, now });
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "rubric_version",
      entityId: id,
      summary: `Started draft v${draft.version} of ${draft.title} from v${active.version}`,
      after: { key: draft.key, version: draft.version, basedOn: active.version },
    });
    return { ok: true, id };
  });
}

/**
 * A draft from one of the files in rubrics/ (named by its file name only). Refused, naming the
 * field, when the file is invalid; refused when its version number is taken or another draft of
 * the rubric is open.
 */
export function loadDraftFromFile(actor: AuditActor & { id: number }, fileName: string, now: Date, dir = RUBRICS_DIR): VersionResult {
  const file = rubricFiles(dir).find((f) => path.basename(f) === fileName);
  if (!file) return { ok: false, message: `There is no rubric file called "${fileName}" in rubrics/.` };
  let rubric: RubricFile;
  try {
    rubric = readRubricFile(file);
  } catch (error) {
    if (error instanceof RubricFileError) return { ok: false, message: error.message };
    throw error;
  }
  return db().transaction((tx): VersionResult => {
    const draft = draftOf(tx, rubric.key);
    if (draft)
      return { ok: false, message: `Draft v${draft.version} of this rubric is open: publish or discard it before loading another.` };
    const next = nextVersion(tx, rubric.key);
    if (rubric.version < next)
      return {
        ok: false,
        message: `${fileName}: version ${rubric.version} is taken (versions never change once made). Number the file's version ${next} or higher.`,
      };
    const active = getLatestRubricVersion(rubric.key);
    const id = insertDraftVersion(tx, rubric, {
      sourceFile: path.relative(process.cwd(), file),
      basedOnId: active?.id,
      createdById: actor.id,
      now,
    });
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "rubric_version",
      entityId: id,
      summary: `Loaded draft v${rubric.version} of ${rubric.title} from ${fileName}`,
      after: { key: rubric.key, version: rubric.version, file: fileName, contentHash: contentHash(rubric) },
    });
    return { ok: true, id };
  });
}

/**
 * Saves an edited draft. The document has been validated with the rubric schema (the form's
 * schema is built on it); the key and version stay the draft's own.
 */
export function saveDraft(actor: AuditActor, id: number, edited: RubricFile, now: Date): VersionResult {
  return db().transaction((tx): VersionResult => {
    const row = tx.select().from(rubricVersions).where(eq(rubricVersions.id, id)).get();
    if (!row) return { ok: false, message: "No such rubric version." };
    if (row.status !== "draft")
      return { ok: false, message: `v${row.version} is ${row.status}: it never changes. Start a new draft instead.` };
    const before = rubricDocument(id)!;
    const next = RubricFileSchema.parse({ ...edited, key: row.rubricKey, version: row.version });
    const diff = documentDiff(before, next);
    if (!Object.keys(diff.after).length) return { ok: true, id };
    replaceDraftContent(tx, id, next);
    // The draft's impact preview is cached under the aggregates' counter.
    touchAggregates();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "rubric_version",
      entityId: id,
      summary: `Edited draft v${row.version} of ${row.title}`,
      before: diff.before,
      after: diff.after,
    });
    return { ok: true, id };
  });
}

export function discardDraft(actor: AuditActor, id: number, now: Date): VersionResult {
  return db().transaction((tx): VersionResult => {
    const row = tx.select().from(rubricVersions).where(eq(rubricVersions.id, id)).get();
    if (!row) return { ok: false, message: "No such rubric version." };
    if (row.status !== "draft") return { ok: false, message: `v${row.version} is ${row.status}; only a draft can be discarded.` };
    deleteDraftVersion(tx, id);
    recordAudit(tx, {
      actor,
      at: now,
      action: "delete",
      entityType: "rubric_version",
      entityId: id,
      summary: `Discarded draft v${row.version} of ${row.title}`,
      before: { key: row.rubricKey, version: row.version, contentHash: row.contentHash },
    });
    return { ok: true, id };
  });
}

/**
 * Publishes a draft: it becomes the version new loops use (every position on this rubric moves to
 * it), the version it replaces is retired, and loops already scheduled keep the version they
 * were scheduled with.
 */
export function publishDraft(actor: AuditActor, id: number, now: Date): VersionResult {
  return db().transaction((tx): VersionResult => {
    const row = tx.select().from(rubricVersions).where(eq(rubricVersions.id, id)).get();
    if (!row) return { ok: false, message: "No such rubric version." };
    if (row.status !== "draft") return { ok: false, message: `v${row.version} is already ${row.status}.` };
    const checked = RubricFileSchema.safeParse(rubricDocument(id));
    if (!checked.success) return { ok: false, message: `The draft is not valid:\n${describeIssues(checked.error)}` };
    const previous = tx
      .select({ id: rubricVersions.id, version: rubricVersions.version })
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricKey, row.rubricKey), eq(rubricVersions.status, "published")))
      .get();
    if (previous) tx.update(rubricVersions).set({ status: "retired" }).where(eq(rubricVersions.id, previous.id)).run();
    tx.update(rubricVersions).set({ status: "published", publishedAt: now }).where(eq(rubricVersions.id, id)).run();
    const sameRubric = tx.select({ id: rubricVersions.id }).from(rubricVersions).where(eq(rubricVersions.rubricKey, row.rubricKey));
    const moved = tx
      .update(positions)
      .set({ rubricVersionId: id })
      .where(inArray(positions.rubricVersionId, sameRubric))
      .returning({ id: positions.id })
      .all();
    recordAudit(tx, {
      actor,
      at: now,
      action: "update",
      entityType: "rubric_version",
      entityId: id,
      summary: `Published ${row.title} v${row.version}${previous ? `, replacing v${previous.version}` : ""}: new loops use it`,
      before: { status: "draft", published: previous ? `v${previous.version}` : null },
      after: { status: "published", positions: moved.map((p) => p.id) },
    });
    return { ok: true, id };
  });
}

type Leaf = string | number | boolean | null;

/** The fields of two rubric documents that differ, as { "dimensions.0.weight": value } pairs. */
export function documentDiff(before: unknown, after: unknown) {
  const flat = (value: unknown, prefix: string, out: Map<string, Leaf>) => {
    if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) flat(v, prefix ? `${prefix}.${k}` : k, out);
    } else if (value !== undefined) out.set(prefix, value as Leaf);
    return out;
  };
  const b = flat(before, "", new Map());
  const a = flat(after, "", new Map());
  const diff = { before: {} as Record<string, Leaf>, after: {} as Record<string, Leaf> };
  for (const key of new Set([...b.keys(), ...a.keys()]))
    if (b.get(key) !== a.get(key)) {
      diff.before[key] = b.get(key) ?? null;
      diff.after[key] = a.get(key) ?? null;
    }
  return diff;
}
