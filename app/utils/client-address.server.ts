// The address of the client behind a request, as the server saw it. server.ts sets this header on
// every request it hands to the app, replacing whatever a client sent under the same name: the
// socket's peer address, or the first hop of TRUSTED_PROXY_HEADER when one is configured.
export const CLIENT_ADDRESS_HEADER = "x-loopwise-client-address";

/** The client's address, or "unknown" outside server.ts (unit tests, the Vite dev server). */
export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
