import { existsSync, readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { sniffArchive, storeArchive, storedArchivePath } from "./uploads.server";

/** A minimal tar: one 512-byte header with the ustar magic, then an empty end block. */
function tar() {
  const header = Buffer.alloc(512);
  header.write("README.md", 0);
  header.write("ustar", 257);
  return Buffer.concat([header, Buffer.alloc(1024)]);
}

describe("archive uploads", () => {
  it("are recognised by their bytes, not their names", async () => {
    expect(await sniffArchive(Buffer.from([0x50, 0x4b, 3, 4, 20, 0]))).toBe("zip");
    expect(await sniffArchive(Buffer.from([0x50, 0x4b, 5, 6, ...Array(18).fill(0)]))).toBe("zip");
    expect(await sniffArchive(gzipSync(tar()))).toBe("tar.gz");
    // A gzip that isn't a tar, an executable, HTML, a script: refused whatever they are called.
    expect(await sniffArchive(gzipSync(Buffer.from("just text, not a tar")))).toBeNull();
    expect(await sniffArchive(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toBeNull();
    expect(await sniffArchive(Buffer.from("<html><script>alert(1)</script></html>"))).toBeNull();
    expect(await sniffArchive(Buffer.from("#!/bin/sh\nrm -rf /\n"))).toBeNull();
    expect(await sniffArchive(Buffer.from([0x1f, 0x8b, 8, 0, 0]))).toBeNull();
    expect(await sniffArchive(Buffer.alloc(0))).toBeNull();
  });

  it("inflate only the first block of a gzip, so a bomb stays small", async () => {
    // 200 MB inflated: the tar and 1 MB of zeros, then 199 more gzip members of 1 MB of zeros (a
    // gzip file may hold many). One small compression reused, not 200 MB compressed per run: that
    // took the test past its 5 s on a loaded two-core machine.
    const megabyte = gzipSync(Buffer.alloc(1024 * 1024));
    const bomb = Buffer.concat([gzipSync(Buffer.concat([tar(), Buffer.alloc(1024 * 1024)])), ...Array<Buffer>(199).fill(megabyte)]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await sniffArchive(bomb)).toBe("tar.gz");
  });

  it("are kept under a random name, readable only by the app, and only names it made can be opened", () => {
    const bytes = Buffer.from([0x50, 0x4b, 3, 4, 1, 2, 3]);
    const { storedName, sha256 } = storeArchive(bytes, "zip");
    expect(storedName).toMatch(/^[0-9a-f-]{36}\.zip$/);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const file = storedArchivePath(storedName)!;
    expect(readFileSync(file)).toEqual(bytes);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    for (const bad of ["../../etc/passwd", "x.zip", `${storedName}/..`, "/tmp/a.zip"]) expect(storedArchivePath(bad)).toBeNull();
    expect(existsSync(file)).toBe(true);
  });
});
