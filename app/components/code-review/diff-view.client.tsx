import { useEffect, useRef } from "react";
import { languageOf, monaco, REVIEW_THEME } from "./monaco.client";

type Editor = ReturnType<typeof monaco.editor.createDiffEditor>;

/**
 * One file of the pull request in Monaco's diff editor. Clicking a line of the new side (its
 * number, the gutter or the code) picks it for a comment; lines with comments are marked.
 */
export default function DiffView({
  path,
  before,
  after,
  commentedLines,
  selectedLine,
  revealLine,
  sideBySide,
  onLineClick,
}: {
  path: string;
  before: string;
  after: string;
  commentedLines: number[];
  selectedLine: number | null;
  revealLine: { line: number; at: number } | null;
  sideBySide: boolean;
  onLineClick: (line: number) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Editor | null>(null);
  const onLineClickRef = useRef(onLineClick);
  useEffect(() => {
    onLineClickRef.current = onLineClick;
  }, [onLineClick]);

  useEffect(() => {
    const diff = monaco.editor.createDiffEditor(host.current!, {
      theme: REVIEW_THEME,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      glyphMargin: true,
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      lineNumbersMinChars: 3,
      renderOverviewRuler: false,
      hideUnchangedRegions: { enabled: false },
      // Panes are narrow at laptop width; wrap rather than hide the end of long lines.
      wordWrap: "on",
      diffWordWrap: "on",
    });
    editor.current = diff;
    const { MouseTargetType } = monaco.editor;
    const clicks = diff.getModifiedEditor().onMouseDown((e) => {
      const line = e.target.position?.lineNumber;
      const onLine = [
        MouseTargetType.GUTTER_GLYPH_MARGIN,
        MouseTargetType.GUTTER_LINE_NUMBERS,
        MouseTargetType.CONTENT_TEXT,
        MouseTargetType.CONTENT_EMPTY,
      ].includes(e.target.type);
      if (line && onLine) onLineClickRef.current(line);
    });
    return () => {
      clicks.dispose();
      diff.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const diff = editor.current;
    if (!diff) return;
    const original = monaco.editor.createModel(before, languageOf(path));
    const modified = monaco.editor.createModel(after, languageOf(path));
    diff.setModel({ original, modified });
    return () => {
      // On unmount the editor may already be disposed (effects clean up in order).
      if (editor.current === diff) diff.setModel(null);
      original.dispose();
      modified.dispose();
    };
  }, [path, before, after]);

  useEffect(() => {
    const diff = editor.current;
    if (!diff) return;
    diff.updateOptions({ renderSideBySide: sideBySide });
    // Screen readers name each side; without this the two editable regions have no name at all.
    // Set after the layout, which resets the inner editors' options.
    diff.getOriginalEditor().updateOptions({ ariaLabel: `${path} before this pull request, read only` });
    diff.getModifiedEditor().updateOptions({ ariaLabel: `${path} after this pull request, read only: pick a line to comment on` });
  }, [sideBySide, path]);

  useEffect(() => {
    const modified = editor.current?.getModifiedEditor();
    if (!modified) return;
    const decorations = modified.createDecorationsCollection([
      ...commentedLines.map((line) => ({
        range: new monaco.Range(line, 1, line, 1),
        options: {
          isWholeLine: true,
          glyphMarginClassName: "cr-glyph-comment",
          className: "cr-line-commented",
        },
      })),
      ...(selectedLine
        ? [
            {
              range: new monaco.Range(selectedLine, 1, selectedLine, 1),
              options: { isWholeLine: true, className: "cr-line-selected", glyphMarginClassName: "cr-glyph-selected" },
            },
          ]
        : []),
    ]);
    return () => decorations.clear();
  }, [commentedLines, selectedLine, path, before, after]);

  useEffect(() => {
    if (revealLine) editor.current?.getModifiedEditor().revealLineInCenter(revealLine.line);
  }, [revealLine, path]);

  return <div ref={host} className="diff-host" data-testid="diff-editor" />;
}
