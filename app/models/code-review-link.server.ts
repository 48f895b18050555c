import { z } from "zod";
import { allowedMs, assignmentPhase, EXTRA_TIME_PERCENTS, type ExtraTimePercent } from "#app/models/assignment-phase";
import { createAssignment, getAssignmentForInterview, reissueLink } from "./assignment.server";
import type { getLatestLoop } from "./loop.server";
import { getReviewResult } from "./review-grade.server";
import { signAssignmentToken } from "#app/utils/assignment-token.server";
import { publicLink } from "#app/utils/public-url.server";
import type { SessionUser } from "./session.server";

type Loop = NonNullable<ReturnType<typeof getLatestLoop>>;

/**
 * Each code-review interview of the loop with its progress and scores, and the candidate link
 * (at PUBLIC_URL) when `links` is asked for (the candidate page); the debrief only needs the results.
 */
export async function codeReviewsOf(loop: Loop | null, { links }: { links: boolean }, now: Date) {
  if (!loop) return [];
  const rows = loop.interviews.filter((i) => i.stage === "code_review" && i.status !== "cancelled" && i.exerciseKind === "code_review");
  return Promise.all(
    rows.map(async (i) => {
      const a = getAssignmentForInterview(i.id);
      const minutes = i.exerciseMinutes ?? 40;
      if (!a) return { interviewId: i.id, exerciseTitle: i.exerciseTitle, interviewerName: i.interviewerName, minutes, assignment: null };
      const phase = assignmentPhase(a, now);
      const token =
        links &&
        (await signAssignmentToken({
          assignmentId: a.id,
          tokenId: a.tokenId,
          // The link lasts its validity plus the time allowed, so a late start can still finish.
          expiresAt: new Date(a.linkExpiresAt.getTime() + allowedMs(a)),
        }));
      const result = phase === "submitted" || phase === "time_up" ? getReviewResult(a) : null;
      return {
        interviewId: i.id,
        exerciseTitle: i.exerciseTitle,
        interviewerName: i.interviewerName,
        minutes,
        assignment: {
          id: a.id,
          phase,
          link: token ? publicLink(`/review/${token}`) : "",
          linkExpiresAt: a.linkExpiresAt,
          timeLimitMinutes: a.timeLimitMinutes,
          startedAt: a.startedAt,
          deadlineAt: a.deadlineAt,
          submittedAt: a.submittedAt,
          verdict: a.verdict,
          comments: result?.comments.length ?? null,
          autoScore: result?.auto.recall ?? null,
          gradedScore: result?.graded?.recall ?? null,
          gradedBy: result?.grade?.graderName ?? null,
        },
      };
    }),
  );
}

const CodeReviewActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create-link"),
    interviewId: z.coerce.number().int().positive(),
    timeLimitMinutes: z.coerce
      .number({ error: "Enter the time limit in minutes" })
      .int("Use whole minutes")
      .min(10, "Allow at least 10 minutes")
      .max(180, "Keep the exercise under 180 minutes"),
    extraTimePercent: z.coerce
      .number()
      .default(100)
      .refine((n) => (EXTRA_TIME_PERCENTS as readonly number[]).includes(n), "Choose no extra time, ×1.25, ×1.5 or ×2")
      .transform((n) => n as ExtraTimePercent),
  }),
  z.object({ intent: z.literal("reissue-link"), interviewId: z.coerce.number().int().positive() }),
]);

/** Creates or re-issues a candidate link, for a code-review interview of this candidate's loop only. */
export function handleCodeReviewAction(
  user: SessionUser,
  loop: Loop | null,
  formData: FormData,
  now: Date,
): { ok: true } | { ok: false; error: string } {
  const parsed = CodeReviewActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => i.message).join(" ") };
  const interview = loop?.interviews.find((i) => i.id === parsed.data.interviewId);
  if (
    !loop ||
    loop.status !== "open" ||
    !interview ||
    interview.stage !== "code_review" ||
    interview.exerciseKind !== "code_review" ||
    interview.status === "cancelled"
  )
    return { ok: false, error: "That interview has no code-review exercise in this candidate's open loop." };
  if (parsed.data.intent === "create-link") {
    // Less than the pull request's own time limit would ask for review faster than it can be done well.
    const fair = interview.exerciseMinutes ?? 10;
    if (parsed.data.timeLimitMinutes < fair)
      return { ok: false, error: `This pull request needs at least ${fair} minutes, the time its size asks for (choose ${fair} or more).` };
    createAssignment(
      user,
      { interviewId: interview.id, timeLimitMinutes: parsed.data.timeLimitMinutes, extraTimePercent: parsed.data.extraTimePercent },
      now,
    );
    return { ok: true };
  }
  const a = getAssignmentForInterview(interview.id);
  if (!a || !reissueLink(user, a.id, now)) return { ok: false, error: "A submitted review's link can't be re-issued." };
  return { ok: true };
}
