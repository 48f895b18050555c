import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodePage } from "./page-encoding.server";

const page = Buffer.from(`<!DOCTYPE html><html><body>${"<p>Scorecard submitted by Ada Okafor</p>".repeat(200)}</body></html>`);

describe("encodePage", () => {
  it("gives browsers brotli and gets the same page back", () => {
    const { body, encoding } = encodePage(page, "gzip, deflate, br, zstd");
    expect(encoding).toBe("br");
    expect(body.length).toBeLessThan(page.length / 4);
    expect(brotliDecompressSync(body).equals(page)).toBe(true);
  });

  it("gives gzip to a client that does not take brotli", () => {
    const { body, encoding } = encodePage(page, "gzip, deflate");
    expect(encoding).toBe("gzip");
    expect(gunzipSync(body).equals(page)).toBe(true);
  });

  it("follows the client's q-values before our own order", () => {
    expect(encodePage(page, "br;q=0.5, gzip").encoding).toBe("gzip");
    expect(encodePage(page, "br;q=0, gzip;q=0").encoding).toBeNull();
    expect(encodePage(page, "*").encoding).toBe("br");
  });

  it("sends the page as it is when the client asks for nothing we offer, or it is tiny", () => {
    for (const accept of [null, "", "identity", "deflate", "compress;q=1, gzip;q=0"]) {
      const { body, encoding } = encodePage(page, accept);
      expect(encoding).toBeNull();
      expect(body).toBe(page);
    }
    expect(encodePage(Buffer.from("<p>Not found</p>"), "br").encoding).toBeNull();
  });
});
