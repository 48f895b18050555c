import type { Response } from "express";

/**
 * Answers before the app sees the request, with a plain message. The body has not been read, so
 * the connection is closed afterwards rather than kept alive to drain it.
 */
export function refuse(res: Response, status: number, message: string) {
  res.status(status).set({ "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).send(message);
}
