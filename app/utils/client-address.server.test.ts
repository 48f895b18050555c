import { describe, expect, it } from "vitest";
import { chooseClientAddress, clientAddress, CLIENT_ADDRESS_HEADER } from "./client-address.server";

describe("choosing the client address", () => {
  it("is the socket's peer when no proxy header is trusted", () => {
    expect(chooseClientAddress("203.0.113.7")).toBe("203.0.113.7");
  });

  it("takes the right-most X-Forwarded-For entry, the one our proxy appended, not what the client sent", () => {
    expect(chooseClientAddress("10.0.0.2", "1.2.3.4, 198.51.100.9")).toBe("198.51.100.9");
    expect(chooseClientAddress("10.0.0.2", ["1.2.3.4", "198.51.100.9"])).toBe("198.51.100.9");
  });

  it("reads a single-address header such as X-Real-IP, IPv6 included", () => {
    expect(chooseClientAddress("10.0.0.2", "2001:db8::1")).toBe("2001:db8::1");
  });

  it("falls back to the peer when the trusted header is missing or its last entry is not an address", () => {
    expect(chooseClientAddress("203.0.113.7", undefined)).toBe("203.0.113.7");
    expect(chooseClientAddress("203.0.113.7", "")).toBe("203.0.113.7");
    expect(chooseClientAddress("203.0.113.7", "1.2.3.4, not-an-ip")).toBe("203.0.113.7");
  });

  it("gives an IPv4 client one form whether the socket is IPv4 or dual-stack", () => {
    expect(chooseClientAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(chooseClientAddress("::1")).toBe("::1");
  });

  it("is read back by the app from the header server.ts sets", () => {
    const request = new Request("http://localhost/login", { headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.9" } });
    expect(clientAddress(request)).toBe("198.51.100.9");
    expect(clientAddress(new Request("http://localhost/login"))).toBe("unknown");
  });
});
