// In the editor worker, in place of the colour-literal finder, asked for only by the colour
// decorator contribution, which the review page doesn't load.
import { leftOut } from "../left-out.js";

export function computeDefaultDocumentColors() {
  throw leftOut("Colour decorators");
}
