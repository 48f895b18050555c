import { useEffect, useRef, useState } from "react";
import { Form } from "react-router";
import { SubmitButton } from "../ui/submit-button";
import { useScreenAtLeast } from "../ui/use-screen-at-least";
import { CODE_REVIEW_MIN_WIDTH_PX } from "#app/models/exercise-device";

const LOADING_STEPS = ["Downloading the code editor…", "Starting the diff engine…", "The code editor is ready."] as const;

/**
 * Loads the code editor and checks that it works before the clock can start, so a slow
 * connection never costs the candidate exam time. Retry starts over after a failure.
 */
function useEditorPreload() {
  const host = useRef<HTMLDivElement>(null);
  const [step, setStep] = useState(0);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        // The diff view's own chunk too, so the workspace renders at once after Start.
        const [{ warmUpEditor }] = await Promise.all([import("./editor-warmup.client"), import("./diff-view.client")]);
        if (cancelled) return;
        setStep(1);
        await warmUpEditor(host.current!);
        if (!cancelled) setStep(2);
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [attempt]);
  const retry = () => {
    setFailed(false);
    setStep(0);
    setAttempt((n) => n + 1);
  };
  return { host, step, ready: step === LOADING_STEPS.length - 1, failed, retry };
}

export function StartPage({
  title,
  fileCount,
  timeLimitMinutes,
  extraTimePercent,
  allowedText,
}: {
  title: string;
  fileCount: number;
  timeLimitMinutes: number;
  extraTimePercent: number;
  allowedText: string;
}) {
  const { host, step, ready, failed, retry } = useEditorPreload();
  const tooNarrow = useScreenAtLeast(CODE_REVIEW_MIN_WIDTH_PX) === false;
  return (
    <main className="page page-narrow">
      <div className="card stack">
        <p className="small muted">Loopwise · code-review exercise</p>
        <h1>{title}</h1>
        {tooNarrow ? (
          <section className="accept-warnings" aria-labelledby="needs-computer">
            <h2 id="needs-computer">This review needs a computer</h2>
            <p>
              The code and your review sit side by side, which needs a screen at least {CODE_REVIEW_MIN_WIDTH_PX} pixels wide: a laptop or
              desktop. <strong>Your time hasn't started.</strong> Open this same link on a computer when you are ready; it works there
              exactly as it would here.
            </p>
          </section>
        ) : null}
        <h2>What to do</h2>
        <ul>
          <li>Use a laptop or desktop computer: the pull request and your review are shown side by side.</li>
          <li>
            You'll review a pull request of {fileCount} files, as you would for a colleague: find what would hurt in production and suggest
            improvements.
          </li>
          <li>
            Read the author's description as well as the code: what it claims about testing and rollout is part of the review. It sits above
            the code, folded; open it whenever you like.
          </li>
          <li>
            Click a line of the new code to comment on it. Say what is wrong and why it matters: a comment earns credit for what it says, on
            the line it is about, so a short, specific comment counts and "ok" on every line counts for nothing. Mark a comment blocking
            (fix before merging) or nit if you like; some lines look wrong and are fine.
          </li>
          <li>Finish with a short summary and a verdict: approve, request changes, or comment.</li>
        </ul>
        <h2>Time and saving</h2>
        <ul>
          <li>
            You have <strong>{allowedText}</strong> from when you press Start
            {extraTimePercent > 100 ? ` (${timeLimitMinutes} minutes plus the extra time you were granted)` : ""}. The clock runs on our
            server, so it keeps running if you close the tab.
          </li>
          <li>Every comment is saved the moment you add it, and what you are typing is kept as a draft. A reload loses nothing.</li>
          <li>At the deadline your review is kept as it is. You can submit earlier.</li>
        </ul>
        <p className="muted small">
          Opening this page has not started the clock.{" "}
          {tooNarrow
            ? `Start waits for a screen at least ${CODE_REVIEW_MIN_WIDTH_PX} pixels wide.`
            : "The editor loads first; Start is ready once it has."}
        </p>
        <div className="cr-preload" role="status">
          <label htmlFor="editor-progress" className="small">
            {failed ? "The code editor could not load." : LOADING_STEPS[step]}
          </label>
          {/* Indeterminate while downloading: the browser can't tell how far along it is. */}
          <progress id="editor-progress" max={LOADING_STEPS.length - 1} value={step === 0 && !failed ? undefined : step} />
        </div>
        {failed ? (
          <p className="form-error">
            Check your connection and try again; the clock has not started.{" "}
            <button type="button" className="btn btn-small" onClick={retry}>
              Try again
            </button>
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          <SubmitButton pendingText="Starting…" disabled={!ready || tooNarrow} aria-describedby={tooNarrow ? "needs-computer" : undefined}>
            Start the {allowedText.replace(" minutes", "-minute")} review
          </SubmitButton>
        </Form>
        {/* The editor is tried out here, off screen and out of the accessibility tree. */}
        <div ref={host} className="cr-warmup" aria-hidden="true" inert />
      </div>
    </main>
  );
}
