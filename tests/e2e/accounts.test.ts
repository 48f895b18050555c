// Accounts by invitation: an admin invites a colleague, the invitation waits in the outbox (no mail
// server here), the colleague opens its link, chooses a password and is signed in; later they
// change it on their Account page, and someone who forgot theirs resets it through an emailed
// link. Every new page is checked with axe at 1280 px and on a 390 px phone.
import type { Browser, Page } from "@playwright/test";
import { ADMIN, expect, signIn, test } from "./fixtures";
import { expectAccessible } from "./axe";

const PASSWORD = "harbour lantern copper";

function newPerson() {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { name: `Inês Duarte-Whitfield ${tag}`, email: `ines.${tag}@loopwise.test` };
}

/** Forms are filled only once the page's scripts have taken them over (AuthCard's marker). */
const hydrated = (page: Page) => expect(page.locator("[data-hydrated]")).toBeAttached();

/** axe at a laptop's width and a phone's, back at the laptop's afterwards. */
async function accessibleAtBothSizes(page: Page, what: string) {
  await expectAccessible(page, `${what} at 1280 px`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, `${what} at 390 px`);
  // Nothing of the page is cut off on the phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what} fits 390 px`).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The link in the newest email of this subject to `email`, read in the admin's outbox. */
async function linkInOutbox(adminPage: Page, subject: string, email: string, path: "/invite" | "/reset") {
  await adminPage.goto("/admin/outbox");
  const message = adminPage.getByRole("article", { name: subject }).filter({ hasText: email }).first();
  await message.getByText("Message").click();
  const body = await message.locator("pre").innerText();
  const link = new RegExp(`(http://localhost:\\d+)${path}/[A-Za-z0-9_-]{43}`).exec(body);
  expect(link, `a ${path} link in the email to ${email}`).not.toBeNull();
  // Built from PUBLIC_URL (unset here, so the server's own address), never the Host header.
  expect(link![1]).toBe(new URL(adminPage.url()).origin);
  return new URL(link![0]).pathname;
}

async function invite(adminPage: Page, person: { name: string; email: string }) {
  await adminPage.goto("/admin/users/new");
  await adminPage.getByLabel("Full name").fill(person.name);
  await adminPage.getByLabel("Email (used to sign in)").fill(person.email);
  await adminPage.getByLabel("Job title").fill("Staff ML Engineer");
  await adminPage.getByLabel("Role").selectOption({ label: "Interviewer" });
  await adminPage.getByRole("button", { name: "Add user", exact: true }).click();
  await expect(adminPage).toHaveURL(/\/admin\/users\/\d+\?invited$/);
}

async function choosePassword(page: Page, path: string, password: string, button: string) {
  await page.goto(path);
  await hydrated(page);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Type it again").fill(password);
  await page.getByRole("button", { name: button }).click();
}

async function signedInAdmin(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ADMIN);
  return { context, page };
}

test("an admin invites a colleague, who sets a password from the emailed link, is signed in, and later changes it", async ({ browser }) => {
  const person = newPerson();
  const admin = await signedInAdmin(browser);
  await admin.page.goto("/admin/users/new");
  await accessibleAtBothSizes(admin.page, "the add-user form");
  await invite(admin.page, person);
  await expect(admin.page.getByRole("status")).toContainText(`Invitation sent to ${person.email}; the link works until`);
  await expect(admin.page.getByText("Invitation sent", { exact: true })).toBeVisible();
  await accessibleAtBothSizes(admin.page, "the user's page with a pending invitation");
  const path = await linkInOutbox(admin.page, "You're invited to Loopwise", person.email, "/invite");

  const invitee = await browser.newContext();
  const page = await invitee.newPage();
  await page.goto(path);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: `Welcome to Loopwise, ${person.name}` })).toBeVisible();
  await accessibleAtBothSizes(page, "the invitation page");
  // A weak password is refused next to its field, with the reason.
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Type it again").fill("short");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page.getByText(/Use at least 12 characters: a longer password takes far longer to guess/)).toBeVisible();
  await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await accessibleAtBothSizes(page, "the invitation page refusing a weak password");
  await page.getByLabel("New password").fill(PASSWORD);
  await page.getByLabel("Type it again").fill(PASSWORD);
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL("/interviews");
  await expect(page.getByRole("heading", { level: 1, name: "My interviews" })).toBeVisible();

  // The link worked once.
  const again = await invitee.newPage();
  await again.goto(path);
  await expect(again.getByRole("heading", { level: 1, name: "This link has already been used" })).toBeVisible();
  await accessibleAtBothSizes(again, "an invitation link used twice");
  await again.close();
  await admin.page.goto("/admin/users");
  await admin.page.getByRole("link", { name: person.name }).click();
  await expect(admin.page.getByText("Invitation accepted")).toBeVisible();

  // Signed in elsewhere too; changing the password on the Account page signs that one out.
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, person.email, PASSWORD);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await hydrated(page);
  await accessibleAtBothSizes(page, "the Account page");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(`${person.email} 2026`);
  await page.getByLabel("Type the new password again").fill(`${person.email} 2026`);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/Don't build it from your name or email/)).toBeVisible();
  await accessibleAtBothSizes(page, "the Account page refusing a password made of the email");
  await page.getByLabel("New password", { exact: true }).fill("quiet meadow signal");
  await page.getByLabel("Type the new password again").fill("quiet meadow signal");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Password changed. You stay signed in here");
  await expect(page.getByLabel("Current password")).toHaveValue("");
  await laptopPage.goto("/interviews");
  await expect(laptopPage).toHaveURL(/\/login\?redirectTo=%2Finterviews/);
  await page.goto("/interviews");
  await expect(page).toHaveURL("/interviews");
  await Promise.all([laptop.close(), invitee.close(), admin.context.close()]);
});

test("someone who forgot their password resets it from the sign-in page; an unknown address is told the same", async ({ browser }) => {
  const person = newPerson();
  const admin = await signedInAdmin(browser);
  await invite(admin.page, person);
  const invitation = await linkInOutbox(admin.page, "You're invited to Loopwise", person.email, "/invite");
  const setup = await browser.newContext();
  const setupPage = await setup.newPage();
  await choosePassword(setupPage, invitation, PASSWORD, "Set password and sign in");
  await expect(setupPage).toHaveURL("/interviews");
  await setup.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL("/forgot");
  await hydrated(page);
  await accessibleAtBothSizes(page, "the forgot-password page");
  await page.getByLabel("Email").fill("nobody.at.all@loopwise.test");
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByRole("status");
  await expect(answer).toContainText(
    "If that address belongs to an active Loopwise account, a link to choose a new password is on its way.",
  );
  const unknownAnswer = await answer.innerText();
  await accessibleAtBothSizes(page, "the forgot-password page after asking");

  await page.goto("/forgot");
  await hydrated(page);
  await page.getByLabel("Email").fill(person.email.toUpperCase());
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toHaveText(unknownAnswer);

  const resetPath = await linkInOutbox(admin.page, "Reset your Loopwise password", person.email, "/reset");
  await expect(admin.page.getByText("nobody.at.all@loopwise.test")).toHaveCount(0);

  // A tampered link: a clear page, the same answer from the page and from the router's data request.
  const tampered = resetPath.slice(0, -3) + (resetPath.endsWith("xyz") ? "abc" : "xyz");
  await page.goto(tampered);
  await expect(page.getByRole("heading", { level: 1, name: "This link doesn't work" })).toBeVisible();
  await accessibleAtBothSizes(page, "a tampered reset link");
  const document = await page.request.get(tampered);
  const data = await page.request.get(`${tampered}.data`);
  expect(document.status()).toBe(404);
  expect(data.status()).toBe(document.status());
  expect(await data.text()).toContain("unknown");

  await page.goto(resetPath);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await accessibleAtBothSizes(page, "the reset page");
  await page.getByLabel("New password").fill("lantern harbour tide");
  await page.getByLabel("Type it again").fill("lantern harbour tide");
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(page).toHaveURL("/interviews");

  // From a browser not signed in: the old password no longer signs in; the new one does.
  const other = await browser.newContext();
  const old = await other.request.post("/login", { form: { email: person.email, password: PASSWORD }, maxRedirects: 0 });
  expect(old.status()).toBe(400);
  const fresh = await other.request.post("/login", { form: { email: person.email, password: "lantern harbour tide" }, maxRedirects: 0 });
  expect(fresh.status()).toBe(302);
  await Promise.all([other.close(), context.close(), admin.context.close()]);
});
