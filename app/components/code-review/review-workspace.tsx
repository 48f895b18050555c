import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { useHydrated } from "#app/components/ui/use-hydrated";
import { useRevalidator } from "react-router";
import { CommentComposer } from "./comment-composer";
import { CommentList } from "./comment-list";
import { Countdown } from "./countdown";
import { SummaryForm } from "./summary-form";
import type { CommentDraft, ReviewComment, ReviewFile } from "./types";

const DiffView = lazy(() => import("./diff-view.client"));

export interface WorkspaceProps {
  pr: { number: number; title: string; author: string; baseBranch: string; headBranch: string };
  descriptionHtml: string;
  files: ReviewFile[];
  comments: ReviewComment[];
  commentDraft: CommentDraft | null;
  summary: string;
  verdict: string | null;
  revision: number;
  deadlineAt: number;
  serverNow: number;
  extraTime: boolean;
}

/**
 * The candidate's review at laptop size: files on the left, the diff taking most of the screen
 * (the description folded above it), and beside it the new comment, the comments so far and the
 * summary with the verdict, all in view.
 */
export function ReviewWorkspace(props: WorkspaceProps) {
  const { files, comments, commentDraft } = props;
  // A draft being typed before a reload reopens where it was.
  const draftFile = files.find((f) => f.path === commentDraft?.filePath);
  const [filePath, setFilePath] = useState((draftFile ?? files[0]!).path);
  const [line, setLine] = useState<number | null>(draftFile ? (commentDraft?.line ?? null) : null);
  const [reveal, setReveal] = useState<{ line: number; at: number } | null>(null);
  const [sideBySide, setSideBySide] = useState(true);
  // Monaco only exists in the browser.
  const mounted = useHydrated();
  useRevalidateOnFocus();
  const file = files.find((f) => f.path === filePath) ?? files[0]!;
  const commentedLines = useMemo(() => comments.filter((c) => c.filePath === file.path).map((c) => c.line), [comments, file.path]);

  const jumpTo = (c: ReviewComment) => {
    setFilePath(c.filePath);
    setLine(c.line);
    setReveal({ line: c.line, at: Date.now() });
  };

  return (
    <main className="cr-layout">
      <header className="cr-header">
        <div className="cr-title">
          <p className="small muted">
            Pull request #{props.pr.number} · {props.pr.author} wants to merge <code>{props.pr.headBranch}</code> into{" "}
            <code>{props.pr.baseBranch}</code>
          </p>
          <h1>{props.pr.title}</h1>
        </div>
        <Countdown deadlineAt={props.deadlineAt} serverNow={props.serverNow} extraTime={props.extraTime} />
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
        <details className="cr-description">
          <summary>Pull request description: what, why, how it was tested, rollout</summary>
          <div className="markdown" dangerouslySetInnerHTML={{ __html: props.descriptionHtml }} />
        </details>
        <div className="cr-toolbar">
          <strong className="mono">{file.path}</strong>
          <span className="small muted">Click a line on the new side to comment on it.</span>
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
          initialBody={commentDraft?.body ?? ""}
          onLineChange={(l) => {
            setLine(l);
            // Typing a line number scrolls the editor to it, for keyboard users too.
            if (l) setReveal({ line: l, at: Date.now() });
          }}
          onSaved={() => setLine(null)}
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

function EditorLoading() {
  return (
    <div className="cr-editor-loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading the code editor…
    </div>
  );
}
