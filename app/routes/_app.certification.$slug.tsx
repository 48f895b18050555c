import { data, Link, redirect, type ShouldRevalidateFunction } from "react-router";
import type { Route } from "./+types/_app.certification.$slug";
import { STAGE_LABELS } from "#app/models/labels";
import { ScorecardForm } from "#app/components/scorecard-form";
import type { ScorecardDefaults } from "#app/models/scorecard-defaults";
import { RaterGuidance } from "#app/components/rater-guidance";
import { RECOMMENDATION_LABELS } from "#app/models/scorecard-schema";
import { ExpertVerdict } from "#app/components/expert-comparison";
import { certificationStatus, getGoldSampleFor, saveGoldAttempt } from "#app/models/gold-sample.server";
import { getLeniencyTable } from "#app/models/calibration.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { formatPercent } from "#app/models/numbers";
import { requirePermission } from "#app/auth/session.server";
import { notFound, readFormData } from "#app/utils/http.server";
import { requestTime } from "#app/utils/clock.server";
import { answerScorecardPost, saveBaseOf, scorecardRefusal, shapeFor, type ScorecardPostAnswer } from "#app/models/scorecard-form";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Gold sample: ${data.sample.title} · Loopwise` : "Gold sample · Loopwise" },
];

function load(userId: number, slug: string | undefined) {
  const found = (slug && getGoldSampleFor(userId, slug)) || notFound("No such gold sample");
  // A pre-graded code review is graded on the grading view, not rated on the scorecard form.
  if (found.sample.review) throw redirect(`/certification/grading/${found.sample.slug}`);
  const rubric = getRubricDetail(found.sample.rubricVersionId) ?? notFound("Rubric version missing");
  return { ...found, rubric, shape: shapeFor(rubric, found.sample.stage) };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requirePermission(request, "certification:own");
  const { sample, attempt, review, rubric, shape } = load(user.id, params.slug);
  const value = (attempt?.value ?? {}) as Partial<ScorecardDefaults> & { signals?: string[] };
  const defaults: ScorecardDefaults = {
    rating: value.rating ?? {},
    evidence: value.evidence ?? {},
    signals: value.signals ?? [],
    note: value.note ?? {},
    recommendation: value.recommendation ?? "",
    takeaways: value.takeaways ?? "",
  };
  const stageStatus = certificationStatus([user.id]).get(user.id)?.get(sample.stage) ?? null;
  return {
    sample: {
      slug: sample.slug,
      title: sample.title,
      stage: sample.stage,
      setting: sample.setting,
      account: sample.account.split("\n\n"),
    },
    rubric: {
      title: rubric.title,
      version: rubric.version,
      dimensions: rubric.dimensions,
      signals: rubric.signals,
      raterGuidance: rubric.raterGuidance,
    },
    shape,
    defaults,
    revision: attempt?.revision ?? 0,
    status: attempt?.status ?? null,
    // The expert's side exists in this reply only once the asker has submitted their own rating.
    review: review && {
      ratedBy: review.expert.ratedBy,
      summary: review.expert.summary,
      expertRecommendation: RECOMMENDATION_LABELS[review.expert.recommendation],
      yourRecommendation:
        typeof value.recommendation === "string" && value.recommendation in RECOMMENDATION_LABELS
          ? RECOMMENDATION_LABELS[value.recommendation as keyof typeof RECOMMENDATION_LABELS]
          : "none",
      comparison: review.comparison.map((c) => ({
        ...c,
        name: rubric.dimensions.find((x) => x.key === c.dimensionKey)?.name ?? c.dimensionKey,
      })),
    },
    stageStatus: stageStatus && {
      certified: stageStatus.certified,
      rated: stageStatus.rated,
      share: stageStatus.share,
      missing: stageStatus.missing,
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "certification:own");
  const { sample, attempt, shape } = load(user.id, params.slug);
  const formData = await readFormData(request);
  const now = requestTime(context);
  const answer = (a: ScorecardPostAnswer) => {
    if (a.submitted) throw redirect(`/certification/${sample.slug}?submitted=1`);
    // A save that worked answers plainly (an autosave's answer is only its status line).
    return a.status === 200 ? a.body : data(a.body, { status: a.status });
  };
  if (attempt?.status === "submitted")
    return answer(scorecardRefusal("You have already submitted your rating of this sample; it can't change now.", 409));
  const base = saveBaseOf(formData);
  if (base === null)
    return answer(scorecardRefusal("This page's copy of your rating can't be read. Reload the page; what was saved is safe.", 400));
  // As on a real scorecard: a refused submit still keeps what is valid as a draft.
  return answer(
    answerScorecardPost({
      formData,
      shape,
      salvage: true,
      timeZone: user.timeZone,
      save: (value, asSubmit) =>
        saveGoldAttempt(user, {
          slug: sample.slug,
          value,
          submit: asSubmit,
          now,
          base,
          leniencyNow: getLeniencyTable().get(user.id)?.leniency ?? null,
        }),
    }),
  );
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export default function GoldSamplePage({ loaderData: d, actionData }: Route.ComponentProps) {
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/certification">Certification</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Gold sample: {d.sample.title}</h1>
          <p>
            {STAGE_LABELS[d.sample.stage]} · rated on rubric {d.rubric.title} v{d.rubric.version}
          </p>
        </div>
        {d.status === "submitted" ? <span className="badge badge-ok">Submitted</span> : null}
      </div>
      {d.review ? (
        <ExpertVerdict
          comparison={d.review.comparison}
          stageStatus={d.stageStatus}
          stageLabel={STAGE_LABELS[d.sample.stage]}
          ratedBy={d.review.ratedBy}
          summary={d.review.summary}
        >
          <p className="small">
            Overall recommendation: yours {d.review.yourRecommendation}, the expert's {d.review.expertRecommendation}.
          </p>
          {d.review.comparison.every((c) => c.within) ? null : (
            <p className="small muted">
              {formatPercent(d.review.comparison.filter((c) => c.within).length / d.review.comparison.length)} agreement on this sample.
            </p>
          )}
        </ExpertVerdict>
      ) : null}
      <section className="card gold-record" aria-labelledby="record-heading">
        <h2 id="record-heading">The interview record</h2>
        <p className="small muted">{d.sample.setting}</p>
        {d.sample.account.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </section>
      {d.review ? null : (
        <>
          <p className="small muted">
            Rate it as you would a candidate you interviewed: the focus dimensions count towards certification. The expert's ratings and
            reasons appear here once you submit.
          </p>
          <RaterGuidance guidance={d.rubric.raterGuidance} />
          <ScorecardForm
            shape={d.shape}
            dimensions={d.rubric.dimensions}
            signals={d.rubric.signals}
            defaults={d.defaults}
            lastResult={actionData && "status" in actionData ? actionData : undefined}
            submitted={false}
            lastSavedLabel={d.status === "draft" ? "Draft saved" : null}
            submitBlockedReason={null}
            suggestions={{}}
            revision={d.revision}
            lastSave={actionData?.autosave}
            entered={null}
            onLoadOther={() => window.location.reload()}
            onDismissEntered={() => undefined}
          />
        </>
      )}
    </>
  );
}
