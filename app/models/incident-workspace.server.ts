// The incident workspace, shared by the candidate's link and the interviewer-driven screen: what
// the page shows at each phase, and the one action handler both use.
import { z } from "zod";
import { renderDocument } from "#app/utils/markdown.server";
import { assignmentPhase } from "./assignment-phase";
import { expiredLinkNotice, startAssignment } from "./assignment.server";
import { showEvidence } from "./evidence-view.server";
import { formatClock, formatDuration, incidentClock } from "./incident-clock";
import {
  addHypothesis,
  askForEvidence,
  listSteps,
  revealEvidence,
  runQuery,
  saveConclusion,
  type IncidentRun,
  type Offered,
} from "./incident.server";
import { readScenario, type Scenario } from "./incident-scenario";
import type { Kit } from "./kit.server";

export const ANSWER_MAX = 5000;
export const HYPOTHESIS_MAX = 2000;
export const ASK_MAX = 200;
export const EXPECTED_MAX = 1000;
export const QUERY_MAX = 4000;

/** The kit's scenario, in the shape of the version it was stored with; null for other kits. */
export function kitScenario(kit: Kit | null): Scenario | null {
  return readScenario(kit?.content?.scenario);
}

/** The kit's scenario; a debugging kit always has one (checked when kits load). */
export function scenarioOf(kit: Kit): Scenario {
  const scenario = kitScenario(kit);
  if (!scenario) throw new Error(`Kit ${kit.slug} v${kit.version} has no scenario`);
  return scenario;
}

export function workspaceData(run: IncidentRun, kit: Kit, now: Date) {
  const scenario = scenarioOf(kit);
  const phase = assignmentPhase(run, now);
  const started = phase !== "not_started";
  const steps = started ? listSteps(run.assignmentId) : [];
  const start = run.startedAt?.getTime() ?? now.getTime();
  const clock = incidentClock(scenario, steps);
  const sourceNames = new Map(scenario.sources.map((c) => [c.id, c.name]));
  const expected = new Map(steps.filter((s) => s.kind === "expectation").map((s) => [s.evidenceId, s.text]));
  const queried = new Map(steps.filter((s) => s.kind === "query" && s.evidenceId).map((s) => [s.evidenceId, s.text]));
  const revealed = steps
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.kind === "evidence")
    .map(({ s, i }, n) => {
      const item = scenario.evidence.find((e) => e.id === s.evidenceId)!;
      return {
        look: n + 1,
        ...showEvidence(item),
        source: sourceNames.get(item.source) ?? item.source,
        minutes: clock ? item.minutes : null,
        clock: clock ? formatClock(clock.at[i]!) : null,
        expected: expected.get(item.id) ?? null,
        query: queried.get(item.id) ?? null,
      };
    })
    .reverse();
  const seen = new Set(revealed.map((r) => r.id));
  const inProgress = phase === "in_progress";
  return {
    phase,
    // A candidate's link that expired unstarted says so instead of offering Start.
    linkExpired: phase === "not_started" && run.mode === "candidate_link" ? expiredLinkNotice(run.assignmentId, now) : null,
    title: kit.title,
    promptHtml: renderDocument(kit.content!.prompt, { idPrefix: "prompt", headingOffset: 1 }).html,
    timeLimitMinutes: run.timeLimitMinutes,
    // What exists is only sent while the clock runs, and then only the sources by their neutral
    // names and the entry points a tool opens on: everything else is asked for.
    sources: inProgress
      ? scenario.sources.map((c) => ({
          id: c.id,
          name: c.name,
          about: c.about,
          items: scenario.evidence
            .filter((e) => e.source === c.id && e.menu)
            .map((e) => ({ id: e.id, title: e.title, minutes: clock ? e.minutes : null, seen: seen.has(e.id) })),
        }))
      : [],
    tables: inProgress ? scenario.tables : [],
    revealed,
    notes: steps
      .filter((s) => s.kind === "hypothesis" || s.kind === "ask" || s.kind === "query")
      .map((s) => ({ id: s.id, kind: s.kind, text: s.text, offsetMs: s.at.getTime() - start }))
      .reverse(),
    clock: clock ? { now: formatClock(clock.now), spent: formatDuration(clock.now - clock.start), paged: formatClock(clock.start) } : null,
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

const expected = z
  .string()
  .max(EXPECTED_MAX, `Keep what you expect under ${EXPECTED_MAX.toLocaleString("en-GB")} characters`)
  .default("")
  .transform((s) => s.trim() || undefined);
const source = z
  .string()
  .max(60, "Choose one of the sources")
  .default("")
  .transform((s) => s || undefined);
// Words or numbers, not only punctuation: "???" asks for nothing.
const hasWords = (s: string) => /[\p{L}\p{N}]/u.test(s);

export const IncidentActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start") }),
  z.object({
    intent: z.literal("reveal"),
    evidenceId: z.string({ error: "Choose the evidence to show" }).max(60, "Unknown evidence"),
    asked: z
      .string()
      .max(ASK_MAX)
      .default("")
      .transform((s) => s.trim() || undefined),
    source,
    expected,
  }),
  z.object({
    intent: z.literal("ask"),
    asked: z
      .string({ error: "Say what you want to see" })
      .trim()
      .min(2, "Say what you want to see, e.g. “null rate of seller features since midnight”")
      .max(ASK_MAX, `Keep it under ${ASK_MAX} characters: say which metric, feature, segment or time window`)
      .refine(hasWords, "Say what you want to see in words, e.g. “click-through by app version”"),
    source,
    expected,
  }),
  z.object({
    intent: z.literal("query"),
    sql: z
      .string({ error: "Write the query" })
      .trim()
      .min(1, "Write the query before running it")
      .max(QUERY_MAX, `Keep a query under ${QUERY_MAX.toLocaleString("en-GB")} characters`)
      .refine((s) => /\bselect\b/i.test(s), "Write a select query, e.g. select … from listings …"),
    expected,
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
  /** The items a request was answered with, best first (after the one shown, when one was). */
  matches?: Offered[];
  /** What the request was, so the answers can be chosen with it. */
  asked?: string;
  source?: string;
  expected?: string;
  /** The item shown by this action. */
  revealed?: string;
  revision?: number;
};

const list = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

/** Runs one action of the workspace; `reload` asks the route to redirect to itself (Start, Submit). */
export function handleIncidentAction(
  run: IncidentRun,
  scenario: Scenario,
  formData: FormData,
  now: Date,
): { status: number; body: IncidentReply; reload?: true } {
  const parsed = IncidentActionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    // zod's own flattening, the shape conform's replies carry on the app's other forms.
    const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
    return {
      status: 400,
      body: { ok: false, intent: String(formData.get("intent") ?? ""), fieldErrors, message: fieldErrors.intent?.join(" ") },
    };
  }
  const input = parsed.data;
  const reply = (result: { ok: boolean; status?: number; message?: string } & Partial<IncidentReply>) => {
    const { status, ok, ...rest } = result;
    return { status: ok ? 200 : (status ?? 400), body: { ...rest, ok, intent: input.intent } };
  };
  if ((input.intent === "ask" || input.intent === "reveal") && input.source && !scenario.sources.some((c) => c.id === input.source))
    return reply({ ok: false, status: 400, fieldErrors: { source: ["Choose one of the sources, or any source"] } });
  const titleOf = (id: string) => scenario.evidence.find((e) => e.id === id)?.title ?? id;
  switch (input.intent) {
    case "start":
      // Refused once a candidate's link has expired (the page then says so); a driven run has no link.
      startAssignment(run.assignmentId, now, { viaLink: run.mode === "candidate_link" });
      return { status: 200, body: { ok: true, intent: "start" }, reload: true };
    case "reveal": {
      const result = revealEvidence(run.assignmentId, scenario, input.evidenceId, now, input);
      if (!result.ok) return reply(result);
      return reply({
        ok: true,
        revealed: result.revealed,
        message: result.already ? `“${titleOf(result.revealed!)}” is already on your screen (look ${result.already}).` : undefined,
      });
    }
    case "ask": {
      const result = askForEvidence(run.assignmentId, scenario, input, now);
      if (!result.ok) return reply(result);
      const echo = { asked: input.asked, source: input.source, expected: input.expected };
      if (result.found === "one")
        return reply({
          ok: true,
          revealed: result.revealed,
          matches: result.matches,
          ...echo,
          message: result.already
            ? `“${titleOf(result.revealed!)}” is already on your screen (look ${result.already}).`
            : `Showing “${titleOf(result.revealed!)}”.`,
        });
      if (result.found === "several")
        return reply({
          ok: true,
          matches: result.matches,
          ...echo,
          message: `Closest to “${input.asked}”: choose one, or ask in other words.`,
        });
      const unknown = result.unknown?.length ? ` Nothing here knows ${list(result.unknown)}.` : "";
      return reply({
        ok: true,
        ...echo,
        message: `No evidence in this incident answers “${input.asked}”.${unknown} Say which metric, feature, segment or table you want, from one of: ${scenario.sources.map((c) => c.name).join(", ")}.`,
      });
    }
    case "query": {
      const result = runQuery(run.assignmentId, scenario, input, now);
      if (!result.ok) return reply(result);
      if (result.revealed)
        return reply({
          ok: true,
          revealed: result.revealed,
          message: result.already
            ? `That query answers “${titleOf(result.revealed)}”, already on your screen (look ${result.already}). Your query is recorded.`
            : `Query run: its result is at the top of the evidence.`,
        });
      const names = scenario.tables.map((t) => t.name);
      return reply({
        ok: true,
        message: result.tables?.length
          ? `The warehouse has no result for a query on ${list(result.tables)} in this simulation. Your query is recorded; try a question the tables below can answer.`
          : `That query reads none of the tables here. You can query: ${list(names)}. Your query is recorded.`,
      });
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
