// In place of the GPU line renderer, built only when `experimentalGpuAcceleration` is on (api.js
// keeps it off).
import { leftOut } from "../left-out.js";

export class ViewLinesGpu {
  constructor() {
    throw leftOut("GPU rendering");
  }
}
