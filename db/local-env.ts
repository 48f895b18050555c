import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * First run on a fresh clone: write .env from .env.example with a freshly generated session
 * secret, so the demo runs in production mode without anyone pasting a secret by hand.
 * An existing .env is never touched.
 */
export function ensureLocalEnvFile() {
  if (existsSync(".env") || process.env.SESSION_SECRET) return;
  const example = readFileSync(".env.example", "utf8");
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(".env", example.replace(/^SESSION_SECRET=.*$/m, `SESSION_SECRET=${secret}`), { mode: 0o600 });
  process.loadEnvFile(".env");
  console.log("Created .env with a new random SESSION_SECRET.");
}
