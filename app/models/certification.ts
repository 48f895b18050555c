// Rater certification on gold samples: the rule, pure. An interviewer is certified for a stage
// when, over at least `minSamples` gold samples of it, their ratings of the samples' focus
// dimensions fall within `withinLevels` of the expert's on at least `minShare` of them. The
// thresholds are data (rubrics/gold-samples/certification.json), read by gold-sample.server.ts.
import { z } from "zod";

export const CertificationRulesSchema = z.object({
  withinLevels: z.number().int().min(0).max(3),
  minShare: z.number().gt(0).max(1),
  minSamples: z.number().int().min(1),
  recertifyWhenLeniencyMovesBeyond: z.number().positive(),
  uncertifiedOnStage: z.enum(["warn", "refuse"]),
  why: z.record(z.string(), z.string()).optional(),
});
export type CertificationRules = z.infer<typeof CertificationRulesSchema>;

/** One focus dimension of one rated sample: the trainee's level (null for Not assessed) and the expert's. */
export type DimensionComparison = { dimensionKey: string; trainee: number | null; expert: number };

export type SampleResult = { sampleId: number; dimensions: DimensionComparison[] };

/** Within the allowed distance of the expert. Not assessed never counts: the expert saw enough to rate it. */
export function agrees(d: DimensionComparison, rules: Pick<CertificationRules, "withinLevels">): boolean {
  return d.trainee !== null && Math.abs(d.trainee - d.expert) <= rules.withinLevels;
}

export type StageCertificationResult = {
  samples: number;
  dimensions: number;
  within: number;
  /** within ÷ dimensions, or null before any sample is rated. */
  share: number | null;
  certified: boolean;
  /** What is still missing, in words, when not certified. */
  missing: string | null;
};

/**
 * The rule over one round of submitted samples of a stage. The share counts dimensions, not
 * samples: two samples with four focus dimensions each give eight chances, and 80% needs seven.
 */
export function certificationResult(results: SampleResult[], rules: CertificationRules): StageCertificationResult {
  const all = results.flatMap((r) => r.dimensions);
  const within = all.filter((d) => agrees(d, rules)).length;
  const share = all.length ? within / all.length : null;
  const enoughSamples = results.length >= rules.minSamples;
  const enoughAgreement = share !== null && share >= rules.minShare - 1e-12;
  const certified = enoughSamples && enoughAgreement;
  const needed = Math.ceil(rules.minShare * all.length - 1e-9);
  const missing = certified
    ? null
    : !enoughSamples
      ? `${results.length} of ${rules.minSamples} gold samples rated`
      : `${within} of ${all.length} focus-dimension ratings within ${rules.withinLevels} level of the expert's; ${needed} needed`;
  return { samples: results.length, dimensions: all.length, within, share, certified, missing };
}

/** Leniency moved since certification beyond the threshold: time to recertify. */
export function needsRecertification(
  atCertification: number | null,
  current: number | null,
  rules: Pick<CertificationRules, "recertifyWhenLeniencyMovesBeyond">,
): { drift: number; due: boolean } | null {
  if (current === null) return null;
  const drift = current - (atCertification ?? 0);
  return { drift, due: Math.abs(drift) > rules.recertifyWhenLeniencyMovesBeyond + 1e-12 };
}
