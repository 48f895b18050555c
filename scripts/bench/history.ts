// The synthetic hiring history the bench measures. Deterministic (seeded), shaped like a real
// team's: four positions, 44 interviewers with their own leniency, loops of 4–5 stages, mostly
// decided and submitted, plus work in progress for the load phases to act on: drafts to autosave,
// owed scorecards to submit and code-review exercises running. Every created, updated and
// submitted stamp is strictly before `now`; only upcoming interviews and deadlines lie ahead.
import type { Db } from "#app/utils/db.server";
import { loadExercises } from "#app/models/exercise.server";
import { loadRubrics } from "#app/models/rubric.server";
import { hashPassword } from "#app/utils/password.server";
import type { StageKey } from "#db/schema";
import { evidence, NOT_COVERED, personName } from "./history-text";
import { seededRandom, type Random } from "./random";

export const SIZES = { "1k": 1_000, "5k": 5_000, "20k": 20_000 } as const;
export type Size = keyof typeof SIZES;

export const BENCH_PASSWORD = "bench-password";
export const HIRING_MANAGER_EMAIL = "hm@bench.test";
export const INTERVIEWERS = 44;
export const EXERCISE_MINUTES = 180;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CORE_STAGES: StageKey[] = ["system_design", "debugging", "code_review", "leadership"];
const POSITIONS = [
  { key: "bench-platform", title: "Lead ML Engineer, ML Platform", share: 0.4 },
  { key: "bench-fraud", title: "Lead ML Engineer, Fraud", share: 0.3 },
  { key: "bench-search", title: "Lead ML Engineer, Search & Ranking", share: 0.2 },
  { key: "bench-applied", title: "Lead ML Engineer, Applied Research", share: 0.1 },
];

/**
 * How many candidates of each kind a size holds. Work in progress has a floor so that even the
 * small size has drafts, owed scorecards and running exercises for 100 concurrent sessions.
 */
export function planFor(candidates: number) {
  const inProgress = Math.max(250, Math.round(candidates * 0.08));
  const fresh = Math.round(candidates * 0.02);
  return { candidates, inProgress, fresh, decided: candidates - inProgress - fresh };
}

export type Draft = { interviewId: number; interviewerEmail: string; stage: StageKey };
export type Owed = Draft & { candidateId: number; positionId: number };
export type RunningReview = { assignmentId: number; tokenId: string; expiresAt: number; exerciseSlug: string };
export type RubricShape = { dimensions: string[]; focus: Record<string, string[]>; redFlags: string[] };

export type History = Awaited<ReturnType<typeof generateHistory>>;

export async function generateHistory(db: Db, { candidates, now, seed = 42 }: { candidates: number; now: Date; seed?: number }) {
  const r = seededRandom(seed);
  const sqlite = db.$client;
  const t = now.getTime();
  const plan = planFor(candidates);
  const [rubric] = loadRubrics({ now, database: db });
  loadExercises({ now, database: db });
  // The rubric and the kits existed before the first candidate.
  sqlite.prepare("update rubric_versions set created_at = ?").run(t - 800 * DAY);
  sqlite.prepare("update exercises set created_at = ?").run(t - 800 * DAY);
  const shape = rubricShape(db, rubric!.id);
  const kits = sqlite.prepare("select id, slug, kind, stage from exercises where active = 1").all() as {
    id: number;
    slug: string;
    kind: string;
    stage: StageKey;
  }[];
  const hash = await hashPassword(BENCH_PASSWORD);

  const past = (stamp: number, what: string) => {
    if (stamp >= t) throw new Error(`history generator: ${what} at ${new Date(stamp).toISOString()} is not in the past`);
    return stamp;
  };
  const sql = {
    user: sqlite.prepare(
      "insert into users (email, name, title, role, password_hash, time_zone, created_at, updated_at) values (?, ?, ?, ?, ?, 'UTC', ?, ?)",
    ),
    position: sqlite.prepare(
      "insert into positions (key, title, team, location, rubric_version_id, created_at) values (?, ?, 'Machine Learning', 'Remote', ?, ?)",
    ),
    candidate: sqlite.prepare(
      "insert into candidates (name, email, position_id, source, created_by_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
    ),
    loop: sqlite.prepare(
      "insert into loops (candidate_id, rubric_version_id, status, created_by_id, closed_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
    ),
    interview: sqlite.prepare(
      "insert into interviews (loop_id, stage, interviewer_id, exercise_id, scheduled_at, duration_minutes, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    scorecard: sqlite.prepare(
      "insert into scorecards (interview_id, interviewer_id, rubric_version_id, status, recommendation, takeaways, submitted_at, revision, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
    ),
    rating: sqlite.prepare("insert into ratings (scorecard_id, dimension_key, level, not_assessed, evidence) values (?, ?, ?, ?, ?)"),
    signal: sqlite.prepare("insert into scorecard_signals (scorecard_id, signal_key, note) values (?, ?, ?)"),
    decision: sqlite.prepare(
      "insert into decisions (loop_id, decision, rationale, score_at_decision, band_at_decision, decided_by_id, decided_at) values (?, ?, ?, ?, ?, ?, ?)",
    ),
    closeLoop: sqlite.prepare("update loops set status = 'closed', closed_at = ?, updated_at = ? where id = ?"),
    assignment: sqlite.prepare(
      "insert into assignments (candidate_id, interview_id, exercise_id, status, token_id, link_expires_at, time_limit_minutes, started_at, deadline_at, created_by_id, created_at, updated_at) values (?, ?, ?, 'started', ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
  };
  const id = (result: { lastInsertRowid: number | bigint }) => Number(result.lastInsertRowid);

  const drafts: Draft[] = [];
  const owed: Owed[] = [];
  const reviews: RunningReview[] = [];
  const decidedCandidates: number[] = [];
  let positionIds: number[] = [];

  sqlite.transaction(() => {
    const founded = t - 760 * DAY;
    const hm = id(sql.user.run(HIRING_MANAGER_EMAIL, "Harriet Mensah", "Director of ML", "hiring_manager", hash, founded, founded));
    sql.user.run("admin@bench.test", "Bench Admin", "People Ops", "admin", hash, founded, founded);
    const panel = Array.from({ length: INTERVIEWERS }, (_, i) => {
      const email = `interviewer${String(i).padStart(2, "0")}@bench.test`;
      const { first, last } = personName(r);
      const userId = id(sql.user.run(email, `${first} ${last} (${i})`, "ML Engineer", "interviewer", hash, founded, founded));
      return { id: userId, email, leniency: r.between(-0.6, 0.6) };
    });
    positionIds = POSITIONS.map((p) => id(sql.position.run(p.key, p.title, rubric!.id, founded)));

    // Candidates are inserted in the order they applied, so ids grow with time as in real use.
    const people = [
      ...Array.from({ length: plan.decided }, () => ({ kind: "decided" as const, added: t - r.between(60, 730) * DAY })),
      ...Array.from({ length: plan.inProgress }, () => ({ kind: "in_progress" as const, added: t - r.between(6, 21) * DAY })),
      ...Array.from({ length: plan.fresh }, () => ({ kind: "fresh" as const, added: t - r.between(0.1, 5) * DAY })),
    ].sort((a, b) => a.added - b.added);

    people.forEach((person, n) => {
      const added = Math.floor(past(person.added, "candidate added"));
      const positionId = positionIds[positionFor(r.next())]!;
      const { first, last } = personName(r);
      const source = r.pick(["referral", "inbound", "sourced", "agency", "internal"]);
      const candidateId = id(
        sql.candidate.run(`${first} ${last}`, `${first}.${last}.${n}@candidates.test`.toLowerCase(), positionId, source, hm, added, added),
      );
      if (person.kind === "fresh") return;

      const loopCreated = Math.floor(added + r.between(0.5, person.kind === "decided" ? 5 : 2) * DAY);
      const loopId = id(sql.loop.run(candidateId, rubric!.id, "open", hm, null, past(loopCreated, "loop created"), loopCreated));
      const ability = r.between(1.6, 3.9);
      const stages = r.chance(0.6) ? [...CORE_STAGES, "take_home" as const] : CORE_STAGES;
      const interviewers = distinct(r, panel, stages.length + 1);
      let at = loopCreated;
      let lastSubmitted = loopCreated;
      const means: number[] = [];

      stages.forEach((stage, s) => {
        at = workingHour(at + r.between(0.6, person.kind === "decided" ? 3 : 1.6) * DAY, r);
        const kitChoices = kits.filter((k) => k.stage === stage);
        const kit = kitChoices.length ? r.pick(kitChoices) : null;
        const minutes = stage === "take_home" ? 240 : 45 + 15 * r.int(0, 2);
        const interviewer = interviewers[s]!;
        if (r.chance(0.03)) {
          // A cancelled slot, re-booked with someone else: it takes no scorecard.
          const cancelled = at - 3 * HOUR;
          sql.interview.run(
            loopId,
            stage,
            interviewers.at(-1)!.id,
            kit?.id ?? null,
            cancelled,
            minutes,
            "cancelled",
            loopCreated,
            loopCreated,
          );
        }
        const end = at + minutes * MINUTE;
        const ended = end < t - 2 * HOUR;
        const state = !ended
          ? "upcoming"
          : person.kind === "decided"
            ? "submitted"
            : r.pick(["submitted", "submitted", "draft", "draft", "owed"]);
        const interviewId = id(
          sql.interview.run(
            loopId,
            stage,
            interviewer.id,
            kit?.id ?? null,
            at,
            minutes,
            state === "submitted" ? "completed" : "scheduled",
            loopCreated,
            loopCreated,
          ),
        );
        const focus = shape.focus[stage] ?? [];
        if (state === "submitted") {
          const submitted = Math.floor(Math.min(end + r.between(1, 72) * HOUR, t - r.between(5, 60) * MINUTE));
          const levels = shape.dimensions.map((d) =>
            focus.includes(d) || !r.chance(0.12) ? clamp(Math.round(ability + interviewer.leniency + r.between(-0.8, 0.8))) : null,
          );
          const rated = levels.filter((l): l is number => l !== null);
          const mean = rated.reduce((a, b) => a + b, 0) / rated.length;
          means.push(mean);
          const rec = mean >= 3.4 ? "strong_yes" : mean >= 2.7 ? "yes" : mean >= 2 ? "no" : "strong_no";
          const cardId = id(
            sql.scorecard.run(
              interviewId,
              interviewer.id,
              rubric!.id,
              "submitted",
              rec,
              evidence(r),
              past(submitted, "submitted"),
              end,
              submitted,
            ),
          );
          shape.dimensions.forEach((d, i) =>
            levels[i] === null ? sql.rating.run(cardId, d, null, 1, NOT_COVERED) : sql.rating.run(cardId, d, levels[i], 0, evidence(r)),
          );
          if (r.chance(0.04)) sql.signal.run(cardId, r.pick(shape.redFlags), "Said monitoring was someone else's job.");
          lastSubmitted = Math.max(lastSubmitted, submitted);
        } else if (state === "draft") {
          const created = end + r.between(0, 60) * MINUTE;
          const updated = Math.floor(Math.min(created + r.between(0.1, 20) * HOUR, t - r.between(1, 30) * MINUTE));
          const cardId = id(
            sql.scorecard.run(
              interviewId,
              interviewer.id,
              rubric!.id,
              "draft",
              null,
              "",
              null,
              Math.floor(created),
              past(updated, "draft updated"),
            ),
          );
          for (const d of focus.slice(0, r.int(1, focus.length))) sql.rating.run(cardId, d, r.int(1, 4), 0, evidence(r));
          drafts.push({ interviewId, interviewerEmail: interviewer.email, stage });
        } else if (state === "owed") {
          owed.push({ interviewId, interviewerEmail: interviewer.email, stage, candidateId, positionId });
        }
        if (person.kind === "in_progress" && stage === "code_review" && kit?.kind === "code_review" && state !== "submitted") {
          // The candidate is doing the exercise right now: started minutes ago, deadline hours ahead.
          const issued = Math.floor(t - r.between(1, 24) * HOUR);
          const started = Math.floor(t - r.between(1, 20) * MINUTE);
          const tokenId = uuidFrom(r);
          const linkExpiresAt = issued + 7 * DAY;
          const assignmentId = id(
            sql.assignment.run(
              candidateId,
              interviewId,
              kit.id,
              tokenId,
              linkExpiresAt,
              EXERCISE_MINUTES,
              started,
              started + EXERCISE_MINUTES * MINUTE,
              hm,
              past(issued, "link issued"),
              started,
            ),
          );
          reviews.push({ assignmentId, tokenId, expiresAt: linkExpiresAt + EXERCISE_MINUTES * MINUTE, exerciseSlug: kit.slug });
        }
      });

      if (person.kind !== "decided") return;
      decidedCandidates.push(candidateId);
      const decidedAt = Math.floor(lastSubmitted + r.between(0.5, 4) * DAY);
      if (decidedAt >= t - DAY || r.chance(0.06)) return; // still open, waiting for its debrief
      const score = means.reduce((a, b) => a + b, 0) / means.length;
      const decision = score >= 3 ? (r.chance(0.9) ? "hire" : "hold") : score >= 2.6 ? r.pick(["hire", "no_hire", "hold"]) : "no_hire";
      const band = score >= 3.5 ? "Strong hire" : score >= 3 ? "Hire" : score >= 2.5 ? "Lean no hire" : "No hire";
      sql.decision.run(loopId, decision, "Debriefed with the panel; see the scorecards.", score, band, hm, past(decidedAt, "decided"));
      sql.closeLoop.run(decidedAt, decidedAt, loopId);
    });
  })();

  sqlite.exec("analyze");
  const count = (q: string) => (sqlite.prepare(q).get() as { n: number }).n;
  return {
    now: t,
    rubric: shape,
    counts: {
      candidates: count("select count(*) as n from candidates"),
      loops: count("select count(*) as n from loops"),
      interviews: count("select count(*) as n from interviews"),
      submitted: count("select count(*) as n from scorecards where status = 'submitted'"),
      drafts: drafts.length,
      owed: owed.length,
      ratings: count("select count(*) as n from ratings"),
      decisions: count("select count(*) as n from decisions"),
      runningReviews: reviews.length,
    },
    drafts: spreadAcrossInterviewers(drafts),
    owed,
    reviews,
    // A fixed sample of decided candidates, spread over the history, for the candidate page.
    candidatePages: decidedCandidates.filter((_, i) => i % Math.max(1, Math.floor(decidedCandidates.length / 64)) === 0).slice(0, 64),
    largestPosition: positionIds[0]!,
  };
}

function rubricShape(db: Db, rubricVersionId: number): RubricShape {
  const sqlite = db.$client;
  const dimensions = (
    sqlite.prepare("select key from rubric_dimensions where rubric_version_id = ? order by sort_order").all(rubricVersionId) as {
      key: string;
    }[]
  ).map((d) => d.key);
  const stages = sqlite.prepare("select key, focus from rubric_stages where rubric_version_id = ?").all(rubricVersionId) as {
    key: string;
    focus: string;
  }[];
  const redFlags = sqlite
    .prepare("select key from rubric_signals where rubric_version_id = ? and kind = 'red_flag' order by sort_order")
    .all(rubricVersionId) as { key: string }[];
  return {
    dimensions,
    focus: Object.fromEntries(stages.map((s) => [s.key, JSON.parse(s.focus) as string[]])),
    redFlags: redFlags.map((s) => s.key),
  };
}

function positionFor(x: number) {
  let sum = 0;
  const i = POSITIONS.findIndex((p) => (sum += p.share) > x);
  return i < 0 ? POSITIONS.length - 1 : i;
}

const clamp = (level: number) => Math.max(1, Math.min(4, level));

function distinct<T>(r: Random, xs: readonly T[], n: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < n) chosen.add(r.pick(xs));
  return [...chosen];
}

/** A working hour (09:00–16:30 UTC) on the same day, or on the Monday after a weekend. */
function workingHour(stamp: number, r: Random) {
  const d = new Date(stamp);
  d.setUTCHours(r.int(9, 16), r.pick([0, 30]), 0, 0);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
}

function uuidFrom(r: Random) {
  const h = r.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/** Drafts ordered so that the first N belong to as many different interviewers as possible. */
function spreadAcrossInterviewers(drafts: Draft[]): Draft[] {
  const rank = new Map<string, number>();
  return drafts
    .map((d) => {
      const k = rank.get(d.interviewerEmail) ?? 0;
      rank.set(d.interviewerEmail, k + 1);
      return { d, k };
    })
    .sort((a, b) => a.k - b.k)
    .map((x) => x.d);
}
