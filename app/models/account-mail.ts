// The two emails that carry an account link. The link is the only secret in them; its address is
// built from PUBLIC_URL by the caller (appUrl), never from the request.
import type { Role } from "#db/schema";
import { formatDateTime } from "#app/utils/time";
import { ROLE_LABELS } from "./labels";
import type { Email } from "./outbox.server";

type Person = { name: string; email: string; timeZone: string };

const until = (at: Date, timeZone: string) => `${formatDateTime(at, timeZone)} (${timeZone})`;

export function invitationEmail(
  person: Person & { role: Role },
  { link, expiresAt, inviter }: { link: string; expiresAt: Date; inviter: string },
): Email {
  return {
    toAddress: person.email,
    toName: person.name,
    subject: "You're invited to Loopwise",
    body: [
      `Hello ${person.name},`,
      "",
      `${inviter} has added you to Loopwise, where the team runs its structured interviews, as ${ROLE_LABELS[person.role].toLowerCase()}.`,
      "",
      `Choose your password here: ${link}`,
      "",
      `The link works once, until ${until(expiresAt, person.timeZone)}. Once you have chosen a password you sign in with ${person.email}.`,
      `If the link has expired, ask ${inviter} to send you a new one. If you weren't expecting this, you can ignore it.`,
    ].join("\n"),
  };
}

export function passwordResetEmail(person: Person, { link, expiresAt }: { link: string; expiresAt: Date }): Email {
  return {
    toAddress: person.email,
    toName: person.name,
    subject: "Reset your Loopwise password",
    body: [
      `Hello ${person.name},`,
      "",
      "Someone (we hope you) asked to reset the password of your Loopwise account.",
      "",
      `Choose a new password here: ${link}`,
      "",
      `The link works once, until ${until(expiresAt, person.timeZone)}. Choosing a new password signs you out everywhere else.`,
      "If you didn't ask for this, ignore this email: your password stays as it is.",
    ].join("\n"),
  };
}
