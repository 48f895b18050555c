import type { RequestHandler } from "express";
import { chooseClientAddress, CLIENT_ADDRESS_HEADER } from "#app/utils/client-address.server";

/**
 * Tells the app who is asking (app/utils/client-address.server.ts): the socket's peer, or the
 * address in `trustedProxyHeader` (lower-case) when the app runs behind a proxy that sets it.
 */
export function setClientAddress(trustedProxyHeader: string | undefined): RequestHandler {
  return (req, _res, next) => {
    // Only the server knows: whatever a client sent under this name is replaced.
    const fromProxy = trustedProxyHeader ? req.headers[trustedProxyHeader] : undefined;
    req.headers[CLIENT_ADDRESS_HEADER] = chooseClientAddress(req.socket.remoteAddress, fromProxy);
    next();
  };
}
