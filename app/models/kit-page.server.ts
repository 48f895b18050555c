// What the kit pages (from an interview, or from Exercises) send to the browser for one kit
// version. Interviewer-only material: it never reaches a candidate's page.
import { getCodeReviewExercise } from "./code-review-exercise.server";
import { newerVersionOf, type Kit } from "./kit.server";
import { renderDocument } from "#app/utils/markdown.server";
import { renderKitSections, SCREEN_SHARE_STAGES } from "./kit-document.server";
import { clockMinutes, formatClock, readScenario } from "./incident-scenario";

export function kitPageData(kit: Kit, focusNames: string[]) {
  const content = kit.content;
  const scenario = readScenario(content?.scenario);
  const titles = new Map(scenario?.evidence.map((e) => [e.id, e.title]));
  return {
    kit: {
      id: kit.id,
      slug: kit.slug,
      kind: kit.kind,
      stage: kit.stage,
      title: kit.title,
      summary: kit.summary,
      version: kit.version,
      durationMinutes: kit.durationMinutes,
    },
    newerVersion: newerVersionOf(kit),
    sections:
      kit.kind === "code_review"
        ? [
            {
              id: "prompt",
              title: "Pull request description (what the candidate sees)",
              ...renderDocument(getCodeReviewExercise(kit.slug).description, { idPrefix: "prompt", headingOffset: 1 }),
            },
          ]
        : renderKitSections(kit, focusNames),
    contentMissing: kit.kind === "interview_kit" && !content,
    timePlan: content?.timePlan ?? [],
    takeHome: content?.takeHome ?? null,
    checklist: content?.checklist ?? null,
    canShowPrompt: (SCREEN_SHARE_STAGES as readonly string[]).includes(kit.stage),
    evidence: scenario
      ? {
          sources: scenario.sources,
          items: scenario.evidence.map(({ id, title, source, meaning, menu, showsCause, deadEnd, minutes, query }) => ({
            id,
            title,
            source,
            meaning,
            menu,
            showsCause,
            deadEnd,
            minutes,
            query: query ? query.tables : null,
          })),
          timeline: scenario.timeline.map((t) => ({ at: formatClock(clockMinutes(t.at)), what: t.what })),
          paged: scenario.clock ? formatClock(clockMinutes(scenario.clock.start)) : null,
          idealPath: scenario.idealPath.map((s) => ({ ...s, title: titles.get(s.evidence) ?? s.evidence })),
        }
      : null,
  };
}

export type KitPageData = ReturnType<typeof kitPageData>;
