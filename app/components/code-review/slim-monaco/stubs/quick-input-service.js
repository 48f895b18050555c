// In place of Monaco's quick input (command palette, quick picks): none of the contributions the
// review page loads opens one.
import { leftOut } from "../left-out.js";

export class StandaloneQuickInputService {
  constructor() {
    throw leftOut("The quick input (command palette, quick picks)");
  }
}
