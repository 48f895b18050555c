import { describe, expect, it } from "vitest";
import { renderDocument, renderMarkdown } from "./markdown.server";

const HOSTILE = [
  "## Why",
  "",
  "- fast",
  "",
  "<script>alert(1)</script> <img src=x onerror=alert(1)>",
  "",
  "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [fine](https://example.com/runbook)",
  "",
  '<a href="javascript:alert(2)">raw</a> <iframe src="https://evil.test"></iframe>',
].join("\n");

describe("renderMarkdown", () => {
  it("renders Markdown and leaves scripts, raw HTML and javascript: links inert", () => {
    const html = renderMarkdown(HOSTILE);
    expect(html).toContain("<h2>Why</h2>");
    expect(html).toContain("<li>fast</li>");
    expect(html).not.toMatch(/<script|<img|<iframe|<a href="javascript|<a href="data/);
    // The raw HTML is shown as text, escaped, and a refused link stays plain text.
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("[click](javascript:alert(1))");
    expect(html).toContain('<a href="https://example.com/runbook">fine</a>');
  });
});

describe("renderDocument", () => {
  it("gives every heading a unique id for the table of contents and marks the focus dimensions", () => {
    const { html, toc } = renderDocument("# Guide\n\n## Levels\n\n### MLOps & operations\n\n### Leadership\n\n## Levels\n", {
      idPrefix: "guide",
      highlight: ["MLOps & operations"],
    });
    expect(toc).toEqual([
      { level: 1, id: "guide-guide", text: "Guide", focus: false },
      { level: 2, id: "guide-levels", text: "Levels", focus: false },
      { level: 3, id: "guide-mlops-operations", text: "MLOps & operations", focus: true },
      { level: 3, id: "guide-leadership", text: "Leadership", focus: false },
      { level: 2, id: "guide-levels-2", text: "Levels", focus: false },
    ]);
    expect(html).toContain('<h3 id="guide-mlops-operations" class="kit-focus">MLOps &amp; operations</h3>');
  });

  it("moves headings down under a page's own title", () => {
    const { html, toc } = renderDocument("# Prompt\n\n## The numbers\n", { idPrefix: "p", headingOffset: 1 });
    expect(html).toContain('<h2 id="p-prompt">Prompt</h2>');
    expect(html).toContain('<h3 id="p-the-numbers">The numbers</h3>');
    expect(toc.map((t) => t.level)).toEqual([2, 3]);
  });

  it("is as safe as renderMarkdown", () => {
    const { html } = renderDocument(HOSTILE, { idPrefix: "x" });
    expect(html).not.toMatch(/<script|<img|<iframe|<a href="javascript/);
  });
});
