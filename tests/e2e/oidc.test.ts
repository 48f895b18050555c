// Sign-in with the company's identity provider, in a browser. The suite's shared server runs with
// it off, as a fresh install does, so this file starts an app server of its own (the same build,
// its own database and port) with OIDC_* pointing at a real provider running in this worker
// (tests/identity-provider.ts). What only a browser shows: the button's whole-page post, the
// redirect the page's form-action must allow, the provider's cookies, the way back.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { startIdentityProvider } from "../identity-provider";
import { expect, HM, test } from "./fixtures";

const CLIENT = { clientId: "loopwise-e2e", clientSecret: "a-client-secret-for-the-browser-test" };
const STRANGER = "someone.without.an.account@example.com";

let app: ChildProcess | undefined;
let idp: Awaited<ReturnType<typeof startIdentityProvider>> | undefined;
let base = "";
let database = "";

/** The provider's development login: any password signs in as the account named. */
async function signInAtProvider(page: Page, accountId: string) {
  await page.waitForURL((url) => url.origin === idp!.issuer);
  await page.locator('input[name="login"]').fill(accountId);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** A port nothing holds at this moment: the operating system's choice, released at once. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function serving(url: string, child: ChildProcess) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server exited with ${child.exitCode}`);
    const up = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // This hook's allowance: the same as the shared server's start-up in playwright.config.ts.
  test.setTimeout(60_000);
  const port = await freePort();
  base = `http://localhost:${port}`;
  idp = await startIdentityProvider({ ...CLIENT, redirectUri: `${base}/auth/oidc/callback` });
  // The provider keeps the capitals it was given; the account here is stored lower-cased.
  idp.accounts.set("daniel", { email: HM.toUpperCase(), email_verified: true });
  idp.accounts.set("stranger", { email: STRANGER, email_verified: true });
  database = `tests/.artifacts/oidc-${port}.db`;
  const environment = {
    ...process.env,
    PORT: String(port),
    NODE_ENV: "production",
    DATABASE_PATH: database,
    SESSION_SECRET: "e2e-oidc-only-secret-0123456789abcdefghijkl",
    COOKIE_SECURE: "false",
    REMINDER_AFTER_HOURS: "0",
    SMTP_URL: "",
    PUBLIC_URL: base,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    OIDC_NAME: "Acme SSO",
  };
  execFileSync("npx", ["tsx", "db/setup.ts"], { env: environment, stdio: "ignore" });
  app = spawn("node", ["build/server.mjs"], { env: environment, stdio: "ignore" });
  await serving(`${base}/healthz`, app);
});

test.afterAll(async () => {
  app?.kill();
  await idp?.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${database}${suffix}`, { force: true });
});

test("a hiring manager signs in with the identity provider and lands where they were going", async ({ page, checkA11y }) => {
  await page.goto(`${base}/pipeline`);
  await expect(page).toHaveURL(`${base}/login?redirectTo=%2Fpipeline`);
  const button = page.getByRole("button", { name: "Sign in with Acme SSO" });
  await expect(button).toBeVisible();
  await checkA11y("the sign-in page with the identity provider's button");

  await button.click();
  await signInAtProvider(page, "daniel");

  await expect(page).toHaveURL(`${base}/pipeline`);
  await expect(page.getByRole("heading", { level: 1, name: "Pipeline" })).toBeVisible();
  await expect(page.getByText("Daniel Reyes")).toBeVisible();
});

test("an address with no account is refused on the sign-in page, and nobody is signed in", async ({ page, checkA11y }) => {
  await page.goto(`${base}/login`);
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
  await signInAtProvider(page, "stranger");

  await expect(page).toHaveURL(`${base}/login`);
  await expect(page.getByRole("alert")).toHaveText(`No Loopwise account for ${STRANGER}; ask an admin for an invitation.`);
  await checkA11y("the sign-in page refusing an address the provider gave");
  // Said once: the next visit is the plain sign-in page again, still signed out.
  await page.goto(`${base}/candidates`);
  await expect(page).toHaveURL(`${base}/login?redirectTo=%2Fcandidates`);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
