import type { IncomingMessage, ServerResponse } from "node:http";
import { closeAfterUnreadBody } from "./unread-body";

/**
 * Answers a request the app must not see, or see the rest of, with a plain message, and closes
 * the connection. The whole answer goes out at once; what the client still sends is dropped and
 * the connection closed once it stops (server/unread-body.ts), so no answer is lost to a reset.
 */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string) {
  closeAfterUnreadBody(req, res);
  const body = Buffer.from(message);
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": body.length, Connection: "close" });
  res.end(body);
}
