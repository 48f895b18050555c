import { isIP } from "node:net";

// The address of the client behind a request, as the server saw it. server.ts sets this header on
// every request it hands to the app, replacing whatever a client sent under the same name: the
// socket's peer address, or the address TRUSTED_PROXY_HEADER carries when one is configured.
export const CLIENT_ADDRESS_HEADER = "x-loopwise-client-address";

/** The client's address, or "unknown" outside server.ts (unit tests). */
export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}

/**
 * Chooses the address server.ts hands to the app. With a trusted proxy header, its right-most
 * entry is the one our proxy added (entries to its left were sent by the client and can be
 * forged); when the header is missing or that entry is not an IP address, the request did not
 * come through the proxy and the socket's peer is the client.
 */
export function chooseClientAddress(peerAddress: string | undefined, proxyHeader?: string | string[]): string {
  const values = Array.isArray(proxyHeader) ? proxyHeader.join(",") : (proxyHeader ?? "");
  const fromProxy = values.split(",").at(-1)?.trim() ?? "";
  const address = isIP(fromProxy) ? fromProxy : (peerAddress ?? "unknown");
  // Node reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d; one client, one key.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}
