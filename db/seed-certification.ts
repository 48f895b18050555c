// The demo's rater certification: every interviewer but Mei Lin Chen has rated each stage's gold
// samples and is certified (so booking them warns about nothing new), Mei has rated one system-design
// sample, with the usual trainee's mistake (4 for a design whose rollback came only when prompted),
// and so is not certified anywhere: scheduling her on a stage with gold samples warns. Kwame's
// certification was taken before his leniency grew, so the calibration page asks him to recertify.
// Grading: Aisha and Siobhán have graded the pre-graded code reviews and are certified to grade;
// Kwame has graded one and is not (booking him on a code review warns); the others haven't started.
import { eq } from "drizzle-orm";
import { getLeniencyTable } from "#app/models/calibration.server";
import { loadGoldSamples, saveGoldAttempt } from "#app/models/gold-sample.server";
import { saveGradingAttempt } from "#app/models/grading-sample.server";
import type { ScorecardValue } from "#app/models/scorecard-schema";
import { db } from "#app/utils/db.server";
import * as schema from "./schema";

const DAY = 24 * 3600_000;
const CERTIFIED_GRADERS = ["aisha@loopwise.test", "siobhan@loopwise.test"];
const CERTIFIED = ["aisha@loopwise.test", "tomasz@loopwise.test", "rafael@loopwise.test", "siobhan@loopwise.test", "kwame@loopwise.test"];

/** A rating of a sample: the expert's level moved by `shift` on the dimensions it names, kept in 1–4. */
function ratingOf(sample: typeof schema.goldSamples.$inferSelect, shift: Record<string, number> = {}): ScorecardValue {
  const rating: Record<string, "1" | "2" | "3" | "4"> = {};
  const evidence: Record<string, string> = {};
  for (const [key, r] of Object.entries(sample.expert.ratings)) {
    rating[key] = String(Math.min(4, Math.max(1, r.level + (shift[key] ?? 0)))) as "1" | "2" | "3" | "4";
    evidence[key] = `From the record: ${sample.title.toLowerCase()}.`;
  }
  return { rating, evidence, signals: [], note: {}, recommendation: sample.expert.recommendation, takeaways: "" };
}

export function seedCertification(now: Date) {
  loadGoldSamples({ now });
  const active = db().select().from(schema.goldSamples).where(eq(schema.goldSamples.active, true)).all();
  const samples = active.filter((s) => !s.review);
  const reviews = active.filter((s) => s.review);
  const leniency = getLeniencyTable();
  const person = (email: string) => db().select().from(schema.users).where(eq(schema.users.email, email)).get()!;
  CERTIFIED.forEach((email, i) => {
    const user = person(email);
    const at = new Date(now.getTime() - (200 - i * 3) * DAY);
    const current = leniency.get(user.id)?.leniency ?? null;
    samples.forEach((sample, j) => {
      // One rating in each person's set a level off the expert's, as real trainees are.
      const dims = Object.keys(sample.expert.ratings);
      const shift = (i + j) % 3 === 0 ? { [dims[(i + j) % dims.length]!]: j % 2 ? -1 : 1 } : {};
      saveGoldAttempt(user, {
        slug: sample.slug,
        value: ratingOf(sample, shift),
        submit: true,
        now: new Date(at.getTime() + j * 3600_000),
        // Kwame certified back when he rated like his colleagues.
        leniencyNow: email === "kwame@loopwise.test" ? 0.05 : current,
      });
    });
  });
  const mei = person("mei@loopwise.test");
  const first = samples.find((s) => s.slug === "sd-fraud-canary-prompted");
  if (first)
    saveGoldAttempt(mei, {
      slug: first.slug,
      value: ratingOf(first, { ml_system_design: 2 }),
      submit: true,
      now: new Date(now.getTime() - 3 * DAY),
      leniencyNow: leniency.get(mei.id)?.leniency ?? null,
    });

  // Graders: the expert's level on every focus dimension but one a level off, and the matched
  // comments confirmed, as a careful grader would.
  const graded = (sample: (typeof reviews)[number], shift: Record<string, number> = {}) => {
    const rating = ratingOf(sample, shift).rating as Record<string, string>;
    return { rating, decisions: { rejected: [], credited: [], fromSummary: [] } };
  };
  CERTIFIED_GRADERS.forEach((email, i) => {
    const user = person(email);
    reviews.forEach((sample, j) =>
      saveGradingAttempt(user, {
        slug: sample.slug,
        value: graded(sample, j === i ? { software_engineering: 1 } : {}),
        submit: true,
        now: new Date(now.getTime() - (40 - i * 5 - j) * DAY),
        leniencyNow: leniency.get(user.id)?.leniency ?? null,
      }),
    );
  });
  const kwame = person("kwame@loopwise.test");
  // The volume-without-judgement review, rewarded for its volume: two levels over on software engineering.
  const nits = reviews.find((s) => s.slug === "cr-fraud-many-nits");
  if (nits)
    saveGradingAttempt(kwame, {
      slug: nits.slug,
      value: graded(nits, { software_engineering: 2, data_quality: 1 }),
      submit: true,
      now: new Date(now.getTime() - 6 * DAY),
      leniencyNow: leniency.get(kwame.id)?.leniency ?? null,
    });
}
