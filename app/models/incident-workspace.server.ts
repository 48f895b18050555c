// The incident workspace, shared by the candidate's link and the interviewer-driven screen: what
// the page shows at each phase, and the one action handler both use.
import { z } from "zod";
import { renderDocument } from "#app/utils/markdown.server";
import { assignmentPhase } from "./assignment-phase";
import { expiredLinkNotice, startAssignment } from "./assignment.server";
import { showEvidence } from "./evidence-view.server";
import { addHypothesis, askForEvidence, listSteps, revealEvidence, saveConclusion, type IncidentRun } from "./incident.server";
import type { Scenario } from "./incident-scenario";
import type { Kit } from "./kit.server";

export const ANSWER_MAX = 5000;
export const HYPOTHESIS_MAX = 2000;

/** The kit's scenario; a debugging kit always has one (checked when kits load). */
export function scenarioOf(kit: Kit): Scenario {
  const scenario = kit.content?.scenario;
  if (!scenario) throw new Error(`Kit ${kit.slug} v${kit.version} has no scenario`);
  return scenario;
}

export function workspaceData(run: IncidentRun, kit: Kit, now: Date) {
  const scenario = scenarioOf(kit);
  const phase = assignmentPhase(run, now);
  const started = phase !== "not_started";
  const steps = started ? listSteps(run.assignmentId) : [];
  const start = run.startedAt?.getTime() ?? now.getTime();
  const revealed = steps
    .filter((s) => s.kind === "evidence")
    .map((s, i) => ({ look: i + 1, ...showEvidence(scenario.evidence.find((e) => e.id === s.evidenceId)!) }))
    .reverse();
  const seen = new Set(revealed.map((r) => r.id));
  return {
    phase,
    // A candidate's link that expired unstarted says so instead of offering Start.
    linkExpired: phase === "not_started" && run.mode === "candidate_link" ? expiredLinkNotice(run.assignmentId, now) : null,
    title: kit.title,
    promptHtml: renderDocument(kit.content!.prompt, { idPrefix: "prompt", headingOffset: 1 }).html,
    timeLimitMinutes: run.timeLimitMinutes,
    // The list of what exists is only sent while the clock runs.
    catalogue:
      phase === "in_progress"
        ? scenario.categories.map((c) => ({
            ...c,
            items: scenario.evidence.filter((e) => e.category === c.id).map((e) => ({ id: e.id, title: e.title, seen: seen.has(e.id) })),
          }))
        : [],
    revealed,
    notes: steps
      .filter((s) => s.kind !== "evidence")
      .map((s) => ({ id: s.id, kind: s.kind, text: s.text, offsetMs: s.at.getTime() - start }))
      .reverse(),
    conclusion: { rootCause: run.rootCause, mitigation: run.mitigation, prevention: run.prevention },
    revision: run.revision,
    deadlineAt: run.deadlineAt?.getTime() ?? null,
    serverNow: now.getTime(),
  };
}

export type WorkspaceData = ReturnType<typeof workspaceData>;

const answer = (what: string) =>
  z
    .string()
    .max(ANSWER_MAX, `Keep the ${what} under ${ANSWER_MAX.toLocaleString("en-GB")} characters`)
    .default("")
    .transform((s) => s.trim());

export const IncidentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({ intent: z.literal("reveal"), evidenceId: z.string({ error: "Choose the evidence to show" }).max(60, "Unknown evidence") }),
  z.object({
    intent: z.literal("ask"),
    asked: z
      .string({ error: "Type what you want to look at" })
      .trim()
      .min(2, "Type what you want to look at, e.g. “null rates”")
      .max(200, "Keep it under 200 characters"),
  }),
  z.object({
    intent: z.literal("hypothesis"),
    text: z
      .string({ error: "Write the hypothesis" })
      .trim()
      .min(1, "Write the hypothesis before adding it")
      .max(HYPOTHESIS_MAX, `Keep a hypothesis under ${HYPOTHESIS_MAX.toLocaleString("en-GB")} characters`),
  }),
  z.object({
    intent: z.enum(["save-conclusion", "submit"]),
    rootCause: answer("root cause"),
    mitigation: answer("mitigation"),
    prevention: answer("prevention plan"),
    revision: z.coerce.number().int().min(0),
  }),
]);

export type IncidentReply = {
  ok: boolean;
  intent?: string;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  matches?: { id: string; title: string }[];
  revision?: number;
};

/** Runs one action of the workspace; `reload` asks the route to redirect to itself (Start, Submit). */
export function handleIncidentAction(
  run: IncidentRun,
  scenario: Scenario,
  formData: FormData,
  now: Date,
): { status: number; body: IncidentReply; reload?: true } {
  const parsed = IncidentActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return {
      status: 400,
      body: { ok: false, intent: String(formData.get("intent") ?? ""), fieldErrors, message: fieldErrors.intent?.join(" ") },
    };
  }
  const input = parsed.data;
  const reply = (result: { ok: boolean; status?: number; message?: string; matches?: IncidentReply["matches"] }) => ({
    status: result.ok ? 200 : (result.status ?? 400),
    body: { ok: result.ok, intent: input.intent, message: result.message, matches: result.matches },
  });
  switch (input.intent) {
    case "start":
      // Refused once a candidate's link has expired (the page then says so); a driven run has no link.
      startAssignment(run.assignmentId, now, { viaLink: run.mode === "candidate_link" });
      return { status: 200, body: { ok: true, intent: "start" }, reload: true };
    case "reveal":
      return reply(revealEvidence(run.assignmentId, scenario, input.evidenceId, now));
    case "ask": {
      const result = askForEvidence(run.assignmentId, scenario, input.asked, now);
      return reply(
        result.ok && result.found === "none"
          ? { ok: true, message: `There is nothing called “${input.asked}” here. Try other words, or pick from a category.` }
          : result,
      );
    }
    case "hypothesis":
      return reply(addHypothesis(run.assignmentId, input.text, now));
    case "save-conclusion":
    case "submit": {
      const submit = input.intent === "submit";
      if (submit && !input.rootCause)
        return {
          status: 400,
          body: {
            ok: false,
            intent: input.intent,
            fieldErrors: { rootCause: ["Write the root cause as you understand it before submitting"] },
          },
        };
      const result = saveConclusion(run.assignmentId, { ...input, submit }, now);
      if (!result.ok) return reply(result);
      return {
        status: 200,
        body: { ok: true, intent: input.intent, revision: result.revision, message: submit ? undefined : "Saved." },
        reload: submit ? true : undefined,
      };
    }
  }
}
