// Monaco, bundled by the app (never a CDN), and only what the review's diff view needs: the core
// editor API (which includes the diff editor) and syntax colouring for Python and Markdown. No
// find widget, hover, command palette contributions or other languages. Imported lazily, by the
// review page alone.
import * as monaco from "monaco-editor/editor/editor.api";
import "monaco-editor/languages/definitions/python/register";
import "monaco-editor/languages/definitions/markdown/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";

// Without an explicit worker factory Monaco tries to load workers by URL and the diff silently
// shows no highlights (see stack notes).
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** The language Monaco colours a file of the pull request in, from its name. */
export function languageOf(path: string): string {
  if (path.endsWith(".py")) return "python";
  if (path.endsWith(".md")) return "markdown";
  return "plaintext";
}

export { monaco };
