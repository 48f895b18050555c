import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.candidates.new";
import { CandidateForm } from "#app/components/candidate-form";
import { CandidateSchema } from "#app/models/candidate-schema";
import { candidateConflicts, createCandidate, listPositions } from "#app/models/candidate.server";
import { requirePermission } from "#app/auth/session.server";
import { readFormData } from "#app/utils/http.server";
import { requestTime } from "#app/utils/clock.server";

export const meta: Route.MetaFunction = () => [{ title: "Add candidate · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requirePermission(request, "loops:manage");
  return { positions: listPositions().filter((p) => p.open) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const user = await requirePermission(request, "loops:manage");
  const submission = parseWithZod(await readFormData(request), { schema: CandidateSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const fieldErrors = candidateConflicts(submission.value);
  if (fieldErrors) return data(submission.reply({ fieldErrors }), { status: 400 });
  const candidate = createCandidate(user, submission.value, requestTime(context));
  throw redirect(`/candidates/${candidate.id}`);
}

export default function NewCandidate({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="page-narrow" style={{ margin: 0 }}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/candidates">Candidates</Link> /
      </nav>
      <div className="page-header">
        <h1>Add a candidate</h1>
      </div>
      <CandidateForm lastResult={actionData} positions={loaderData.positions} submitLabel="Add candidate" cancelTo="/candidates" />
    </div>
  );
}
