import { describe, expect, it } from "vitest";
import { baselineHeaders, createNonce, documentCsp } from "./security-headers.server";

const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("the page CSP", () => {
  it("allows scripts only from our origin and with this page's nonce, never inline or eval", () => {
    const csp = directives(documentCsp({ nonce: "abc123", development: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("worker-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
  });

  it("lets a form go on to another origin only when the page says which", () => {
    const csp = directives(documentCsp({ nonce: "abc123", development: false, formTargets: ["https://login.example.com"] }));
    expect(csp.get("form-action")).toEqual(["'self'", "https://login.example.com"]);
  });

  it("relaxes only the WebSocket Vite's hot reload needs, and only in development", () => {
    const dev = directives(documentCsp({ nonce: "abc123", development: true }));
    const prod = directives(documentCsp({ nonce: "abc123", development: false }));
    expect(dev.get("connect-src")).toEqual(["'self'", "ws:"]);
    expect([...dev.entries()].filter(([name]) => name !== "connect-src")).toEqual(
      [...prod.entries()].filter(([name]) => name !== "connect-src"),
    );
  });

  it("gets a different, unguessable nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the headers on every response", () => {
  it("forbid sniffing, framing and powerful features", () => {
    expect(baselineHeaders({ cookieSecure: false })).toEqual({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    });
  });

  it("include HSTS only when cookies are Secure, i.e. the app is served over HTTPS", () => {
    expect(baselineHeaders({ cookieSecure: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(baselineHeaders({ cookieSecure: false })).not.toHaveProperty("Strict-Transport-Security");
  });
});
