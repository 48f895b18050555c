import { data, Form, Link, redirect, useNavigation } from "react-router";
import { z } from "zod";
import { interviewRefusal, mayInterview } from "#app/models/interview-access";
import { interviewFor } from "#app/models/interview-access.server";
import type { Route } from "./+types/_app.interviews.$interviewId.take-home";
import { checklistSuggestions, levelledChecklist } from "#app/models/checklist";
import { ChecklistGrading } from "#app/components/take-home/checklist-grading";
import { getKit } from "#app/models/kit.server";
import { candidateNameFor } from "#app/models/interview.server";
import { getRubricDetail } from "#app/models/rubric.server";
import { getTakeHome, saveTakeHomeGrade } from "#app/models/take-home.server";
import { requestTime } from "#app/utils/clock.server";
import { idParam, notFound, readFormData } from "#app/utils/http.server";
import { requireUser } from "#app/auth/session.server";
import { formatDateTime } from "#app/utils/time";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Take-home: ${data.candidateName} · Loopwise` : "Take-home · Loopwise" },
];

async function context(request: Request, interviewId: string | undefined) {
  const user = await requireUser(request);
  const interview = interviewFor(user, idParam(interviewId), "read");
  const kit = interview.exerciseId ? getKit(interview.exerciseId) : null;
  const checklist = kit?.content?.checklist;
  if (interview.stage !== "take_home" || !checklist) notFound("This interview has no take-home to grade.");
  return { user, interview, checklist, kitVersion: kit!.version, takeHome: getTakeHome(interview.id) };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, interview, checklist, kitVersion, takeHome } = await context(request, params.interviewId);
  const rubric = getRubricDetail(interview.rubricVersionId) ?? notFound("Rubric version missing");
  const names = Object.fromEntries(rubric.dimensions.map((d) => [d.key, d.name]));
  const s = takeHome?.submission;
  const levelled = levelledChecklist(checklist);
  return {
    interviewId: interview.id,
    // Blind: the grader sees a reference until their grade is saved (loop.server.ts).
    candidateName: candidateNameFor(interview, user.id),
    isGrader: mayInterview(user, interview, "grade"),
    deadlineAt: takeHome?.deadlineAt ?? null,
    submission: s
      ? {
          archive: s.storedName ? { type: s.archiveType, bytes: s.bytes, sha256: s.sha256 } : null,
          repositoryUrl: s.repositoryUrl,
          notes: s.notes,
          submittedAt: s.submittedAt,
        }
      : null,
    // The page works the suggestion out as the grader ticks, with the same rule as the scorecard;
    // a kit version written before levels (null here) shows its items and suggests nothing.
    checklist: levelled,
    items: checklist.items,
    dimensionNames: names,
    kitVersion,
    grade: takeHome?.grade ?? null,
    /** What the saved grade suggests: what the scorecard pre-fills. */
    suggestions: takeHome?.grade && levelled ? checklistSuggestions(levelled, takeHome.grade.checked) : [],
    justSaved: new URL(request.url).searchParams.get("saved") === "1" && Boolean(takeHome?.grade),
    timeZone: user.timeZone,
  };
}

const GradeSchema = z.object({
  checked: z.array(z.string().max(60)).max(100).default([]),
  notes: z.string().max(5000, "Keep the notes under 5,000 characters").default(""),
});

export async function action({ request, params, context: ctx }: Route.ActionArgs) {
  const { user, interview, checklist, takeHome } = await context(request, params.interviewId);
  const refusal = interviewRefusal(user, interview, "grade");
  if (refusal) return data({ error: refusal }, { status: 403 });
  if (!takeHome?.submission) return data({ error: "Nothing has been submitted to grade yet." }, { status: 409 });
  const form = await readFormData(request);
  const parsed = GradeSchema.safeParse({ checked: form.getAll("checked"), notes: form.get("notes") ?? "" });
  if (!parsed.success) return data({ error: parsed.error.issues.map((i) => i.message).join(" ") }, { status: 400 });
  const known = new Set(checklist.items.map((i) => i.id));
  const unknown = parsed.data.checked.filter((id) => !known.has(id));
  if (unknown.length) return data({ error: `Not on this checklist: ${unknown.join(", ")}` }, { status: 400 });
  saveTakeHomeGrade(
    user,
    takeHome.assignmentId,
    { checked: [...new Set(parsed.data.checked)], notes: parsed.data.notes.trim() },
    requestTime(ctx),
  );
  throw redirect(`/interviews/${interview.id}/take-home?saved=1`);
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

export default function TakeHomeGrading({ loaderData: d, actionData }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to={`/interviews/${d.interviewId}`}>Interview</Link> /
      </nav>
      <div className="page-header">
        <div>
          <h1>Take-home: {d.candidateName}</h1>
          <p>
            {d.grade ? `Graded by ${d.grade.graderName}, ${formatDateTime(d.grade.savedAt, d.timeZone)}` : "Not graded yet: graded blind"}
          </p>
        </div>
        <div className="row">
          <Link to={`/interviews/${d.interviewId}/scorecard`} className="btn btn-primary">
            Open scorecard
          </Link>
        </div>
      </div>
      {d.justSaved ? (
        <p className="flash" role="status">
          Grade saved.
        </p>
      ) : null}
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <div className="stack">
        <section className="card" aria-labelledby="submission-title">
          <h2 id="submission-title">Submission</h2>
          {!d.submission ? (
            <p className="muted">
              Nothing submitted yet{d.deadlineAt ? `; the deadline is ${formatDateTime(d.deadlineAt, d.timeZone)}` : ""}.
            </p>
          ) : (
            <dl className="facts">
              <dt>Submitted</dt>
              <dd>{formatDateTime(d.submission.submittedAt, d.timeZone)}</dd>
              {d.submission.archive ? (
                <>
                  <dt>Archive</dt>
                  <dd>
                    <a href={`/interviews/${d.interviewId}/take-home/archive`} download>
                      Download the {d.submission.archive.type} archive
                    </a>{" "}
                    <span className="small muted">
                      ({size(d.submission.archive.bytes ?? 0)} · sha256 {d.submission.archive.sha256?.slice(0, 12)}…)
                    </span>
                    <div className="small muted">
                      Open it on your own machine or a container: it is the candidate's code, never run here.
                    </div>
                  </dd>
                </>
              ) : (
                <>
                  <dt>Repository</dt>
                  <dd className="mono">{d.submission.repositoryUrl}</dd>
                </>
              )}
              <dt>Their notes</dt>
              <dd className="notes">{d.submission.notes || "—"}</dd>
            </dl>
          )}
        </section>
        <Form method="post" className="card stack" aria-labelledby="checklist-title">
          <h2 id="checklist-title">Grading checklist</h2>
          <ChecklistGrading
            checklist={d.checklist}
            items={d.items}
            dimensionNames={d.dimensionNames}
            kitVersion={d.kitVersion}
            saved={d.grade?.checked ?? null}
            disabled={!d.isGrader || !d.submission}
          />
          <div className="field">
            <label htmlFor="notes">Grading notes</label>
            <textarea
              id="notes"
              name="notes"
              className="textarea"
              rows={4}
              defaultValue={d.grade?.notes}
              disabled={!d.isGrader || !d.submission}
            />
          </div>
          {d.isGrader && d.submission ? (
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Save grade
            </button>
          ) : null}
        </Form>
      </div>
    </>
  );
}
