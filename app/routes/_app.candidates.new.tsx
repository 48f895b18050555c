import { parseWithZod } from "@conform-to/zod/v4";
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/_app.candidates.new";
import { CandidateForm } from "#app/components/candidate-form";
import { CandidateSchema } from "#app/models/candidate-schema";
import { createCandidate, listPositions } from "#app/models/candidate.server";
import { requireRole } from "#app/utils/session.server";
import { readFormData } from "#app/utils/http.server";
import { candidateConflicts } from "./_app.candidates.shared.server";

export const meta: Route.MetaFunction = () => [{ title: "Add candidate · Loopwise" }];

export async function loader({ request }: Route.LoaderArgs) {
  await requireRole(request, "hiring_manager", "admin");
  return { positions: listPositions().filter((p) => p.open) };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireRole(request, "hiring_manager", "admin");
  const submission = parseWithZod(await readFormData(request), { schema: CandidateSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const fieldErrors = candidateConflicts(submission.value);
  if (fieldErrors) return data(submission.reply({ fieldErrors }), { status: 400 });
  const candidate = createCandidate(user, submission.value);
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
