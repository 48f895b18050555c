// In the editor worker, in place of the unusual-character scan, asked for only by the unicode
// highlighter contribution, which the review page doesn't load.
import { leftOut } from "../left-out.js";

export class UnicodeTextModelHighlighter {
  static computeUnicodeHighlights() {
    throw leftOut("Unicode highlighting");
  }
}
