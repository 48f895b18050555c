import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { baselineHeaders, DEFAULT_CACHE_CONTROL, NON_DOCUMENT_CSP } from "#app/utils/security-headers.server";

/**
 * Puts the protective headers on every response, whoever answers it: the app, the static files, a
 * refusal or an error. A CSP and a Cache-Control are filled in only when the responder set none:
 * pages carry their own nonce-based CSP, and static files their own caching.
 */
export function securityHeaders({ cookieSecure }: { cookieSecure: boolean }): RequestHandler {
  const baseline = Object.entries(baselineHeaders({ cookieSecure }));
  return (_req, res, next) => {
    for (const [name, value] of baseline) res.setHeader(name, value);
    beforeHeadersAreSent(res, () => {
      if (!res.hasHeader("Content-Security-Policy")) res.setHeader("Content-Security-Policy", NON_DOCUMENT_CSP);
      if (!res.hasHeader("Cache-Control")) res.setHeader("Cache-Control", DEFAULT_CACHE_CONTROL);
    });
    next();
  };
}

// Every response, however it ends, passes through writeHead (res.end calls it implicitly), so this
// is the last moment to see which headers its responder chose. Also what `compression` does.
function beforeHeadersAreSent(res: ServerResponse, fill: () => void) {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    fill();
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
