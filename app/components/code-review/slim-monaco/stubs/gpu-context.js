// In place of the GPU rendering context, built only when `experimentalGpuAcceleration` is on
// (api.js keeps it off).
import { leftOut } from "../left-out.js";

export class ViewGpuContext {
  constructor() {
    throw leftOut("GPU rendering");
  }
}
