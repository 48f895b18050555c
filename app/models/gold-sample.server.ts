// Gold samples: pre-rated interview records in rubrics/gold-samples/*.json, loaded into the
// database (as kits are) so an interviewer's rating always points at the exact text and expert
// ratings they saw. Interviewers rate them on the real scorecard form; the expert's ratings and
// reasons are only ever returned for a sample the asker has submitted.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { goldAttempts, goldSamples, raterCertifications, RECOMMENDATIONS, rubricVersions, STAGE_KEYS, type StageKey } from "#db/schema";
import { db, type Db } from "#app/utils/db.server";
import { storeSampleVersion } from "./gold-sample-store.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { certificationResult, CertificationRulesSchema, type CertificationRules, type SampleResult } from "./certification";
import { getRubricDetail } from "./rubric.server";
import type { ScorecardValue } from "./scorecard-schema";
import { loadGradingSamples } from "./grading-sample-file.server";

export const GOLD_SAMPLES_DIR = path.resolve("rubrics/gold-samples");
const RULES_FILE = "certification.json";

export class GoldSampleFileError extends Error {}

const GoldSampleFileSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  version: z.number().int().min(1),
  stage: z.enum(STAGE_KEYS),
  rubric: z.strictObject({ key: z.string(), version: z.number().int().min(1) }),
  title: z.string().min(10),
  setting: z.string().min(10),
  account: z.array(z.string().min(1)).min(1),
  expert: z.strictObject({
    ratedBy: z.string().min(1),
    summary: z.string().min(1),
    recommendation: z.enum(RECOMMENDATIONS),
    ratings: z.record(z.string(), z.strictObject({ level: z.number().int().min(1).max(4), reason: z.string().min(20) })),
  }),
});
type GoldSampleFile = z.infer<typeof GoldSampleFileSchema>;

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new GoldSampleFileError(`${path.relative(process.cwd(), file)}: not valid JSON (${(error as Error).message})`);
  }
}

const rulesCache = new Map<string, CertificationRules>();

/** The certification thresholds (rubrics/gold-samples/certification.json). */
export function certificationRules(dir = GOLD_SAMPLES_DIR): CertificationRules {
  const cached = rulesCache.get(dir);
  if (cached) return cached;
  const parsed = CertificationRulesSchema.safeParse(readJson(path.join(dir, RULES_FILE)));
  if (!parsed.success)
    throw new GoldSampleFileError(`${RULES_FILE}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  rulesCache.set(dir, parsed.data);
  return parsed.data;
}

/** Reads one sample file; errors name the file and the field. */
export function readGoldSampleFile(file: string): GoldSampleFile {
  const parsed = GoldSampleFileSchema.safeParse(readJson(file));
  if (!parsed.success)
    throw new GoldSampleFileError(
      `${path.relative(process.cwd(), file)}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

/**
 * Loads every sample file whose rubric version is in the database (and the pre-graded code
 * reviews in grading/, see grading-sample-file.server.ts), checking the expert rated
 * exactly the stage's focus dimensions of that version. A loaded version must match its file: a
 * changed sample is a new version (trainees' earlier ratings keep pointing at the old one).
 * Samples whose rubric version isn't loaded yet wait (they are listed in `waiting`).
 */
export function loadGoldSamples({ now, database = db(), dir = GOLD_SAMPLES_DIR }: { now: Date; database?: Db; dir?: string }) {
  const loaded: { slug: string; created: boolean }[] = [];
  const waiting: { slug: string; reason: string }[] = [];
  if (!existsSync(dir)) return { loaded, waiting };
  certificationRules(dir);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== RULES_FILE)
    .sort();
  for (const name of files) {
    const file = path.join(dir, name);
    const sample = readGoldSampleFile(file);
    const hash = createHash("sha256").update(JSON.stringify(sample)).digest("hex");
    const rubric = database
      .select({ id: rubricVersions.id })
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricKey, sample.rubric.key), eq(rubricVersions.version, sample.rubric.version)))
      .get();
    if (!rubric) {
      waiting.push({ slug: sample.slug, reason: `${sample.rubric.key} v${sample.rubric.version} isn't loaded` });
      continue;
    }
    const detail = getRubricDetail(rubric.id);
    const focus = detail?.stages.find((s) => s.key === sample.stage)?.focus;
    if (!focus) throw new GoldSampleFileError(`${name}: ${sample.rubric.key} v${sample.rubric.version} has no stage "${sample.stage}"`);
    const rated = Object.keys(sample.expert.ratings).sort();
    if (JSON.stringify(rated) !== JSON.stringify([...focus].sort()))
      throw new GoldSampleFileError(
        `${name}: the expert must rate exactly the stage's focus dimensions (${focus.join(", ")}); rated ${rated.join(", ")}`,
      );
    const created = storeSampleVersion(
      database,
      {
        slug: sample.slug,
        version: sample.version,
        contentHash: hash,
        stage: sample.stage,
        rubricVersionId: rubric.id,
        title: sample.title,
        setting: sample.setting,
        account: sample.account.join("\n\n"),
        expert: sample.expert,
      },
      {
        now,
        summary: `Loaded gold sample ${sample.slug} v${sample.version} (${sample.stage}), rated on ${sample.rubric.key} v${sample.rubric.version}`,
        fail: (message) => new GoldSampleFileError(`${name}: ${message}`),
      },
    );
    loaded.push({ slug: sample.slug, created });
  }
  const grading = loadGradingSamples({ now, database, dir: path.join(dir, "grading") });
  return { loaded: [...loaded, ...grading.loaded], waiting: [...waiting, ...grading.waiting] };
}

type SampleRow = typeof goldSamples.$inferSelect;
type AttemptRow = typeof goldAttempts.$inferSelect;

/** The stages that have gold samples: only these can ask for certification. */
export function stagesWithGoldSamples(): Set<StageKey> {
  return new Set(
    db()
      .selectDistinct({ stage: goldSamples.stage })
      .from(goldSamples)
      .where(eq(goldSamples.active, true))
      .all()
      .map((r) => r.stage),
  );
}

function activeSamples(): SampleRow[] {
  return db().select().from(goldSamples).where(eq(goldSamples.active, true)).orderBy(asc(goldSamples.stage), asc(goldSamples.id)).all();
}

function attemptsOf(userIds: number[]): AttemptRow[] {
  if (!userIds.length) return [];
  return db().select().from(goldAttempts).where(inArray(goldAttempts.userId, userIds)).all();
}

const levelOf = (choice: unknown): number | null => (typeof choice === "string" && /^[1-4]$/.test(choice) ? Number(choice) : null);

/** The trainee's focus-dimension ratings beside the expert's, for one submitted attempt. */
export function compareWithExpert(sample: Pick<SampleRow, "id" | "expert">, value: Record<string, unknown>): SampleResult {
  const rating = (value.rating ?? {}) as Record<string, unknown>;
  return {
    sampleId: sample.id,
    dimensions: Object.entries(sample.expert.ratings).map(([dimensionKey, r]) => ({
      dimensionKey,
      trainee: levelOf(rating[dimensionKey]),
      expert: r.level,
    })),
  };
}

export type StageStatus = {
  stage: StageKey;
  samples: number;
  rated: number;
  certified: boolean;
  certifiedAt: Date | null;
  leniencyAtCertification: number | null;
  share: number | null;
  missing: string | null;
};

/**
 * Each person's certification per stage with gold samples: the status, never the answers. Read by
 * the certification page (their own), scheduling and the calibration page (the hiring team).
 */
export function certificationStatus(userIds: number[]): Map<number, Map<StageKey, StageStatus>> {
  const rules = certificationRules();
  const samples = activeSamples();
  const byId = new Map(
    db()
      .select()
      .from(goldSamples)
      .all()
      .map((s) => [s.id, s]),
  );
  const attempts = attemptsOf(userIds).filter((a) => a.status === "submitted");
  const certs = userIds.length ? db().select().from(raterCertifications).where(inArray(raterCertifications.userId, userIds)).all() : [];
  const result = new Map<number, Map<StageKey, StageStatus>>();
  for (const userId of userIds) {
    const perStage = new Map<StageKey, StageStatus>();
    for (const stage of new Set(samples.map((s) => s.stage))) {
      const mine = attempts.filter((a) => a.userId === userId && byId.get(a.sampleId)?.stage === stage);
      const round = Math.max(1, ...mine.map((a) => a.round));
      const inRound = mine.filter((a) => a.round === round);
      const outcome = certificationResult(
        inRound.map((a) => compareWithExpert(byId.get(a.sampleId)!, a.value)),
        rules,
      );
      const cert = certs.filter((c) => c.userId === userId && c.stage === stage).sort((a, b) => b.round - a.round)[0];
      perStage.set(stage, {
        stage,
        samples: samples.filter((s) => s.stage === stage).length,
        rated: inRound.length,
        certified: Boolean(cert),
        certifiedAt: cert?.certifiedAt ?? null,
        leniencyAtCertification: cert?.leniencyAtCertification ?? null,
        share: cert ? cert.withinShare : outcome.share,
        missing: cert ? null : outcome.missing,
      });
    }
    result.set(userId, perStage);
  }
  return result;
}

/** The gold samples offered to `userId`, each with the state of their own rating of it. */
export function listGoldSamplesFor(userId: number) {
  const attempts = attemptsOf([userId]);
  return activeSamples().map((s) => {
    const attempt = attempts.filter((a) => a.sampleId === s.id).sort((a, b) => b.round - a.round)[0];
    return {
      slug: s.slug,
      stage: s.stage,
      // A pre-graded code review is graded on the grading view, not rated on the scorecard form.
      kind: s.review ? ("grading" as const) : ("interview" as const),
      title: s.title,
      focus: Object.keys(s.expert.ratings),
      status: attempt?.status ?? null,
      submittedAt: attempt?.submittedAt ?? null,
    };
  });
}

/**
 * One sample as `userId` may see it: the record always; the expert's ratings and reasons, and the
 * comparison with theirs, only once they have submitted their own rating of it.
 */
export function getGoldSampleFor(userId: number, slug: string) {
  const sample = db()
    .select()
    .from(goldSamples)
    .where(and(eq(goldSamples.slug, slug), eq(goldSamples.active, true)))
    .get();
  if (!sample) return null;
  const attempt = db()
    .select()
    .from(goldAttempts)
    .where(and(eq(goldAttempts.userId, userId), eq(goldAttempts.sampleId, sample.id)))
    .orderBy(asc(goldAttempts.round))
    .all()
    .at(-1);
  const submitted = attempt?.status === "submitted";
  const { expert, ...record } = sample;
  return {
    sample: record,
    attempt: attempt
      ? { status: attempt.status, value: attempt.value, revision: attempt.revision, submittedAt: attempt.submittedAt }
      : null,
    review: submitted
      ? {
          expert,
          comparison: compareWithExpert(sample, attempt.value).dimensions.map((d) => ({
            ...d,
            within: d.trainee !== null && Math.abs(d.trainee - d.expert) <= certificationRules().withinLevels,
            reason: expert.ratings[d.dimensionKey]!.reason,
          })),
        }
      : null,
  };
}

export const GOLD_ALREADY_SUBMITTED = "You have already submitted your rating of this sample; the expert's ratings are below.";
export const GOLD_CHANGED_IN_ANOTHER_TAB =
  "Not saved: this rating was changed in another tab or window since this page loaded. Reload to see it.";

export type GoldSaveResult =
  | { ok: true; revision: number; savedAt: Date; certified: StageKey | null }
  | { ok: false; message: string; conflict?: { revision: number; savedAt: Date } };

/**
 * Saves a draft rating of a gold sample, or submits it. A submitted rating never changes (the
 * expert's reasons are shown once it is in, so a second try would be a copy). The submit that
 * makes the stage's rule pass writes the certification, with the person's live leniency then, so
 * drift can be measured from it; both are audited.
 */
export function saveGoldAttempt(
  actor: AuditActor & { id: number },
  input: {
    slug: string;
    /** The scorecard form's value, or for a pre-graded code review the grading form's (grading-sample.server.ts). */
    value: ScorecardValue | Record<string, unknown>;
    submit: boolean;
    now: Date;
    base?: { revision: number; tab: string | null };
    leniencyNow: number | null;
  },
): GoldSaveResult {
  return db().transaction((tx): GoldSaveResult => {
    const sample = tx
      .select()
      .from(goldSamples)
      .where(and(eq(goldSamples.slug, input.slug), eq(goldSamples.active, true)))
      .get();
    if (!sample) return { ok: false, message: "There is no such gold sample." };
    const existing = tx
      .select()
      .from(goldAttempts)
      .where(and(eq(goldAttempts.userId, actor.id), eq(goldAttempts.sampleId, sample.id)))
      .orderBy(asc(goldAttempts.round))
      .all()
      .at(-1);
    if (existing?.status === "submitted") return { ok: false, message: GOLD_ALREADY_SUBMITTED };
    const base = input.base;
    if (
      base &&
      existing &&
      existing.revision !== base.revision &&
      !(base.tab !== null && existing.tabId === base.tab && existing.revision > base.revision)
    )
      return {
        ok: false,
        message: GOLD_CHANGED_IN_ANOTHER_TAB,
        conflict: { revision: existing.revision, savedAt: existing.updatedAt },
      };
    const status = input.submit ? "submitted" : "draft";
    const value = input.value as unknown as Record<string, unknown>;
    let revision: number;
    let attemptId: number;
    if (existing) {
      revision = existing.revision + 1;
      attemptId = existing.id;
      tx.update(goldAttempts)
        .set({ status, value, revision, tabId: base?.tab ?? null, updatedAt: input.now, submittedAt: input.submit ? input.now : null })
        .where(eq(goldAttempts.id, existing.id))
        .run();
    } else {
      revision = 1;
      attemptId = tx
        .insert(goldAttempts)
        .values({
          userId: actor.id,
          sampleId: sample.id,
          status,
          value,
          revision,
          tabId: base?.tab ?? null,
          updatedAt: input.now,
          submittedAt: input.submit ? input.now : null,
        })
        .returning({ id: goldAttempts.id })
        .get().id;
    }
    if (!input.submit) return { ok: true, revision, savedAt: input.now, certified: null };

    const comparison = compareWithExpert(sample, value);
    recordAudit(tx, {
      actor,
      at: input.now,
      action: "submit",
      entityType: "gold_attempt",
      entityId: attemptId,
      summary: `${actor.name} ${sample.review ? "graded the pre-graded code review" : "rated gold sample"} ${sample.slug}: ${comparison.dimensions.filter((d) => d.trainee !== null && Math.abs(d.trainee - d.expert) <= certificationRules().withinLevels).length} of ${comparison.dimensions.length} focus dimensions within a level of the expert`,
      after: { sample: sample.slug, version: sample.version, ratings: comparison.dimensions },
    });
    const certified = certifyIfPassed(tx, actor, sample.stage, input.now, input.leniencyNow);
    return { ok: true, revision, savedAt: input.now, certified };
  });
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function certifyIfPassed(tx: Tx, actor: AuditActor & { id: number }, stage: StageKey, now: Date, leniency: number | null): StageKey | null {
  const round = 1;
  const already = tx
    .select({ id: raterCertifications.id })
    .from(raterCertifications)
    .where(and(eq(raterCertifications.userId, actor.id), eq(raterCertifications.stage, stage), eq(raterCertifications.round, round)))
    .get();
  if (already) return null;
  const rows = tx
    .select({ value: goldAttempts.value, sample: goldSamples })
    .from(goldAttempts)
    .innerJoin(goldSamples, eq(goldSamples.id, goldAttempts.sampleId))
    .where(
      and(
        eq(goldAttempts.userId, actor.id),
        eq(goldAttempts.status, "submitted"),
        eq(goldAttempts.round, round),
        eq(goldSamples.stage, stage),
      ),
    )
    .all();
  const outcome = certificationResult(
    rows.map((r) => compareWithExpert(r.sample, r.value)),
    certificationRules(),
  );
  if (!outcome.certified) return null;
  const row = tx
    .insert(raterCertifications)
    .values({
      userId: actor.id,
      stage,
      round,
      certifiedAt: now,
      samples: outcome.samples,
      withinShare: outcome.share!,
      leniencyAtCertification: leniency,
    })
    .returning({ id: raterCertifications.id })
    .get();
  recordAudit(tx, {
    actor,
    at: now,
    action: "create",
    entityType: "rater_certification",
    entityId: row.id,
    summary: `${actor.name} certified ${stage === "code_review" ? "to grade code reviews" : `for ${stage}`} on ${outcome.samples} gold samples (${outcome.within} of ${outcome.dimensions} within a level)`,
    after: { stage, samples: outcome.samples, within: outcome.within, dimensions: outcome.dimensions, leniency },
  });
  return stage;
}
