import { z } from "zod";
import { data, redirect } from "react-router";
import type { Route } from "./+types/review.$token";
import { ReviewWorkspace } from "#app/components/code-review/review-workspace";
import { StartPage } from "#app/components/code-review/start-page";
import { ExpiredLinkPage } from "#app/components/expired-link";
import { allowedMs, assignmentPhase, formatAllowed, PHASE_REFUSALS } from "#app/models/assignment-phase";
import {
  addComment,
  deleteComment,
  expiredLinkNotice,
  listComments,
  saveCommentDraft,
  saveSummary,
  startAssignment,
  updateComment,
} from "#app/models/assignment.server";
import { readFormData } from "#app/utils/http.server";
import { renderMarkdown } from "#app/utils/markdown.server";
import { assignmentFromLink, checkCommentTarget, ReviewActionSchema } from "./review.$token.server";
import { requestTime } from "#app/utils/clock.server";
import { SelfIdInvite } from "#app/components/fairness/self-id-form";
import { selfIdInvite } from "#app/models/self-id-link.server";
import { CandidateLinkError } from "#app/components/error-boundary";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Code review: ${data.exercise.title} · Loopwise` : "Code review · Loopwise" },
  // Private links must not be indexed or leak through the Referer header to another site.
  // ("no-referrer" would also make the browser send "Origin: null" on this page's own form
  // posts, which server.ts refuses as foreign.)
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { assignment, exercise } = await assignmentFromLink(params.token);
  const now = requestTime(context);
  const phase = assignmentPhase(assignment, now);
  const showCode = phase !== "not_started";
  return {
    phase,
    // Offered before the clock starts and after it stops, never in the middle of the exercise.
    selfId: phase === "in_progress" ? null : await selfIdInvite(assignment.id, now),
    // Set only while unstarted past the link's validity: the page then says so instead of offering Start.
    linkExpired: phase === "not_started" ? expiredLinkNotice(assignment.id, now) : null,
    exercise: {
      title: exercise.meta.title,
      fileCount: exercise.files.length,
      pr: exercise.meta.pr,
    },
    timeLimitMinutes: assignment.timeLimitMinutes,
    // The candidate sees their accommodation; it is nobody else's business.
    extraTimePercent: assignment.extraTimePercent,
    allowedText: formatAllowed(allowedMs(assignment)),
    // The code and the description are only sent once the clock is running.
    workspace: showCode
      ? {
          descriptionHtml: renderMarkdown(exercise.description),
          files: exercise.files.map(({ path, status, before, after, lineCount }) => ({ path, status, before, after, lineCount })),
        }
      : null,
    comments: showCode
      ? listComments(assignment.id).map(({ id, filePath, line, body, priority }) => ({ id, filePath, line, body, priority }))
      : [],
    commentDraft: phase === "in_progress" ? assignment.commentDraft : null,
    summary: assignment.summary,
    verdict: assignment.verdict,
    revision: assignment.revision,
    deadlineAt: assignment.deadlineAt?.getTime() ?? null,
    submittedAt: assignment.submittedAt?.getTime() ?? null,
    serverNow: now.getTime(),
  };
}

type Reply = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; revision?: number };
const reply = (body: Reply, status = 200) => data(body, { status });

export async function action({ request, params, context }: Route.ActionArgs) {
  const { assignment, exercise } = await assignmentFromLink(params.token);
  const parsed = ReviewActionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) {
    // zod's own flattening, the shape conform's replies carry on the app's other forms.
    const { formErrors, fieldErrors } = z.flattenError(parsed.error) as { formErrors: string[]; fieldErrors: Record<string, string[]> };
    return reply({ ok: false, fieldErrors, message: formErrors.length ? formErrors.join(" ") : fieldErrors.intent?.join(" ") }, 400);
  }
  const input = parsed.data;
  const now = requestTime(context);
  const answer = (result: { ok: boolean; status?: number; message?: string }) =>
    result.ok ? reply({ ok: true }) : reply({ ok: false, message: result.message }, result.status);
  switch (input.intent) {
    case "start":
      // Refused once the link has expired: the page it redirects to then says so.
      startAssignment(assignment.id, now);
      throw redirect(`/review/${params.token}`);
    case "add-comment": {
      const problem = checkCommentTarget(exercise, input.filePath, input.line);
      if (problem) return reply({ ok: false, fieldErrors: { line: [problem] } }, 400);
      return answer(
        addComment(assignment.id, { filePath: input.filePath, line: input.line, body: input.body, priority: input.priority }, now),
      );
    }
    case "save-draft": {
      if (!input.body.trim()) return answer(saveCommentDraft(assignment.id, null, now));
      const problem = checkCommentTarget(exercise, input.filePath, input.line ?? 1);
      return answer(
        saveCommentDraft(
          assignment.id,
          { filePath: problem ? "" : input.filePath, line: problem ? null : (input.line ?? null), body: input.body },
          now,
        ),
      );
    }
    case "edit-comment":
      return answer(updateComment(assignment.id, input.commentId, { body: input.body, priority: input.priority }, now));
    case "delete-comment":
      return answer(deleteComment(assignment.id, input.commentId, now));
    case "save-summary":
    case "submit": {
      const submit = input.intent === "submit";
      if (submit && !input.verdict)
        return reply({ ok: false, fieldErrors: { verdict: ["Choose Approve, Request changes or Comment before submitting"] } }, 400);
      const result = saveSummary(
        assignment.id,
        { summary: input.summary.trim(), verdict: input.verdict ?? null, revision: input.revision, submit },
        now,
      );
      if (!result.ok) return reply({ ok: false, message: result.message }, result.status);
      if (submit) throw redirect(`/review/${params.token}`);
      return reply({ ok: true, revision: result.revision });
    }
  }
}

export default function ReviewPage({ loaderData: d }: Route.ComponentProps) {
  if (d.phase === "not_started" && d.linkExpired)
    return <ExpiredLinkPage exercise="code-review exercise" title={d.exercise.title} notice={d.linkExpired} />;
  if (d.phase === "not_started")
    return (
      <>
        <StartPage
          title={d.exercise.title}
          fileCount={d.exercise.fileCount}
          timeLimitMinutes={d.timeLimitMinutes}
          extraTimePercent={d.extraTimePercent}
          allowedText={d.allowedText}
        />
        <SelfIdInvite invite={d.selfId} />
      </>
    );
  if (d.phase === "in_progress" && d.workspace && d.deadlineAt)
    return (
      <ReviewWorkspace
        pr={d.exercise.pr}
        descriptionHtml={d.workspace.descriptionHtml}
        files={d.workspace.files}
        comments={d.comments}
        commentDraft={d.commentDraft}
        summary={d.summary}
        verdict={d.verdict}
        revision={d.revision}
        deadlineAt={d.deadlineAt}
        serverNow={d.serverNow}
        extraTime={d.extraTimePercent > 100}
      />
    );
  return (
    <>
      <FinishedPage d={d} />
      <SelfIdInvite invite={d.selfId} />
    </>
  );
}

const VERDICT_LABELS = { approve: "Approve", request_changes: "Request changes", comment: "Comment" } as const;

function FinishedPage({ d }: { d: Route.ComponentProps["loaderData"] }) {
  const submitted = d.phase === "submitted";
  return (
    <main className="page page-narrow">
      <div className="card stack">
        <p className="small muted">Loopwise · code-review exercise</p>
        <h1>{submitted ? "Thank you: your review is submitted" : "Time is up"}</h1>
        <p>
          {submitted
            ? "Your comments and summary have been sent to the hiring team. You can close this page."
            : `${PHASE_REFUSALS.time_up} The hiring team will see your ${d.comments.length} comment${d.comments.length === 1 ? "" : "s"}.`}
        </p>
        <h2>Your comments ({d.comments.length})</h2>
        <ul className="cr-final-comments">
          {d.comments.map((c) => (
            <li key={c.id}>
              <span className="mono small">
                {c.filePath}:{c.line}
              </span>
              <p className="notes">{c.body}</p>
            </li>
          ))}
        </ul>
        <h2>Summary and verdict</h2>
        <p className="notes">{d.summary || "No summary."}</p>
        <p>
          Verdict: <strong>{d.verdict ? VERDICT_LABELS[d.verdict] : "none given"}</strong>
        </p>
      </div>
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <CandidateLinkError error={error} what="Code-review exercise" unexpected="Please reload the page; your saved work is safe." />;
}
