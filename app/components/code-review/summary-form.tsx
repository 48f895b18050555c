import { useState } from "react";
import { ErrorList } from "../ui/field";
import { useDebouncedSave } from "../ui/use-debounced-save";
import type { ActionReply } from "./types";

const VERDICTS = [
  { value: "approve", label: "Approve" },
  { value: "request_changes", label: "Request changes" },
  { value: "comment", label: "Comment" },
];

const SUMMARY_AUTOSAVE_MS = 1000;

/**
 * Summary and verdict. Saved shortly after each change (and at once if the page goes away), with
 * the revision this tab last saw: a save from a stale tab is refused rather than overwriting.
 */
export function SummaryForm({
  summary,
  verdict,
  revision: initialRevision,
}: {
  summary: string;
  verdict: string | null;
  revision: number;
}) {
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
      <div className="row-between">
        <h2 id="summary-heading">Summary and verdict</h2>
        <span className="small muted" role="status">
          {busy ? "Saving…" : reply?.ok ? "Saved." : "Autosaved"}
        </span>
      </div>
      <input type="hidden" name="revision" value={revision} />
      <label htmlFor="review-summary" className="small">
        Overall summary
      </label>
      <textarea id="review-summary" name="summary" className="textarea" rows={3} defaultValue={summary} maxLength={10000} />
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
      <div className="row cr-summary-actions">
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
