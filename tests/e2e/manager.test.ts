// The hiring manager's pages (issue 26): the candidate page leads with the loop and calls a band
// provisional until the panel is in, the debrief jumps to its decision form by keyboard, and each
// page passes axe at a laptop's and a phone's width, with the label-in-name rule axe keeps
// experimental switched on. The rubric preview's change list and picture are checked in
// governance.test.ts, inside the journey that owns the draft (one draft exists at a time).
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

/** The page at a laptop's width and at a phone's, each checked with axe. */
async function atBothWidths(page: Page, what: string, ready: () => Promise<void>) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 1280 ? 800 : 844 });
    await ready();
    await expectAccessible(page, `${what} at ${width} px`);
    // Nothing of the page sits beyond a phone's screen but the tables, which scroll in place.
    if (width === 390)
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what} fits 390 px`).toBeLessThanOrEqual(390);
  }
}

test("with 1 of 3 scorecards in, the candidate page shows the loop and what is owed first, and the band as provisional", async ({
  page,
}) => {
  const name = "Anneliese Marguerite Okonkwo-Vandenberghe";
  await signIn(page, HM);
  await page.goto("/candidates");
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // The loop leads: its stages, who interviews, and who still owes a scorecard, above the recommendation.
  const loop = page.getByRole("region", { name: "Interview loop" });
  const recommendation = page.getByRole("region", { name: "Recommendation" });
  await expect(loop.getByText("1 of 3 scorecards submitted · 1 owed · 1 to come")).toBeVisible();
  await expect(loop.locator(".owed li", { hasText: "Rafael Moreira, Debugging: not started" })).toBeVisible();
  await expect(loop.getByRole("button", { name: "Remind Rafael Moreira" })).toBeVisible();
  await expect(loop.getByRole("link", { name: "System design", exact: true })).toHaveAttribute("href", /\/interviews\/\d+$/);
  await expect(loop.getByRole("link", { name: "Kit for System design" })).toHaveAttribute("href", /\/interviews\/\d+\/kit$/);
  await expect(loop.locator(".interview-item", { hasText: "Kwame Asante" })).toContainText("Scorecard submitted");
  await expect(loop.locator(".interview-item", { hasText: "Mei Lin Chen" })).toContainText("Scheduled");
  const [loopBox, recBox] = [await loop.boundingBox(), await recommendation.boundingBox()];
  expect(loopBox!.y).toBeLessThan(recBox!.y);

  // No verdict before the panel is in: both bands provisional, "1 of 3 in", and which band the gates read.
  await expect(recommendation.getByText("Provisional: 1 of 3 in.")).toBeVisible();
  await expect(recommendation.getByTestId("panel-in")).toHaveText("1 of 3 in");
  const raw = recommendation.locator(".score-tile", { hasText: "Weighted score (raw)" });
  await expect(raw.locator(".badge")).toHaveText(/^(Strong hire|Hire|Lean no hire|No hire) \(provisional\)$/);
  const rawBand = (await raw.locator(".badge").textContent())!.replace(" (provisional)", "");
  await expect(recommendation.locator(".score-tile", { hasText: "Calibrated" }).locator(".badge")).toHaveText(/\(provisional\)$/);
  await expect(recommendation.getByTestId("bands-differ")).toContainText(`read the raw band, ${rawBand}`);

  // Compare says the same of her.
  await page.goto("/compare");
  await page.getByLabel("Position").selectOption({ label: "Lead ML Engineer, Search & Ranking" });
  await page.getByRole("button", { name: "Show" }).click();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(`${rawBand} (provisional)`);
  await expect(row).toContainText("1 of 3 in");

  await page.goto("/candidates");
  await page.getByRole("link", { name }).click();
  await atBothWidths(page, "a candidate with 1 of 3 in", () => expect(page.getByRole("heading", { level: 1, name })).toBeVisible());
});

test("a candidate with no loop yet says so where the loop goes, and passes axe at both widths", async ({ page }) => {
  const [amara] = query<{ id: number }>("select id from candidates where name = 'Amara Nwosu'");
  await signIn(page, HM);
  await page.goto(`/candidates/${amara!.id}`);
  await expect(page.getByRole("region", { name: "Interview loop" }).getByText("No loop scheduled yet")).toBeVisible();
  await expect(page.getByRole("region", { name: "Recommendation" })).toHaveCount(0);
  await atBothWidths(page, "a candidate without a loop", () =>
    expect(page.getByRole("heading", { level: 1, name: "Amara Nwosu" })).toBeVisible(),
  );
});

test("from the top of the debrief, the keyboard jumps to the decision form and lands in it", async ({ page }) => {
  // Elena's loop is complete and undecided (seed data); no journey records her decision.
  const [elena] = query<{ id: number }>("select id from candidates where name = 'Elena Petrova'");
  await signIn(page, HM);
  await page.goto(`/candidates/${elena!.id}/debrief`);
  await expect(page.getByRole("heading", { level: 1, name: "Debrief: Elena Petrova" })).toBeVisible();
  const form = page.getByRole("region", { name: "Record the decision" });
  await expect(form).not.toBeInViewport();

  // The jump is the first thing after the heading that the keyboard reaches.
  await page.getByRole("button", { name: "Print debrief packet" }).focus();
  await page.keyboard.press("Tab");
  const jump = page.getByRole("link", { name: "Jump to the decision form" });
  await expect(jump).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(form).toBeFocused();
  await expect(form).toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(form.getByRole("radio", { name: /^Hire/ })).toBeFocused();

  await page.goto(`/candidates/${elena!.id}/debrief`);
  await atBothWidths(page, "the debrief", () => expect(jump).toBeVisible());
});
