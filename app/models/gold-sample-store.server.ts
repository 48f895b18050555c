// Storing one version of a gold sample (a rated interview record or a pre-graded code review),
// shared by both loaders: a version is stored once, a changed file under an old version number is
// refused, and a new version retires the older ones (ratings of them stay as they were).
import { and, eq } from "drizzle-orm";
import { goldSamples } from "#db/schema";
import type { Db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";

const SYSTEM: AuditActor = { id: null, name: "system (gold-sample loader)" };

type NewVersion = Omit<typeof goldSamples.$inferInsert, "id" | "active" | "createdAt">;

/** True when this version was new and is now stored; false when it already was, unchanged. */
export function storeSampleVersion(
  database: Db,
  sample: NewVersion,
  { now, summary, fail }: { now: Date; summary: string; fail: (message: string) => Error },
): boolean {
  const existing = database
    .select({ contentHash: goldSamples.contentHash })
    .from(goldSamples)
    .where(and(eq(goldSamples.slug, sample.slug), eq(goldSamples.version, sample.version)))
    .get();
  if (existing) {
    if (existing.contentHash !== sample.contentHash)
      throw fail(`version ${sample.version} is already loaded with different content; raise "version".`);
    return false;
  }
  database.transaction((tx) => {
    tx.update(goldSamples).set({ active: false }).where(eq(goldSamples.slug, sample.slug)).run();
    const row = tx
      .insert(goldSamples)
      .values({ ...sample, createdAt: now })
      .returning({ id: goldSamples.id })
      .get();
    recordAudit(tx, { actor: SYSTEM, at: now, action: "create", entityType: "gold_sample", entityId: row.id, summary });
  });
  return true;
}
