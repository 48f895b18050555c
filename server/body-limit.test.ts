import { request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@react-router/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { bodyLimitFor, limitRequestBodies } from "./body-limit";

const LIMIT = 64 * 1024;

describe("the body limit for a path", () => {
  const table = [
    { prefix: "/candidates/", bytes: 10 },
    { prefix: "/candidates/1/upload", bytes: 20 },
  ];
  it("is the default unless a prefix matches, and the longest matching prefix wins", () => {
    expect(bodyLimitFor("/login", 5, table)).toBe(5);
    expect(bodyLimitFor("/candidates/1/edit", 5, table)).toBe(10);
    expect(bodyLimitFor("/candidates/1/upload.data", 5, table)).toBe(20);
  });
});

// A server whose app reads bodies the way React Router's Express adapter does, recording what it got.
let server: Server | undefined;
afterEach(() => server?.close());

type Seen = { received: number; bytes?: number; error?: string };
async function start(limits = [{ prefix: "/upload", bytes: 4 * LIMIT }]) {
  const seen: Seen[] = [];
  const app = express();
  app.use(limitRequestBodies(LIMIT, limits));
  app.post(/.*/, async (req, res) => {
    const entry: Seen = { received: 0 };
    seen.push(entry);
    try {
      const reader = createReadableStreamFromReadable(req).getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) entry.received += chunk.value.byteLength;
      entry.bytes = entry.received;
      if (!res.headersSent) res.send(`read ${entry.bytes}`);
    } catch (error) {
      entry.error = String(error);
    }
  });
  server = app.listen(0);
  await new Promise((resolve) => server!.once("listening", resolve));
  return { port: (server!.address() as AddressInfo).port, seen };
}

/** Sends `total` bytes in 16 kB writes, chunked unless a Content-Length is given, and stops when answered. */
function send(port: number, path: string, total: number, contentLength?: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = httpRequest({ port, path, method: "POST", headers: contentLength === undefined ? {} : { "Content-Length": contentLength } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, body }));
      res.on("error", () => resolve({ status: res.statusCode!, body }));
    });
    // Writing into a closed connection fails after the answer came; that is the refusal working.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < total && !answered && !req.destroyed) {
        const n = Math.min(chunk.length, total - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return req.once("drain", write);
      }
      if (!answered && !req.destroyed) req.end();
    };
    write();
  });
}

describe("refusing bodies over the limit", () => {
  it("lets a body within the limit through whole", async () => {
    const { port, seen } = await start();
    expect(await send(port, "/login", LIMIT)).toEqual({ status: 200, body: `read ${LIMIT}` });
    expect(seen).toEqual([{ received: LIMIT, bytes: LIMIT }]);
  });

  it("answers 413 from the Content-Length alone, before the app sees the request", async () => {
    const { port, seen } = await start();
    const reply = await send(port, "/login", 64 * 1024, 300 * 1024 * 1024);
    expect(reply.status).toBe(413);
    expect(reply.body).toMatch(/too large: the limit is 64 kB/);
    expect(seen).toEqual([]);
  });

  it("stops a chunked body at the limit: 413, and the app's read fails having held no more than the limit", async () => {
    const { port, seen } = await start();
    const reply = await send(port, "/login", 50 * 1024 * 1024);
    expect(reply.status).toBe(413);
    await expect.poll(() => seen[0]?.error).toMatch(/over the limit/);
    expect(seen[0]!.bytes).toBeUndefined();
    expect(seen[0]!.received).toBeLessThanOrEqual(LIMIT);
  });

  it("gives a path in the table its own limit", async () => {
    const { port } = await start();
    expect((await send(port, "/upload", 2 * LIMIT)).status).toBe(200);
    expect((await send(port, "/login", 2 * LIMIT)).status).toBe(413);
  });
});
