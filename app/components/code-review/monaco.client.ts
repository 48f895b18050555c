// Monaco, bundled by the app (never a CDN). Only the diff editor, hover and Python syntax are
// registered, and this module is imported lazily by the review page alone.
import * as monaco from "monaco-editor/editor";
import "monaco-editor/features/diffEditor/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/find/register";
import "monaco-editor/languages/definitions/python/register";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";

// Without an explicit worker factory Monaco tries to load workers by URL and the diff silently
// shows no highlights (see stack notes).
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
