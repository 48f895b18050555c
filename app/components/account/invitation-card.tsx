import { Form } from "react-router";
import type { InvitationStatus } from "#app/models/account-link.server";
import { formatDateTime } from "#app/utils/time";
import { SubmitButton } from "../ui/submit-button";

const BADGES = {
  valid: { label: "Invitation sent", tone: "badge-info" },
  used: { label: "Invitation accepted", tone: "badge-ok" },
  expired: { label: "Invitation expired", tone: "badge-warn" },
  replaced: { label: "Invitation replaced", tone: "badge-muted" },
} as const;

type Props = {
  user: { name: string; email: string; active: boolean };
  invitation: InvitationStatus;
  hasPassword: boolean;
  timeZone: string;
  notice: { ok: boolean; message: string } | null;
};

/** The admin's view of how a person gets into their account: the invitation's state, resend, reset. */
export function InvitationCard({ user, invitation, hasPassword, timeZone, notice }: Props) {
  const at = (d: Date) => formatDateTime(d, timeZone);
  return (
    <section className="card stack" style={{ marginTop: "1rem" }} aria-labelledby="access-heading">
      <h2 id="access-heading">Signing in</h2>
      {notice ? (
        <p className={notice.ok ? "form-success" : "form-error"} role={notice.ok ? "status" : "alert"}>
          {notice.message}
        </p>
      ) : null}
      {invitation.kind === "none" ? (
        <p>{hasPassword ? "Has a password (added before invitations, or by the demo data)." : "No invitation has been sent yet."}</p>
      ) : (
        <>
          <p>
            <span className={`badge ${BADGES[invitation.kind].tone}`}>{BADGES[invitation.kind].label}</span>
          </p>
          <p>
            {invitation.kind === "used" && invitation.usedAt
              ? `Sent ${at(invitation.sentAt)}${invitation.sentBy ? ` by ${invitation.sentBy}` : ""}; accepted ${at(invitation.usedAt)}.`
              : invitation.kind === "valid"
                ? `Sent to ${user.email} on ${at(invitation.sentAt)}${invitation.sentBy ? ` by ${invitation.sentBy}` : ""}. The link works once, until ${at(invitation.expiresAt)}.`
                : invitation.kind === "expired"
                  ? `Sent ${at(invitation.sentAt)}; it expired unused on ${at(invitation.expiresAt)}.`
                  : hasPassword
                    ? "They set a password through a reset link instead."
                    : "It no longer works: a newer invitation replaced it, or their email address changed. Send a new one."}
          </p>
        </>
      )}
      {user.active && !hasPassword ? (
        <Form method="post">
          <p className="muted small">Sending a new invitation makes the link in any earlier one stop working.</p>
          <SubmitButton name="intent" value="resend-invitation" className="btn" pendingText="Sending…">
            {invitation.kind === "none" ? "Send invitation" : "Resend invitation"}
          </SubmitButton>
        </Form>
      ) : null}
      {user.active && hasPassword ? (
        <Form method="post">
          <p className="muted small">
            Emails {user.name} a link to choose a new password (it works for an hour). Their password keeps working until they do.
          </p>
          <SubmitButton name="intent" value="send-reset" className="btn" pendingText="Sending…">
            Email a password reset link
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}
