// In place of the select box, which toolbars use for actions shown as a drop-down; the review
// page's editors have no such toolbar (and its right-click-style menus are plain menus).
import { leftOut } from "../left-out.js";

export const SeparatorSelectOption = Object.freeze({
  text: "\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500",
  isDisabled: true,
  isSeparator: true,
});

export class SelectBox {
  constructor() {
    throw leftOut("The select box");
  }
}
