// The prompt alone, for the screen an interviewer shares with the candidate: no navigation, no
// guide, no levels, no fact sheet. Outside the signed-in layout on purpose.
import type { Route } from "./+types/interviews.$interviewId.prompt";
import { interviewFor } from "#app/models/interview-access.server";
import { getKit } from "#app/models/kit.server";
import { idParam, notFound } from "#app/utils/http.server";
import { renderPromptOnly, SCREEN_SHARE_STAGES } from "#app/models/kit-document.server";
import { requireUser } from "#app/auth/session.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.title} · Loopwise` : "Prompt · Loopwise" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const interview = interviewFor(user, idParam(params.interviewId), "read");
  const kit = interview.exerciseId ? getKit(interview.exerciseId) : null;
  if (!kit || !(SCREEN_SHARE_STAGES as readonly string[]).includes(kit.stage))
    notFound("Only system-design and leadership prompts are shown on a shared screen; this interview has none.");
  const html = renderPromptOnly(kit) ?? notFound("This kit version has no prompt kept.");
  return { title: kit.title, html };
}

export default function SharedPrompt({ loaderData }: Route.ComponentProps) {
  return (
    <main className="page page-narrow screen-prompt">
      <p className="small muted">Loopwise · shared with the candidate</p>
      <div className="markdown kit-markdown" dangerouslySetInnerHTML={{ __html: loaderData.html }} />
    </main>
  );
}
