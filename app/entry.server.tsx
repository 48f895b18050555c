import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { type EntryContext, type HandleErrorFunction, isRouteErrorResponse, ServerRouter } from "react-router";
import { db } from "./utils/db.server";
import { env } from "./utils/env.server";
import { ensureAggregates } from "./models/aggregates.server";
import { NonceProvider } from "./utils/nonce-provider";
import { createNonce, documentCsp } from "./utils/security-headers.server";

// Fail at start, not at the first request: a production server without a real secret refuses
// to run, and the database is migrated before anyone signs in.
env();
db();
ensureAggregates();

export const streamTimeout = 5_000;

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, routerContext: EntryContext) {
  // The other protective headers are set by server.ts on every response; only pages need a nonce.
  const nonce = createNonce();
  responseHeaders.set("Content-Security-Policy", documentCsp({ nonce, development: env().NODE_ENV === "development" }));
  if (request.method.toUpperCase() === "HEAD") return new Response(null, { status: responseStatusCode, headers: responseHeaders });

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? "onAllReady" : "onShellReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const page = (
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>
    );
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      [readyOption]() {
        shellRendered = true;
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        responseHeaders.set("Content-Type", "text/html");
        pipe(body);
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
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
