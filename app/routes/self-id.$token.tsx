import { data, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/self-id.$token";
import { SelfIdForm, SelfIdStatement } from "#app/components/fairness/self-id-form";
import { parseSelfIdForm } from "#app/models/self-identification";
import { recordSelfIdentification } from "#app/models/self-identification.server";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";
import { candidateFromSelfIdLink } from "#app/models/self-id-link.server";
import { CandidateLinkError } from "#app/components/error-boundary";

export const meta: Route.MetaFunction = () => [
  { title: "Voluntary equal-opportunity questions · Loopwise" },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
];

// The page's data says only whether the questions are answered: never the answers, not even to
// the candidate (a shared computer, a forwarded link).
export async function loader({ params }: Route.LoaderArgs) {
  const { answered } = await candidateFromSelfIdLink(params.token);
  return { answered };
}

type Reply = { errors: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { candidateId } = await candidateFromSelfIdLink(params.token);
  const parsed = parseSelfIdForm(await readFormData(request));
  if (!parsed.ok) return data<Reply>({ errors: parsed.errors }, { status: 400 });
  const result = recordSelfIdentification(candidateId, parsed.answers, requestTime(context));
  if (!result.ok) return data<Reply>({ errors: { form: result.message } }, { status: result.status });
  throw redirect(`/self-id/${params.token}`);
}

export default function SelfIdPage({ loaderData, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state === "submitting";
  return (
    <main className="page page-narrow">
      <div className="card stack">
        <p className="small muted">Loopwise · voluntary questions</p>
        <h1>Equal-opportunity questions</h1>
        {loaderData.answered && !actionData ? (
          <p role="status">
            Thank you: your answers are saved, apart from your application. No one who decides on it sees them. You can close this page.
          </p>
        ) : (
          <>
            <SelfIdStatement />
            <SelfIdForm errors={actionData?.errors} busy={busy} />
          </>
        )}
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return (
    <CandidateLinkError
      error={error}
      what="Voluntary questions"
      unexpected="Please reload the page. The questions are voluntary; nothing depends on them."
    />
  );
}
