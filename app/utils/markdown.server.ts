import MarkdownIt from "markdown-it";

// html: false escapes any HTML in the source, so exercise text can't inject markup or scripts;
// markdown-it's own link check drops javascript:, vbscript:, file: and data: links.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Markdown from exercise files (PR descriptions, kits) as safe HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

export type TocEntry = { level: number; id: string; text: string; focus: boolean };

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "section";

/**
 * A kit document as safe HTML with ids on its headings and their table of contents. Headings named
 * in `highlight` (the stage's focus dimensions) get the `kit-focus` class, as on the scorecard.
 * `headingOffset` moves every heading down, so a document placed under a page's own h1 starts at h2.
 */
export function renderDocument(
  source: string,
  { idPrefix, highlight = [], headingOffset = 0 }: { idPrefix: string; highlight?: string[]; headingOffset?: number },
) {
  const env = {};
  const tokens = md.parse(source, env);
  const toc: TocEntry[] = [];
  const used = new Set<string>();
  const focus = new Set(highlight.map((h) => h.toLowerCase()));
  const shift = (tag: string) => `h${Math.min(6, Number(tag.slice(1)) + headingOffset)}`;
  tokens.forEach((token, i) => {
    if (token.type === "heading_close") token.tag = shift(token.tag);
    if (token.type !== "heading_open") return;
    token.tag = shift(token.tag);
    const text = tokens[i + 1]?.content ?? "";
    let id = `${idPrefix}-${slug(text)}`;
    for (let n = 2; used.has(id); n++) id = `${idPrefix}-${slug(text)}-${n}`;
    used.add(id);
    token.attrSet("id", id);
    const isFocus = focus.has(text.trim().toLowerCase());
    if (isFocus) token.attrSet("class", "kit-focus");
    toc.push({ level: Number(token.tag.slice(1)), id, text, focus: isFocus });
  });
  return { html: md.renderer.render(tokens, md.options, env), toc };
}
