import type { IncomingMessage, ServerResponse } from "node:http";

/** How long a refused client may go on sending (into the void) after it has our answer. */
const LINGER_MS = 2_000;

/**
 * Answers a request the app must not see, or see the rest of, with a plain message, and closes
 * the connection.
 *
 * The client may still be sending its body, and closing a socket with unread data resets the
 * connection, which makes many clients drop the answer they were sent. So the whole answer goes
 * out at once, what still arrives is read and dropped (never kept), and the connection is closed
 * when the body ends or LINGER_MS later. The request is then destroyed with an error, so that a
 * reader of a partial body fails rather than acting on it.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string) {
  const body = Buffer.from(message);
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, Connection: "close" });
  res.write(body);
  if (req.complete) return void res.end();
  const timer = setTimeout(hangUp, LINGER_MS);
  function hangUp() {
    clearTimeout(timer);
    res.end();
    req.destroy(new Error(message));
  }
  // Node's HTTP parser hands body bytes to the request through `push`; from here on they go nowhere.
  req.push = (chunk: Buffer | null) => {
    if (chunk === null) hangUp();
    return true;
  };
  req.resume(); // reading may have stopped at the limit
  res.once("close", hangUp); // the client went away first
}
