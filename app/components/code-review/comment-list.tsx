import { useEffect, useState } from "react";
import { useFetcher, useRevalidator } from "react-router";
import { ErrorList } from "../ui/field";
import { PriorityBadge, PriorityChoice } from "./priority-choice";
import type { ActionReply, ReviewComment } from "./types";

/** The candidate's saved comments, by file and line; each opens its line in the editor, and can be edited or deleted. */
export function CommentList({ comments, onJump }: { comments: ReviewComment[]; onJump: (c: ReviewComment) => void }) {
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

function CommentItem({ comment, onJump }: { comment: ReviewComment; onJump: (c: ReviewComment) => void }) {
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
      </button>{" "}
      <PriorityBadge priority={comment.priority} />
      {editing ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="edit-comment" />
          <input type="hidden" name="commentId" value={comment.id} />
          <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
            Edit comment on {comment.filePath} line {comment.line}
          </label>
          <textarea id={`edit-${comment.id}`} name="body" className="textarea" rows={3} defaultValue={comment.body} />
          <ErrorList errors={reply?.fieldErrors?.body} />
          <PriorityChoice idPrefix={`edit-priority-${comment.id}`} defaultValue={comment.priority} />
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
