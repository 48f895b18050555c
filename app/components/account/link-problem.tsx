import { Link } from "react-router";
import type { OpenedLink } from "#app/models/account-rules";
import { formatDateTime } from "#app/utils/time";
import { AuthCard } from "./auth-card";

type Problem = Exclude<OpenedLink, { state: "valid" }>;

const TITLES: Record<Problem["state"], string> = {
  unknown: "This link doesn't work",
  inactive: "This account is closed",
  used: "This link has already been used",
  replaced: "A newer link replaced this one",
  expired: "This link has expired",
};

/**
 * Why an invitation or reset link can't set a password, and what to do instead. Never says whose
 * account it was: someone holding a mistyped or stolen link learns nothing from it.
 */
export function LinkProblem({ problem, kind }: { problem: Problem; kind: "invitation" | "reset" }) {
  const ask = problem.sentBy ? `Ask ${problem.sentBy}` : "Ask an admin";
  const what = kind === "invitation" ? "invitation" : "reset link";
  const next: Record<Problem["state"], string> = {
    unknown: `Check that the whole address from the email was copied. ${kind === "invitation" ? `${ask} to send a new invitation if it still doesn't work.` : "Or ask for a new reset link."}`,
    inactive: "The account this link belongs to has been deactivated. Ask an admin if you think that's a mistake.",
    used: `It has set a password already. Sign in with that password${kind === "invitation" ? "" : ", or ask for a new reset link if you've forgotten it"}.`,
    replaced: `A newer ${what} was sent since; use the link in the newest email.`,
    expired:
      kind === "invitation"
        ? `It worked until ${problem.expiresAt ? `${formatDateTime(problem.expiresAt, "UTC")} UTC` : "recently"}. ${ask} to send you a new invitation.`
        : `Reset links work for an hour. Ask for a new one below.`,
  };
  return (
    <AuthCard>
      <section role="alert" aria-labelledby="link-problem-title" className="stack">
        <h1 id="link-problem-title">{TITLES[problem.state]}</h1>
        <p>{next[problem.state]}</p>
        <p>
          {kind === "reset" ? (
            <>
              <Link to="/forgot">Ask for a new reset link</Link> ·{" "}
            </>
          ) : null}
          <Link to="/login">Go to sign in</Link>
        </p>
      </section>
    </AuthCard>
  );
}
