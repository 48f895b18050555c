// The protective headers, in one place: server.ts puts the baseline on every response (documents,
// .data, resource routes, redirects, errors, static files); entry.server.tsx adds the document CSP.
import { randomBytes } from "node:crypto";

/** Sent on every response. HSTS only when cookies are Secure, i.e. the app is served over HTTPS. */
export function baselineHeaders({ cookieSecure }: { cookieSecure: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    ...(cookieSecure ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** For responses that are not HTML pages (data, files, redirects): nothing may run or embed them. */
export const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Everything the app sends is personal or behind a sign-in, except static files, which set their own. */
export const DEFAULT_CACHE_CONTROL = "no-store";

/** A fresh value for each page, so an injected script cannot guess it. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The policy for HTML pages: only our own scripts, plus the inline ones React Router emits with `nonce`.
 * `formTargets`: other origins a form on this page may end up at (form-action also governs where
 * the reply redirects: the sign-in page's button goes on to the identity provider).
 */
export function documentCsp({
  nonce,
  development,
  formTargets = [],
}: {
  nonce: string;
  development: boolean;
  formTargets?: string[];
}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`],
    // Monaco 0.57 injects <style> elements without a nonce (domStylesheets.js), and pages use
    // style="" attributes, so inline styles stay allowed. Scripts never are.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    // Monaco's editor worker is a bundled file of ours; blob: covers workers Vite builds inline.
    "worker-src": ["'self'", "blob:"],
    // Vite's hot reload talks over a WebSocket in development only.
    "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'", ...formTargets],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}
