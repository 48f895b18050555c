// Rubric versions made in the app: drafts, immutability once published, publishing, loading from
// a file, and the impact preview checked against a recomputation from the scorecards themselves.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, loops, positions, rubricBands, rubricDimensions, rubricVersions } from "#db/schema";
import { db } from "#app/utils/db.server";
import { seedDemoData } from "#db/seed";
import { makeOrganisation, makeUser } from "#tests/factories";
import { formatScore } from "./numbers";
import { getLoopRecommendation } from "./recommendation.server";
import { previewDraft } from "./rubric-preview.server";
import { contentHash, getLatestRubricVersion, readRubricFile, RUBRICS_DIR, rubricDocument, rubricFiles } from "./rubric.server";
import { createDraft, discardDraft, loadDraftFromFile, publishDraft, saveDraft } from "./rubric-version.server";

const KEY = "lead-ml-engineer";
const now = () => new Date();

async function draftV2() {
  const { position, rubricVersionId } = makeOrganisation();
  const admin = await makeUser("admin");
  const draft = createDraft(admin, KEY, now());
  if (!draft.ok) throw new Error(draft.message);
  return { admin, position, v1: rubricVersionId, v2: draft.id };
}

/** The draft with system design and evaluation weights swapped to 10/20 and a floor on system design. */
function edited(id: number) {
  const doc = rubricDocument(id)!;
  doc.dimensions[0] = { ...doc.dimensions[0]!, weight: 10, floor: { atOrBelow: 2, blocks: "hire" } };
  doc.dimensions[4] = { ...doc.dimensions[4]!, weight: 20 };
  return doc;
}

describe("a draft", () => {
  it("starts as a copy of the published version, numbered next, and round-trips to the file it came from", async () => {
    const { v1, v2 } = await draftV2();
    const shipped = readRubricFile(rubricFiles()[0]!);
    expect(contentHash(rubricDocument(v1)!)).toBe(contentHash(shipped));
    expect(rubricDocument(v2)).toEqual({ ...shipped, version: 2 });
    expect(db().select().from(rubricVersions).where(eq(rubricVersions.id, v2)).get()).toMatchObject({ status: "draft", basedOnId: v1 });
  });

  it("is the one draft: asking again opens the same one", async () => {
    const { admin, v2 } = await draftV2();
    expect(createDraft(admin, KEY, now())).toEqual({ ok: true, id: v2 });
  });

  it("saves edits, writing only the fields that changed to the audit log", async () => {
    const { admin, v2 } = await draftV2();
    expect(saveDraft(admin, v2, edited(v2), now())).toEqual({ ok: true, id: v2 });
    expect(rubricDocument(v2)).toEqual(edited(v2));
    const entry = db().select().from(auditLog).where(eq(auditLog.summary, "Edited draft v2 of Lead Machine Learning Engineer")).get()!;
    expect(entry.before).toEqual({
      "dimensions.0.weight": 20,
      "dimensions.0.floor.atOrBelow": null,
      "dimensions.0.floor.blocks": null,
      "dimensions.4.weight": 10,
    });
    expect(entry.after).toEqual({
      "dimensions.0.weight": 10,
      "dimensions.0.floor.atOrBelow": 2,
      "dimensions.0.floor.blocks": "hire",
      "dimensions.4.weight": 20,
    });
  });

  it("can't be used by a loop until it is published", async () => {
    const { position, v2 } = await draftV2();
    const { candidates } = await import("#db/schema");
    const c = db()
      .insert(candidates)
      .values({ name: "X", email: "x@example.com", positionId: position.id, source: "inbound" })
      .returning()
      .get();
    expect(() => db().insert(loops).values({ candidateId: c.id, rubricVersionId: v2 }).run()).toThrow(/draft rubric version/);
  });

  it("can be discarded, leaving nothing behind", async () => {
    const { admin, v2 } = await draftV2();
    expect(discardDraft(admin, v2, now()).ok).toBe(true);
    expect(db().select().from(rubricVersions).all()).toHaveLength(1);
    expect(db().select().from(rubricDimensions).where(eq(rubricDimensions.rubricVersionId, v2)).all()).toEqual([]);
  });
});

describe("a published version never changes", () => {
  it("refuses edits through the app and through SQL", async () => {
    const { admin, v1, v2 } = await draftV2();
    expect(saveDraft(admin, v1, edited(v1), now())).toEqual({
      ok: false,
      message: expect.stringMatching(/v1 is published: it never changes/),
    });
    expect(discardDraft(admin, v1, now()).ok).toBe(false);
    publishDraft(admin, v2, now());
    expect(saveDraft(admin, v2, edited(v2), now())).toEqual({ ok: false, message: expect.stringMatching(/v2 is published/) });
    expect(() => db().update(rubricDimensions).set({ weight: 50 }).where(eq(rubricDimensions.rubricVersionId, v1)).run()).toThrow(
      /published: its content never changes/,
    );
    expect(() => db().update(rubricBands).set({ minScore: 3.2 }).where(eq(rubricBands.rubricVersionId, v2)).run()).toThrow(/published/);
    expect(() => db().delete(rubricDimensions).where(eq(rubricDimensions.rubricVersionId, v1)).run()).toThrow(/published/);
    expect(() => db().update(rubricVersions).set({ title: "Renamed" }).where(eq(rubricVersions.id, v1)).run()).toThrow(/published/);
    expect(() => db().update(rubricVersions).set({ status: "published" }).where(eq(rubricVersions.id, v1)).run()).toThrow(/published/);
    expect(() => db().delete(rubricVersions).where(eq(rubricVersions.id, v1)).run()).toThrow(/published/);
    expect(contentHash(rubricDocument(v1)!)).toBe(contentHash(readRubricFile(rubricFiles()[0]!)));
  });
});

describe("publishing", () => {
  it("makes new loops use the version, retires the old one, keeps started loops on theirs, and is audited", async () => {
    makeOrganisation();
    await seedDemoData(db(), now());
    const admin = await makeUser("admin");
    // The seed has published v2 already (its history is on v1), so this draft is v3.
    const v2 = getLatestRubricVersion(KEY)!;
    expect(v2.version).toBe(2);
    const before = db().select({ id: loops.id, rubricVersionId: loops.rubricVersionId }).from(loops).all();
    const draft = createDraft(admin, KEY, now());
    if (!draft.ok) throw new Error(draft.message);
    saveDraft(admin, draft.id, edited(draft.id), now());

    expect(publishDraft(admin, draft.id, now())).toEqual({ ok: true, id: draft.id });
    expect(getLatestRubricVersion(KEY)?.id).toBe(draft.id);
    expect(db().select().from(rubricVersions).where(eq(rubricVersions.id, v2.id)).get()?.status).toBe("retired");
    expect(
      new Set(
        db()
          .select()
          .from(positions)
          .all()
          .map((p) => p.rubricVersionId),
      ),
    ).toEqual(new Set([draft.id]));
    expect(db().select({ id: loops.id, rubricVersionId: loops.rubricVersionId }).from(loops).all()).toEqual(before);
    const loop = before[0]!;
    expect(getLoopRecommendation(loop, now())?.rubric.version).toBe(1);
    expect(
      db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityType, "rubric_version"))
        .all()
        .map((a) => a.summary),
    ).toContain("Published Lead Machine Learning Engineer v3, replacing v2: new loops use it");
    expect(publishDraft(admin, draft.id, now())).toEqual({ ok: false, message: "v3 is already published." });
  });
});

describe("the impact preview", () => {
  it("equals a recomputation from the scorecards under the draft, changed bands first", async () => {
    makeOrganisation();
    await seedDemoData(db(), now());
    const admin = await makeUser("admin");
    const draft = createDraft(admin, KEY, now());
    if (!draft.ok) throw new Error(draft.message);
    const doc = edited(draft.id);
    doc.bands[1] = { ...doc.bands[1]!, minScore: 3.3 };
    saveDraft(admin, draft.id, doc, now());

    const preview = previewDraft(draft.id)!;
    const scored = db().all<{ candidateId: number; loopId: number }>(sql`
      select l.candidate_id as candidateId, max(l.id) as loopId from loops l
      where exists (select 1 from interviews i join scorecards s on s.interview_id = i.id and s.status = 'submitted'
                    where i.loop_id = l.id and i.status != 'cancelled')
      group by l.candidate_id`);
    expect(preview.rows.map((r) => r.candidateId).sort()).toEqual(scored.map((s) => s.candidateId).sort());
    for (const { candidateId, loopId } of scored) {
      const row = preview.rows.find((r) => r.candidateId === candidateId)!;
      const loop = db().select().from(loops).where(eq(loops.id, loopId)).get()!;
      const current = getLoopRecommendation(loop, now())!;
      const recomputed = getLoopRecommendation({ id: loopId, rubricVersionId: draft.id }, now())!;
      expect(formatScore(row.current.score)).toBe(formatScore(current.score));
      expect(row.current.band?.key).toBe(current.band?.key);
      expect(formatScore(row.draft.score)).toBe(formatScore(recomputed.score));
      expect(row.draft.band?.key).toBe(recomputed.band?.key);
      expect(row.draft.floor).toBe(recomputed.gates.some((g) => g.kind === "floor"));
      expect(row.bandChanged).toBe(current.band?.key !== recomputed.band?.key);
    }
    expect(preview.bandChanges).toBeGreaterThan(0);
    expect(preview.rows.length).toBeGreaterThan(preview.bandChanges);
    const firstUnchanged = preview.rows.findIndex((r) => !r.bandChanged);
    expect(preview.rows.slice(firstUnchanged).every((r) => !r.bandChanged)).toBe(true);
  });
});

describe("loading a version from a file in rubrics/", () => {
  function fileIn(content: unknown, name: string) {
    const dir = mkdtempSync(path.join(tmpdir(), "rubrics-"));
    writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
    return { name, dir };
  }
  const shipped = () => JSON.parse(readFileSync(path.join(RUBRICS_DIR, "lead-ml-engineer.v1.json"), "utf8"));

  it("makes a draft of a valid file, to preview and publish like any other", async () => {
    makeOrganisation();
    const admin = await makeUser("admin");
    const { name, dir } = fileIn({ ...shipped(), version: 2 }, "lead-ml-engineer.v2.json");
    const loaded = loadDraftFromFile(admin, name, now(), dir);
    expect(loaded.ok).toBe(true);
    expect(db().select().from(rubricVersions).where(eq(rubricVersions.version, 2)).get()).toMatchObject({ status: "draft" });
  });

  it.each([
    ["a missing field", (r: Record<string, unknown>) => delete r.title, /lead\.v2\.json: invalid rubric\ntitle: /],
    [
      "a dimension without its weight",
      (r: { dimensions: Record<string, unknown>[] }) => delete r.dimensions[2]!.weight,
      /dimensions\.2\.weight/,
    ],
    [
      "five anchors",
      (r: { dimensions: { levels: unknown[] }[] }) => r.dimensions[0]!.levels.push({ level: 4, anchor: "Again" }),
      /dimensions\.0\.levels: needs exactly four levels/,
    ],
    ["a version already taken", (r: { version: number }) => (r.version = 1), /version 1 is taken.*version 2 or higher/],
  ])("refuses %s, naming it, and changes nothing", async (_label, spoil, message) => {
    makeOrganisation();
    const admin = await makeUser("admin");
    const r = { ...shipped(), version: 2 };
    spoil(r as never);
    const { name, dir } = fileIn(r, "lead.v2.json");
    const result = loadDraftFromFile(admin, name, now(), dir);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(message) });
    expect(db().select().from(rubricVersions).all()).toHaveLength(1);
  });

  it("refuses a name that isn't one of the files", async () => {
    makeOrganisation();
    const admin = await makeUser("admin");
    const { dir } = fileIn(shipped(), "lead.v2.json");
    expect(loadDraftFromFile(admin, "../package.json", now(), dir)).toEqual({
      ok: false,
      message: expect.stringMatching(/no rubric file called/),
    });
  });
});
