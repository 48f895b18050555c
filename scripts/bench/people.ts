// The people the bench plays: the hiring manager reading pages, interviewers typing into their
// drafts and submitting, candidates commenting on a pull request. Requests are built as the
// browser sends them: the scorecard's field names from app/components/scorecard-form.tsx, the
// fetcher's `.data` URL for saves (React Router's single fetch), an Origin header on every POST.
import { getCodeReviewExercise } from "#app/models/code-review-exercise.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { SESSION_COOKIE } from "#app/auth/session.server";
import { BENCH_PASSWORD, type Draft, type RubricShape, type RunningReview } from "./history";
import { typedSoFar } from "./history-text";
import { BenchError, send, type Request } from "./load";

const SAVE_TIMEOUT_MS = 10_000;
const post = (base: string, body: FormData | URLSearchParams, cookie?: string): RequestInit => ({
  method: "POST",
  headers: { Origin: base, ...(cookie ? { Cookie: cookie } : {}) },
  body,
});

export function page(base: string, path: string, cookie?: string): Request {
  return { url: base + path, init: cookie ? { headers: { Cookie: cookie } } : undefined };
}

/** Signs in through the sign-in form, as a person would, and returns the session cookie. */
export async function signIn(base: string, email: string): Promise<string> {
  const reply = await send({
    url: `${base}/login`,
    init: post(base, new URLSearchParams({ email, password: BENCH_PASSWORD })),
    ok: (status) => status === 302 || status === 303,
  });
  const cookie = reply.headers
    ?.getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!reply.ok || !cookie) throw new BenchError(`Could not sign in as ${email}: ${reply.problem ?? "no session cookie in the reply"}`);
  return cookie;
}

/** One signed-in session per item, a few sign-ins at a time (each costs the server a scrypt). */
export async function signInEach<T extends { interviewerEmail: string }>(base: string, items: T[]) {
  const sessions: (T & { cookie: string })[] = [];
  for (let i = 0; i < items.length; i += 4)
    sessions.push(
      ...(await Promise.all(items.slice(i, i + 4).map(async (item) => ({ ...item, cookie: await signIn(base, item.interviewerEmail) })))),
    );
  return sessions;
}

/**
 * What the scorecard form holds after `keystrokes` saves: the stage's focus dimensions rated one
 * by one, their evidence and the take-aways growing word by word, the other fields empty.
 */
function scorecardForm(shape: RubricShape, draft: Draft, keystrokes: number, complete: boolean) {
  const form = new FormData();
  const focus = shape.focus[draft.stage] ?? [];
  shape.dimensions.forEach((d, i) => {
    const reached = complete || focus.indexOf(d) <= keystrokes / 3;
    if (focus.includes(d) && reached) form.append(`rating.${d}`, String(1 + (i % 4)));
    form.append(`evidence.${d}`, focus.includes(d) && reached ? typedSoFar(keystrokes, i * 7) : "");
  });
  for (const flag of shape.redFlags) form.append(`note.${flag}`, "");
  form.append("recommendation", complete ? "yes" : "");
  form.append("takeaways", typedSoFar(keystrokes, 3));
  return form;
}

export function autosave(base: string, session: Draft & { cookie: string }, shape: RubricShape, keystrokes: number): Request {
  const form = scorecardForm(shape, session, keystrokes, false);
  form.set("intent", "autosave");
  return {
    url: `${base}/interviews/${session.interviewId}/scorecard.data`,
    init: post(base, form, session.cookie),
    timeoutMs: SAVE_TIMEOUT_MS,
  };
}

/** Submits a scorecard that passes the submit validation; the app answers with a redirect. */
export function submit(base: string, session: Draft & { cookie: string }, shape: RubricShape): Request {
  const form = scorecardForm(shape, session, 40, true);
  form.set("intent", "submit");
  return {
    url: `${base}/interviews/${session.interviewId}/scorecard.data`,
    init: post(base, form, session.cookie),
    timeoutMs: SAVE_TIMEOUT_MS,
    ok: (status) => status >= 200 && status < 400,
  };
}

export type Reviewer = RunningReview & { token: string; files: { path: string; lineCount: number }[] };

/** The candidate's private link for each running exercise, signed with the server's key. */
export async function reviewers(reviews: RunningReview[]): Promise<Reviewer[]> {
  return Promise.all(
    reviews.map(async (review) => ({
      ...review,
      token: await signAssignmentToken({
        assignmentId: review.assignmentId,
        tokenId: review.tokenId,
        expiresAt: new Date(review.expiresAt),
      }),
      files: getCodeReviewExercise(review.exerciseSlug).files.map((f) => ({ path: f.path, lineCount: f.lineCount })),
    })),
  );
}

/** A new comment on a real line of one of the pull request's files. */
export function comment(base: string, reviewer: Reviewer, n: number): Request {
  const file = reviewer.files[n % reviewer.files.length]!;
  const form = new FormData();
  form.set("intent", "add-comment");
  form.set("filePath", file.path);
  form.set("line", String(1 + ((n * 7) % file.lineCount)));
  form.set("body", `${typedSoFar(n, n)}: what happens here when the feature store times out?`);
  return { url: `${base}/review/${reviewer.token}.data`, init: post(base, form), timeoutMs: SAVE_TIMEOUT_MS };
}
