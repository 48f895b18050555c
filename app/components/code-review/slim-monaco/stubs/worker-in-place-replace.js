// In the editor worker, in place of "replace with next value", asked for only by the in-place
// replace contribution, which the review page doesn't load.
import { leftOut } from "../left-out.js";

export class BasicInplaceReplace {
  static get INSTANCE() {
    throw leftOut("In-place replace");
  }
}
