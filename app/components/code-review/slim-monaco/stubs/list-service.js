// In place of the workbench list service: only the quick input's lists and trees use it.
import { createDecorator } from "monaco-editor/platform/instantiation/common/instantiation";
import { leftOut } from "../left-out.js";

export const IListService = createDecorator("listService");

export class ListService {
  constructor() {
    throw leftOut("The workbench list service");
  }
}
