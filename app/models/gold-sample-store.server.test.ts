import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, goldSamples } from "#db/schema";
import { db } from "#app/utils/db.server";
import { makeOrganisation } from "#tests/factories";
import { storeSampleVersion } from "./gold-sample-store.server";

const NOW = new Date("2026-12-02T09:00:00Z");
const fail = (message: string) => new Error(`sample.json: ${message}`);

describe("storing a gold sample's version", () => {
  it("stores a version once, refuses a changed file under the same version, and retires older versions", () => {
    const { rubricVersionId } = makeOrganisation();
    const sample = (version: number, contentHash: string) => ({
      slug: "sd-example",
      version,
      contentHash,
      stage: "system_design" as const,
      rubricVersionId,
      title: "An example",
      setting: "System design",
      account: "What they said.",
      expert: { ratings: {}, reasons: {} } as never,
    });
    const options = { now: NOW, summary: "Loaded sd-example", fail };
    expect(storeSampleVersion(db(), sample(1, "a"), options)).toBe(true);
    expect(storeSampleVersion(db(), sample(1, "a"), options)).toBe(false);
    expect(() => storeSampleVersion(db(), sample(1, "b"), options)).toThrow(
      'sample.json: version 1 is already loaded with different content; raise "version".',
    );
    expect(storeSampleVersion(db(), sample(2, "b"), options)).toBe(true);
    const rows = db().select().from(goldSamples).where(eq(goldSamples.slug, "sd-example")).all();
    expect(rows.map((r) => [r.version, r.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(db().select().from(auditLog).where(eq(auditLog.entityType, "gold_sample")).all()).toHaveLength(2);
  });
});
