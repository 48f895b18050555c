// The aggregates the cross-candidate views read (db/schema.ts, "Aggregates kept current"),
// maintained inside the transaction of every write that changes submitted data. Each refresh
// recomputes the affected loop, candidate and interviewers from the source tables with the same
// SQL a full rebuild runs, so maintained and rebuilt aggregates are the same by construction (and
// a test checks it). Drafts never come here: nothing these tables hold depends on them.
// See docs/decisions/004-maintained-aggregates.md.
import { db, prepared } from "#app/utils/db.server";
import { loopFiguresFromTables } from "./loop-figures.server";

// Scopes are written as SQL conditions on a bound parameter, so one statement serves a single
// loop, candidate or interviewer, and the full rebuild passes a condition that is always true.
function statements(scope: "one" | "all") {
  const where = (column: string) => (scope === "one" ? `(${column} = @scope)` : "(1 = 1 or @scope is null)");
  return {
    deleteGroups: `delete from panel_rating_groups where ${where("loop_id")}`,
    deleteFigures: `delete from loop_figures where ${where("loop_id")}`,
    insertGroups: `insert into panel_rating_groups (loop_id, interviewer_id, dimension_key, sum, count, min, max)
      select i.loop_id, s.interviewer_id, r.dimension_key, sum(r.level), count(*), min(r.level), max(r.level)
      from interviews i
      join scorecards s on s.interview_id = i.id and s.status = 'submitted'
      join ratings r on r.scorecard_id = s.id and r.level is not null
      where ${where("i.loop_id")} and i.status != 'cancelled'
      group by i.loop_id, s.interviewer_id, r.dimension_key`,
    upsertTallies: `insert or replace into loop_tallies (loop_id, scheduled, submitted, yes, no, red_flags)
      select l.id,
        count(i.id),
        count(s.id),
        coalesce(sum(s.recommendation in ('yes', 'strong_yes')), 0),
        coalesce(sum(s.recommendation in ('no', 'strong_no')), 0),
        coalesce(sum((select count(*) from scorecard_signals ss
          join rubric_signals rs on rs.rubric_version_id = l.rubric_version_id and rs.key = ss.signal_key and rs.kind = 'red_flag'
          where ss.scorecard_id = s.id)), 0)
      from loops l
      left join interviews i on i.loop_id = l.id and i.status != 'cancelled'
      left join scorecards s on s.interview_id = i.id and s.status = 'submitted'
      where ${where("l.id")}
      group by l.id`,
    deleteVoices: `delete from rating_voices where ${where("candidate_id")}`,
    insertVoices: `insert into rating_voices (candidate_id, dimension_key, interviewer_id, sum, count)
      select l.candidate_id, g.dimension_key, g.interviewer_id, sum(g.sum), sum(g.count)
      from panel_rating_groups g join loops l on l.id = g.loop_id
      where ${where("l.candidate_id")}
      group by l.candidate_id, g.dimension_key, g.interviewer_id`,
    deleteUnits: `delete from agreement_units where ${where("candidate_id")}`,
    // A voice counts at its nearest level (half-up, as numbers.ts rounds): alpha's levels are categories.
    insertUnits: `insert into agreement_units (candidate_id, dimension_key, n1, n2, n3, n4)
      select candidate_id, dimension_key, sum(level = 1), sum(level = 2), sum(level = 3), sum(level = 4)
      from (select candidate_id, dimension_key, cast(sum * 1.0 / count + 0.5 as integer) as level
            from rating_voices where ${where("candidate_id")})
      group by candidate_id, dimension_key having count(*) > 1`,
    interviewersOfCandidate: `select interviewer_id as id from leniency_by_candidate where candidate_id = ?
      union select interviewer_id from rating_voices where candidate_id = ?`,
    deleteLeniency: `delete from leniency_by_candidate where ${where("candidate_id")}`,
    // leniency.ts, in SQL: each voice minus the mean of the other interviewers' voices on the unit.
    insertLeniency: `insert into leniency_by_candidate (interviewer_id, candidate_id, diff_sum, pairs)
      select v.interviewer_id, v.candidate_id,
        sum(v.sum * 1.0 / v.count - (u.total - v.sum * 1.0 / v.count) / (u.n - 1)), count(*)
      from rating_voices v
      join (select candidate_id, dimension_key, sum(sum * 1.0 / count) as total, count(*) as n
            from rating_voices where ${where("candidate_id")} group by candidate_id, dimension_key having count(*) > 1) u
        on u.candidate_id = v.candidate_id and u.dimension_key = v.dimension_key
      group by v.interviewer_id, v.candidate_id`,
    deleteTotals: `delete from interviewer_leniency where ${where("interviewer_id")}`,
    insertTotals: `insert into interviewer_leniency (interviewer_id, pairs, sum, sum_sq, sum_sn, sum_nsq, candidates)
      select interviewer_id, sum(pairs), sum(diff_sum), sum(diff_sum * diff_sum), sum(diff_sum * pairs), sum(pairs * pairs), count(*)
      from leniency_by_candidate where ${where("interviewer_id")} group by interviewer_id`,
    deleteLevels: `delete from interviewer_level_counts where ${where("interviewer_id")}`,
    insertLevels: `insert into interviewer_level_counts (interviewer_id, dimension_key, level, n)
      select s.interviewer_id, r.dimension_key, r.level, count(*)
      from scorecards s
      join interviews i on i.id = s.interview_id and i.status != 'cancelled'
      join ratings r on r.scorecard_id = s.id and r.level is not null
      where ${where("s.interviewer_id")} and s.status = 'submitted'
      group by s.interviewer_id, r.dimension_key, r.level`,
    deleteSubmissions: `delete from interviewer_submissions where ${where("interviewer_id")}`,
    // The median is the mean of the middle one or two delays: rows (n + 1) / 2 and (n + 2) / 2.
    insertSubmissions: `insert into interviewer_submissions (interviewer_id, scorecards, median_hours_to_submit, matched, decided)
      select m.who, m.n, m.median, coalesce(x.matched, 0), coalesce(x.decided, 0)
      from (
        select who, n, avg(hours) as median from (
          select who, hours, row_number() over (partition by who order by hours) as r, count(*) over (partition by who) as n
          from (select s.interviewer_id as who, (s.submitted_at - (i.scheduled_at + i.duration_minutes * 60000)) / 3600000.0 as hours
                from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
                where ${where("s.interviewer_id")} and s.status = 'submitted' and s.submitted_at is not null))
        where r in ((n + 1) / 2, (n + 2) / 2) group by who, n) m
      left join (
        select s.interviewer_id as who, count(*) as decided,
          sum((d.decision = 'hire' and s.recommendation in ('yes', 'strong_yes'))
              or (d.decision = 'no_hire' and s.recommendation in ('no', 'strong_no'))) as matched
        from scorecards s join interviews i on i.id = s.interview_id and i.status != 'cancelled'
        join decisions d on d.loop_id = i.loop_id and d.decision in ('hire', 'no_hire')
        where ${where("s.interviewer_id")} and s.status = 'submitted' and s.recommendation is not null
        group by s.interviewer_id) x on x.who = m.who`,
  };
}

/** The tables this module maintains: derived from the others, so they hold nothing of their own. */
export const DERIVED_TABLES = [
  "panel_rating_groups",
  "loop_figures",
  "loop_tallies",
  "rating_voices",
  "leniency_by_candidate",
  "interviewer_leniency",
  "agreement_units",
  "interviewer_level_counts",
  "interviewer_submissions",
  "aggregate_state",
];

const ONE = statements("one");
const ALL = statements("all");
const PER_INTERVIEWER = [
  ONE.deleteTotals,
  ONE.insertTotals,
  ONE.deleteLevels,
  ONE.insertLevels,
  ONE.deleteSubmissions,
  ONE.insertSubmissions,
];

/** The counter caches are keyed by; bumped with every change to what the views compute from. */
export function aggregatesVersion(): number {
  return (prepared("select version from aggregate_state where id = 1").get() as { version: number } | undefined)?.version ?? 0;
}

/** For writes that change a view's content but no aggregate (a candidate's name, a rubric version). */
export function touchAggregates() {
  prepared("update aggregate_state set version = version + 1 where id = 1").run();
}

/**
 * Recomputes everything that depends on one loop: its rating groups and tallies, its candidate's
 * voices and leniency evidence, and the leniency totals and level counts of every interviewer
 * involved before or after. Call inside the write's transaction.
 */
export function refreshLoopAggregates(loopId: number) {
  const loop = prepared("select candidate_id as candidateId from loops where id = ?").get(loopId) as { candidateId: number } | undefined;
  if (!loop) return;
  const before = interviewersOf(loop.candidateId);
  prepared(ONE.deleteGroups).run({ scope: loopId });
  prepared(ONE.insertGroups).run({ scope: loopId });
  prepared(ONE.upsertTallies).run({ scope: loopId });
  storeLoopFigures(loopId);
  prepared(ONE.deleteVoices).run({ scope: loop.candidateId });
  prepared(ONE.insertVoices).run({ scope: loop.candidateId });
  prepared(ONE.deleteUnits).run({ scope: loop.candidateId });
  prepared(ONE.insertUnits).run({ scope: loop.candidateId });
  prepared(ONE.deleteLeniency).run({ scope: loop.candidateId });
  prepared(ONE.insertLeniency).run({ scope: loop.candidateId });
  // Whoever sits on the loop now and whoever wrote one of its scorecards (an interview can change hands).
  const panel = (
    prepared(
      `select interviewer_id as id from interviews where loop_id = ?
       union select s.interviewer_id from scorecards s join interviews i on i.id = s.interview_id where i.loop_id = ?`,
    ).all(loopId, loopId) as { id: number }[]
  ).map((r) => r.id);
  for (const id of new Set([...before, ...interviewersOf(loop.candidateId), ...panel]))
    for (const text of PER_INTERVIEWER) prepared(text).run({ scope: id });
  touchAggregates();
}

/** The loop's raw figures, computed by the one recommendation function and kept with the loop. */
function storeLoopFigures(loopId: number) {
  const f = loopFiguresFromTables(loopId);
  if (!f) return;
  prepared(
    `insert or replace into loop_figures (loop_id, score, band_key, coverage, gates, dimension_scores) values (?, ?, ?, ?, ?, ?)`,
  ).run(
    loopId,
    f.score,
    f.band?.key ?? null,
    f.coverage,
    f.gates.map((g) => g.kind).join(","),
    JSON.stringify(Object.fromEntries(f.dimensions.map((d) => [d.key, d.score]))),
  );
}

function interviewersOf(candidateId: number): number[] {
  return (prepared(ONE.interviewersOfCandidate).all(candidateId, candidateId) as { id: number }[]).map((r) => r.id);
}

/** Rebuilds every aggregate from the source tables (after a seed, an import, or to check). */
export function rebuildAggregates() {
  const client = db().$client;
  client.transaction(() => {
    for (const text of [
      ALL.deleteGroups,
      ALL.deleteFigures,
      ALL.insertGroups,
      ALL.upsertTallies,
      ALL.deleteVoices,
      ALL.insertVoices,
      ALL.deleteUnits,
      ALL.insertUnits,
      ALL.deleteLeniency,
      ALL.insertLeniency,
      ALL.deleteTotals,
      ALL.insertTotals,
      ALL.deleteLevels,
      ALL.insertLevels,
      ALL.deleteSubmissions,
      ALL.insertSubmissions,
    ])
      client.prepare(text).run({ scope: null });
    for (const { id } of client.prepare("select id from loops").all() as { id: number }[]) storeLoopFigures(id);
    client.prepare("update aggregate_state set version = version + 1 where id = 1").run();
  })();
}

const caches = new WeakMap<object, Map<string, { version: number; value: unknown }>>();

/**
 * `compute()`, kept until the aggregates change (per database connection, so tests with fresh
 * databases never see each other's results). Drafts don't change the version, so they never
 * throw a cached view away.
 */
export function cachedByAggregates<T>(key: string, compute: () => T): T {
  const version = aggregatesVersion();
  const client = db().$client;
  let perDb = caches.get(client);
  if (!perDb) caches.set(client, (perDb = new Map()));
  const hit = perDb.get(key);
  if (hit?.version === version) return hit.value as T;
  const value = compute();
  perDb.set(key, { version, value });
  return value;
}

/**
 * Builds the aggregates once for a database that has data from before they existed (the
 * migration that adds them leaves the version at 0; every build or change moves it on).
 */
export function ensureAggregates() {
  if (aggregatesVersion() === 0) rebuildAggregates();
}
