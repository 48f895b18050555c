import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import { type EntryContext, type HandleErrorFunction, isRouteErrorResponse, ServerRouter } from "react-router";
import { db } from "./utils/db.server";
import { env } from "./utils/env.server";
import { ensureAggregates } from "./models/aggregates.server";
import { NonceProvider } from "./utils/nonce-provider";
import { encodePage } from "./utils/page-encoding.server";
import { createNonce, documentCsp } from "./utils/security-headers.server";
import { providerFormTargets } from "./auth/identity-provider.server";

// Fail at start, not at the first request: a production server without a real secret refuses
// to run, and the database is migrated before anyone signs in.
env();
db();
ensureAggregates();

export const streamTimeout = 5_000;

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  // The other protective headers are set by server.ts on every response; only pages need a nonce.
  const nonce = createNonce();
  const formTargets = providerFormTargets(new URL(request.url).pathname);
  responseHeaders.set("Content-Security-Policy", documentCsp({ nonce, development: env().NODE_ENV === "development", formTargets }));
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status: responseStatusCode, headers: responseHeaders });

  // Loaders read SQLite synchronously and defer nothing, so the page is complete as soon as React
  // has rendered it: it is sent in one piece (one write, one compression call) rather than streamed
  // chunk by chunk through Node and web streams (docs/decisions/005-pages-sent-whole.md).
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let shellRendered = false;
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);
    const body = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        clearTimeout(timeoutId);
        timeoutId = undefined;
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        // Compressed here, once, rather than streamed through the server's `compression`, which
        // leaves a response that already has its encoding alone.
        const { body, encoding } = encodePage(Buffer.concat(chunks), request.headers.get("Accept-Encoding"));
        responseHeaders.append("Vary", "Accept-Encoding");
        if (encoding) responseHeaders.set("Content-Encoding", encoding);
        responseHeaders.set("Content-Length", String(body.length));
        resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
        callback();
      },
    });
    const page = (
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        pipe(body);
      },
      onShellError(error: unknown) {
        clearTimeout(timeoutId);
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // An error before the shell rejects the render, and the router logs it (handleError).
        if (shellRendered) console.error(error);
      },
    });
  });
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests (a user navigating away) are not errors worth logging.
  // Nor are 404s and 405s the router answers for unknown URLs and methods.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  console.error(`[loopwise] ${request.method} ${new URL(request.url).pathname}:`, error);
};
