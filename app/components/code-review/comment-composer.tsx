import { useState } from "react";
import { useFetcher } from "react-router";
import { ErrorList } from "../ui/field";
import { useDebouncedSave } from "../ui/use-debounced-save";
import { PriorityChoice } from "./priority-choice";
import type { ActionReply, ReviewFile } from "./types";

const DRAFT_AUTOSAVE_MS = 800;

/**
 * The new comment. What is typed is saved as a draft shortly after each change (and at once if
 * the page goes away), so a reload or a dropped connection never loses it; saving the comment
 * clears the draft, the text and the chosen line.
 */
export function CommentComposer({
  file,
  line,
  initialBody,
  onLineChange,
  onSaved,
}: {
  file: ReviewFile;
  line: number | null;
  initialBody: string;
  onLineChange: (line: number | null) => void;
  onSaved: () => void;
}) {
  const fetcher = useFetcher<ActionReply>();
  const draft = useDebouncedSave<ActionReply>({ intent: "save-draft", delayMs: DRAFT_AUTOSAVE_MS });
  const [body, setBody] = useState(initialBody);
  const reply = fetcher.state === "idle" ? fetcher.data : undefined;
  // A new successful reply clears the box (derived during render, once per reply).
  const [handled, setHandled] = useState(reply);
  // Each saved comment starts the next one afresh, its priority choice included.
  const [saved, setSaved] = useState(0);
  if (reply !== handled) {
    setHandled(reply);
    if (reply?.ok) {
      setBody("");
      setSaved((n) => n + 1);
      onSaved();
    }
  }
  const draftState =
    draft.dirty || draft.fetcher.state !== "idle" ? "Saving draft…" : body.trim() && draft.fetcher.data?.ok ? "Draft saved." : "";
  return (
    <fetcher.Form
      method="post"
      className="card cr-composer"
      aria-labelledby="composer-heading"
      onChange={(e) => draft.schedule(e.currentTarget)}
      // The comment itself replaces the draft: a draft save still waiting must not bring it back.
      onSubmit={() => draft.cancel()}
    >
      <div className="row-between">
        <h2 id="composer-heading">New comment</h2>
        <span className="small muted" role="status">
          {draftState}
        </span>
      </div>
      <input type="hidden" name="intent" value="add-comment" />
      <input type="hidden" name="filePath" value={file.path} />
      <div className="cr-composer-target">
        <span className="small mono cr-composer-file" title={file.path}>
          {file.path}
        </span>
        <label htmlFor="comment-line" className="small">
          line
        </label>
        <input
          id="comment-line"
          name="line"
          type="number"
          min={1}
          max={file.lineCount}
          className="input cr-line-input"
          value={line ?? ""}
          onChange={(e) => onLineChange(e.target.value ? Number(e.target.value) : null)}
          aria-invalid={reply?.fieldErrors?.line ? true : undefined}
          aria-describedby={reply?.fieldErrors?.line ? "comment-line-error" : undefined}
        />
      </div>
      <ErrorList id="comment-line-error" errors={reply?.fieldErrors?.line ?? reply?.fieldErrors?.filePath} />
      <label htmlFor="comment-body" className="visually-hidden">
        New comment text
      </label>
      <textarea
        id="comment-body"
        name="body"
        className="textarea"
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={line ? `What's wrong on line ${line}, and what would you suggest?` : "Pick a line first"}
        aria-invalid={reply?.fieldErrors?.body ? true : undefined}
        aria-describedby={reply?.fieldErrors?.body ? "comment-body-error" : undefined}
      />
      <ErrorList id="comment-body-error" errors={reply?.fieldErrors?.body} />
      <PriorityChoice key={saved} idPrefix="comment-priority" defaultValue={null} />
      <ErrorList errors={reply?.fieldErrors?.priority} />
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
