import { describe, expect, it } from "vitest";
import { safeRedirect } from "./misc";

describe("safeRedirect", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeRedirect("/interviews/3?tab=kit")).toBe("/interviews/3?tab=kit");
  });
  it.each(["//evil.test", "/\\evil.test", "https://evil.test/x", "evil", "", null, undefined, "/\nx"])("falls back for %j", (to) => {
    expect(safeRedirect(to as string, "/home")).toBe("/home");
  });
});
