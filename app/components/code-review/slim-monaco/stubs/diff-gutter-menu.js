// In place of the diff editor's gutter menu, which offers to revert a change: api.js sets
// `renderGutterMenu: false`, and a read-only diff reverts nothing.
import { leftOut } from "../left-out.js";

export class DiffEditorGutter {
  constructor() {
    throw leftOut("The diff gutter menu");
  }
}
