import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// .env is local and never committed; variables already in the environment win over it.
if (existsSync(".env")) process.loadEnvFile(".env");

const PLACEHOLDER_SECRET = "replace-me-with-at-least-32-random-characters";

// "SMTP_URL=" in .env means unset, not an invalid address.
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

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
  // Where email goes, e.g. smtps://user:password@mail.example.com:465. Unset: emails stay in the
  // outbox, which admins read in the app.
  SMTP_URL: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465")
      .optional(),
  ),
  MAIL_FROM: z.string().trim().min(3).max(200).default("Loopwise <loopwise@localhost>"),
  // How long after an interview ends before its owed scorecard gets an automatic reminder; 0 turns
  // automatic reminders off (the hiring team can still send them).
  REMINDER_AFTER_HOURS: z.coerce
    .number()
    .min(0, "REMINDER_AFTER_HOURS must be 0 (off) or more")
    .max(24 * 30, "REMINDER_AFTER_HOURS must be at most 720 (30 days)")
    .default(24),
  // The address people use to reach the app, for every link that leaves it (emails, calendar files
  // and feeds, candidate links to copy): never the request's Host header, which the client chooses.
  PUBLIC_URL: unsetIfEmpty(
    z
      .string()
      .trim()
      .url("PUBLIC_URL must be a full address such as https://loopwise.example.com")
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
  ),
  // Sign-in with the company's identity provider (OpenID Connect): off unless all four are set.
  OIDC_ISSUER: unsetIfEmpty(
    z
      .string()
      .trim()
      .url("OIDC_ISSUER must be the provider's issuer address, such as https://login.example.com")
      // A provider on this machine (the suite's, a local one in development) may speak plain
      // HTTP; anywhere else the sign-in would cross the network unprotected.
      .refine(
        (url) => url.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(url),
        "OIDC_ISSUER must start with https:// (plain http only for a provider on localhost)",
      )
      .optional(),
  ),
  OIDC_CLIENT_ID: unsetIfEmpty(z.string().trim().min(1).max(500).optional()),
  OIDC_CLIENT_SECRET: unsetIfEmpty(z.string().min(1).max(2000).optional()),
  OIDC_NAME: unsetIfEmpty(z.string().trim().min(1).max(60, "OIDC_NAME must be at most 60 characters").optional()),
});

const OIDC_VARIABLES = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const;

/** The identity provider people may sign in with, when one is configured. */
export type IdentityProvider = { issuer: string; clientId: string; clientSecret: string; name: string };

export type Env = z.infer<typeof EnvSchema> & {
  SESSION_SECRET: string;
  cookieSecure: boolean;
  publicUrl: string;
  identityProvider: IdentityProvider | null;
};

let cached: Env | undefined;

/** Parsed, validated configuration. Throws at first use when something is wrong. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads a set of variables as env() does (exported for its tests: env() reads them once). */
export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = EnvSchema.safeParse(source);
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
  return {
    ...e,
    SESSION_SECRET: secret,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : e.NODE_ENV === "production",
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    identityProvider: identityProviderFrom(e),
  };
}

// Half a configuration would show a button that can only fail, or silently keep the feature off
// when someone meant it on: refusing to start says which variables are missing.
function identityProviderFrom(e: z.infer<typeof EnvSchema>): IdentityProvider | null {
  const missing = OIDC_VARIABLES.filter((name) => e[name] === undefined);
  if (missing.length === OIDC_VARIABLES.length) return null;
  if (missing.length)
    throw new Error(
      `Invalid environment:\n  Sign-in with an identity provider needs all of ${OIDC_VARIABLES.join(", ")}; ` +
        `missing: ${missing.join(", ")}. Set them all, or none to keep it off.`,
    );
  return { issuer: e.OIDC_ISSUER!, clientId: e.OIDC_CLIENT_ID!, clientSecret: e.OIDC_CLIENT_SECRET!, name: e.OIDC_NAME! };
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
