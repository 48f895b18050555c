import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectAccessible, seriousViolations } from "./axe";
import { ADMIN, expect, farWorkday, signIn, test, unique } from "./fixtures";

const SHOTS = "tests/.artifacts/screenshots";

/** A new candidate with a loop of the four required stages, on working days no other test books. */
async function candidateWithLoop(page: Page, name: string, firstDay: number) {
  await page.goto("/candidates/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(`${name.split(" ").pop()}@example.com`);
  await page.getByLabel("Position").selectOption({ label: "Lead ML Engineer, Fraud Platform" });
  await page.getByLabel("Source").selectOption("inbound");
  await page.getByLabel("Recruiter notes").fill(`${name} applied through the careers page.`);
  await page.getByRole("button", { name: "Add candidate" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("link", { name: "Schedule loop" }).first().click();
  const stages = [
    ["System design", "Aisha Bello"],
    ["Debugging", "Rafael Moreira"],
    ["Code review", "Siobhán Gallagher"],
    ["Leadership & collaboration", "Kwame Asante"],
  ] as const;
  for (const [i, [stage, person]] of stages.entries()) {
    const row = page.getByRole("group", { name: stage });
    const option = row.getByLabel("Interviewer").locator("option", { hasText: person });
    await row.getByLabel("Interviewer").selectOption((await option.getAttribute("value"))!);
    await row.getByLabel("Date and time").fill(farWorkday(firstDay, i, 14));
  }
  await page.getByRole("button", { name: "Schedule loop" }).click();
  await expect(page.getByText("0 of 4 scorecards submitted")).toBeVisible();
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("an admin drafts a rubric version with new weights and a floor, previews its impact, publishes it; a new loop uses it, an old one keeps its own", async ({
  page,
}) => {
  // Long journeys with an accessibility check on each new page, on a shared two-core machine.
  test.setTimeout(120_000);
  await signIn(page, ADMIN);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("link", { name: "Rubric", exact: true }).click();
  expect(await seriousViolations(page)).toEqual([]);
  // The demo's history is on v1; the seed published v2 as the hiring manager, so the next draft is v3.
  await page.getByRole("button", { name: "Create a new version from v2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Draft v3 of Lead Machine Learning Engineer" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // A mistake first: weights that don't sum to 100 are refused, and what was typed stays.
  await page.getByLabel("Weight of ML system design").fill("25");
  await expect(page.getByText("Total 105 of 100")).toBeVisible();
  await page.getByRole("button", { name: "Save and preview the impact" }).click();
  await expect(page.getByText("Not saved yet. Weights sum to 105, not 100.")).toBeVisible();
  await expect(page.getByLabel("Weight of ML system design")).toHaveValue("25");
  await page.screenshot({ path: `${SHOTS}/rubric-draft-error.png` });

  // System design 25, data quality 10, and a floor: no Hire or better while system design is ≤ 2.
  await page.getByLabel("Weight of Data quality & pipelines").fill("10");
  await page.getByLabel("Floor for ML system design", { exact: true }).selectOption("2");
  await page.getByLabel("Band the floor for ML system design rules out").selectOption("hire");
  await page.getByRole("button", { name: "Save and preview the impact" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Impact of draft v3" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /of \d+ candidates would change band/ })).toBeVisible();
  const impact = page.getByRole("table", { name: /S and band now and under draft v3/ });
  await expect(impact.getByRole("row")).not.toHaveCount(1);
  // Changed bands come first: once a row is unchanged, none below it has changed.
  const changed = await impact.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.classList.contains("preview-changed")));
  expect(changed.slice(changed.indexOf(false)).every((c) => !c)).toBe(true);
  // What the draft changes, in words, and gates beside the bands on both sides.
  const changes = page.getByRole("list", { name: "Changes from v2" });
  await expect(changes.getByRole("listitem")).toHaveText([
    "Weight of ML system design: 20% → 25%",
    "Weight of Data quality & pipelines: 15% → 10%",
    "Floor added on ML system design: no Hire or better while the score is ≤ 2",
  ]);
  await expect(impact.getByRole("columnheader", { name: "Band and gates under the draft" })).toBeVisible();
  // The picture of now against the draft, with its text alternative, over both versions' bands.
  const picture = page.getByRole("img", { name: /^S of \d+ past candidates now and under draft v3: \d+ change band/ });
  await expect(picture).toBeVisible();
  await expect(picture.locator("text", { hasText: "Draft v3" })).toHaveCount(1);
  expect(await picture.locator("line").count()).toBeGreaterThan(3);
  await expectAccessible(page, "the impact preview at 1280 px");
  await page.screenshot({ path: `${SHOTS}/rubric-preview.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "the impact preview at 390 px");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/rubric-preview-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole("button", { name: "Publish v3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Lead Machine Learning Engineer v3/ })).toContainText("Published");
  await expect(page.getByRole("row", { name: /ML system design/ })).toContainText("No Hire or better while ≤ 2");
  expect(await seriousViolations(page)).toEqual([]);

  // A loop scheduled now is scored with v3; a loop scheduled before keeps v1.
  const fresh = await candidateWithLoop(page, unique("Ingrid Solberg-Achterberg"), 260);
  await expect(page.getByRole("region", { name: "Recommendation" })).toContainText("Lead Machine Learning Engineer v3");
  expect(fresh).toBeGreaterThan(0);
  await page.goto("/candidates");
  await page.getByRole("searchbox", { name: "Search candidates" }).fill("Marcus Adeyemi");
  await page.getByRole("searchbox", { name: "Search candidates" }).press("Enter");
  await page.getByRole("link", { name: "Marcus Adeyemi" }).click();
  await expect(page.getByRole("region", { name: "Recommendation" })).toContainText("Lead Machine Learning Engineer v1");
});

test("an admin exports a candidate's data, erases them, and they are gone from the pipeline, compare and the exports", async ({ page }) => {
  test.setTimeout(120_000);
  const name = unique("Oluwaseun Featherstonehaugh-Delacroix");
  await signIn(page, ADMIN);
  const id = await candidateWithLoop(page, name, 280);

  // Before: on the pipeline, in compare, in the results export.
  await page.goto("/pipeline");
  await expect(page.getByText(name)).toBeVisible();
  await page.goto("/compare");
  await expect(page.getByRole("link", { name })).toBeVisible();
  const before = await download(page, () => page.getByRole("link", { name: "CSV" }).first().click());
  expect(before).toContain(name);

  // The subject-access file holds their data, with the interviewers by role and number.
  await page.goto(`/candidates/${id}`);
  await page.getByRole("link", { name: "Data held" }).click();
  expect(await seriousViolations(page)).toEqual([]);
  const file = await download(page, () => page.getByRole("link", { name: "Download (HTML with JSON)" }).click());
  expect(file).toContain(name);
  expect(file).toContain("Interviewer 1");
  expect(file).not.toContain("Aisha Bello");

  await page.getByRole("link", { name: `Erase ${name}…` }).click();
  await expect(page.getByRole("region", { name: "Erased" })).toContainText(
    "Their name, email address, recruiter notes and summary for the panel",
  );
  await expect(page.getByRole("region", { name: "Erased" })).toContainText("4 upcoming interviews are cancelled");
  await expect(page.getByRole("region", { name: "Kept, linked to no one" })).toContainText("4 interviews");
  expect(await seriousViolations(page)).toEqual([]);
  // Not confirmed: nothing happens, and the page says what is missing.
  await page.getByRole("button", { name: `Erase ${name}` }).click();
  await expect(page.getByText("Choose why this candidate's data is being erased")).toBeVisible();
  await expect(page.getByText("Tick the box to confirm: an erasure can't be undone")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/erase-errors.png`, fullPage: true });
  await page.getByLabel("At the candidate's request").check();
  await page.getByLabel(/I understand that .* personal data will be erased everywhere/).check();
  await page.getByRole("button", { name: `Erase ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Candidate #${id} was erased` })).toBeVisible();

  // After: nowhere.
  await page.goto("/pipeline");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await page.goto("/compare");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  const after = await download(page, () => page.getByRole("link", { name: "CSV" }).first().click());
  expect(after).not.toContain(name);
  await page.goto(`/candidates?q=${encodeURIComponent(name)}`);
  await expect(page.getByText(name)).toHaveCount(0);
  const gone = await page.goto(`/candidates/${id}`);
  expect(gone?.status()).toBe(404);

  // Retention, from the candidates list: the per-position setting refuses a bad value by its field.
  await page.goto("/candidates");
  await page.getByRole("link", { name: "Retention" }).click();
  const fraud = page.getByRole("row", { name: /Fraud Platform/ });
  await fraud.getByLabel(/Months to keep data/).fill("0");
  await fraud.getByRole("button", { name: "Save" }).click();
  await expect(fraud.getByText("Keep data at least 1 month")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/retention.png`, fullPage: true });
});

async function download(page: Page, start: () => Promise<void>) {
  const event = page.waitForEvent("download");
  await start();
  return readFileSync((await (await event).path())!, "utf8");
}
