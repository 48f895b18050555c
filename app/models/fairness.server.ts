// The monitor's data and the bias-audit reports. The only reader of self_identifications besides
// the candidate's own export: it joins the answers to outcomes inside one function and returns
// totals, with every cell under the threshold blanked before it leaves (not just hidden on the
// page), so no `.data` request or export can carry a small group's figures.
import { count, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { biasAuditReports, positions, users } from "#db/schema";
import { db } from "#app/utils/db.server";
import { recordAudit, type AuditActor } from "./audit.server";
import { DEFAULT_THRESHOLD } from "./fairness-stats";
import { CATEGORISATIONS, monitor, type CountedPerson, type Measure, type Monitor, type ShownGroup } from "./fairness";
import { STAGE_LABELS } from "./labels";
import { getRubricDetail } from "./rubric.server";

const DAY = 24 * 3600_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give dates as YYYY-MM-DD, like 2026-01-31")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && isoDate(new Date(`${s}T00:00:00Z`)) === s, "That date doesn't exist");

/** What the monitor is asked for: a position (or all), a period of application dates, a threshold. */
export function parseMonitorQuery(params: URLSearchParams, now: Date) {
  const known = ["position", "from", "to", "threshold"];
  for (const key of new Set(params.keys()))
    if (!known.includes(key))
      return { ok: false as const, message: `Unknown setting "${key.slice(0, 40)}". The monitor takes position, from, to and threshold.` };
  for (const key of known) if (params.getAll(key).length > 1) return { ok: false as const, message: `Give one ${key} at most.` };
  const schema = z
    .object({
      position: z.union([z.literal("all"), z.coerce.number().int().positive()], { error: "Choose a position from the list" }),
      from: DATE,
      to: DATE,
      threshold: z
        .string()
        .regex(/^\d{1,3}$/, "The threshold is a whole number, like 5")
        .transform(Number)
        .pipe(
          z
            .number()
            .min(DEFAULT_THRESHOLD, `The threshold can't go below ${DEFAULT_THRESHOLD}: smaller groups could single people out`)
            .max(50, "Keep the threshold at 50 or under"),
        ),
    })
    .refine((q) => q.from <= q.to, { message: "The period's start is after its end", path: ["to"] });
  const parsed = schema.safeParse({
    position: params.get("position") || "all",
    from: params.get("from") || isoDate(new Date(now.getTime() - 365 * DAY)),
    to: params.get("to") || isoDate(now),
    threshold: params.get("threshold") || String(DEFAULT_THRESHOLD),
  });
  if (!parsed.success) return { ok: false as const, message: parsed.error.issues[0]!.message };
  const q = parsed.data;
  if (q.position !== "all" && !db().select({ id: positions.id }).from(positions).where(eq(positions.id, q.position)).get())
    return { ok: false as const, message: "There is no such position; choose one from the list." };
  return {
    ok: true as const,
    query: { positionId: q.position === "all" ? null : q.position, from: q.from, to: q.to, threshold: q.threshold },
  };
}

export type MonitorQuery = Extract<ReturnType<typeof parseMonitorQuery>, { ok: true }>["query"];

type PersonRow = {
  loopId: number | null;
  rubricVersionId: number | null;
  sex: string | null;
  race: string | null;
  bandKey: string | null;
  dimensions: string | null;
  decision: string | null;
};
type ScorecardRow = { loopId: number; stage: string; interviewerId: number; recommendation: string | null; mean: number | null };

const HIRE_BANDS = ["strong_hire", "hire"];

/** Everyone who applied in the period (their latest loop), as the monitor counts them. */
function countedPeople(q: MonitorQuery): { people: CountedPerson[]; rubricVersionIds: number[] } {
  const from = Date.parse(`${q.from}T00:00:00Z`);
  const to = Date.parse(`${q.to}T00:00:00Z`) + DAY;
  const rows = db().all<PersonRow>(sql`
    select l.id as loopId, l.rubric_version_id as rubricVersionId, s.sex as sex, s.race_ethnicity as race,
      f.band_key as bandKey, f.dimension_scores as dimensions, d.decision as decision
    from candidates c
    left join self_identifications s on s.candidate_id = c.id
    left join loops l on l.id = (select max(l2.id) from loops l2 where l2.candidate_id = c.id)
    left join loop_figures f on f.loop_id = l.id
    left join decisions d on d.loop_id = l.id
    where c.created_at >= ${from} and c.created_at < ${to}
      and (${q.positionId} is null or c.position_id = ${q.positionId})`);
  const loopIds = rows.flatMap((r) => (r.loopId === null ? [] : [r.loopId]));
  const cards = db().all<ScorecardRow>(sql`
    select i.loop_id as loopId, i.stage as stage, sc.interviewer_id as interviewerId, sc.recommendation as recommendation,
      avg(r.level) as mean
    from scorecards sc join interviews i on i.id = sc.interview_id and i.status != 'cancelled'
    left join ratings r on r.scorecard_id = sc.id and r.level is not null
    where sc.status = 'submitted' and i.loop_id in (select value from json_each(${JSON.stringify(loopIds)}))
    group by sc.id`);
  const byLoop = new Map<number, ScorecardRow[]>();
  for (const c of cards) byLoop.set(c.loopId, [...(byLoop.get(c.loopId) ?? []), c]);
  const people = rows.map((r): CountedPerson => {
    const mine = r.loopId === null ? [] : (byLoop.get(r.loopId) ?? []);
    const stages: Record<string, boolean> = {};
    for (const c of mine) {
      const yes = c.recommendation === "yes" || c.recommendation === "strong_yes";
      stages[c.stage] = (stages[c.stage] ?? true) && yes;
    }
    const dims = r.dimensions ? (JSON.parse(r.dimensions) as Record<string, number | null>) : {};
    return {
      sex: r.sex,
      race: r.race,
      rubricVersion: r.rubricVersionId,
      stages,
      hireBand: r.bandKey === null ? null : HIRE_BANDS.includes(r.bandKey),
      hired: r.decision === null ? null : r.decision === "hire",
      dimensions: Object.fromEntries(Object.entries(dims).filter((e): e is [string, number] => typeof e[1] === "number")),
      ratings: mine.flatMap((c) => (c.mean === null ? [] : [{ interviewerId: c.interviewerId, stage: c.stage, mean: c.mean }])),
    };
  });
  return { people, rubricVersionIds: [...new Set(rows.flatMap((r) => (r.rubricVersionId === null ? [] : [r.rubricVersionId])))].sort() };
}

/** Blanks every figure of a suppressed cell, its count included, before it leaves the server. */
function suppress(m: Measure) {
  const byCategory = Object.fromEntries(
    Object.entries(m.byCategory).map(([by, rows]) => [
      by,
      rows.map((r) => (r.reported ? r : { ...r, n: null, selected: null, shortfall: null })),
    ]),
  ) as Record<keyof Measure["byCategory"], ShownGroup[]>;
  return { ...m, byCategory };
}

/** The monitor for a query: totals only, small cells blanked, raters by name. */
export function getMonitor(q: MonitorQuery) {
  const { people, rubricVersionIds } = countedPeople(q);
  const details = rubricVersionIds.map((id) => getRubricDetail(id)).filter((d) => d !== null);
  const stageKeys = [...new Set(details.flatMap((d) => d.stages.map((s) => s.key)))];
  const dims = new Map(details.flatMap((d) => d.dimensions.map((x) => [x.key, x.name] as const)));
  const m: Monitor = monitor({
    people,
    stages: stageKeys.map((key) => ({ key, label: STAGE_LABELS[key as keyof typeof STAGE_LABELS] ?? key })),
    dimensions: [...dims].map(([key, label]) => ({ key, label })),
    threshold: q.threshold,
  });
  const raterIds = [...new Set([...m.raters.interviewers, ...m.raters.graders].map((r) => r.raterId))];
  const names = new Map(
    db()
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(sql`${users.id} in (select value from json_each(${JSON.stringify(raterIds)}))`)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const named = (rs: Monitor["raters"]["interviewers"]) =>
    rs.map((r) => ({ ...r, name: names.get(r.raterId) ?? `User ${r.raterId}` })).sort((a, b) => a.name.localeCompare(b.name));
  return {
    ...m,
    selections: m.selections.map(suppress),
    scoring: m.scoring.map((s) => ({ ...suppress(s), median: s.median })),
    raters: { interviewers: named(m.raters.interviewers), graders: named(m.raters.graders) },
    rubricVersions: details.map((d) => ({ id: d.id, label: `${d.title} v${d.version}` })),
  };
}

export type MonitorData = ReturnType<typeof getMonitor>;

export function positionChoices() {
  return db().select({ id: positions.id, title: positions.title }).from(positions).orderBy(positions.title).all();
}

const positionLabel = (id: number | null) =>
  id === null
    ? "All positions"
    : (db().select({ title: positions.title }).from(positions).where(eq(positions.id, id)).get()?.title ?? `Position ${id}`);

/** A report's rows, in the shape NYC's rules for Local Law 144 lay out: per category, totals only. */
export function reportRows(m: MonitorData) {
  return [...m.selections, ...m.scoring].flatMap((measure) =>
    CATEGORISATIONS.flatMap(({ key, label }) =>
      measure.byCategory[key].map((r) => ({
        measure: measure.label,
        kind: measure.kind === "selection" ? "selection rate" : "scoring rate",
        categorisation: label,
        category: r.label,
        applicants: r.n,
        selected: r.selected,
        rate: r.rate,
        impact_ratio: r.impactRatio,
        fisher_p: r.fisher,
        mid_p: r.midP,
        note: !r.reported
          ? `suppressed: fewer than ${m.threshold}, or withheld so a smaller group can't be worked out`
          : r.key === "unknown"
            ? "unknown category: counted, not ranked"
            : r.isReference
              ? "most selected group"
              : "",
      })),
    ),
  );
}

/**
 * What a report says about itself, as LL144's rules ask an audit to: where the data came from and
 * what the tool does in the decision. Stored with the report, so a report keeps saying what was
 * true when it was produced.
 */
export const REPORT_SOURCE =
  "Historical data of this organisation, from Loopwise: candidates' voluntary self-identification (kept apart from their application; blank and 'prefer not to say' counted as unknown, never imputed), joined to their latest loop's submitted scorecards, weighted recommendation and recorded decision.";
export const REPORT_ASSISTS =
  "Loopwise structures the interviews and computes a weighted recommendation band from the panel's ratings; the hiring manager records the decision. Stages passed are the panel's recommendations; the band is computed; the hire is a person's decision.";

export type ReportContent = {
  position: string;
  source?: string;
  assists?: string;
  periodFrom: string;
  periodTo: string;
  threshold: number;
  rubricVersions: string[];
  applicants: number;
  unknownShare: Record<string, number | null>;
  rows: ReturnType<typeof reportRows>;
};

/** Produces a report: stored (totals only) and recorded in the audit log, in one transaction. */
export function produceReport(actor: AuditActor & { id: number }, q: MonitorQuery, now: Date): number {
  const m = getMonitor(q);
  const content: ReportContent = {
    position: positionLabel(q.positionId),
    source: REPORT_SOURCE,
    assists: REPORT_ASSISTS,
    periodFrom: q.from,
    periodTo: q.to,
    threshold: q.threshold,
    rubricVersions: m.rubricVersions.map((v) => v.label),
    applicants: m.applicants,
    unknownShare: Object.fromEntries(CATEGORISATIONS.map(({ key }) => [key, m.applicants ? m.unknown[key] / m.applicants : null])),
    rows: reportRows(m),
  };
  return db().transaction((tx) => {
    const row = tx
      .insert(biasAuditReports)
      .values({
        producedAt: now,
        producedById: actor.id,
        positionId: q.positionId,
        periodFrom: q.from,
        periodTo: q.to,
        threshold: q.threshold,
        content,
      })
      .returning({ id: biasAuditReports.id })
      .get();
    recordAudit(tx, {
      actor,
      at: now,
      action: "create",
      entityType: "bias_audit_report",
      entityId: row.id,
      summary: `Produced bias-audit report #${row.id}: ${content.position}, ${q.from} to ${q.to}, ${content.applicants} applicants`,
      after: { positionId: q.positionId, from: q.from, to: q.to, threshold: q.threshold },
    });
    return row.id;
  });
}

export const REPORTS_PAGE_SIZE = 20;

/** Produced reports, newest first, a page at a time: they are kept for years, so they add up. */
export function listReports({ offset }: { offset: number }) {
  const rows = db()
    .select({
      id: biasAuditReports.id,
      producedAt: biasAuditReports.producedAt,
      periodFrom: biasAuditReports.periodFrom,
      periodTo: biasAuditReports.periodTo,
      positionId: biasAuditReports.positionId,
      positionTitle: positions.title,
      producedBy: users.name,
    })
    .from(biasAuditReports)
    .innerJoin(users, eq(users.id, biasAuditReports.producedById))
    .leftJoin(positions, eq(positions.id, biasAuditReports.positionId))
    .orderBy(desc(biasAuditReports.id))
    .limit(REPORTS_PAGE_SIZE)
    .offset(offset)
    .all()
    .map(({ positionTitle, ...r }) => ({
      ...r,
      position: r.positionId === null ? "All positions" : (positionTitle ?? `Position ${r.positionId}`),
    }));
  const total = db().select({ n: count() }).from(biasAuditReports).get()?.n ?? 0;
  return { rows, total };
}

export function getReport(id: number) {
  const r = db()
    .select({ id: biasAuditReports.id, producedAt: biasAuditReports.producedAt, content: biasAuditReports.content, producedBy: users.name })
    .from(biasAuditReports)
    .innerJoin(users, eq(users.id, biasAuditReports.producedById))
    .where(eq(biasAuditReports.id, id))
    .get();
  return r ? { ...r, content: r.content as ReportContent } : null;
}

export const REPORT_COLUMNS = [
  "report_id",
  "position",
  "period_from",
  "period_to",
  "measure",
  "kind",
  "categorisation",
  "category",
  "applicants",
  "selected",
  "rate",
  "impact_ratio",
  "fisher_p",
  "mid_p",
  "note",
] as const;

/** A stored report as export rows: the report's own totals, each row naming its period. */
export function reportExportRows(id: number, content: ReportContent) {
  return content.rows.map((r) => ({
    report_id: id,
    position: content.position,
    period_from: content.periodFrom,
    period_to: content.periodTo,
    ...r,
  }));
}
