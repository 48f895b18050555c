// In the editor worker, in place of the section-header finder, asked for only by the minimap.
import { leftOut } from "../left-out.js";

export function findSectionHeaders() {
  throw leftOut("Minimap section headers");
}
