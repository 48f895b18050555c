// In place of the EditContext-based input: api.js sets `editContext: false`, so the text area
// takes the keyboard and the screen reader, as it long has in Monaco.
import { leftOut } from "../left-out.js";

export class NativeEditContext {
  constructor() {
    throw leftOut("EditContext input");
  }
}
