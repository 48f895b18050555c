// In place of the lines drawn between moved blocks of code, shown only with the experimental
// `showMoves`, which api.js keeps off. The diff editor always builds the feature and reads its
// width, so this one is 0 wide.
import { constObservable } from "monaco-editor/base/common/observableInternal/observables/constObservable";

export class MovedBlocksLinesFeature {
  static movedCodeBlockPadding = 4;
  constructor() {
    this.width = constObservable(0);
  }
  dispose() {}
}
