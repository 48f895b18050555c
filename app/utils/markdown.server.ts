import MarkdownIt from "markdown-it";

// html: false escapes any HTML in the source, so exercise text can't inject markup or scripts.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Markdown from exercise files (PR descriptions, kits) as safe HTML. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
