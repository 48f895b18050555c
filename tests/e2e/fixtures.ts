import { expect, test as base, type Page } from "@playwright/test";
import Holidays from "date-holidays";
import { expectAccessible } from "./axe";

export const DEMO_PASSWORD = "loopwise-demo";
export const HM = "hm@loopwise.test";
export const ADMIN = "admin@loopwise.test";
export const INTERVIEWER = "aisha@loopwise.test";

/**
 * Signs in and opens the page the app sends that person to, as the form would, but without the
 * form: the page's own context posts what the form posts (so the session cookie lands in that
 * context), then opens where the reply redirects. Loading, hydrating and filling the sign-in page
 * cost a journey seconds on a busy two-core machine, every time it signed someone in; the form
 * itself is exercised by signInWithForm (auth.test.ts) and the accessibility gate. Each call is a
 * real sign-in with a session of its own, so a test that signs out ends nobody else's session.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, { expectFailure = false } = {}) {
  // A refusal is about what the form shows, so it goes through the form.
  if (expectFailure) return signInWithForm(page, email, password, { expectFailure });
  const reply = await page.request.post("/login", { form: { email, password }, maxRedirects: 0 });
  const landing = reply.headers()["location"];
  if (reply.status() !== 302 || !landing)
    throw new Error(`Signing in as ${email} was refused (${reply.status()}): ${(await reply.text()).slice(0, 300)}`);
  await page.goto(landing);
}

/** Signs in through the form and, unless told the attempt should fail, waits to leave /login. */
export async function signInWithForm(page: Page, email: string, password = DEMO_PASSWORD, { expectFailure = false } = {}) {
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

/**
 * A wall-clock time for a datetime-local field, `days` ahead at `hour`:00. Browser tests book
 * interviews far beyond the demo data (which sits within a few weeks of today) and the form's own
 * suggestions (the next working days), each test on days of its own, so no booking can collide
 * whatever the date the suite runs on.
 */
export function farSlot(days: number, hour = 9) {
  if (days < 120 || days > 350) throw new Error("farSlot: keep browser-test bookings between 120 and 350 days ahead");
  const d = new Date(Date.now() + days * 86400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

/**
 * `checkA11y("what the page shows")`: the axe gate (tests/e2e/axe.ts) on the test's page as it
 * stands, so any journey can check the states it reaches.
 */
// The demo team's countries (db/seed-data.ts): a working day is one that is one for all of them.
const TEAM_HOLIDAYS = ["GB", "IE", "DE", "US"].map((country) => new Holidays(country, { types: ["public", "bank"] }));

/**
 * Like farSlot, on the `n`-th working day (0 the first) from `days` ahead: Monday to Friday and no
 * public holiday of the demo team, so booking it raises no scheduling warning, whatever today is.
 */
export function farWorkday(days: number, n: number, hour = 9) {
  for (let offset = 0, found = -1; ; offset++) {
    const slot = farSlot(days + offset, hour);
    const day = new Date(`${slot.slice(0, 10)}T12:00:00Z`);
    const working = day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && TEAM_HOLIDAYS.every((h) => !h.isHoliday(day));
    if (working && ++found === n) return slot;
  }
}

/** Like farSlot, on the first Saturday from `days` ahead. */
export function farSaturday(days: number, hour = 10) {
  for (let offset = 0; ; offset++) {
    const slot = farSlot(days + offset, hour);
    if (new Date(`${slot.slice(0, 10)}T12:00:00Z`).getUTCDay() === 6) return slot;
  }
}

export const test = base.extend<{ checkA11y: (what: string) => Promise<void> }>({
  checkA11y: async ({ page }, provide) => {
    await provide((what) => expectAccessible(page, what));
  },
});
export { expect };
