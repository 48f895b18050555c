// The hiring manager records a hire's 90-day outcome from the validity page's "Outcomes due" and
// sees it counted in the figures; a day before the hire is refused next to the field with what was
// typed kept. Axe on both pages at 1280 px and at a 390 px phone.
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

// The seeded history hire whose 90-day outcome is left due (db/seed-outcomes.ts); no other test records it.
const DUE = "Daniel Kim";

test("a hiring manager records a due 90-day outcome and sees it counted on the validity page", async ({ page, checkA11y }) => {
  const before = query<{ n: number }>("select count(*) as n from hire_outcomes where checkpoint = 'day_90'")[0]!.n;
  const { decided } = query<{ decided: number }>(
    `select d.decided_at as decided from decisions d join loops l on l.id = d.loop_id join candidates c on c.id = l.candidate_id
     where c.name = ? and d.decision = 'hire'`,
    DUE,
  )[0]!;
  await signIn(page, HM);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Validity" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Validity" })).toBeVisible();
  await expect(page.getByText(`${before} hires with a 90-day outcome`)).toBeVisible();
  const due = page.getByRole("region", { name: "Outcomes due" });
  await expect(due.getByRole("row", { name: new RegExp(DUE) })).toContainText("overdue");
  // Figures for S, and the honest state where there are too few hires.
  const byScore = page.getByRole("region", { name: "Validity by score" });
  await expect(byScore.getByRole("row", { name: /S \(weighted score\)/ })).toContainText(/\d\.\d to \d\.\d/);
  await expect(
    byScore.getByText(/Needs at least 10 hires with outcomes; there are \d+\. No figure is shown below that\./).first(),
  ).toBeVisible();
  await checkA11y("the validity page at 1280 px");

  await due.getByRole("link", { name: `Record the 90-day outcome for ${DUE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Outcome for ${DUE}` })).toBeVisible();
  await page.getByRole("radio", { name: /3 · Meeting the role/ }).check();
  await page.getByLabel("Leadership & mentorship").selectOption("3");
  await page.getByLabel("Note (optional)").fill("Owns the feature store migration; first on-call rotation went well.");
  // A day before the hire: refused next to the field, and nothing typed is lost.
  const dayBefore = new Date(decided - 86400_000).toISOString().slice(0, 10);
  await page.getByLabel("Reviewed on").fill(dayBefore);
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expect(page.getByText(/That day is before the hire \(\d{4}-\d{2}-\d{2}\)/)).toBeVisible();
  await expect(page.getByLabel("Note (optional)")).toHaveValue("Owns the feature store migration; first on-call rotation went well.");
  await expect(page.getByRole("radio", { name: /3 · Meeting the role/ })).toBeChecked();
  await checkA11y("the outcome form refusing a day before the hire");

  await page.getByLabel("Reviewed on").fill(new Date().toISOString().slice(0, 10));
  await page.getByRole("button", { name: "Record outcome" }).click();
  await expect(page.getByRole("status")).toContainText("Recorded the 90-day outcome.");
  await expect(page.getByRole("region", { name: "Recorded" })).toContainText("90-day outcome: 3 · Meeting the role; Still employed.");
  // The one-year outcome is months away: no form until it opens.
  await expect(page.getByText(/^The one-year outcome can be recorded from /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Record outcome" })).toHaveCount(0);

  await page.getByRole("link", { name: "validity page" }).click();
  await expect(page.getByText(`${before + 1} hires with a 90-day outcome`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Outcomes due" }).getByRole("row", { name: new RegExp(DUE) })).toHaveCount(0);

  // On a phone: both pages, read and used at 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  await checkA11y("the validity page at 390 px");
  const { id } = query<{ id: number }>("select id from candidates where name = 'Chiara Russo'")[0]!;
  await page.goto(`/validity/outcomes/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Outcome for Chiara Russo" })).toBeVisible();
  await expect(page.getByText("Owns an ML system end to end")).toBeVisible();
  await checkA11y("the outcome form at 390 px");
});
