import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.candidates.$candidateId.edit";
import { CandidateForm } from "#app/components/candidate-form";
import { CandidateSchema } from "#app/models/candidate-schema";
import { candidateConflicts, getCandidate, listPositions, updateCandidate } from "#app/models/candidate.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requirePermission } from "#app/auth/session.server";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `Edit ${data?.candidate.name ?? "candidate"} · Loopwise` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  await requirePermission(request, "loops:manage");
  const candidate = getCandidate(idParam(params.candidateId)) ?? notFound("No such candidate");
  return { candidate, positions: listPositions() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const id = idParam(params.candidateId);
  if (!getCandidate(id)) notFound("No such candidate");
  const submission = parseWithZod(await readFormData(request), { schema: CandidateSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const fieldErrors = candidateConflicts(submission.value, id);
  if (fieldErrors) return data(submission.reply({ fieldErrors }), { status: 400 });
  updateCandidate(user, id, submission.value, requestTime(context));
  throw redirect(`/candidates/${id}`);
}

export default function EditCandidate({ loaderData, actionData }: Route.ComponentProps) {
  const { candidate, positions } = loaderData;
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${candidate.id}`}>{candidate.name}</Link> /
      </nav>
      <div className="page-header">
        <h1>Edit candidate</h1>
      </div>
      <CandidateForm
        lastResult={actionData}
        positions={positions}
        defaultValue={candidate}
        submitLabel="Save changes"
        cancelTo={`/candidates/${candidate.id}`}
      />
    </div>
  );
}
