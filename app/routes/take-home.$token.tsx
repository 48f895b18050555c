import { data, Form, redirect, useNavigation } from "react-router";
import { useEffect, useRef, useState } from "react";
import type { Route } from "./+types/take-home.$token";
import { assignmentPhase } from "#app/models/assignment-phase";
import { levelledChecklist } from "#app/models/checklist";
import { submitTakeHome, TAKE_HOME_REFUSALS } from "#app/models/take-home.server";
import { requestTime } from "#app/utils/clock.server";
import { readFormData } from "#app/utils/http.server";
import { renderDocument } from "#app/utils/markdown.server";
import { formatDateTime } from "#app/utils/time";
import { removeArchive, sniffArchive, storeArchive } from "#app/utils/uploads.server";
import { RepositoryUrlSchema, takeHomeFromLink } from "#app/models/take-home-link.server";
import { SelfIdInvite } from "#app/components/fairness/self-id-form";
import { selfIdInvite } from "#app/models/self-id-link.server";
import { CandidateLinkError } from "#app/components/error-boundary";

const NOTES_MAX = 2000;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Take-home: ${data.title} · Loopwise` : "Take-home · Loopwise" },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
];

export async function loader({ params, context }: Route.LoaderArgs) {
  const { takeHome, kit, settings } = await takeHomeFromLink(params.token);
  const now = requestTime(context);
  const s = takeHome.submission;
  return {
    title: kit.title,
    phase: assignmentPhase(takeHome, now),
    promptHtml: renderDocument(kit.content!.prompt, { idPrefix: "prompt", headingOffset: 1 }).html,
    files: settings.files,
    // One time limit, the kit's; the prompt is checked to state the same when the kit loads.
    timeBoxHours: settings.timeBoxHours,
    // No hidden criteria: the checklist's categories, detailed in the prompt's "What we assess".
    assessed: levelledChecklist(kit.content!.checklist)?.categories.map((c) => c.name) ?? [],
    maxMegabytes: settings.maxArchiveMegabytes,
    deadlineAt: takeHome.deadlineAt,
    selfId: await selfIdInvite(takeHome.assignmentId, now),
    submission: s ? { fileName: s.fileName, bytes: s.bytes, repositoryUrl: s.repositoryUrl, submittedAt: s.submittedAt } : null,
  };
}

type Reply = { fieldErrors?: Record<string, string>; message?: string; values?: { how: string; repositoryUrl: string; notes: string } };

export async function action({ request, params, context }: Route.ActionArgs) {
  const { takeHome, settings } = await takeHomeFromLink(params.token);
  const now = requestTime(context);
  // Before reading a byte of the body: a late or second upload is refused at once, so a used link
  // can't make the server take in another 20 MB (server.ts then drops the rest and closes).
  const phase = assignmentPhase(takeHome, now);
  if (phase !== "in_progress") return data<Reply>({ message: TAKE_HOME_REFUSALS[phase] }, { status: 409 });
  const form = await readFormData(request);
  const how = form.get("how") === "repository" ? "repository" : "archive";
  const values = {
    how,
    repositoryUrl: String(form.get("repositoryUrl") ?? "").slice(0, 500),
    notes: String(form.get("notes") ?? "").slice(0, NOTES_MAX),
  };
  const refuse = (fieldErrors: Record<string, string>, status = 400) => data<Reply>({ fieldErrors, values }, { status });
  const notes = String(form.get("notes") ?? "").trim();
  if (notes.length > NOTES_MAX) return refuse({ notes: `Keep the notes under ${NOTES_MAX.toLocaleString("en-GB")} characters` });
  let result;
  if (how === "repository") {
    const url = RepositoryUrlSchema.safeParse(form.get("repositoryUrl") ?? "");
    if (!url.success) return refuse({ repositoryUrl: url.error.issues[0]!.message });
    result = submitTakeHome(takeHome.assignmentId, { kind: "repository", repositoryUrl: url.data, notes }, now);
  } else {
    const file = form.get("archive");
    const limit = settings.maxArchiveMegabytes * 1024 * 1024;
    if (!(file instanceof File) || file.size === 0) return refuse({ archive: "Choose the archive to upload" });
    if (file.size > limit)
      return refuse({
        archive: `The archive is larger than ${settings.maxArchiveMegabytes} MB; leave out data, environments and build output`,
      });
    const bytes = Buffer.from(await file.arrayBuffer());
    const type = await sniffArchive(bytes);
    const named = /\.zip$/i.test(file.name) ? "zip" : /\.(tar\.gz|tgz)$/i.test(file.name) ? "tar.gz" : null;
    if (!type || type !== named) return refuse({ archive: "Upload a .zip or a .tar.gz archive; this file isn't one" });
    const stored = storeArchive(bytes, type);
    const fileName = file.name.replace(/[^\w.-]+/g, "_").slice(-200);
    result = submitTakeHome(
      takeHome.assignmentId,
      { kind: "archive", fileName, archiveType: type, bytes: bytes.length, notes, ...stored },
      now,
    );
    // Another tab submitted first: keep nothing of this one.
    if (!result.ok) removeArchive(stored.storedName);
  }
  if (!result.ok) return data<Reply>({ message: result.message, values }, { status: result.status });
  // The confirmation is the first thing on the page, and the fragment takes the candidate there
  // (the upload button sat far down the prompt, where the reloaded page would otherwise stay).
  throw redirect(`/take-home/${params.token}#submitted-title`);
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Where the candidate's eyes are after the upload: focused, so a screen reader reads it too. */
function Submitted({ submission: s }: { submission: NonNullable<Route.ComponentProps["loaderData"]["submission"]> }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (window.location.hash === "#submitted-title") heading.current?.focus();
  }, []);
  return (
    <section className="card" aria-labelledby="submitted-title">
      <h2 id="submitted-title" ref={heading} tabIndex={-1}>
        Thank you: your take-home is submitted
      </h2>
      <p>
        {s.fileName ? `${s.fileName} (${megabytes(s.bytes ?? 0)})` : s.repositoryUrl} · {formatDateTime(s.submittedAt, "UTC")} UTC. We'll be
        in touch to arrange the follow-up call.
      </p>
    </section>
  );
}

export default function TakeHomePage({ loaderData: d, actionData, params }: Route.ComponentProps) {
  const busy = useNavigation().state !== "idle";
  const [how, setHow] = useState(actionData?.values?.how ?? "archive");
  const [tooBig, setTooBig] = useState<string | null>(null);
  const errors = actionData?.fieldErrors ?? {};
  return (
    <main className="page page-narrow stack">
      {d.submission ? <Submitted submission={d.submission} /> : null}
      <div className="card stack">
        <p className="small muted">Loopwise · take-home</p>
        <h1>{d.title}</h1>
        <dl className="facts">
          <dt>Time limit</dt>
          <dd>
            <strong>{d.timeBoxHours} hours</strong> of work, whenever suits you before the deadline
          </dd>
          {d.deadlineAt ? (
            <>
              <dt>Deadline</dt>
              <dd>
                <strong>{formatDateTime(d.deadlineAt, "UTC")} UTC</strong>
              </dd>
            </>
          ) : null}
          {d.assessed.length ? (
            <>
              <dt>What we assess</dt>
              <dd>
                <ul className="take-home-assessed">
                  {d.assessed.map((name) => (
                    <li key={name}>{name}</li>
                  ))}
                </ul>
                <a href="#prompt-what-we-assess">What meets the bar in each</a>
              </dd>
            </>
          ) : null}
        </dl>
        <div className="markdown kit-markdown" dangerouslySetInnerHTML={{ __html: d.promptHtml }} />
        {d.files.length ? (
          <>
            <h2>Files</h2>
            <ul>
              {d.files.map((f) => (
                <li key={f}>
                  <a href={`/take-home/${params.token}/files/${f}`} download>
                    {f}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      {d.submission ? null : d.phase !== "in_progress" ? (
        <section className="card" role="alert">
          <h2>The deadline has passed</h2>
          <p>The take-home can no longer be submitted. Ask your recruiter if you need more time.</p>
        </section>
      ) : (
        <section className="card" aria-labelledby="submit-title">
          <h2 id="submit-title">Submit your work</h2>
          {actionData?.message ? (
            <p className="form-error" role="alert">
              {actionData.message}
            </p>
          ) : null}
          <Form method="post" encType="multipart/form-data" className="stack" aria-labelledby="submit-title">
            <fieldset className="stack">
              <legend>How are you sending it?</legend>
              <label className="checkbox">
                <input type="radio" name="how" value="archive" checked={how === "archive"} onChange={() => setHow("archive")} /> An archive
                (.zip or .tar.gz, up to {d.maxMegabytes} MB)
              </label>
              <label className="checkbox">
                <input type="radio" name="how" value="repository" checked={how === "repository"} onChange={() => setHow("repository")} /> A
                repository URL we can read
              </label>
            </fieldset>
            {how === "archive" ? (
              <div className="field">
                <label htmlFor="archive">Archive</label>
                <input
                  id="archive"
                  name="archive"
                  type="file"
                  accept=".zip,.tar.gz,.tgz,application/zip,application/gzip"
                  aria-invalid={errors.archive || tooBig ? true : undefined}
                  aria-describedby="archive-hint archive-error"
                  onChange={(e) => {
                    const size = e.currentTarget.files?.[0]?.size ?? 0;
                    setTooBig(
                      size > d.maxMegabytes * 1024 * 1024 ? `This file is ${megabytes(size)}; the limit is ${d.maxMegabytes} MB.` : null,
                    );
                  }}
                />
                <p id="archive-hint" className="hint">
                  Include the git history if you have one; leave out the data file, virtual environments and secrets. We never run it on our
                  servers.
                </p>
                <p id="archive-error" className="field-error">
                  {tooBig ?? errors.archive ?? ""}
                </p>
              </div>
            ) : (
              <div className="field">
                <label htmlFor="repositoryUrl">Repository URL</label>
                <input
                  id="repositoryUrl"
                  name="repositoryUrl"
                  type="url"
                  className="input"
                  defaultValue={actionData?.values?.repositoryUrl}
                  placeholder="https://"
                  aria-invalid={errors.repositoryUrl ? true : undefined}
                  aria-describedby="repositoryUrl-error"
                />
                <p id="repositoryUrl-error" className="field-error">
                  {errors.repositoryUrl ?? ""}
                </p>
              </div>
            )}
            <div className="field">
              <label htmlFor="notes">Anything the grader should know (optional)</label>
              <textarea
                id="notes"
                name="notes"
                className="textarea"
                rows={3}
                maxLength={NOTES_MAX}
                defaultValue={actionData?.values?.notes}
              />
              {errors.notes ? <p className="field-error">{errors.notes}</p> : null}
            </div>
            <button type="submit" className="btn btn-primary" disabled={busy || Boolean(tooBig)}>
              {busy ? "Uploading…" : "Submit the take-home"}
            </button>
          </Form>
        </section>
      )}
      <SelfIdInvite invite={d.selfId} inline />
    </main>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <CandidateLinkError error={error} what="Take-home" unexpected="Please reload the page." />;
}
