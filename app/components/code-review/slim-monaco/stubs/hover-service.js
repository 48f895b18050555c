// In place of the hover service (the floating boxes for tooltips and hover messages): every
// editor asks for one, but the review page loads no hover contribution and gives nothing a hover
// message, so this one shows nothing; it has the shape of Monaco's own base-layer fallback
// (base/browser/ui/hover/hoverDelegate2.js).
import { Disposable } from "monaco-editor/base/common/lifecycle";
import { IHoverService } from "monaco-editor/platform/hover/browser/hover";
import { registerSingleton } from "monaco-editor/platform/instantiation/common/extensions";

export class HoverService {
  showInstantHover() {
    return undefined;
  }
  showDelayedHover() {
    return undefined;
  }
  setupDelayedHover() {
    return Disposable.None;
  }
  setupDelayedHoverAtMouse() {
    return Disposable.None;
  }
  hideHover() {}
  showAndFocusLastHover() {}
  setupManagedHover() {
    return { dispose() {}, show() {}, hide() {}, update() {} };
  }
  showManagedHover() {}
}

registerSingleton(IHoverService, HoverService, 1 /* InstantiationType.Delayed */);
