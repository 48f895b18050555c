import type { IncomingMessage } from "node:http";
import type { RequestHandler, Response } from "express";
import { refuse } from "./refuse";

export type BodyLimits = readonly { prefix: string; bytes: number }[];

/**
 * Paths whose bodies may be larger (or must be smaller) than MAX_BODY_BYTES, by path prefix; the
 * longest matching prefix wins. Empty today: forms are a few kB. An upload route would go here,
 * e.g. { prefix: "/candidates/", bytes: 20 * 1024 * 1024 }.
 */
export const BODY_LIMITS: BodyLimits = [];

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
    if (declaresMoreThan(req, limit)) return tooLarge(res, limit);
    stopAtLimit(req, limit, () => {
      const abort = () => {
        // The app may be waiting for the rest of the body: fail its read, so nothing acts on a part.
        req.on("error", () => {});
        req.destroy(new Error("Request body over the limit"));
      };
      if (res.headersSent) return abort();
      tooLarge(res, limit);
      // Only once the 413 is on its way: destroying the request closes the socket.
      res.once("finish", abort);
      res.once("close", abort);
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

function tooLarge(res: Response, limit: number) {
  refuse(res, 413, `This request is too large: the limit is ${formatBytes(limit)}.`);
}

// The request handler reads `req` itself, so the one place to stop bytes before they reach the app
// is where Node's HTTP parser hands each chunk to the stream: `push`. Past the limit the chunk is
// dropped and returning false makes the socket stop reading, so the app never holds more.
function stopAtLimit(req: IncomingMessage, limit: number, onOverflow: () => void) {
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: Buffer | null, encoding?: BufferEncoding) => {
    if (chunk === null) return push(chunk, encoding);
    if (received > limit) return false;
    received += chunk.length;
    if (received <= limit) return push(chunk, encoding);
    onOverflow();
    return false;
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
