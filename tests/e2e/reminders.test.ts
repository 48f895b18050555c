import { expectAccessible } from "./axe";
import { query } from "./db";
import { ADMIN, expect, HM, signIn, test } from "./fixtures";

test("a hiring manager reminds an interviewer who owes a scorecard: once a day, kept in the outbox, counted in their navigation", async ({
  page,
  browser,
  checkA11y,
}) => {
  // Tomasz's debugging interview with Inês Duarte is over and his scorecard owed (seed data); no other journey reminds about it.
  const [ines] = query<{ id: number }>("select id from candidates where name = 'Inês Duarte'");
  await signIn(page, HM);
  await page.goto("/pipeline");
  const row = page.getByRole("row", { name: /Inês Duarte/ });
  await row.getByRole("button", { name: "Remind Tomasz Nowak" }).click();
  await expect(row.getByText("Reminder for Tomasz Nowak is in the outbox (no mail server is configured).")).toBeVisible();
  await checkA11y("the pipeline after a reminder");

  // The candidate page knows, and a second reminder the same day is refused with the reason.
  await page.goto(`/candidates/${ines!.id}`);
  const owed = page.locator(".owed li", { hasText: "Tomasz Nowak" });
  await expect(owed.getByText(/Reminded \d+ minutes? ago/)).toBeVisible();
  await owed.getByRole("button", { name: "Remind Tomasz Nowak" }).click();
  await expect(owed.getByText(/Tomasz Nowak was reminded \d+ minutes? ago; reminders go at most once a day/)).toBeVisible();
  await checkA11y("the candidate page after a refused reminder");

  // Tomasz sees what he owes from any page.
  const tomasz = await browser.newContext();
  const tomaszPage = await tomasz.newPage();
  await signIn(tomaszPage, "tomasz@loopwise.test");
  await expect(tomaszPage.getByRole("link", { name: "My interviews (1 scorecard owed)" })).toBeVisible();
  await tomasz.close();

  // The admin reads the email in the outbox.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await adminPage.getByRole("link", { name: "Outbox" }).click();
  const email = adminPage.getByRole("article", { name: "Scorecard owed: Debugging with Inês Duarte" });
  await expect(email.getByText("In the outbox only")).toBeVisible();
  await email.getByText("Message").click();
  await expect(email.getByText(/Fill it in: http:\/\/localhost:\d+\/interviews\/\d+\/scorecard/)).toBeVisible();
  await expect(adminPage.getByRole("article", { name: /Scorecard owed/ })).toHaveCount(1);
  await expectAccessible(adminPage, "the admin's outbox with a reminder");
  await admin.close();
});
