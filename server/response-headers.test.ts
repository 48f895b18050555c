import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { refuse } from "./refuse";
import { securityHeaders } from "./response-headers";

let server: Server | undefined;
afterEach(() => server?.close());

async function headersOf(path: string, { cookieSecure = false } = {}) {
  const app = express();
  app.use(securityHeaders({ cookieSecure }));
  app.get("/page", (_req, res) => void res.set("Content-Security-Policy", "default-src 'self'").send("<p>page</p>"));
  app.get("/file.js", (_req, res) => void res.set("Cache-Control", "public, max-age=31536000, immutable").send("1"));
  app.get("/data", (_req, res) => void res.json({ personal: true }));
  app.get("/moved", (_req, res) => res.redirect("/page"));
  app.get("/refused", (req, res) => refuse(req, res, 413, "Too large"));
  server = app.listen(0);
  await new Promise((resolve) => server!.once("listening", resolve));
  const res = await fetch(`http://localhost:${(server.address() as AddressInfo).port}${path}`, { redirect: "manual" });
  return res.headers;
}

describe("headers on every response", () => {
  it.each(["/data", "/moved", "/refused"])("%s gets the baseline, a CSP that allows nothing, and no-store", async (path) => {
    const headers = await headersOf(path);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps the CSP a page chose and the caching a static file chose", async () => {
    expect((await headersOf("/page")).get("content-security-policy")).toBe("default-src 'self'");
    const file = await headersOf("/file.js");
    expect(file.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(file.get("x-content-type-options")).toBe("nosniff");
  });

  it("adds HSTS when cookies are Secure", async () => {
    expect((await headersOf("/data", { cookieSecure: true })).get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });
});
