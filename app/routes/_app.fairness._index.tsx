import { Form, Link, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/_app.fairness._index";
import { requirePermission } from "#app/auth/session.server";
import { FunnelChart, ImpactChart } from "#app/components/fairness/charts";
import { ImpactTable, type ImpactRow } from "#app/components/fairness/impact-table";
import { CATEGORISATIONS, type Categorisation } from "#app/models/fairness";
import { FOUR_FIFTHS } from "#app/models/fairness-stats";
import { getMonitor, listReports, parseMonitorQuery, positionChoices, produceReport, REPORTS_PAGE_SIZE } from "#app/models/fairness.server";
import { Pager } from "#app/components/ui/pager";
import { pageFrom } from "#app/utils/pagination";
import { formatFixed, formatPercent } from "#app/models/numbers";
import { ScrollRegion } from "#app/components/ui/scroll-region";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Fairness monitor · Loopwise" }];

export async function loader({ request, context }: Route.LoaderArgs) {
  await requirePermission(request, "fairness:read");
  const now = requestTime(context);
  const url = new URL(request.url);
  const parsed = parseMonitorQuery(url.searchParams, now);
  const positions = positionChoices();
  const page = pageFrom(url);
  const reports = { ...listReports({ offset: (page - 1) * REPORTS_PAGE_SIZE }), page, pageSize: REPORTS_PAGE_SIZE };
  if (!parsed.ok) return { problem: parsed.message, positions, reports, query: null, monitor: null };
  return { problem: null, positions, reports, query: parsed.query, monitor: getMonitor(parsed.query) };
}

/** Produces a bias-audit report for the query the page showed, then opens it. */
export async function action({ request, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "fairness:read");
  const now = requestTime(context);
  const form = await readFormData(request);
  const params = new URLSearchParams();
  for (const [key, value] of form) params.append(key, typeof value === "string" ? value : "");
  const parsed = parseMonitorQuery(params, now);
  if (!parsed.ok) return { problem: parsed.message };
  const id = produceReport(user, parsed.query, now);
  return redirect(`/fairness/reports/${id}`);
}

type Measure = { key: string; label: string; selectedMeans: string; byCategory: Record<Categorisation, ImpactRow[]>; total: { n: number } };

/** The groups worth a row in a picture: those reported at some step (the intersection has 22). */
function reportedGroups(measures: Measure[], by: Categorisation) {
  return new Set(measures.flatMap((m) => m.byCategory[by].filter((r) => r.reported).map((r) => r.key)));
}

function CategorySection({
  by,
  label,
  measures,
  threshold,
}: {
  by: Categorisation;
  label: string;
  measures: Measure[];
  threshold: number;
}) {
  const keep = reportedGroups(measures, by);
  const columns = measures.map((m) => ({ label: m.label, rows: m.byCategory[by].filter((r) => keep.has(r.key)) }));
  return (
    <section className="card" aria-labelledby={`by-${by}`}>
      <h2 id={`by-${by}`}>By {label.toLowerCase()}</h2>
      {keep.size === 0 ? (
        <p className="empty-state">Not enough data: no group has {threshold} or more people at any step.</p>
      ) : (
        <FunnelChart title={`Selection rate at each step, by ${label.toLowerCase()}`} columns={columns} />
      )}
      {measures.map((m) => {
        const rows = m.byCategory[by];
        const hasRatio = rows.some((r) => r.impactRatio !== null && !r.isReference);
        return (
          <div key={m.key} className="stack" style={{ marginTop: 16 }}>
            <h3>{m.label}</h3>
            <p className="small muted">
              Selected: {m.selectedMeans}. {m.total.n} people counted.
            </p>
            {m.total.n === 0 ? (
              <p className="muted small">Not enough data: nobody reached this step in the period.</p>
            ) : (
              <>
                {hasRatio && (
                  <ImpactChart title={`${m.label}: impact ratio by ${label.toLowerCase()}`} rows={rows.filter((r) => r.reported)} />
                )}
                <ImpactTable rows={rows} label={`${m.label} by ${label.toLowerCase()}`} threshold={threshold} />
              </>
            )}
          </div>
        );
      })}
    </section>
  );
}

function share(n: number, of: number) {
  return of ? `${n} (${formatPercent(n / of)})` : String(n);
}

export default function Fairness({ loaderData: d, actionData }: Route.ComponentProps) {
  const [params] = useSearchParams();
  const m = d.monitor;
  const q = d.query;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Fairness monitor</h1>
          <p>
            Whether the process treats groups of candidates alike, from candidates' voluntary self-identification. Totals only: no page
            shows one person's answers.
          </p>
        </div>
      </div>
      <Form method="get" className="card form" aria-label="What the monitor covers">
        <div className="fairness-filter">
          <div className="field">
            <label htmlFor="position">Position</label>
            <select id="position" name="position" className="select" defaultValue={params.get("position") ?? "all"}>
              <option value="all">All positions</option>
              {d.positions.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="from">Applied from</label>
            <input id="from" name="from" type="date" className="input" defaultValue={q?.from ?? params.get("from") ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="to">Applied to</label>
            <input id="to" name="to" type="date" className="input" defaultValue={q?.to ?? params.get("to") ?? ""} />
          </div>
          <button type="submit" className="btn">
            Show
          </button>
        </div>
      </Form>
      {d.problem && (
        <p className="form-error" role="alert">
          {d.problem}
        </p>
      )}
      {actionData?.problem && (
        <p className="form-error" role="alert">
          {actionData.problem}
        </p>
      )}
      {m && q && m.applicants === 0 && (
        <p className="card empty-state">
          No candidates applied in this period for this position. Choose a longer period or another position.
        </p>
      )}
      {m && q && m.applicants > 0 && (
        <div className="stack">
          <section className="card" aria-labelledby="summary-heading">
            <div className="row-between">
              <h2 id="summary-heading">Who is counted</h2>
              <Form method="post">
                <input type="hidden" name="position" value={q.positionId ?? "all"} />
                <input type="hidden" name="from" value={q.from} />
                <input type="hidden" name="to" value={q.to} />
                <input type="hidden" name="threshold" value={q.threshold} />
                <button type="submit" className="btn btn-primary">
                  Produce bias-audit report
                </button>
              </Form>
            </div>
            <ul>
              <li>
                {m.applicants} candidates applied between {q.from} and {q.to}; {share(m.answered, m.applicants)} answered at least one
                question.
              </li>
              {CATEGORISATIONS.map((c) => (
                <li key={c.key}>
                  Unknown {c.label.toLowerCase()} (left blank or "prefer not to say"): {share(m.unknown[c.key], m.applicants)}. Counted in
                  every total, never given a group.
                </li>
              ))}
              <li>Rubric versions: {m.rubricVersions.map((v) => v.label).join(", ") || "none yet"}.</li>
            </ul>
            <HowToRead threshold={m.threshold} />
          </section>
          {CATEGORISATIONS.map((c) => (
            <CategorySection key={c.key} by={c.key} label={c.label} measures={m.selections} threshold={m.threshold} />
          ))}
          <section className="card" aria-labelledby="scores-heading">
            <h2 id="scores-heading">Scores by dimension</h2>
            <p className="small muted">
              The scoring rate is the share of a group scoring above the median of everyone scored on the dimension (the definition in NYC's
              rules for Local Law 144); its impact ratio compares it with the highest group's.
            </p>
            {m.scoring.length === 0 && <p className="empty-state">Not enough data: no dimension scores in the period.</p>}
            {m.scoring.map((s) => (
              <details key={s.key} className="stack">
                <summary>
                  <strong>{s.label}</strong>{" "}
                  <span className="small muted">median {s.median === null ? "—" : formatFixed(s.median, 2)}</span>
                </summary>
                {CATEGORISATIONS.map((c) => (
                  <div key={c.key}>
                    <h3>{c.label}</h3>
                    <ImpactTable rows={s.byCategory[c.key]} label={`${s.label} by ${c.label.toLowerCase()}`} threshold={m.threshold} />
                  </div>
                ))}
              </details>
            ))}
          </section>
          <RaterGaps title="Interviewers" raters={m.raters.interviewers} threshold={m.threshold} />
          <RaterGaps title="Graders (code review and take-home)" raters={m.raters.graders} threshold={m.threshold} />
        </div>
      )}
      <section className="card" aria-labelledby="reports-heading" style={{ marginTop: 16 }}>
        <h2 id="reports-heading">Bias-audit reports produced</h2>
        {d.reports.total === 0 ? (
          <p className="empty-state">None yet. Choose a position and period above, then produce one.</p>
        ) : (
          <ul>
            {d.reports.rows.map((r) => (
              <li key={r.id}>
                <Link to={`/fairness/reports/${r.id}`}>
                  #{r.id}: {r.position}, <span className="nowrap">{r.periodFrom}</span> to <span className="nowrap">{r.periodTo}</span>
                </Link>{" "}
                <span className="small muted">
                  by {r.producedBy}, <span className="nowrap">{r.producedAt.toISOString().slice(0, 10)}</span>
                </span>
              </li>
            ))}
          </ul>
        )}
        <Pager page={d.reports.page} pageSize={d.reports.pageSize} total={d.reports.total} />
      </section>
    </>
  );
}

type Rater = {
  raterId: number;
  name: string;
  candidates: number;
  gaps: {
    by: string;
    group: string;
    label: string;
    n: number | null;
    rest: number | null;
    gap: { gap: number; low: number; high: number } | null;
  }[];
};

function RaterGaps({ title, raters, threshold }: { title: string; raters: Rater[]; threshold: number }) {
  const id = title.replace(/\W+/g, "-").toLowerCase();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}: rating gap between groups</h2>
      <p className="small muted">
        The mean rating (levels 1–4) this person gave a group's candidates minus the mean they gave everyone else of known category, with a
        95% interval (Welch's). An interval that includes 0 is not evidence of a gap. Shown only with {threshold} or more candidates on each
        side.
      </p>
      {raters.length === 0 ? (
        <p className="empty-state">Not enough data: no submitted scorecards in the period.</p>
      ) : (
        <ScrollRegion label={title}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="num">
                  Candidates
                </th>
                <th scope="col">Gap by group (95% interval)</th>
              </tr>
            </thead>
            <tbody>
              {raters.map((r) => (
                <tr key={r.raterId}>
                  <th scope="row">{r.name}</th>
                  <td className="num">{r.candidates}</td>
                  <td className="small">
                    {r.gaps.length === 0
                      ? "Not enough data"
                      : r.gaps.map((g) => (
                          <div key={`${g.by}-${g.group}`}>
                            {g.label}:{" "}
                            {g.gap
                              ? `${formatFixed(g.gap.gap, 2)} (${formatFixed(g.gap.low, 2)} to ${formatFixed(g.gap.high, 2)})`
                              : "not enough data"}
                          </div>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}

function HowToRead({ threshold }: { threshold: number }) {
  return (
    <details className="how-to-read">
      <summary>How to read these figures, and their limits</summary>
      <ul className="small">
        <li>
          <strong>Selection rate</strong>: of a group's people counted at a step, the share selected there.
        </li>
        <li>
          <strong>Impact ratio</strong>: a group's rate divided by the most selected group's. Under {formatFixed(FOUR_FIFTHS, 1)} (the
          four-fifths rule) is the conventional sign of adverse impact; it is a screen, not a finding.
        </li>
        <li>
          <strong>Mid-p and Fisher p</strong>: exact two-sided tests of the group against the most selected group. Counts in a hiring funnel
          are small, so the tests are exact; Fisher's is conservative, the mid-p less so. A small p says the gap is unlikely to be chance
          alone; a large one does not say there is no gap.
        </li>
        <li>
          <strong>Shortfall</strong>: how many more of the group would have been selected at the overall rate (negative: more were
          selected).
        </li>
        <li>
          <strong>One decision</strong>: whether a single decision made the other way would move the ratio across 0.8. If it would, the
          conclusion rests on one person.
        </li>
        <li>
          Groups with fewer than {threshold} people are <strong>suppressed</strong>: their figures are withheld so no one can be singled
          out. Unknown (left blank or "prefer not to say") is counted in every total but never ranked. Nothing is imputed.
        </li>
      </ul>
    </details>
  );
}
