// Invitations and password-reset links: issuing one (and its email, in the same transaction),
// reading what a link can still do, and using it once to set a password.
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { accountLinks, users, type AccountLinkPurpose, type Role } from "#db/schema";
import { db, type Db, type Tx } from "#app/utils/db.server";
import { hashPassword } from "#app/utils/password.server";
import { formatDateTime } from "#app/utils/time";
import { linkExpiry, linkState, type LinkState, type OpenedLink } from "./account-rules";
import { invitationEmail, passwordResetEmail } from "./account-mail";
import { recordAudit, type AuditActor } from "./audit.server";
import { queueEmail } from "./outbox.server";
import { deleteSessionsOfUser } from "./session.server";

/** The path each kind of link opens. */
export const LINK_PATHS: Record<AccountLinkPurpose, string> = { invitation: "/invite", password_reset: "/reset" };

// 32 random bytes, as base64url: 43 characters. Anything else is not a link we sent.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A fresh link secret and the hash that is all the database keeps of it. */
export function newLinkToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashLinkToken(token) };
}

type Mail = { now: Date; smtp: boolean; appUrl: string };

/** Replaces this person's open links of this purpose with a new one; returns the new link's secret. */
function issueLink(
  tx: Tx,
  { userId, purpose, sentById, now }: { userId: number; purpose: AccountLinkPurpose; sentById: number | null; now: Date },
) {
  tx.update(accountLinks)
    .set({ revokedAt: now })
    .where(
      and(eq(accountLinks.userId, userId), eq(accountLinks.purpose, purpose), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt)),
    )
    .run();
  const { token, tokenHash } = newLinkToken();
  const expiresAt = linkExpiry(purpose, now);
  tx.insert(accountLinks).values({ userId, purpose, tokenHash, sentById, expiresAt, createdAt: now }).run();
  return { token, expiresAt };
}

type Invitee = { id: number; name: string; email: string; role: Role; timeZone: string };

function sendInvitation(tx: Tx, actor: AuditActor & { id: number }, person: Invitee, { now, smtp, appUrl }: Mail, again: boolean) {
  const { token, expiresAt } = issueLink(tx, { userId: person.id, purpose: "invitation", sentById: actor.id, now });
  queueEmail(tx, invitationEmail(person, { link: `${appUrl}${LINK_PATHS.invitation}/${token}`, expiresAt, inviter: actor.name }), {
    now,
    smtp,
  });
  // The link itself is never written down: the audit says when it was sent and until when it works.
  recordAudit(tx, {
    actor,
    at: now,
    action: "invite",
    entityType: "user",
    entityId: person.id,
    summary: `${again ? "Resent the invitation" : "Sent an invitation"} to ${person.name} (${person.email}), valid until ${formatDateTime(expiresAt, "UTC")} UTC`,
    after: { invitationExpiresAt: expiresAt.toISOString() },
  });
  return expiresAt;
}

/** Sends the invitation of someone just added (createUser, in its transaction). */
export function inviteNewUser(tx: Tx, actor: AuditActor & { id: number }, person: Invitee, mail: Mail) {
  return sendInvitation(tx, actor, person, mail, false);
}

export type ResendResult = { ok: true; expiresAt: Date; email: string } | { ok: false; message: string };

/** A new invitation for someone who hasn't accepted theirs; the old link stops working. */
export function resendInvitation(actor: AuditActor & { id: number }, userId: number, mail: Mail): ResendResult | null {
  return db().transaction((tx) => {
    const person = tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        timeZone: users.timeZone,
        active: users.active,
        passwordHash: users.passwordHash,
      })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!person) return null;
    if (!person.active) return { ok: false as const, message: "This user is deactivated: reactivate them before inviting them again." };
    if (person.passwordHash) return { ok: false as const, message: `${person.name} has already set a password; they sign in with it.` };
    return { ok: true as const, expiresAt: sendInvitation(tx, actor, person, mail, true), email: person.email };
  });
}

export type InvitationStatus =
  { kind: "none" } | { kind: LinkState; sentAt: Date; expiresAt: Date; usedAt: Date | null; sentBy: string | null };

/** The newest invitation of this person and what it can still do: what the admin's user page shows. */
export function invitationStatus(userId: number, now: Date): InvitationStatus {
  const row = db()
    .select({
      createdAt: accountLinks.createdAt,
      expiresAt: accountLinks.expiresAt,
      usedAt: accountLinks.usedAt,
      revokedAt: accountLinks.revokedAt,
      sentBy: users.name,
    })
    .from(accountLinks)
    .leftJoin(users, eq(users.id, accountLinks.sentById))
    .where(and(eq(accountLinks.userId, userId), eq(accountLinks.purpose, "invitation")))
    .orderBy(desc(accountLinks.id))
    .limit(1)
    .get();
  if (!row) return { kind: "none" };
  return { kind: linkState(row, now), sentAt: row.createdAt, expiresAt: row.expiresAt, usedAt: row.usedAt, sentBy: row.sentBy };
}

/**
 * A reset link for this address if it belongs to an active account; nothing at all otherwise. The
 * caller answers the same either way (the forgot page never says whether an address is known).
 */
export function requestPasswordReset(
  { email, actor, client }: { email: string; actor: AuditActor | null; client: string },
  mail: Mail,
): { sent: boolean } {
  // The secret is drawn for every request, known address or not, so both take the same work.
  const person = db()
    .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone, active: users.active })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (!person?.active) {
    newLinkToken();
    return { sent: false };
  }
  db().transaction((tx) => {
    const { token, expiresAt } = issueLink(tx, {
      userId: person.id,
      purpose: "password_reset",
      sentById: actor?.id ?? null,
      now: mail.now,
    });
    queueEmail(tx, passwordResetEmail(person, { link: `${mail.appUrl}${LINK_PATHS.password_reset}/${token}`, expiresAt }), mail);
    recordAudit(tx, {
      actor: actor ?? { id: null, name: "Not signed in" },
      at: mail.now,
      action: "password_reset_request",
      entityType: "user",
      entityId: person.id,
      summary: actor
        ? `Sent ${person.name} a password reset link`
        : `Password reset link sent to ${person.name} on request (from ${client})`,
    });
  });
  return { sent: true };
}

function findLink(tx: Tx | Db, token: string, purpose: AccountLinkPurpose) {
  if (!TOKEN_PATTERN.test(token)) return null;
  return (
    tx
      .select({
        id: accountLinks.id,
        userId: accountLinks.userId,
        expiresAt: accountLinks.expiresAt,
        usedAt: accountLinks.usedAt,
        revokedAt: accountLinks.revokedAt,
        sentById: accountLinks.sentById,
        name: users.name,
        email: users.email,
        role: users.role,
        active: users.active,
      })
      .from(accountLinks)
      .innerJoin(users, eq(users.id, accountLinks.userId))
      .where(and(eq(accountLinks.tokenHash, hashLinkToken(token)), eq(accountLinks.purpose, purpose)))
      .get() ?? null
  );
}

function describe(tx: Tx | Db, link: ReturnType<typeof findLink>, now: Date): OpenedLink {
  if (!link) return { state: "unknown", sentBy: null, expiresAt: null };
  const sentBy = link.sentById
    ? (tx.select({ name: users.name }).from(users).where(eq(users.id, link.sentById)).get()?.name ?? null)
    : null;
  if (!link.active) return { state: "inactive", sentBy, expiresAt: link.expiresAt };
  const state = linkState(link, now);
  if (state === "valid") return { state, user: { name: link.name, email: link.email }, expiresAt: link.expiresAt };
  return { state, sentBy, expiresAt: link.expiresAt };
}

/** What a link can do at `now`, and whose it is while it still works. */
export function openLink(token: string, purpose: AccountLinkPurpose, now: Date): OpenedLink {
  return describe(db(), findLink(db(), token, purpose), now);
}

export type LinkUse = { ok: true; user: { id: number; role: Role } } | { ok: false; link: OpenedLink };

/**
 * Sets the password through a link, once: the link is marked used, every other open link of the
 * person is closed, and every session they had ends (whoever held the old password is out).
 */
export async function setPasswordWithLink({
  token,
  purpose,
  password,
  now,
}: {
  token: string;
  purpose: AccountLinkPurpose;
  password: string;
  now: Date;
}): Promise<LinkUse> {
  const passwordHash = await hashPassword(password);
  const result = db().transaction((tx): LinkUse => {
    // Judged again inside the transaction: two tabs using one link cannot both succeed.
    const link = findLink(tx, token, purpose);
    const opened = describe(tx, link, now);
    if (!link || opened.state !== "valid") return { ok: false, link: opened };
    tx.update(accountLinks).set({ usedAt: now }).where(eq(accountLinks.id, link.id)).run();
    tx.update(accountLinks)
      .set({ revokedAt: now })
      .where(and(eq(accountLinks.userId, link.userId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt)))
      .run();
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, link.userId)).run();
    recordAudit(tx, {
      actor: { id: link.userId, name: link.name },
      at: now,
      action: purpose === "invitation" ? "invitation_accept" : "password_reset",
      entityType: "user",
      entityId: link.userId,
      summary: purpose === "invitation" ? "Accepted the invitation and set a password" : "Reset their password through an emailed link",
      after: { password: "changed" },
    });
    return { ok: true, user: { id: link.userId, role: link.role } };
  });
  if (result.ok) deleteSessionsOfUser(result.user.id);
  return result;
}

/**
 * Closes this person's open links (of one purpose, or all): a password changed some other way makes
 * reset links moot, and a changed email address means the links went to the wrong inbox.
 */
export function closeOpenLinks(tx: Tx, userId: number, now: Date, purpose?: AccountLinkPurpose) {
  tx.update(accountLinks)
    .set({ revokedAt: now })
    .where(
      and(
        eq(accountLinks.userId, userId),
        purpose ? eq(accountLinks.purpose, purpose) : undefined,
        isNull(accountLinks.usedAt),
        isNull(accountLinks.revokedAt),
      ),
    )
    .run();
}

/** Whether this person has chosen a password (an invited person hasn't yet). */
export function hasPassword(userId: number): boolean {
  return Boolean(db().select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.h);
}
