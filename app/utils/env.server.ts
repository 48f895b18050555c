import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// .env is local and never committed; variables already in the environment win over it.
if (existsSync(".env")) process.loadEnvFile(".env");

const PLACEHOLDER_SECRET = "replace-me-with-at-least-32-random-characters";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_PATH: z.string().min(1).default("data/loopwise.db"),
  SESSION_SECRET: z
    .string()
    .min(32, "SESSION_SECRET must be at least 32 characters")
    .refine((s) => s !== PLACEHOLDER_SECRET, "SESSION_SECRET is still the placeholder from .env.example")
    .optional(),
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024, "MAX_BODY_BYTES must be at least 1024")
    .max(1024 ** 3, "MAX_BODY_BYTES must be at most 1 GiB")
    .default(1024 * 1024),
  // Where candidates' take-home archives are kept; by default uploads/ beside the database file.
  UPLOADS_DIR: z.string().trim().min(1).optional(),
  // A header name, e.g. X-Forwarded-For; lower-cased because Node gives header names that way.
  TRUSTED_PROXY_HEADER: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]+$/, "TRUSTED_PROXY_HEADER must be a header name such as X-Forwarded-For")
    .transform((name) => name.toLowerCase())
    .optional(),
});

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; cookieSecure: boolean };

let cached: Env | undefined;

/** Parsed, validated configuration. Throws at first use when something is wrong. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  const e = parsed.data;
  let secret = e.SESSION_SECRET;
  if (!secret) {
    if (e.NODE_ENV === "production") {
      throw new Error(
        "SESSION_SECRET is required in production (32+ random characters). Generate one with:\n" +
          "  node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"",
      );
    }
    secret = localDevelopmentSecret(e.DATABASE_PATH);
  }
  cached = {
    ...e,
    SESSION_SECRET: secret,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : e.NODE_ENV === "production",
  };
  return cached;
}

// Outside production a secret is made once and kept beside the database, so restarting the dev
// server does not sign everybody out, and nothing secret is ever committed.
function localDevelopmentSecret(databasePath: string): string {
  const dir = databasePath === ":memory:" ? "data" : path.dirname(databasePath);
  const file = path.join(dir, ".session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
