import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";

/** How long a client whose body we won't read may go on sending (into the void) after it has our answer. */
export const LINGER_MS = 2_000;

const GUARDED = Symbol("loopwise.unreadBodyGuarded");

/**
 * Answers that go out before their request's body has all arrived (a 413 or 403 from server/, a
 * 409 for a used take-home link or a 404 for a bad one from the app) must not leave the connection
 * open for another request: the unread body would sit in front of it, Node would never read the
 * next request, and after the keep-alive timeout it would reset the connection, failing the
 * browser's next request. Nor may the connection be closed while the client is still sending:
 * closing a socket with unread data resets it too, and many clients then drop the answer.
 *
 * So such an answer says `Connection: close` (the browser's next request opens a new connection),
 * whatever still arrives is read and dropped (never kept; the body limit still bounds it), and the
 * answer ends, closing the connection, once the body has ended or LINGER_MS later. The request is
 * then destroyed, so that a reader of a partial body fails rather than acting on it.
 */
export function closeAfterUnreadBody(req: IncomingMessage, res: ServerResponse) {
  const guarded = res as ServerResponse & { [GUARDED]?: true };
  if (guarded[GUARDED]) return;
  guarded[GUARDED] = true;

  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!req.complete) this.setHeader("Connection", "close");
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];

  const end = res.end;
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (req.complete || this.writableEnded) return end.apply(this, args as Parameters<ServerResponse["end"]>);
    const callback = args.find((a): a is () => void => typeof a === "function");
    const [chunk, encoding] = args.filter((a) => typeof a !== "function") as [string | Buffer | undefined, BufferEncoding | undefined];
    if (chunk !== undefined && chunk !== null) {
      // What end() would have sized itself: the client then has the whole answer at once.
      if (!this.headersSent && !this.hasHeader("content-length") && bodyAllowed(req, this))
        this.setHeader("Content-Length", typeof chunk === "string" ? Buffer.byteLength(chunk, encoding) : chunk.length);
      this.write(chunk, encoding ?? "utf8");
    } else if (!this.headersSent && bodyAllowed(req, this) && !this.hasHeader("content-length")) {
      this.setHeader("Content-Length", 0);
    }
    if (!this.headersSent) this.flushHeaders();
    dropRestOfBody(req, res, () => (end as (this: ServerResponse, cb?: () => void) => ServerResponse).call(this, callback));
    return this;
  } as ServerResponse["end"];
}

/** Express middleware form, first in the chain so every answer, the app's and server/'s, is covered. */
export const closeConnectionsWithUnreadBodies: RequestHandler = (req, res, next) => {
  closeAfterUnreadBody(req, res);
  next();
};

function dropRestOfBody(req: IncomingMessage, res: ServerResponse, endAnswer: () => void) {
  let done = false;
  const timer = setTimeout(hangUp, LINGER_MS);
  function hangUp() {
    if (done) return;
    done = true;
    clearTimeout(timer);
    endAnswer();
    const fail = () => req.destroy(new Error("The answer was sent before this request's body was read."));
    if (res.writableFinished || res.destroyed) fail();
    else res.once("close", fail);
  }
  // Node's HTTP parser hands body bytes to the request through `push`; from here on they go nowhere.
  req.push = (chunk: Buffer | null) => {
    if (chunk === null) hangUp();
    return true;
  };
  req.resume(); // a reader that stopped (or never started) must not stop the bytes being dropped
  res.once("close", hangUp); // the client went away first
}

function bodyAllowed(req: IncomingMessage, res: ServerResponse): boolean {
  return req.method !== "HEAD" && res.statusCode !== 204 && res.statusCode !== 304;
}
