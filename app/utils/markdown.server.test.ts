import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders Markdown and escapes raw HTML", () => {
    const html = renderMarkdown("## Why\n\n- fast\n\n<script>alert(1)</script> <img src=x onerror=alert(1)>");
    expect(html).toContain("<h2>Why</h2>");
    expect(html).toContain("<li>fast</li>");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
  });
});
