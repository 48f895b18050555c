import { expect, test as base, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "loopwise-demo";
export const HM = "hm@loopwise.test";
export const ADMIN = "admin@loopwise.test";
export const INTERVIEWER = "aisha@loopwise.test";

/** Signs in through the form and, unless told the attempt should fail, waits to leave /login. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { expectFailure = false } = {}) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (!expectFailure) await page.waitForURL((url) => url.pathname !== "/login");
}

/** A name no other test (or earlier run) uses, so tests sharing the server never collide. */
export function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export const test = base;
export { expect };
