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
import { historyStatements, rowId } from "./history-statements";
import { evidence, NOT_COVERED, personName } from "./history-text";
import { seededRandom, type Random } from "./random";

export const SIZES = { "1k": 1_000, "5k": 5_000, "20k": 20_000 } as const;
export type Size = keyof typeof SIZES;

export const BENCH_PASSWORD = "bench-password";
export const HIRING_MANAGER_EMAIL = "hm@bench.test";
const INTERVIEWERS = 44;
const EXERCISE_MINUTES = 180;

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

type Kind = "decided" | "in_progress" | "fresh";
type Interviewer = { id: number; email: string; leniency: number };

export async function generateHistory(db: Db, { candidates, now, seed = 42 }: { candidates: number; now: Date; seed?: number }) {
  const r = seededRandom(seed);
  const t = now.getTime();
  const plan = planFor(candidates);
  // The rubric and the kits existed before the first candidate.
  const founding = new Date(t - 800 * DAY);
  const rubricId = loadRubrics({ now: founding, database: db })[0]!.id;
  loadExercises({ now: founding, database: db });
  const shape = rubricShape(db, rubricId);
  const kits = db.$client.prepare("select id, slug, kind, stage from exercises where active = 1").all() as {
    id: number;
    slug: string;
    kind: string;
    stage: StageKey;
  }[];
  const hash = await hashPassword(BENCH_PASSWORD);
  const sql = historyStatements(db);
  const past = (stamp: number, what: string) => {
    if (stamp >= t) throw new Error(`history generator: ${what} at ${new Date(stamp).toISOString()} is not in the past`);
    return Math.floor(stamp);
  };
  const drafts: Draft[] = [];
  const owed: Owed[] = [];
  const reviews: RunningReview[] = [];
  const decided: number[] = [];
  let positionIds: number[] = [];
  let hm = 0;

  /** A submitted scorecard: every focus dimension rated, most others too; returns its mean level. */
  function submitted(interviewId: number, interviewer: Interviewer, focus: string[], ability: number, end: number) {
    const at = past(Math.min(end + r.between(1, 72) * HOUR, t - r.between(5, 60) * MINUTE), "submitted");
    const levels = shape.dimensions.map((d) =>
      focus.includes(d) || !r.chance(0.12) ? clamp(Math.round(ability + interviewer.leniency + r.between(-0.8, 0.8))) : null,
    );
    const rated = levels.filter((l): l is number => l !== null);
    const mean = rated.reduce((a, b) => a + b, 0) / rated.length;
    const recommendation = mean >= 3.4 ? "strong_yes" : mean >= 2.7 ? "yes" : mean >= 2 ? "no" : "strong_no";
    const scorecardId = rowId(
      sql.scorecard.run({
        interviewId,
        interviewerId: interviewer.id,
        rubricId,
        status: "submitted",
        recommendation,
        takeaways: evidence(r),
        submittedAt: at,
        createdAt: end,
        updatedAt: at,
      }),
    );
    shape.dimensions.forEach((dimension, i) =>
      sql.rating.run({
        scorecardId,
        dimension,
        level: levels[i],
        notAssessed: levels[i] === null ? 1 : 0,
        evidence: levels[i] === null ? NOT_COVERED : evidence(r),
      }),
    );
    if (r.chance(0.04)) sql.signal.run({ scorecardId, signal: r.pick(shape.redFlags), note: "Said monitoring was someone else's job." });
    return { mean, at };
  }

  /** A draft saved a while after the interview: the first focus dimensions rated, no recommendation. */
  function draft(interviewId: number, interviewer: Interviewer, focus: string[], end: number) {
    const createdAt = Math.floor(end + r.between(0, 60) * MINUTE);
    const updatedAt = past(Math.min(createdAt + r.between(0.1, 20) * HOUR, t - r.between(1, 30) * MINUTE), "draft saved");
    const scorecardId = rowId(
      sql.scorecard.run({
        interviewId,
        interviewerId: interviewer.id,
        rubricId,
        status: "draft",
        recommendation: null,
        takeaways: "",
        submittedAt: null,
        createdAt,
        updatedAt,
      }),
    );
    for (const dimension of focus.slice(0, r.int(1, focus.length)))
      sql.rating.run({ scorecardId, dimension, level: r.int(1, 4), notAssessed: 0, evidence: evidence(r) });
  }

  /** The candidate is doing the code-review exercise right now: started minutes ago, deadline hours ahead. */
  function exerciseRunning(candidateId: number, interviewId: number, kit: { id: number; slug: string }) {
    const issuedAt = past(t - r.between(1, 24) * HOUR, "link issued");
    const startedAt = past(t - r.between(1, 20) * MINUTE, "exercise started");
    const tokenId = uuidFrom(r);
    const linkExpiresAt = issuedAt + 7 * DAY;
    const deadlineAt = startedAt + EXERCISE_MINUTES * MINUTE;
    const assignmentId = rowId(
      sql.assignment.run({
        candidateId,
        interviewId,
        exerciseId: kit.id,
        tokenId,
        linkExpiresAt,
        minutes: EXERCISE_MINUTES,
        startedAt,
        deadlineAt,
        by: hm,
        issuedAt,
      }),
    );
    reviews.push({ assignmentId, tokenId, expiresAt: linkExpiresAt + EXERCISE_MINUTES * MINUTE, exerciseSlug: kit.slug });
  }

  /** One candidate's loop: 4–5 interviews, scorecards as far as time has got, a decision when it's old enough. */
  function loop(kind: Exclude<Kind, "fresh">, candidateId: number, positionId: number, added: number, panel: Interviewer[]) {
    const created = past(added + r.between(0.5, kind === "decided" ? 5 : 2) * DAY, "loop created");
    const loopId = rowId(sql.loop.run({ candidateId, rubricId, by: hm, at: created }));
    const ability = r.between(1.6, 3.9);
    const stages = r.chance(0.6) ? [...CORE_STAGES, "take_home" as const] : CORE_STAGES;
    const interviewers = distinct(r, panel, stages.length + 1);
    const means: number[] = [];
    let at = created;
    let lastSubmitted = created;
    stages.forEach((stage, s) => {
      at = workingHour(at + r.between(0.6, kind === "decided" ? 3 : 1.6) * DAY, r);
      const choices = kits.filter((k) => k.stage === stage);
      const kit = choices.length ? r.pick(choices) : null;
      const minutes = stage === "take_home" ? 240 : 45 + 15 * r.int(0, 2);
      const interviewer = interviewers[s]!;
      const slot = { loopId, stage, exerciseId: kit?.id ?? null, minutes, at: created };
      // Now and then a slot was cancelled and re-booked with someone else; it takes no scorecard.
      if (r.chance(0.03))
        sql.interview.run({ ...slot, interviewerId: interviewers.at(-1)!.id, scheduledAt: at - 3 * HOUR, status: "cancelled" });
      const end = at + minutes * MINUTE;
      const state =
        end > t - 2 * HOUR ? "upcoming" : kind === "decided" ? "submitted" : r.pick(["submitted", "submitted", "draft", "draft", "owed"]);
      const status = state === "submitted" ? "completed" : "scheduled";
      const interviewId = rowId(sql.interview.run({ ...slot, interviewerId: interviewer.id, scheduledAt: at, status }));
      const focus = shape.focus[stage] ?? [];
      if (state === "submitted") {
        const card = submitted(interviewId, interviewer, focus, ability, end);
        means.push(card.mean);
        lastSubmitted = Math.max(lastSubmitted, card.at);
      } else if (state === "draft") {
        draft(interviewId, interviewer, focus, end);
        drafts.push({ interviewId, interviewerEmail: interviewer.email, stage });
      } else if (state === "owed") {
        owed.push({ interviewId, interviewerEmail: interviewer.email, stage, candidateId, positionId });
      }
      if (kind === "in_progress" && kit?.kind === "code_review" && state !== "submitted") exerciseRunning(candidateId, interviewId, kit);
    });
    if (kind !== "decided") return;
    decided.push(candidateId);
    const decidedAt = Math.floor(lastSubmitted + r.between(0.5, 4) * DAY);
    if (decidedAt >= t - DAY || r.chance(0.06)) return; // still open, waiting for its debrief
    const score = means.reduce((a, b) => a + b, 0) / means.length;
    const decision = score >= 3 ? (r.chance(0.9) ? "hire" : "hold") : score >= 2.6 ? r.pick(["hire", "no_hire", "hold"]) : "no_hire";
    const band = score >= 3.5 ? "Strong hire" : score >= 3 ? "Hire" : score >= 2.5 ? "Lean no hire" : "No hire";
    sql.decision.run({ loopId, decision, score, band, by: hm, at: past(decidedAt, "decided") });
    sql.closeLoop.run({ loopId, at: decidedAt });
  }

  db.$client.transaction(() => {
    const founded = t - 760 * DAY;
    const user = (email: string, name: string, title: string, role: string) =>
      rowId(sql.user.run({ email, name, title, role, hash, at: founded }));
    hm = user(HIRING_MANAGER_EMAIL, "Harriet Mensah", "Director of ML", "hiring_manager");
    user("admin@bench.test", "Bench Admin", "People Ops", "admin");
    const panel = Array.from({ length: INTERVIEWERS }, (_, i) => {
      const email = `interviewer${String(i).padStart(2, "0")}@bench.test`;
      const { first, last } = personName(r);
      return { id: user(email, `${first} ${last} (${i})`, "ML Engineer", "interviewer"), email, leniency: r.between(-0.6, 0.6) };
    });
    positionIds = POSITIONS.map((p) => rowId(sql.position.run({ key: p.key, title: p.title, rubricId, at: founded })));

    // Candidates are inserted in the order they applied, so ids grow with time as in real use.
    const applicants: { kind: Kind; added: number }[] = [
      ...Array.from({ length: plan.decided }, () => ({ kind: "decided" as const, added: t - r.between(60, 730) * DAY })),
      ...Array.from({ length: plan.inProgress }, () => ({ kind: "in_progress" as const, added: t - r.between(6, 21) * DAY })),
      ...Array.from({ length: plan.fresh }, () => ({ kind: "fresh" as const, added: t - r.between(0.1, 5) * DAY })),
    ].sort((a, b) => a.added - b.added);
    applicants.forEach(({ kind, added }, n) => {
      const at = past(added, "candidate added");
      const positionId = positionIds[positionFor(r.next())]!;
      const { first, last } = personName(r);
      const email = `${first}.${last}.${n}@candidates.test`.toLowerCase();
      const source = r.pick(["referral", "inbound", "sourced", "agency", "internal"]);
      const candidateId = rowId(sql.candidate.run({ name: `${first} ${last}`, email, positionId, source, by: hm, at }));
      if (kind !== "fresh") loop(kind, candidateId, positionId, at, panel);
    });
  })();

  db.$client.exec("analyze");
  const count = (table: string, where = "1") =>
    (db.$client.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;
  return {
    rubric: shape,
    counts: {
      candidates: count("candidates"),
      loops: count("loops"),
      interviews: count("interviews"),
      submitted: count("scorecards", "status = 'submitted'"),
      drafts: drafts.length,
      owed: owed.length,
      ratings: count("ratings"),
      decisions: count("decisions"),
      runningReviews: reviews.length,
    },
    drafts: spreadAcrossInterviewers(drafts),
    owed,
    reviews,
    // A fixed sample of decided candidates, spread over the history, for the candidate page.
    candidatePages: decided.filter((_, i) => i % Math.max(1, Math.floor(decided.length / 64)) === 0).slice(0, 64),
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
