import { describe, expect, it } from "vitest";
import { isForeignWrite } from "./same-origin";

const ownOrigin = "https://hire.example.com";
const write = (headers: { origin?: string; referer?: string }, method = "POST") => isForeignWrite({ method, ownOrigin, ...headers });

describe("a write from another site", () => {
  it("is refused when its Origin names another origin, whatever its Referer says", () => {
    expect(write({ origin: "https://evil.example" })).toBe(true);
    expect(write({ origin: "https://evil.example", referer: "https://hire.example.com/login" })).toBe(true);
    // Same host, other scheme or port: another origin.
    expect(write({ origin: "http://hire.example.com" })).toBe(true);
    expect(write({ origin: "https://hire.example.com:8443" })).toBe(true);
  });

  it("is refused when there is no Origin and the Referer names another origin", () => {
    expect(write({ referer: "https://evil.example/page?x=1" })).toBe(true);
  });

  it("is refused for an opaque or unreadable origin", () => {
    expect(write({ origin: "null" })).toBe(true);
    expect(write({ referer: "not a url" })).toBe(true);
  });

  it("covers PUT, PATCH and DELETE, in any case", () => {
    for (const method of ["PUT", "patch", "Delete"]) expect(write({ origin: "https://evil.example" }, method)).toBe(true);
  });
});

describe("a write that is let through", () => {
  it("comes from our own pages, by Origin or Referer", () => {
    expect(write({ origin: "https://hire.example.com" })).toBe(false);
    expect(write({ origin: "https://HIRE.example.com:443" })).toBe(false);
    expect(write({ referer: "https://hire.example.com/candidates/3?tab=loop" })).toBe(false);
  });

  it("carries neither header, as curl and the integration tests send", () => {
    expect(write({})).toBe(false);
  });

  it("is not a write: reads are never refused here", () => {
    expect(write({ origin: "https://evil.example" }, "GET")).toBe(false);
    expect(write({ referer: "https://evil.example/" }, "HEAD")).toBe(false);
  });
});
