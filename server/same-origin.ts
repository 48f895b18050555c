import type { Request, RequestHandler } from "express";
import { refuse } from "./refuse";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A write another site's page sent: its Origin, or when there is none its Referer, names an origin
 * other than ours. Browsers send Origin on every cross-site POST; a request with neither header
 * (curl, scripts, the integration tests) is no browser's and is let through.
 */
export function isForeignWrite({
  method,
  origin,
  referer,
  ownOrigin,
}: {
  method: string;
  origin?: string;
  referer?: string;
  ownOrigin: string;
}): boolean {
  if (!WRITES.has(method.toUpperCase())) return false;
  const claimed = origin ?? referer;
  if (claimed === undefined) return false;
  // "null" (sandboxed frames, file: pages) and anything unparseable are foreign too.
  return !URL.canParse(claimed) || new URL(claimed).origin !== ownOrigin;
}

// React Router 7.18.4 answers a foreign Origin with a bare 400 on page and .data actions, but
// ignores Referer and does not check resource routes (such as /logout); this covers every route.
export const refuseForeignWrites: RequestHandler = (req, res, next) => {
  const foreign = isForeignWrite({
    method: req.method,
    origin: req.get("origin"),
    referer: req.get("referer"),
    ownOrigin: ownOrigin(req),
  });
  if (foreign) return refuse(req, res, 403, "This form was sent from another site, so it was not accepted.");
  next();
};

// The origin the browser sees. Behind the trusted proxy ("trust proxy" in server.ts) the scheme and
// host come from X-Forwarded-Proto/-Host, as they do in the URL React Router gives the app.
function ownOrigin(req: Request): string {
  const forwardedHost = req.app.enabled("trust proxy") ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const url = `${req.protocol}://${forwardedHost || req.get("host") || ""}`;
  return URL.canParse(url) ? new URL(url).origin : "";
}
