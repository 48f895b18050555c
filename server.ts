// The app's HTTP server: React Router's request handler behind Express, in the manner of React
// Router's node-custom-server template, plus what react-router-serve could not give us (request
// size limits, protective headers on every response, foreign-write refusal, the client address).
// Why a custom server: docs/decisions/002-custom-server.md.
import { createServer } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@react-router/express";
import compression from "compression";
import express, { type ErrorRequestHandler } from "express";
import expressStaticGzip from "express-static-gzip";
import type { ServerBuild } from "react-router";
import { env } from "#app/utils/env.server";
import { bodyLimitOf, declaresMoreThan, limitRequestBodies } from "./server/body-limit";
import { setClientAddress } from "./server/client-address";
import { refuse } from "./server/refuse";
import { createReminderJob } from "./server/reminder-job";
import { securityHeaders } from "./server/response-headers";
import { refuseForeignWrites } from "./server/same-origin";
import { closeConnectionsWithUnreadBodies } from "./server/unread-body";

process.env.NODE_ENV ??= "production";
const config = env();
const proxyHeader = config.TRUSTED_PROXY_HEADER;

const app = express();
app.disable("x-powered-by");
// Behind the proxy that sets TRUSTED_PROXY_HEADER, the scheme and host the browser used arrive as
// X-Forwarded-Proto/-Host from that one hop; without them every HTTPS form post looks foreign.
if (proxyHeader) app.set("trust proxy", 1);

// First, so that every answer sent before its body was read (ours below, or the app's) closes the
// connection cleanly instead of leaving it stalled for the browser's next request.
app.use(closeConnectionsWithUnreadBodies);
app.use(securityHeaders({ cookieSecure: config.cookieSecure }));
app.use(limitRequestBodies(config.MAX_BODY_BYTES));
app.use(refuseForeignWrites);
app.use(setClientAddress(proxyHeader));
// For what is streamed (`.data` replies, exports, files); pages arrive compressed already
// (app/utils/page-encoding.server.ts, docs/decisions/005-pages-sent-whole.md).
app.use(compression({ level: 1 }));

const server = createServer(app);
let build: ServerBuild | (() => Promise<ServerBuild>);
if (config.NODE_ENV === "development") {
  const vite = await import("vite").then(({ createServer: createViteServer }) =>
    createViteServer({ server: { middlewareMode: true, ws: { server } }, appType: "custom" }),
  );
  app.use(vite.middlewares);
  build = () => vite.ssrLoadModule("virtual:react-router/server-build") as Promise<ServerBuild>;
} else {
  // File names under /assets carry a content hash, so they never change. Each was compressed once
  // at build time (scripts/compress-assets.ts): the .br or .gz the browser accepts is sent as is.
  app.use(
    "/assets",
    expressStaticGzip("build/client/assets", {
      enableBrotli: true,
      orderPreference: ["br", "gz"],
      serveStatic: { immutable: true, maxAge: "1y" },
    }),
  );
  // The other files sit at the top level (the favicon): pages and `.data` requests skip the disk.
  const topLevelFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (/^\/[^/]+\.(?!data$)\w+$/.test(req.path) ? topLevelFiles(req, res, next) : next()));
  build = (await import(pathToFileURL(path.resolve("build/server/index.js")).href)) as ServerBuild;
}
app.all("*", createRequestHandler({ build }));

// In place of Express's HTML error page: a plain message, and 4xx (a malformed URL) stays 4xx.
app.use(((error, req, res, _next) => {
  const status = Number(error?.status ?? error?.statusCode);
  if (status >= 400 && status < 500) return refuse(req, res, status, "This request could not be read.");
  console.error("[loopwise]", error);
  if (res.headersSent) return res.destroy();
  refuse(req, res, 500, "Something went wrong on our side.");
}) as ErrorRequestHandler);

// A client that asks before sending a body (curl does for large ones) gets the 413 without
// uploading it.
server.on("checkContinue", (req, res) => {
  if (!declaresMoreThan(req, bodyLimitOf(req, config.MAX_BODY_BYTES))) res.writeContinue();
  app(req, res);
});

// Owed-scorecard reminders and email delivery run inside this process, in production only (a
// development server restarts too often to keep an hourly rhythm; unit tests drive the job by hand).
const reminders = createReminderJob({ afterHours: config.REMINDER_AFTER_HOURS, appUrl: config.publicUrl });
server.listen(config.PORT, () => {
  console.log(`Loopwise (${config.NODE_ENV}) on http://localhost:${config.PORT}`);
  if (config.NODE_ENV === "production") reminders.start();
});
for (const signal of ["SIGTERM", "SIGINT"] as const)
  process.once(signal, () => {
    reminders.stop();
    server.close(() => process.exit(0));
  });
