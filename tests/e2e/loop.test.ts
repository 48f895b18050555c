import { expect, farWorkday, HM, signIn, test, unique } from "./fixtures";

// This test's own days (see farSlot): the first four working days from day 200, so nothing else
// books them and no weekend or holiday warning interrupts the journey.
const DAYS = { "System design": 0, Debugging: 1, "Code review": 2, "Leadership & collaboration": 3 };
const slot = (stage: keyof typeof DAYS) => farWorkday(200, DAYS[stage]);

test("a hiring manager adds a candidate, schedules a loop, and the interviewer then sees it", async ({ page, browser }) => {
  const name = unique("Priya Natarajan");
  const email = `${name.split(" ").pop()}@example.com`;
  await signIn(page, HM);
  await page.getByRole("link", { name: "Add candidate" }).click();

  // First a mistake: an email already in use. The message sits by the field; what was typed stays.
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill("elena.petrova@example.com");
  await page.getByLabel("Position").selectOption({ label: "Lead ML Engineer, Fraud Platform" });
  await page.getByLabel("Source").selectOption("referral");
  await page.getByLabel("Recruiter notes").fill("Leads the feature platform at a neobank.");
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByText("A candidate with this email already exists")).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(name);
  await expect(page.getByLabel("Recruiter notes")).toHaveValue("Leads the feature platform at a neobank.");

  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("No loop scheduled yet")).toBeVisible();

  await page.getByRole("link", { name: "Schedule loop" }).first().click();
  await expect(page.getByRole("heading", { name: "Schedule the interview loop" })).toBeVisible();
  const systemDesign = page.getByRole("group", { name: "System design" });
  await systemDesign.getByLabel("Interviewer").selectOption({ label: "Aisha Bello (Staff ML Engineer, Fraud)" });
  await systemDesign.getByLabel("Date and time").fill(slot("System design"));
  // Leave the other stages' interviewers empty first: the form says which rows are missing one.
  await page.getByRole("button", { name: "Schedule loop" }).click();
  const debugging = page.getByRole("group", { name: "Debugging" });
  await expect(debugging.getByRole("listitem").filter({ hasText: "Choose an interviewer" })).toBeVisible();
  await expect(debugging.getByLabel("Interviewer")).toHaveAttribute("aria-invalid", "true");
  // The row already filled in keeps its choice.
  await expect(systemDesign.getByLabel("Date and time")).toHaveValue(slot("System design"));

  for (const [stage, person] of [
    ["Debugging", "Rafael Moreira"],
    ["Code review", "Siobhán Gallagher"],
    ["Leadership & collaboration", "Kwame Asante"],
  ] as const) {
    const row = page.getByRole("group", { name: stage });
    const option = row.getByLabel("Interviewer").locator("option", { hasText: person });
    await row.getByLabel("Interviewer").selectOption((await option.getAttribute("value"))!);
    // The form suggests the next working days, which the demo panel may already hold.
    await row.getByLabel("Date and time").fill(slot(stage));
  }
  await page.getByRole("button", { name: "Schedule loop" }).click();
  await expect(page.getByRole("heading", { name: "Interview loop" })).toBeVisible();
  await expect(page.getByText("0 of 4 scorecards submitted")).toBeVisible();
  await expect(page.locator(".interview-item")).toHaveCount(4);

  const aisha = await browser.newContext();
  const aishaPage = await aisha.newPage();
  await signIn(aishaPage, "aisha@loopwise.test");
  const upcoming = aishaPage.getByRole("table", { name: "Upcoming interviews" });
  await expect(upcoming.getByText(name)).toBeVisible();
  await upcoming
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("link")
    .first()
    .click();
  await expect(aishaPage.getByRole("heading", { level: 1 })).toHaveText(`System design: ${name}`);
  await aisha.close();

  // Kwame was put on leadership only; he sees that interview and no other stage of this loop.
  const kwame = await browser.newContext();
  const kwamePage = await kwame.newPage();
  await signIn(kwamePage, "kwame@loopwise.test");
  const kwameRows = kwamePage.getByRole("row", { name: new RegExp(name) });
  await expect(kwameRows).toHaveCount(1);
  await expect(kwameRows).toContainText("Leadership & collaboration");
  await kwame.close();
});
