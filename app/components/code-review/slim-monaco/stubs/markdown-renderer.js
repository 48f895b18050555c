// In place of Monaco's Markdown renderer (marked and DOMPurify with it): only hovers and rich
// messages render Markdown, and the review page has neither. A plain-text reading stays, for the
// text of a dialog.
import { leftOut } from "../left-out.js";

export function renderMarkdown() {
  throw leftOut("Rendering Markdown");
}

export function renderAsPlaintext(markdown) {
  return typeof markdown === "string" ? markdown : (markdown?.value ?? "");
}
