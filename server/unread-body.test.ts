// Over real sockets: an answer sent before its request's body was read (a refusal from server/, a
// 409 from the app) must leave the client able to make its next request, as a browser does at once.
import { Agent, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { createReadableStreamFromReadable } from "@react-router/node";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { limitRequestBodies } from "./body-limit";
import { refuseForeignWrites } from "./same-origin";
import { closeConnectionsWithUnreadBodies } from "./unread-body";

const MB = 1024 * 1024;
let server: Server | undefined;
afterEach(() => server?.close());

/** server.ts's chain in front of an app that answers as React Router's adapter does: the body wrapped as a stream, never read. */
async function start() {
  const app = express();
  app.use(closeConnectionsWithUnreadBodies);
  app.use(limitRequestBodies(MB));
  app.use(refuseForeignWrites);
  app.post("/take-home/used", (req, res) => {
    new Request("http://localhost/", { method: "POST", body: createReadableStreamFromReadable(req), duplex: "half" } as RequestInit);
    res.status(409).send("Your take-home has been submitted; it can't be replaced.");
  });
  app.post("/read", async (req, res) => {
    let bytes = 0;
    for await (const chunk of req) bytes += (chunk as Buffer).length;
    res.send(`read ${bytes}`);
  });
  app.get("/healthz", (_req, res) => res.send("ok"));
  server = app.listen(0);
  await new Promise((resolve) => server!.once("listening", resolve));
  return (server!.address() as AddressInfo).port;
}

type Reply = { status: number; headers: IncomingHttpHeaders; body: string; error?: string };

/**
 * A browser's way with an upload: the whole body is sent (it is in the socket's buffers before the
 * answer comes back), on a connection kept alive for the requests that follow.
 */
function send(
  agent: Agent,
  port: number,
  path: string,
  { bytes = 0, headers = {} }: { bytes?: number; headers?: Record<string, string> } = {},
) {
  return new Promise<Reply>((resolve) => {
    const req = request({
      agent,
      port,
      path,
      method: bytes ? "POST" : "GET",
      headers: { ...headers, ...(bytes ? { "Content-Length": bytes } : {}) },
    });
    let reply: Reply | undefined;
    const done = (error?: string) =>
      resolve(reply ? { ...reply, error: reply.error ?? error } : { status: 0, headers: {}, body: "", error });
    req.on("error", (e) => done((e as NodeJS.ErrnoException).code ?? e.message));
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (t: string) => (body += t));
      res.on("error", (e) => done((e as NodeJS.ErrnoException).code ?? e.message));
      res.on("end", () => {
        reply = { status: res.statusCode!, headers: res.headers, body };
        // Wait for the socket's fate too: a reset after the answer is still a reset.
        setTimeout(() => done(), 50);
      });
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const write = () => {
      while (sent < bytes && !req.destroyed) {
        const n = Math.min(chunk.length, bytes - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once("drain", write);
      }
      req.end();
    };
    write();
  });
}

describe("an answer sent before the body was read", () => {
  const refusals = [
    {
      what: "a used take-home link (409 from the app)",
      path: "/take-home/used",
      bytes: 4 * MB,
      status: 409,
      headers: {} as Record<string, string>,
    },
    { what: "a body over the limit (413)", path: "/read", bytes: 4 * MB, status: 413, headers: {} as Record<string, string> },
    { what: "another site's form (403)", path: "/read", bytes: 512 * 1024, status: 403, headers: { Origin: "https://evil.example" } },
  ];
  for (const r of refusals)
    it(`closes the connection cleanly after ${r.what}, and the next request succeeds`, async () => {
      const port = await start();
      // One connection at a time, kept alive: the next request goes wherever a browser's would.
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const refused = await send(agent, port, r.path, { bytes: r.bytes, headers: r.headers });
      expect(refused).toMatchObject({ status: r.status, error: undefined });
      const asked = performance.now();
      const next = await send(agent, port, "/healthz");
      expect(next).toMatchObject({ status: 200, body: "ok", error: undefined });
      // At once, not after the server gave up on a connection stalled behind the unread body.
      expect(performance.now() - asked).toBeLessThan(1_500);
      expect(refused.headers.connection).toBe("close");
      agent.destroy();
    }, 15_000);

  it("on the same connection: the answer comes whole, then the server closes without a reset", async () => {
    const port = await start();
    const socket = connect(port, "127.0.0.1");
    const body = 2 * MB;
    let received = "";
    const events: string[] = [];
    socket.on("data", (d) => (received += d.toString("latin1")));
    socket.on("error", (e) => events.push((e as NodeJS.ErrnoException).code ?? e.message));
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.write(`POST /take-home/used HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${body}\r\nConnection: keep-alive\r\n\r\n`);
    socket.write(Buffer.alloc(body, "a"));
    // A browser that took the connection for reusable would send its next request now.
    socket.write("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    await closed;
    expect(events).toEqual([]);
    expect(received).toMatch(/^HTTP\/1.1 409 Conflict\r\n/);
    expect(received).toMatch(/\r\nConnection: close\r\n/i);
    expect(received).toContain("it can't be replaced.");
  }, 15_000);

  it("leaves a body the app read alone: kept alive, and the next request reuses the connection", async () => {
    const port = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const read = await send(agent, port, "/read", { bytes: 512 * 1024 });
    expect(read).toMatchObject({ status: 200, body: `read ${512 * 1024}`, error: undefined });
    expect(read.headers.connection).toBe("keep-alive");
    expect((await send(agent, port, "/healthz")).status).toBe(200);
    agent.destroy();
  });
});
