// In place of the in-page copy of the editor worker, which Monaco runs only when its worker can't
// start. The worker computes the diff; if it can't start, the start page's warm-up says so before
// the clock starts (editor-warmup.client.ts), rather than the page freezing on a big diff.
import { leftOut } from "../left-out.js";

export class EditorWorker {
  constructor() {
    throw leftOut("The in-page fallback for the editor worker");
  }
}
