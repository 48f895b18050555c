// The take-home's pieces shared by its pages: the candidate's link, the kit page's panel and its
// actions, the submission form's checks, and the suggestions its grade makes on the scorecard.
import { z } from "zod";
import { assignmentPhase } from "#app/models/assignment-phase";
import { reissueLink } from "./assignment.server";
import { gradeSuggestions } from "#app/models/checklist";
import { getKit, type Kit } from "./kit.server";
import type { getInterview } from "./interview.server";
import { getTakeHome, getTakeHomeByAssignment, sendTakeHome, type TakeHome } from "./take-home.server";
import { signAssignmentToken, verifyAssignmentToken } from "#app/utils/assignment-token.server";
import { plainError } from "#app/utils/http.server";
import { publicLink } from "#app/utils/public-url.server";
import type { SessionUser } from "./session.server";

type Interview = NonNullable<ReturnType<typeof getInterview>>;
const DAY = 24 * 3600_000;

const INVALID_LINK =
  "This link isn't valid. It may have been mistyped, replaced by a newer link, or expired. Ask your recruiter for a new one.";

/** The take-home a candidate's link opens; a forged, replaced or expired link is a 404 they can act on. */
export async function takeHomeFromLink(token: string | undefined) {
  const claims = token ? await verifyAssignmentToken(token, "take_home") : null;
  const takeHome = claims ? getTakeHomeByAssignment(claims.assignmentId) : null;
  const kit = takeHome ? getKit(takeHome.exerciseId) : null;
  if (!claims || !takeHome || !kit?.content?.takeHome || takeHome.tokenId !== claims.tokenId) throw plainError(INVALID_LINK, 404);
  return { takeHome, kit, settings: kit.content.takeHome };
}

/** The link (at PUBLIC_URL) lasts a day past the deadline, so a candidate who is late is told so rather than "invalid". */
export async function takeHomeLink(t: TakeHome) {
  const token = await signAssignmentToken({
    assignmentId: t.assignmentId,
    tokenId: t.tokenId,
    expiresAt: new Date((t.deadlineAt?.getTime() ?? t.linkExpiresAt.getTime()) + DAY),
    purpose: "take_home",
  });
  return publicLink(`/take-home/${token}`);
}

export async function takeHomePanel(interview: Interview, kit: Kit, now: Date) {
  const t = getTakeHome(interview.id);
  const open = interview.loopStatus === "open" && interview.status !== "cancelled";
  const defaultDays = kit.content?.takeHome?.submitWithinDays ?? 7;
  if (!t) return { sent: null, canSend: open, defaultDays };
  const phase = assignmentPhase(t, now);
  return {
    sent: {
      phase,
      deadlineAt: t.deadlineAt,
      submittedAt: t.submittedAt,
      link: phase === "in_progress" ? await takeHomeLink(t) : null,
      submission: t.submission ? { kind: t.submission.storedName ? "archive" : "repository", bytes: t.submission.bytes } : null,
      gradedBy: t.grade?.graderName ?? null,
    },
    canSend: open,
    defaultDays,
  };
}

const TakeHomeKitSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("take-home-send"),
    days: z.coerce
      .number({ error: "Enter the days allowed" })
      .int("Use whole days")
      .min(2, "Allow at least 2 days")
      .max(21, "Allow at most 21 days"),
  }),
  z.object({ intent: z.literal("take-home-reissue") }),
]);

/** Sends the take-home of an open loop's take-home interview, or replaces its link. */
export function handleTakeHomeKitAction(
  user: SessionUser,
  interview: Interview,
  kit: Kit | null,
  formData: FormData,
  now: Date,
): { ok: true } | { ok: false; error: string } {
  const parsed = TakeHomeKitSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join(" ") };
  if (!kit?.content?.takeHome || interview.loopStatus !== "open" || interview.status === "cancelled")
    return { ok: false, error: "This interview has no take-home to send in an open loop." };
  if (parsed.data.intent === "take-home-reissue") {
    const t = getTakeHome(interview.id);
    if (!t || !reissueLink(user, t.assignmentId, now)) return { ok: false, error: "Only an unsubmitted take-home's link can be replaced." };
    return { ok: true };
  }
  sendTakeHome(user, { interviewId: interview.id, days: parsed.data.days }, now);
  return { ok: true };
}

export const RepositoryUrlSchema = z
  .string()
  .trim()
  .max(500, "Keep the URL under 500 characters")
  .refine((s) => URL.canParse(s), "Enter the full URL of the repository, starting with https://")
  .refine((s) => URL.canParse(s) && new URL(s).protocol === "https:", "Use an https:// URL")
  .refine(
    (s) => URL.canParse(s) && !new URL(s).username && !new URL(s).password,
    "Leave passwords and tokens out of the URL; make the repository readable instead",
  )
  .refine((s) => URL.canParse(s) && new URL(s).pathname.length > 1, "Link to the repository itself, not the site's home page");

/**
 * Suggested levels from a saved take-home grade, to pre-fill the scorecard: per dimension, the
 * level its ticks reach and the workings as the evidence line. Nothing when there is no saved grade.
 */
export function takeHomeSuggestions(interview: { id: number; stage: string; exerciseId: number | null }) {
  if (interview.stage !== "take_home" || !interview.exerciseId) return {};
  const t = getTakeHome(interview.id);
  const checklist = getKit(interview.exerciseId)?.content?.checklist;
  if (!t?.grade || !checklist) return {};
  return gradeSuggestions(checklist, t.grade.checked);
}
