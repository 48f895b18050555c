// A grader certifies on a pre-graded code review: opens it from Certification, grades it on the
// real grading view (confirms the matched comments, saves, sees the suggested ratings), rates and
// submits, and only then sees the expert's ratings and reasons. Axe at 1280 and 390 px, before
// and after submitting.
import { expectAccessible } from "./axe";
import { expect, signIn, test } from "./fixtures";

// Rafael grades code reviews in the demo but hasn't started grading certification; no other
// journey grades this sample.
const GRADER = "rafael@loopwise.test";
const SAMPLE = "Eight short comments, nearly all of them right";

test("a grader grades a pre-graded code review blind to the expert, then sees where they differed and why", async ({ page }) => {
  await signIn(page, GRADER);
  await page.getByRole("link", { name: "Certification" }).click();
  const grading = page.getByRole("region", { name: "Code-review grading" });
  await expect(grading.getByText("Not certified yet")).toBeVisible();
  await grading.getByRole("link", { name: SAMPLE }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Pre-graded code review: ${SAMPLE}` })).toBeVisible();

  // The review with its automatic credit; nothing of the expert's.
  await expect(page.getByRole("heading", { name: "Planted defects (15)" })).toBeVisible();
  await expect(page.getByText("No history gives 1.0; training has NaN. Skew.")).toBeVisible();
  await expect(page.getByText("Priya Raman")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Your ratings beside the expert's" })).toHaveCount(0);
  await expectAccessible(page, "a pre-graded code review before grading, 1280 px");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "a pre-graded code review before grading, 390 px");
  await page.setViewportSize({ width: 1280, height: 800 });

  // Submitting before rating says which ratings are missing, next to them.
  const confirms = page.getByLabel("Confirm: the comment identifies it");
  await expect(confirms).toHaveCount(8);
  for (const radio of await confirms.all()) await radio.check();
  await page.getByRole("button", { name: "Submit grade and ratings" }).click();
  await expect(page.getByText("Choose a level for Software engineering.")).toBeVisible();

  // Saving the grade gives the suggested ratings, as the scorecard would.
  await page.getByRole("button", { name: "Save grade" }).click();
  await expect(page.getByText("Grade saved as a draft.")).toBeVisible();
  const dimension = (name: string) => page.getByRole("group", { name: new RegExp(`^${name}`) });
  await expect(dimension("Software engineering")).toContainText("suggested 2");
  await expect(page.getByLabel("Confirm: the comment identifies it").first()).toBeChecked();

  for (const name of ["Software engineering", "MLOps & operations", "Data quality & pipelines"])
    await dimension(name).getByRole("radio", { name: /^3 · / }).check();
  await page.getByRole("button", { name: "Submit grade and ratings" }).click();

  const expert = page.getByRole("region", { name: "Your ratings beside the expert's" });
  await expect(expert.getByRole("status")).toHaveText(
    /3 of 3 focus dimensions within a level of the expert\. Not certified for code-review grading yet: 1 of 2/,
  );
  await expect(expert).toContainText("Rated by Priya Raman");
  await expect(expert.getByRole("row", { name: /Data quality & pipelines/ })).toContainText(
    "All three training/serving skews are named correctly",
  );
  // Submitted: the grading view is read-only now.
  await expect(page.getByRole("button", { name: "Submit grade and ratings" })).toHaveCount(0);
  await expect(page.getByLabel("Confirm: the comment identifies it").first()).toBeDisabled();
  await expectAccessible(page, "a pre-graded code review after submitting, 1280 px");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectAccessible(page, "a pre-graded code review after submitting, 390 px");

  await page.getByRole("link", { name: "Certification" }).first().click();
  await expect(page.getByRole("region", { name: "Code-review grading" }).getByRole("listitem").filter({ hasText: SAMPLE })).toContainText(
    "Graded: see the expert's reasons",
  );
});
