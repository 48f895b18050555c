// In place of the multi-file diff editor: the review page shows one file at a time.
import { leftOut } from "../left-out.js";

export class MultiDiffEditorWidget {
  constructor() {
    throw leftOut("The multi-file diff editor");
  }
}
