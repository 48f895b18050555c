import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createReadableStreamFromReadable } from "@react-router/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { upload } from "#tests/upload";
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

const send = (port: number, path: string, bytes: number, contentLength?: number) =>
  upload(`http://localhost:${port}${path}`, bytes, { contentLength }).then(({ status, body }) => ({ status, body }));

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
    // The app's read fails (when the client hangs up, at the latest two seconds after the 413).
    await expect.poll(() => seen[0]?.error, { timeout: 3_000 }).toBeTruthy();
    expect(seen[0]!.bytes).toBeUndefined();
    expect(seen[0]!.received).toBeLessThanOrEqual(LIMIT);
  });

  it("gives a path in the table its own limit", async () => {
    const { port } = await start();
    expect((await send(port, "/upload", 2 * LIMIT)).status).toBe(200);
    expect((await send(port, "/login", 2 * LIMIT)).status).toBe(413);
  });
});
