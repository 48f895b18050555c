// The rules of account links and passwords, pure so the forms, the models and their tests share
// them. A link is an invitation (an admin adds someone) or a password reset (someone forgot).

/** How long an invitation works: long enough to survive a week of holiday. */
export const INVITATION_DAYS = 7;
/** How long a reset link works: a reset is asked for by someone waiting for the email. */
export const RESET_MINUTES = 60;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export type LinkRow = { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null };
export type LinkState = "valid" | "used" | "replaced" | "expired";

/** A link as its page sees it: whose it is while it works; otherwise only why not. */
export type OpenedLink =
  | { state: "valid"; user: { name: string; email: string }; expiresAt: Date }
  | { state: "unknown" | "inactive" | Exclude<LinkState, "valid">; sentBy: string | null; expiresAt: Date | null };

/** What a link can still do at `now`: used and replaced win over expired (they happened first). */
export function linkState(link: LinkRow, now: Date): LinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "replaced";
  return link.expiresAt.getTime() > now.getTime() ? "valid" : "expired";
}

export function linkExpiry(purpose: "invitation" | "password_reset", now: Date): Date {
  return new Date(now.getTime() + (purpose === "invitation" ? INVITATION_DAYS * 86_400_000 : RESET_MINUTES * 60_000));
}

const squash = (s: string) => s.toLowerCase().replace(/[\s._-]+/g, "");

/**
 * Why this password is refused for this person, or null. Length is what makes a password slow to
 * guess; the person's own name and email are the first things someone guessing would try.
 */
export function passwordProblem(password: string, person: { email: string; name: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters: a longer password takes far longer to guess. A few unrelated words work well.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Keep the password under ${MAX_PASSWORD_LENGTH} characters`;
  const typed = squash(password);
  const local = squash(person.email.split("@")[0] ?? "");
  const name = squash(person.name);
  const parts = person.name
    .split(/\s+/)
    .map(squash)
    .filter((p) => p.length >= 4);
  if (typed === squash(person.email) || (local.length >= 4 && typed.includes(local)) || (name.length >= 4 && typed.includes(name)))
    return "Don't build it from your name or email: they are the first things someone guessing would try.";
  if (parts.some((p) => typed.length - p.length < 6 && typed.includes(p)))
    return "Don't build it from your name or email: they are the first things someone guessing would try.";
  return null;
}

// An account link in an email's text: /invite/ or /reset/ and the 43-character secret.
const LINK_IN_TEXT = /(\/(?:invite|reset)\/)[A-Za-z0-9_-]{43}/g;

/**
 * The email's text with its account links' secrets blanked: what the outbox keeps once the mail
 * server has the email, so a copy of the database opens no account (the links are stored hashed).
 */
export function withoutAccountLinks(body: string): string {
  return body.replace(LINK_IN_TEXT, "$1(removed once delivered)");
}
