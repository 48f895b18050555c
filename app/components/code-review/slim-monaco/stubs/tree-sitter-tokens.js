// In place of tree-sitter colouring: the standalone editor's tree-sitter library supports no
// language, so colouring always comes from the Monarch grammars.
import { leftOut } from "../left-out.js";

export class TreeSitterSyntaxTokenBackend {
  constructor() {
    throw leftOut("Tree-sitter colouring");
  }
}
