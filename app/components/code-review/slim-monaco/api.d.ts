// Types for api.js: the parts of Monaco's own API it provides, so that using anything else is a
// type error rather than `undefined` at run time.
import type * as monaco from "monaco-editor/editor/editor.api";

export declare const editor: Pick<typeof monaco.editor, "createDiffEditor" | "createModel" | "defineTheme" | "MouseTargetType">;
export declare const languages: Pick<
  typeof monaco.languages,
  "register" | "registerTokensProviderFactory" | "onLanguageEncountered" | "setLanguageConfiguration" | "IndentAction"
>;
export declare const Range: typeof monaco.Range;
