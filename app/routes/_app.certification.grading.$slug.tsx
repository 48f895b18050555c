import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.certification.grading.$slug";
import { GradingForm } from "#app/components/code-review/grading-form";
import { GradingRatings } from "#app/components/code-review/grading-ratings";
import { ExpertVerdict } from "#app/components/expert-comparison";
import { CERTIFICATION_LABELS } from "#app/models/labels";
import { certificationStatus, GOLD_ALREADY_SUBMITTED } from "#app/models/gold-sample.server";
import { getGradingSampleFor, movedValue, parseGradingRatings, saveGradingAttempt } from "#app/models/grading-sample.server";
import { getLeniencyTable } from "#app/models/calibration.server";
import { saveBaseOf } from "#app/models/scorecard-form";
import { requirePermission } from "#app/auth/session.server";
import { notFound, readFormData } from "#app/utils/http.server";
import { requestTime } from "#app/utils/clock.server";
import { parseGradeForm, parseMove } from "#app/models/grade-form";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Pre-graded code review: ${data.sample.title} · Loopwise` : "Pre-graded code review · Loopwise" },
];

function load(userId: number, slug: string | undefined) {
  const view = (slug && getGradingSampleFor(userId, slug)) || notFound("No such pre-graded code review");
  const dimensions = view.rubric?.dimensions ?? [];
  const focus = view.focus.map((key) => dimensions.find((d) => d.key === key)).filter((d) => d !== undefined);
  return { view, dimensions, focus };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "certification:grading");
  const { view, dimensions, focus } = load(user.id, params.slug);
  const status = certificationStatus([user.id]).get(user.id)?.get("code_review") ?? null;
  const names = Object.fromEntries(dimensions.map((d) => [d.key, d.name]));
  return {
    sample: { slug: view.sample.slug, title: view.sample.title, setting: view.sample.setting },
    exercise: view.exercise,
    rubric: view.rubric && { title: view.rubric.title, version: view.rubric.version },
    summary: view.summary,
    verdict: view.verdict,
    grading: {
      ...view.grading,
      keyVersion: null,
      gradedBy: view.grading.decisions && view.attempt ? { name: "you", at: view.attempt.updatedAt } : null,
    },
    dimensionNames: names,
    focus: focus.map((d) => ({ key: d.key, name: d.name, levels: d.levels })),
    chosen: view.attempt?.value.rating ?? {},
    revision: view.attempt?.revision ?? 0,
    status: view.attempt?.status ?? null,
    expert: view.expert && {
      ratedBy: view.expert.ratedBy,
      summary: view.expert.summary,
      comparison: view.expert.comparison.map((c) => ({ ...c, name: names[c.dimensionKey] ?? c.dimensionKey })),
    },
    stageStatus: status && { certified: status.certified, missing: status.missing },
    justSaved: new URL(request.url).searchParams.get("saved") === "1",
  };
}

type Answer = { error?: string; undecided: string[]; ratingErrors: Record<string, string>; moved: boolean };
const refuse = (error: string, status: number, more: Partial<Answer> = {}) =>
  data<Answer>({ error, undecided: [], ratingErrors: {}, moved: false, ...more }, { status });

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "certification:grading");
  const { view, focus } = load(user.id, params.slug);
  const now = requestTime(context);
  if (view.attempt?.status === "submitted") return refuse(GOLD_ALREADY_SUBMITTED, 409);
  const form = await readFormData(request);
  const base = saveBaseOf(form);
  if (!base) return refuse("This page's copy of your grade can't be read. Reload the page; what was saved is safe.", 400);
  const intent = String(form.get("intent") ?? "grade");
  const save = (value: Parameters<typeof saveGradingAttempt>[1]["value"], submit: boolean) =>
    saveGradingAttempt(user, {
      slug: view.sample.slug,
      value,
      submit,
      now,
      base,
      leniencyNow: getLeniencyTable().get(user.id)?.leniency ?? null,
    });

  if (intent.startsWith("move.")) {
    const move = parseMove(form, intent);
    if (!move) return refuse("Choose where the comment belongs, then Move.", 400);
    const moved = movedValue(view, move);
    if (!moved.ok) return refuse(moved.message, 400);
    const saved = save(moved.value, false);
    return saved.ok ? { error: undefined, undecided: [], ratingErrors: {}, moved: true } : refuse(saved.message, 409);
  }
  if (intent !== "grade" && intent !== "submit") return refuse("Save the grade or submit it.", 400);
  const submit = intent === "submit";
  const parsed = parseGradeForm(form, {
    matchedDefectIds: view.matchedDefectIds,
    judgementIds: view.judgementIds,
    unmatchedCommentIds: view.grading.unmatched,
    dimensions: (view.rubric?.dimensions ?? []).map((d) => d.key),
  });
  const ratings = parseGradingRatings(form, focus, submit);
  const ratingErrors = ratings.ok ? {} : ratings.errors;
  if ("error" in parsed || !ratings.ok)
    return refuse("error" in parsed ? parsed.error : "Choose a level for each dimension, then submit.", 400, {
      undecided: "error" in parsed ? (parsed.undecided ?? []) : [],
      ratingErrors,
    });
  const saved = save({ ...view.attempt?.value, decisions: parsed.decisions, rating: ratings.rating }, submit);
  if (!saved.ok) return refuse(saved.message, 409);
  throw redirect(`/certification/grading/${view.sample.slug}?${submit ? "submitted" : "saved"}=1`);
}

export default function GradingSamplePage({ loaderData: d, actionData }: Route.ComponentProps) {
  const submitted = d.status === "submitted";
  const suggested = Object.fromEntries(Object.entries(d.grading.suggestions).map(([k, s]) => [k, s.level]));
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/certification">Certification</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Pre-graded code review: {d.sample.title}</h1>
          <p>
            {d.exercise.title} · PR #{d.exercise.pr.number} · rated on rubric {d.rubric?.title} v{d.rubric?.version}
          </p>
        </div>
        {submitted ? <span className="badge badge-ok">Submitted</span> : null}
      </div>
      {d.expert ? (
        <ExpertVerdict
          comparison={d.expert.comparison}
          stageStatus={d.stageStatus}
          stageLabel={CERTIFICATION_LABELS.code_review.toLowerCase()}
          ratedBy={d.expert.ratedBy}
          summary={d.expert.summary}
          tableLabel="Your ratings and the expert's, by dimension"
        />
      ) : null}
      <section className="card" aria-labelledby="setting-heading">
        <h2 id="setting-heading">{submitted ? "The review you graded" : "The review to grade"}</h2>
        <p className="small muted">{d.sample.setting}</p>
        {submitted ? null : (
          <p className="small">
            Grade it as you would a candidate's review: confirm or reject each matched comment, credit the summary and any valid finding
            outside the key, save the grade to see the suggested ratings, then rate and submit. The expert's ratings and reasons appear here
            once you submit; a submitted grade can't change.
          </p>
        )}
      </section>
      <GradingForm
        review={d.grading}
        summary={d.summary}
        verdict={d.verdict}
        dimensionNames={d.dimensionNames}
        isGrader={!submitted}
        justGraded={d.justSaved}
        gradedMessage="Grade saved as a draft. The suggested ratings are beside your ratings below; you decide them, then submit."
        justMoved={Boolean(actionData?.moved)}
        error={actionData?.error}
        undecided={actionData?.undecided ?? []}
      >
        {submitted ? null : (
          <>
            <input type="hidden" name="revision" value={d.revision} />
            <GradingRatings dimensions={d.focus} chosen={d.chosen} suggested={suggested} errors={actionData?.ratingErrors ?? {}} />
            <div className="form-actions">
              <button type="submit" name="intent" value="submit" className="btn btn-primary">
                Submit grade and ratings
              </button>
            </div>
          </>
        )}
      </GradingForm>
    </>
  );
}
