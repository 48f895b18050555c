// What the review page's Monaco leaves out. The build (vite-plugin.ts) swaps each module below,
// wherever it is imported from, for the file beside it: the API for a slimmer one, and each part
// the review page never reaches for an inert stand-in that throws (see left-out.js) if anything
// does reach for it. Monaco wires its parts together through static imports and services, so
// choosing features and languages leaves most of these in the bundle; this is what brings the
// editor from 797 to about 540 kB gzipped (`npm run bench` measures it).
//
// Written against exactly this Monaco: replacements.test.ts fails on another version or on a
// module that has moved, and the build fails on a name Monaco imports that a stand-in doesn't
// export. The journeys in tests/e2e/code-review.test.ts check that the editor still works.

export const MONACO_VERSION = "0.57.0";

/** A module under monaco-editor/esm/vs/ and the file (in this folder) that takes its place. */
export type Replacement = { module: string; with: string };

/** For the page. */
export const PAGE_REPLACEMENTS: Replacement[] = [
  { module: "editor/editor.api.js", with: "api.js" },
  { module: "editor/standalone/browser/quickInput/standaloneQuickInputService.js", with: "stubs/quick-input-service.js" },
  { module: "platform/list/browser/listService.js", with: "stubs/list-service.js" },
  { module: "editor/browser/widget/multiDiffEditor/multiDiffEditorWidget.js", with: "stubs/multi-diff-editor.js" },
  { module: "editor/browser/viewParts/minimap/minimap.js", with: "stubs/minimap.js" },
  { module: "editor/browser/viewParts/viewLinesGpu/viewLinesGpu.js", with: "stubs/gpu-view-lines.js" },
  { module: "editor/browser/gpu/viewGpuContext.js", with: "stubs/gpu-context.js" },
  { module: "platform/hover/browser/hoverService.js", with: "stubs/hover-service.js" },
  { module: "base/browser/markdownRenderer.js", with: "stubs/markdown-renderer.js" },
  { module: "editor/common/services/editorWebWorker.js", with: "stubs/in-page-editor-worker.js" },
  { module: "editor/common/model/tokens/treeSitter/treeSitterSyntaxTokenBackend.js", with: "stubs/tree-sitter-tokens.js" },
  { module: "base/common/observableInternal/logging/debugger/devToolsLogger.js", with: "stubs/observable-devtools.js" },
  { module: "editor/browser/controller/editContext/native/nativeEditContext.js", with: "stubs/native-edit-context.js" },
  { module: "editor/browser/widget/diffEditor/features/gutterFeature.js", with: "stubs/diff-gutter-menu.js" },
  { module: "editor/browser/widget/diffEditor/features/hideUnchangedRegionsFeature.js", with: "stubs/hidden-unchanged-regions.js" },
  { module: "editor/browser/widget/diffEditor/features/movedBlocksLinesFeature.js", with: "stubs/moved-blocks-lines.js" },
  { module: "base/browser/ui/selectBox/selectBox.js", with: "stubs/select-box.js" },
];

/** For the editor worker, which the page uses only to compute diffs. */
export const WORKER_REPLACEMENTS: Replacement[] = [
  { module: "editor/common/services/editorBaseApi.js", with: "stubs/worker-base-api.js" },
  { module: "editor/common/services/unicodeTextModelHighlighter.js", with: "stubs/worker-unicode-highlights.js" },
  { module: "editor/common/languages/defaultDocumentColorsComputer.js", with: "stubs/worker-document-colors.js" },
  { module: "editor/common/services/findSectionHeaders.js", with: "stubs/worker-section-headers.js" },
  { module: "editor/common/languages/supports/inplaceReplaceSupport.js", with: "stubs/worker-in-place-replace.js" },
];
