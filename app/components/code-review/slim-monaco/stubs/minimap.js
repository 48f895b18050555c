// In place of the minimap: every editor builds one as a part of its view, so this is a part that
// renders nothing (api.js keeps `minimap.enabled` false, so no width is set aside for it).
import { createFastDomNode } from "monaco-editor/base/browser/fastDomNode";
import { ViewPart } from "monaco-editor/editor/browser/view/viewPart";

export class Minimap extends ViewPart {
  constructor(context) {
    super(context);
    this._domNode = createFastDomNode(document.createElement("div"));
    this._domNode.setDisplay("none");
  }
  getDomNode() {
    return this._domNode;
  }
  prepareRender() {}
  render() {}
}
