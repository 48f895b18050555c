// The Monaco API as the review page uses it, in place of `monaco-editor/editor/editor.api` (the
// build swaps it in for every importer, Monaco's own language definitions included; see
// replacements.ts). Monaco's full API object names every function it has, so a bundler keeps
// all of them; this one names only what the diff view and the Python and Markdown grammars call.
import { EditorOptions } from "monaco-editor/editor/common/config/editorOptions";
import { Range } from "monaco-editor/editor/common/core/range";
import { IndentAction, MouseTargetType } from "monaco-editor/editor/common/standalone/standaloneEnums";
import {
  createDiffEditor as createStandaloneDiffEditor,
  createModel,
  defineTheme,
} from "monaco-editor/editor/standalone/browser/standaloneEditor";
import {
  onLanguageEncountered,
  register,
  registerTokensProviderFactory,
  setLanguageConfiguration,
} from "monaco-editor/editor/standalone/browser/standaloneLanguages";

// The standalone editor's defaults, as editor.api sets them.
EditorOptions.wrappingIndent.defaultValue = 0; /* WrappingIndent.None */
EditorOptions.glyphMargin.defaultValue = false;
EditorOptions.autoIndent.defaultValue = 3; /* EditorAutoIndentStrategy.Advanced */
EditorOptions.overviewRulerLanes.defaultValue = 2;

/**
 * Options the slim build depends on, applied over the caller's: the parts they would switch on
 * are left out of the bundle (replacements.ts), so they stay off whatever a caller passes.
 */
const WITHOUT_LEFT_OUT_PARTS = {
  minimap: { enabled: false },
  experimentalGpuAcceleration: "off",
  // The text area rather than the EditContext API takes the keyboard and the screen reader.
  editContext: false,
  // The gutter between the panes only offers "revert", which a read-only diff never does.
  renderGutterMenu: false,
  hideUnchangedRegions: { enabled: false },
  experimental: { showMoves: false },
};

function createDiffEditor(domElement, options, override) {
  return createStandaloneDiffEditor(domElement, { ...options, ...WITHOUT_LEFT_OUT_PARTS }, override);
}

export const editor = { createDiffEditor, createModel, defineTheme, MouseTargetType };
export const languages = { register, registerTokensProviderFactory, onLanguageEncountered, setLanguageConfiguration, IndentAction };
export { Range };
