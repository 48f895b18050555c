// Monaco, bundled by the app (never a CDN), and only what the review's diff view needs: the diff
// editor, its icon font, and syntax colouring for Python and Markdown, the languages of the
// exercises' files. No find widget, hover, command palette or other languages, and the parts of
// Monaco those would need are left out of the build (slim-monaco/replacements.ts). Imported
// lazily, by the review page alone.
import * as monaco from "./slim-monaco/api";
import "monaco-editor/features/codicon/register";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/definitions/markdown/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";

// Without an explicit worker factory Monaco tries to load workers by URL and the diff silently
// shows no highlights (see stack notes).
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/**
 * Monaco's light theme with what fails WCAG AA contrast (4.5:1) on the diff's green and red
 * backgrounds fixed: darker comments, numbers, types and last line number, a lighter red
 * behind deleted characters.
 */
export const REVIEW_THEME = "loopwise-review";
monaco.editor.defineTheme(REVIEW_THEME, {
  base: "vs",
  inherit: true,
  rules: [
    { token: "comment", foreground: "1b5e20" },
    { token: "number", foreground: "08512f" },
    { token: "type", foreground: "155266" },
    { token: "keyword.control", foreground: "7a0099" },
  ],
  colors: {
    "editorLineNumber.foreground": "#1f6a80",
    "editorLineNumber.dimmedForeground": "#5a6472",
    // A lighter red behind deleted characters, so the code on it stays readable.
    "diffEditor.removedTextBackground": "#ff00001f",
  },
});

/** The language Monaco colours a file of the pull request in, from its name. */
export function languageOf(path: string): string {
  if (path.endsWith(".py")) return "python";
  if (path.endsWith(".md")) return "markdown";
  return "plaintext";
}

export { monaco };
