// The fairness journey: a candidate answers the voluntary questions (one "I prefer not to say",
// one left blank), then the compliance lead reads the monitor, produces a bias-audit report and
// downloads its CSV. No one who decides is involved, and nothing shows the candidate's answers.
import { readFileSync } from "node:fs";
import { expectAccessible } from "./axe";
import { query } from "./db";
import { expect, signIn, test } from "./fixtures";

// The e2e server's secret (playwright.config.ts): the link is signed here as the app would sign it.
process.env.SESSION_SECRET ??= "e2e-only-secret-0123456789abcdefghijklmnop";

test("a candidate answers the voluntary questions; compliance reads the monitor and produces the bias-audit report", async ({
  browser,
}) => {
  // Three people in turn; the monitor and report pages are checked by axe in accessibility.test.ts.
  test.setTimeout(90_000);
  const { selfIdPath } = await import("#app/models/self-id-link.server");
  // A current candidate who has not answered, that no other journey changes.
  const [target] = query<{ id: number }>(
    `select c.id from candidates c where c.erased_at is null and c.name = 'Nadia Rahman'
     and not exists (select 1 from self_identifications s where s.candidate_id = c.id)`,
  );
  expect(target, "the seeded candidate Nadia Rahman").toBeTruthy();
  const candidate = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await candidate.goto(await selfIdPath(target!.id, new Date()));
  await expect(candidate.getByRole("heading", { level: 1, name: "Equal-opportunity questions" })).toBeVisible();
  await expect(candidate.getByText("No one who decides on your application.")).toBeVisible();
  await expectAccessible(candidate, "the voluntary questions at 390 px");
  const sex = candidate.getByRole("group", { name: "Sex" });
  await sex.getByLabel("I prefer not to say").check();
  await candidate.getByRole("group", { name: "Race or ethnicity" }).getByLabel("Asian").check();
  await candidate.getByRole("button", { name: "Save my answers" }).click();
  await expect(candidate.getByRole("status")).toContainText("your answers are saved, apart from your application");
  // Once: opening the link again says so and shows no answer.
  await candidate.reload();
  await expect(candidate.getByRole("status")).toContainText("your answers are saved");
  await expect(candidate.getByRole("radio")).toHaveCount(0);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, "compliance@loopwise.test");
  await expect(page).toHaveURL(/\/fairness$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fairness monitor" })).toBeVisible();
  await expect(page.getByText(/candidates applied between/)).toBeVisible();
  await expect(page.getByText(/Suppressed \(fewer than 5 people/).first()).toBeVisible();
  await expect(page.getByText("Nadia Rahman")).toHaveCount(0);
  await page.getByRole("button", { name: "Produce bias-audit report" }).click();
  await expect(page).toHaveURL(/\/fairness\/reports\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: /Bias-audit report #\d+/ })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^loopwise-bias-audit-\d+-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.split(/\r?\n/)[0]).toContain("categorisation,category,applicants,selected,rate,impact_ratio,fisher_p,mid_p");
  expect(csv).toContain("Sex × race/ethnicity");
  expect(csv).not.toContain("Nadia Rahman");

  // The hiring manager can't open the monitor.
  const hm = await (await browser.newContext()).newPage();
  await signIn(hm, "hm@loopwise.test");
  const refused = await hm.goto("/fairness");
  expect(refused?.status()).toBe(403);
});
