import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "#app/utils/client-address.server";
import { setClientAddress } from "./client-address";

let server: Server | undefined;
afterEach(() => server?.close());

/** The client address the app would see for a request carrying `headers`. */
async function addressSeen(trustedProxyHeader: string | undefined, headers: Record<string, string>) {
  const app = express();
  app.use(setClientAddress(trustedProxyHeader));
  app.get("/", (req, res) => void res.send(req.headers[CLIENT_ADDRESS_HEADER]));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  return (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers })).text();
}

describe("the client address handed to the app", () => {
  it("is the socket's peer, whatever the client claims under the app's header or X-Forwarded-For", async () => {
    expect(await addressSeen(undefined, { [CLIENT_ADDRESS_HEADER]: "203.0.113.66", "X-Forwarded-For": "198.51.100.1" })).toBe("127.0.0.1");
  });

  it("comes from the trusted proxy header when one is set: its right-most entry", async () => {
    const headers = { [CLIENT_ADDRESS_HEADER]: "203.0.113.66", "X-Forwarded-For": "203.0.113.66, 198.51.100.1" };
    expect(await addressSeen("x-forwarded-for", headers)).toBe("198.51.100.1");
  });
});
