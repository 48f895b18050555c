// A kit version as the kit page shows it: its Markdown documents rendered safely with their tables
// of contents, and the parts a page needs as plain data.
import type { Kit } from "./kit.server";
import { renderDocument, type TocEntry } from "#app/utils/markdown.server";

export type KitSection = { id: string; title: string; html: string; toc: TocEntry[] };

/**
 * The interviewer's view of a kit: the prompt (what the candidate sees), the fact sheet and the
 * guide, with the focus dimensions' headings highlighted as on the scorecard.
 */
export function renderKitSections(kit: Kit, focusNames: string[]): KitSection[] {
  const content = kit.content;
  if (!content) return [];
  const documents: [string, string, string | null][] = [
    ["prompt", "Prompt (what the candidate sees)", content.prompt],
    ["fact-sheet", "Fact sheet", content.factSheet],
    ["guide", "Interviewer guide", content.guide],
  ];
  return documents
    .filter((d): d is [string, string, string] => d[2] !== null)
    .map(([id, title, source]) => ({ id, title, ...renderDocument(source, { idPrefix: id, highlight: focusNames, headingOffset: 1 }) }));
}

/** Only the prompt, for the screen shared with the candidate: no guide, no levels. */
export function renderPromptOnly(kit: Kit) {
  return kit.content ? renderDocument(kit.content.prompt, { idPrefix: "prompt" }).html : null;
}

/** Stages whose prompt may be put on a screen shared with the candidate. */
export const SCREEN_SHARE_STAGES = ["system_design", "leadership"] as const;
