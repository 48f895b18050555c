import { Link } from "react-router";
import type { Route } from "./+types/_app.certification._index";
import { CERTIFICATION_LABELS } from "#app/models/labels";
import { certificationRules, certificationStatus, listGoldSamplesFor } from "#app/models/gold-sample.server";
import { formatPercent } from "#app/models/numbers";
import { requirePermission } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";

export const meta: Route.MetaFunction = () => [{ title: "Certification · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requirePermission(request, "certification:own");
  const rules = certificationRules();
  const samples = listGoldSamplesFor(user.id);
  const status = [...(certificationStatus([user.id]).get(user.id)?.values() ?? [])];
  return {
    rules: { withinLevels: rules.withinLevels, minShare: rules.minShare, minSamples: rules.minSamples },
    stages: status.map((s) => ({ ...s, samplesOfStage: samples.filter((x) => x.stage === s.stage) })),
    timeZone: user.timeZone,
  };
}

export default function Certification({ loaderData: d }: Route.ComponentProps) {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Certification</h1>
          <p>
            Before your first loop for a stage, rate its gold samples on the scorecard form: real-sounding interview records an expert has
            rated against the rubric. You are certified for the stage when your ratings are within {d.rules.withinLevels} level of the
            expert's on at least {formatPercent(d.rules.minShare)} of the focus dimensions over at least {d.rules.minSamples} samples. After
            you submit, you see where you differed and why the expert rated as they did. Your answers are yours: colleagues and the hiring
            team see only whether you are certified.
          </p>
          <p>
            Graders certify the same way on pre-graded code reviews: a candidate's review of one of the pull-request exercises, graded on
            the real grading view and rated on the code-review stage's focus dimensions, under the same rule.
          </p>
        </div>
      </div>
      {d.stages.length === 0 ? (
        <p className="card empty-state">No gold samples are loaded yet, so no stage asks for certification.</p>
      ) : (
        <div className="stack">
          {d.stages.map((s) => (
            <section key={s.stage} className="card" aria-labelledby={`stage-${s.stage}`}>
              <div className="card-header">
                <h2 id={`stage-${s.stage}`}>{CERTIFICATION_LABELS[s.stage]}</h2>
                {s.certified ? (
                  <span className="badge badge-ok">Certified {s.certifiedAt ? formatDateTime(s.certifiedAt, d.timeZone) : ""}</span>
                ) : (
                  <span className="badge badge-warn">Not certified yet</span>
                )}
              </div>
              <p className="small muted">
                {s.certified
                  ? `Certified on ${s.rated} sample${s.rated === 1 ? "" : "s"}: ${formatPercent(s.share ?? 0)} of focus dimensions within a level of the expert.`
                  : s.missing}
              </p>
              <ul className="list">
                {s.samplesOfStage.map((x) => (
                  <li key={x.slug} className="row">
                    <Link to={x.kind === "grading" ? `/certification/grading/${x.slug}` : `/certification/${x.slug}`}>{x.title}</Link>{" "}
                    {x.status === "submitted" ? (
                      <span className="badge badge-ok">{x.kind === "grading" ? "Graded" : "Rated"}: see the expert's reasons</span>
                    ) : x.status === "draft" ? (
                      <span className="badge badge-warn">Draft</span>
                    ) : (
                      <span className="badge">{x.kind === "grading" ? "Not graded" : "Not rated"}</span>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
