import { lazy, Suspense, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useFetcher, useRevalidator } from "react-router";
import { ErrorList } from "../ui/field";
import { useDebouncedSave } from "../ui/use-debounced-save";

const DiffView = lazy(() => import("./diff-view.client"));

type File = { path: string; status: "added" | "modified"; before: string; after: string; lineCount: number };
type Comment = { id: number; filePath: string; line: number; body: string };
type ActionReply = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; revision?: number };

export interface WorkspaceProps {
  pr: { number: number; title: string; author: string; baseBranch: string; headBranch: string };
  descriptionHtml: string;
  files: File[];
  comments: Comment[];
  summary: string;
  verdict: string | null;
  revision: number;
  deadlineAt: number;
  serverNow: number;
}

const VERDICTS = [
  { value: "approve", label: "Approve" },
  { value: "request_changes", label: "Request changes" },
  { value: "comment", label: "Comment" },
];

/** The candidate's review: files, the diff, comments as they are made, the summary and verdict. */
export function ReviewWorkspace(props: WorkspaceProps) {
  const { files, comments } = props;
  const [filePath, setFilePath] = useState(files[0]!.path);
  const [line, setLine] = useState<number | null>(null);
  const [reveal, setReveal] = useState<{ line: number; at: number } | null>(null);
  const [sideBySide, setSideBySide] = useState(true);
  const mounted = useHydrated();
  useRevalidateOnFocus();
  const file = files.find((f) => f.path === filePath) ?? files[0]!;
  const commentedLines = useMemo(() => comments.filter((c) => c.filePath === file.path).map((c) => c.line), [comments, file.path]);

  const jumpTo = (c: Comment) => {
    setFilePath(c.filePath);
    setLine(c.line);
    setReveal({ line: c.line, at: Date.now() });
  };

  return (
    <main className="cr-layout">
      <header className="cr-header">
        <div>
          <p className="small muted">
            Pull request #{props.pr.number} · {props.pr.author} wants to merge <code>{props.pr.headBranch}</code> into{" "}
            <code>{props.pr.baseBranch}</code>
          </p>
          <h1>{props.pr.title}</h1>
        </div>
        <Countdown deadlineAt={props.deadlineAt} serverNow={props.serverNow} />
      </header>

      <nav className="cr-files" aria-label="Changed files">
        <h2>Files</h2>
        <ul>
          {files.map((f) => {
            const count = comments.filter((c) => c.filePath === f.path).length;
            return (
              <li key={f.path}>
                <button
                  type="button"
                  className={`cr-file${f.path === file.path ? " cr-file-active" : ""}`}
                  aria-current={f.path === file.path ? "true" : undefined}
                  onClick={() => {
                    setFilePath(f.path);
                    setLine(null);
                    setReveal(null);
                  }}
                >
                  <span className="cr-file-path">{f.path}</span>
                  <span className="small muted">
                    {f.status}
                    {count ? ` · ${count} comment${count === 1 ? "" : "s"}` : ""}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>

      <section className="cr-main" aria-label="Code">
        <details className="cr-description" open>
          <summary>Description</summary>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: props.descriptionHtml }} />
        </details>
        <div className="cr-toolbar">
          <strong className="mono">{file.path}</strong>
          {file.status === "added" ? (
            <span className="small muted">New file: shown in full</span>
          ) : (
            <div role="group" aria-label="Diff layout" className="row">
              <button type="button" className="btn btn-small" aria-pressed={sideBySide} onClick={() => setSideBySide(true)}>
                Side by side
              </button>
              <button type="button" className="btn btn-small" aria-pressed={!sideBySide} onClick={() => setSideBySide(false)}>
                Inline
              </button>
            </div>
          )}
        </div>
        <p className="small muted">Click a line on the new (right-hand) side to comment on it, or type its number in the comment box.</p>
        <div className="cr-editor">
          {mounted ? (
            <Suspense fallback={<EditorLoading />}>
              <DiffView
                path={file.path}
                before={file.before}
                after={file.after}
                commentedLines={commentedLines}
                selectedLine={line}
                revealLine={reveal}
                // A new file has nothing on the left; inline gives its code the full width.
                sideBySide={sideBySide && file.status === "modified"}
                onLineClick={(l) => {
                  setLine(l);
                  document.getElementById("comment-body")?.focus({ preventScroll: true });
                }}
              />
            </Suspense>
          ) : (
            <EditorLoading />
          )}
        </div>
      </section>

      <aside className="cr-side" aria-label="Your review">
        <CommentComposer
          file={file}
          line={line}
          onLineChange={(l) => {
            setLine(l);
            // Typing a line number scrolls the editor to it, for keyboard users too.
            if (l) setReveal({ line: l, at: Date.now() });
          }}
        />
        <CommentList comments={comments} onJump={jumpTo} />
        <SummaryForm summary={props.summary} verdict={props.verdict} revision={props.revision} />
      </aside>
    </main>
  );
}

/** Another tab may have changed the review: coming back to this one shows the latest. */
function useRevalidateOnFocus() {
  const revalidator = useRevalidator();
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [revalidator]);
}

const noSubscription = () => () => {};
/** False during server rendering and hydration, true after: Monaco only exists in the browser. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function EditorLoading() {
  return (
    <div className="cr-editor-loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading the code editor…
    </div>
  );
}

function CommentComposer({ file, line, onLineChange }: { file: File; line: number | null; onLineChange: (line: number | null) => void }) {
  const fetcher = useFetcher<ActionReply>();
  const [body, setBody] = useState("");
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  // A new successful reply clears the box (derived during render, once per reply).
  const [handled, setHandled] = useState(reply);
  if (reply !== handled) {
    setHandled(reply);
    if (reply?.ok) setBody("");
  }
  return (
    <fetcher.Form method="post" className="card cr-composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading">New comment</h2>
      <input type="hidden" name="intent" value="add-comment" />
      <input type="hidden" name="filePath" value={file.path} />
      <div className="row" style={{ flexWrap: "nowrap" }}>
        <span className="small mono cr-composer-file">{file.path}</span>
        <label htmlFor="comment-line" className="small">
          line
        </label>
        <input
          id="comment-line"
          name="line"
          type="number"
          min={1}
          max={file.lineCount}
          className="input"
          style={{ width: 80 }}
          value={line ?? ""}
          onChange={(e) => onLineChange(e.target.value ? Number(e.target.value) : null)}
          aria-invalid={reply?.fieldErrors?.line ? true : undefined}
        />
      </div>
      <ErrorList errors={reply?.fieldErrors?.line ?? reply?.fieldErrors?.filePath} />
      <label htmlFor="comment-body" className="visually-hidden">
        New comment text
      </label>
      <textarea
        id="comment-body"
        name="body"
        className="textarea"
        rows={4}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={line ? `What's wrong on line ${line}, and what would you suggest?` : "Pick a line first"}
        aria-invalid={reply?.fieldErrors?.body ? true : undefined}
      />
      <ErrorList errors={reply?.fieldErrors?.body} />
      {reply && !reply.ok && reply.message ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={fetcher.state !== "idle"}>
        {fetcher.state !== "idle" ? "Saving…" : "Save comment"}
      </button>
    </fetcher.Form>
  );
}

function CommentList({ comments, onJump }: { comments: Comment[]; onJump: (c: Comment) => void }) {
  return (
    <section className="card cr-comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Your comments ({comments.length})</h2>
      {comments.length === 0 ? <p className="muted small">None yet. Each comment is saved as soon as you add it.</p> : null}
      <ul>
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} onJump={onJump} />
        ))}
      </ul>
    </section>
  );
}

function CommentItem({ comment, onJump }: { comment: Comment; onJump: (c: Comment) => void }) {
  const fetcher = useFetcher<ActionReply>();
  const revalidator = useRevalidator();
  const [editing, setEditing] = useState(false);
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const [handled, setHandled] = useState(reply);
  if (reply !== handled) {
    setHandled(reply);
    if (reply?.ok) setEditing(false);
  }
  // A refused edit (say, deleted in another tab) means this list is stale: fetch it afresh.
  useEffect(() => {
    if (reply && !reply.ok && revalidator.state === "idle") revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reply]);
  const deleting = fetcher.state !== "idle" && fetcher.formData?.get("intent") === "delete-comment";
  return (
    <li className="cr-comment" aria-busy={deleting || undefined}>
      <button type="button" className="link-button small mono" onClick={() => onJump(comment)}>
        {comment.filePath}:{comment.line}
      </button>
      {editing ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="edit-comment" />
          <input type="hidden" name="commentId" value={comment.id} />
          <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
            Edit comment on {comment.filePath} line {comment.line}
          </label>
          <textarea id={`edit-${comment.id}`} name="body" className="textarea" rows={3} defaultValue={comment.body} />
          <ErrorList errors={reply?.fieldErrors?.body} />
          <div className="row">
            <button type="submit" className="btn btn-small btn-primary">
              Save
            </button>
            <button type="button" className="btn btn-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </fetcher.Form>
      ) : (
        <p className="notes">{comment.body}</p>
      )}
      {reply && !reply.ok && reply.message ? <p className="form-error small">{reply.message}</p> : null}
      {!editing ? (
        <div className="row">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setEditing(true)}
            aria-label={`Edit comment on ${comment.filePath} line ${comment.line}`}
          >
            Edit
          </button>
          <fetcher.Form method="post">
            <input type="hidden" name="intent" value="delete-comment" />
            <input type="hidden" name="commentId" value={comment.id} />
            <button
              type="submit"
              className="btn btn-small btn-danger"
              aria-label={`Delete comment on ${comment.filePath} line ${comment.line}`}
            >
              {deleting ? "Deleting…" : "Delete"}
            </button>
          </fetcher.Form>
        </div>
      ) : null}
    </li>
  );
}

const SUMMARY_AUTOSAVE_MS = 1000;

/**
 * Summary and verdict. Saved shortly after each change (and at once if the page goes away), with
 * the revision this tab last saw: a save from a stale tab is refused rather than overwriting.
 */
function SummaryForm({ summary, verdict, revision: initialRevision }: { summary: string; verdict: string | null; revision: number }) {
  const { fetcher, schedule, cancel } = useDebouncedSave<ActionReply>({ intent: "save-summary", delayMs: SUMMARY_AUTOSAVE_MS });
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  const busy = fetcher.state !== "idle";
  // This tab's revision moves only with its own successful saves, never with a reload of data.
  const [revision, setRevision] = useState(initialRevision);
  const [handled, setHandled] = useState(reply);
  if (reply !== handled) {
    setHandled(reply);
    if (reply?.ok && typeof reply.revision === "number") setRevision(reply.revision);
  }
  return (
    <fetcher.Form
      method="post"
      className="card cr-summary"
      aria-labelledby="summary-heading"
      onChange={(e) => schedule(e.currentTarget)}
      onSubmit={(e) => {
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (submitter?.value !== "submit") return;
        cancel();
        // Without a verdict the server will say so; only a complete review asks for confirmation.
        const hasVerdict = Boolean(new FormData(e.currentTarget).get("verdict"));
        if (hasVerdict && !window.confirm("Submit your review now? You can't change it afterwards.")) e.preventDefault();
      }}
    >
      <h2 id="summary-heading">Summary and verdict</h2>
      <input type="hidden" name="revision" value={revision} />
      <label htmlFor="review-summary" className="small">
        Overall summary
      </label>
      <textarea id="review-summary" name="summary" className="textarea" rows={5} defaultValue={summary} maxLength={10000} />
      <ErrorList errors={reply?.fieldErrors?.summary} />
      <fieldset className="cr-verdict">
        <legend className="small">Verdict</legend>
        {VERDICTS.map((v) => (
          <label key={v.value} className="checkbox">
            <input type="radio" name="verdict" value={v.value} defaultChecked={verdict === v.value} />
            <span>{v.label}</span>
          </label>
        ))}
      </fieldset>
      <ErrorList errors={reply?.fieldErrors?.verdict} />
      {reply && !reply.ok && reply.message ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      <p className="small muted" role="status">
        {busy ? "Saving…" : reply?.ok ? "Summary saved." : "Saved automatically as you type."}
      </p>
      <div className="row">
        <button type="submit" name="intent" value="save-summary" className="btn" disabled={busy}>
          Save summary
        </button>
        <button type="submit" name="intent" value="submit" className="btn btn-primary" disabled={busy}>
          Submit review
        </button>
      </div>
    </fetcher.Form>
  );
}

/** Time left, counted from the server's clock (the browser's may be wrong). */
function Countdown({ deadlineAt, serverNow }: { deadlineAt: number; serverNow: number }) {
  const revalidator = useRevalidator();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const offset = serverNow - Date.now();
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [serverNow]);
  const remaining = Math.max(0, deadlineAt - now);
  useEffect(() => {
    // At the deadline the server stops accepting changes; reload to show the final state.
    if (remaining === 0 && revalidator.state === "idle") revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [remaining === 0]);
  const minutes = Math.floor(remaining / 60_000);
  const seconds = Math.floor((remaining % 60_000) / 1000);
  const low = remaining < 5 * 60_000;
  return (
    <div className={`cr-countdown${low ? " cr-countdown-low" : ""}`} role="timer" aria-label="Time left">
      <span className="small">Time left</span>
      <strong>
        {minutes}:{String(seconds).padStart(2, "0")}
      </strong>
      {/* Announced once, not every second: the timer itself isn't a live region. */}
      <span className="visually-hidden" aria-live="assertive">
        {low && remaining > 0 ? "Less than five minutes left. Your work is saved as you go." : ""}
      </span>
    </div>
  );
}
