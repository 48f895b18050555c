// What the calibration page adds from certification: each interviewer's status per stage with
// gold samples and their leniency's drift since certification, and whether the rater-candidate
// network is connected (on live loops alone, and with the gold samples as a common link).
import { eq } from "drizzle-orm";
import { goldAttempts, goldSamples, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { needsRecertification } from "./certification";
import { certificationRules, certificationStatus } from "./gold-sample.server";
import { getLeniencyTable, raterCandidatePairs } from "./calibration.server";
import { raterGroups, type RatedItem } from "./rater-network";

export function calibrationCertification(peopleIds: number[]) {
  const rules = certificationRules();
  const leniency = getLeniencyTable();
  const status = certificationStatus(peopleIds);
  const people = peopleIds.map((id) => {
    const stages = [...(status.get(id)?.values() ?? [])];
    const current = leniency.get(id)?.leniency ?? null;
    const certified = stages.filter((s) => s.certified);
    // Drift from the earliest certification: the longest stretch the leniency had to move.
    const baseline = certified.length ? (certified.map((s) => s.leniencyAtCertification).find((l) => l !== null) ?? null) : null;
    const drift = certified.length ? needsRecertification(baseline, current, rules) : null;
    return {
      id,
      stages: stages.map((s) => ({ stage: s.stage, certified: s.certified, missing: s.missing })),
      drift: drift && { value: drift.drift, due: drift.due },
    };
  });
  const live: RatedItem[] = raterCandidatePairs().map((v) => ({ raterId: v.interviewerId, item: `c${v.candidateId}` }));
  const gold: RatedItem[] = db()
    .select({ raterId: goldAttempts.userId, item: goldSamples.slug })
    .from(goldAttempts)
    .innerJoin(goldSamples, eq(goldSamples.id, goldAttempts.sampleId))
    .where(eq(goldAttempts.status, "submitted"))
    .all()
    .map((g) => ({ raterId: g.raterId, item: `gold:${g.item}` }));
  const names = new Map(
    db()
      .select({ id: users.id, name: users.name })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const named = (groups: number[][]) => groups.map((g) => g.map((id) => names.get(id) ?? `#${id}`));
  return {
    people,
    threshold: rules.recertifyWhenLeniencyMovesBeyond,
    network: {
      live: named(raterGroups(peopleIds, live)),
      withGold: named(raterGroups(peopleIds, [...live, ...gold])),
    },
  };
}
