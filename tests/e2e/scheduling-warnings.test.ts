import { expect, farSaturday, HM, signIn, test, unique } from "./fixtures";

// This test's own days (see farSlot): the first Saturday from day 260.
test("booking an interview on a Saturday warns the hiring manager, who accepts and books it", async ({ page, checkA11y }) => {
  const name = unique("Kofi Mensah");
  await signIn(page, HM);
  await page.getByRole("link", { name: "Add candidate" }).click();
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(`${name.split(" ").pop()}@example.com`);
  await page.getByLabel("Position").selectOption({ label: "Lead ML Engineer, Fraud Platform" });
  await page.getByLabel("Source").selectOption("inbound");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await page.getByRole("link", { name: "Schedule loop" }).first().click();

  // Only system design, with Aisha, on a Saturday.
  for (const stage of ["Debugging", "Code review", "Leadership & collaboration"])
    await page.getByRole("group", { name: stage }).getByRole("checkbox").uncheck();
  const systemDesign = page.getByRole("group", { name: "System design" });
  await systemDesign.getByLabel("Interviewer").selectOption({ label: "Aisha Bello (Staff ML Engineer, Fraud)" });
  const saturday = farSaturday(260);
  await systemDesign.getByLabel("Date and time").fill(saturday);
  await page.getByRole("button", { name: "Schedule loop" }).click();

  await expect(page.getByRole("alert")).toHaveText("Not booked yet: check the warnings below, then confirm or change the time.");
  await expect(systemDesign.getByText(/^Saturday, .* is a weekend day for Aisha Bello \(Europe\/London\)\.$/)).toBeVisible();
  await expect(systemDesign.getByLabel("Date and time")).toHaveValue(saturday);
  await checkA11y("the schedule-loop form with a weekend warning");

  await page.getByLabel("These times are right: book them despite the warnings").check();
  await page.getByRole("button", { name: "Schedule loop" }).click();
  await expect(page.getByRole("heading", { name: "Interview loop" })).toBeVisible();
  await expect(page.locator(".interview-item")).toHaveCount(1);
  await expect(page.locator(".interview-item")).toContainText("Sat");
});
