import { monaco } from "./monaco.client";

/**
 * Proves the diff editor works before the candidate's clock starts: builds a throwaway diff in
 * an off-screen element and waits until the diff worker has answered. Rejects after `timeoutMs`.
 */
export function warmUpEditor(host: HTMLElement, timeoutMs = 20_000): Promise<void> {
  const diff = monaco.editor.createDiffEditor(host, { readOnly: true, automaticLayout: false, minimap: { enabled: false } });
  const original = monaco.editor.createModel("def score(x):\n    return x\n", "python");
  const modified = monaco.editor.createModel("def score(x):\n    return 2 * x\n", "python");
  diff.setModel({ original, modified });
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error("The diff engine did not start")), timeoutMs);
    const listener = diff.onDidUpdateDiff(() => done());
    function done(error?: Error) {
      clearTimeout(timer);
      listener.dispose();
      diff.dispose();
      original.dispose();
      modified.dispose();
      if (error) reject(error);
      else resolve();
    }
  });
}
