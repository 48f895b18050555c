import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { MAX_ARCHIVE_MEGABYTES } from "#app/models/kit";
import { refuse } from "./refuse";

export type BodyLimits = readonly { prefix: string; bytes: number }[];

/**
 * Paths whose bodies may be larger (or must be smaller) than MAX_BODY_BYTES, by path prefix; the
 * longest matching prefix wins. Forms are a few kB; a take-home archive may be up to
 * MAX_ARCHIVE_MEGABYTES, plus room for the rest of the form.
 */
export const BODY_LIMITS: BodyLimits = [{ prefix: "/take-home/", bytes: MAX_ARCHIVE_MEGABYTES * 1024 * 1024 + 64 * 1024 }];

export function bodyLimitFor(pathname: string, defaultBytes: number, limits: BodyLimits = BODY_LIMITS): number {
  let match: BodyLimits[number] | undefined;
  for (const entry of limits) {
    if (pathname.startsWith(entry.prefix) && entry.prefix.length > (match?.prefix.length ?? -1)) match = entry;
  }
  return match?.bytes ?? defaultBytes;
}

/**
 * Refuses bodies over the limit with 413 before the app reads them: at once when Content-Length
 * says so, otherwise (chunked, or a Content-Length that lies) as soon as the bytes received pass it.
 */
export function limitRequestBodies(defaultBytes: number, limits: BodyLimits = BODY_LIMITS): RequestHandler {
  return (req, res, next) => {
    const limit = bodyLimitOf(req, defaultBytes, limits);
    const message = `This request is too large: the limit is ${formatBytes(limit)}.`;
    if (declaresMoreThan(req, limit)) return refuse(req, res, 413, message);
    stopAtLimit(req, limit, () => {
      // Had the app already answered, only the connection is left to cut.
      if (res.headersSent) req.destroy(new Error(message));
      else refuse(req, res, 413, message);
    });
    next();
  };
}

export function bodyLimitOf(req: IncomingMessage, defaultBytes: number, limits: BodyLimits = BODY_LIMITS): number {
  return bodyLimitFor(new URL(req.url ?? "/", "http://localhost").pathname, defaultBytes, limits);
}

export function declaresMoreThan(req: IncomingMessage, limit: number): boolean {
  return Number(req.headers["content-length"] ?? 0) > limit;
}

// The request handler reads `req` itself, so the one place to stop bytes before they reach the app
// is where Node's HTTP parser hands each chunk to the stream: `push`. The chunk that passes the
// limit is dropped, so the app never holds more; refuse() then takes over `push`.
function stopAtLimit(req: IncomingMessage, limit: number, onOverflow: () => void) {
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk !== null) received += chunk.length;
    if (received <= limit) return push(chunk, encoding);
    onOverflow();
    return true;
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
