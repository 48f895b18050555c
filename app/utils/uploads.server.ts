// Candidates' archives: stored outside the web root (beside the database), under random names,
// never unpacked, never run. Only their first bytes are read, to check what they are.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { env } from "./env.server";

export type ArchiveType = "zip" | "tar.gz";

/** Where uploads live: UPLOADS_DIR, or uploads/ beside the database file (a temporary folder for an in-memory one). */
export function uploadsDir(): string {
  const { UPLOADS_DIR: configured, DATABASE_PATH: database } = env();
  if (configured) return path.resolve(configured);
  return database === ":memory:" ? path.join(tmpdir(), "loopwise-uploads") : path.join(path.dirname(path.resolve(database)), "uploads");
}

/** The first `n` bytes a gzip stream inflates to, without inflating the rest (a bomb stays small). */
function gunzipHead(bytes: Buffer, n: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const gunzip = createGunzip();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (value: Buffer | null) => {
      if (done) return;
      done = true;
      gunzip.destroy();
      resolve(value);
    };
    gunzip.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= n) finish(Buffer.concat(chunks).subarray(0, n));
    });
    gunzip.on("end", () => finish(Buffer.concat(chunks)));
    gunzip.on("error", () => finish(null));
    gunzip.end(bytes);
  });
}

/**
 * What an upload is, by its bytes rather than its name: a zip (local file header, or an empty
 * archive's end record), or a gzip stream whose first block is a tar header ("ustar" at 257).
 */
export async function sniffArchive(bytes: Buffer): Promise<ArchiveType | null> {
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6))
  )
    return "zip";
  if (bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 8) {
    const head = await gunzipHead(bytes, 512);
    if (head && head.length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return "tar.gz";
  }
  return null;
}

/** Keeps an archive under a random name; returns that name and the file's checksum. */
export function storeArchive(bytes: Buffer, type: ArchiveType) {
  const dir = uploadsDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const storedName = `${randomUUID()}.${type}`;
  writeFileSync(path.join(dir, storedName), bytes, { mode: 0o600, flag: "wx" });
  return { storedName, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The stored file for a name this app made; anything else (a path, "..") is refused. */
export function storedArchivePath(storedName: string): string | null {
  return /^[0-9a-f-]{36}\.(zip|tar\.gz)$/.test(storedName) ? path.join(uploadsDir(), storedName) : null;
}

export function removeArchive(storedName: string) {
  const file = storedArchivePath(storedName);
  if (file) rmSync(file, { force: true });
}
