// The scorecard on a phone (390×844, touch): compact level choices with the chosen anchor shown,
// evidence boxes that grow, an opaque action bar that stays small; and the rating groups work from
// the keyboard alone on a laptop.
import { mkdirSync } from "node:fs";
import { devices } from "@playwright/test";
import { query } from "./db";
import { expect, signIn, test } from "./fixtures";

const SHOTS = "tests/.artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, userAgent: devices["Pixel 7"].userAgent });

  test("an interviewer fills and submits a scorecard with their thumb", async ({ page, checkA11y }) => {
    // Mei's system design with Inês Duarte is over and nobody else touches it (seed data).
    await signIn(page, "mei@loopwise.test");
    const owed = page.getByRole("table", { name: "Interviews that need your scorecard" });
    await owed.getByRole("link", { name: "Fill in scorecard for Inês Duarte" }).tap();
    await expect(page.getByRole("heading", { level: 1, name: "Scorecard: Inês Duarte" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/scorecard-phone-top.png` });

    const bar = page.locator(".sticky-actions");
    const barBox = (await bar.boundingBox())!;
    // Opaque, and a small strip rather than a fifth of the screen.
    expect(await bar.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    expect(barBox.height).toBeLessThan(844 * 0.12);

    const design = page.getByRole("group", { name: /ML system design/ });
    const meets = design.getByRole("radio", { name: /3 · Meets the bar/ });
    // A level is a compact choice, not a card of anchor text.
    expect((await design.locator(".level-option").first().boundingBox())!.height).toBeLessThan(60);
    await design.locator(".level-option", { hasText: "3 · Meets the bar" }).tap();
    await expect(meets).toBeChecked();
    // The chosen level's anchor is shown under the choices: the one of the loop's rubric version.
    const anchor = query<{ anchor: string }>(
      `select l.anchor from rubric_levels l join rubric_dimensions d on d.id = l.dimension_id
       join loops lp on lp.rubric_version_id = d.rubric_version_id join candidates c on c.id = lp.candidate_id
       where d.key = 'ml_system_design' and l.level = 3 and c.name = 'Inês Duarte'`,
    )[0]!.anchor;
    const chosen = design.locator(".level-chosen");
    await expect(chosen).toBeVisible();
    await expect(chosen).toContainText(`3 · Meets the bar: ${anchor}`);

    const evidence = design.getByLabel("Evidence for ML system design");
    const before = (await evidence.boundingBox())!.height;
    await evidence.tap();
    await evidence.fill(
      [
        "Started from the decision latency budget (80 ms p99) and worked back to features.",
        "Split features into streaming (velocity counts) and batch (merchant risk), with one definition for both.",
        "Shadow deployment first, then a 5% canary with automatic rollback on precision drop.",
        "Named label delay as the reason offline AUC overstates live performance.",
      ].join("\n"),
    );
    // The box grows with what is typed, and what is being typed is above the action bar.
    expect((await evidence.boundingBox())!.height).toBeGreaterThan(before + 20);
    const typed = (await evidence.boundingBox())!;
    expect(typed.y + typed.height).toBeLessThanOrEqual((await bar.boundingBox())!.y + 1);
    await page.screenshot({ path: `${SHOTS}/scorecard-phone-typing.png` });

    for (const [name, level, text] of [
      ["Data quality & pipelines", "2 · Below the bar", "Never asked where labels come from or how late they arrive."],
      ["MLOps & operations", "3 · Meets the bar", "Canary with rollback, model registry, alerting on feature freshness."],
      ["Evaluation & measurement", "3 · Meets the bar", "Precision at the review-queue capacity, sliced by merchant size."],
    ] as const) {
      const group = page.getByRole("group", { name: new RegExp(name) });
      await group.locator(".level-option", { hasText: level }).tap();
      await group.getByLabel(`Evidence for ${name}`).fill(text);
    }
    await page.locator(".recommendation-option", { hasText: /^Yes$/ }).tap();
    await expect(page.getByRole("status")).toHaveText(/Draft saved at \d\d:\d\d/);
    await page.screenshot({ path: `${SHOTS}/scorecard-phone-recommendation.png` });
    await checkA11y("the scorecard at 390×844, filled in");

    await page.getByRole("button", { name: "Submit scorecard" }).tap();
    await expect(page.locator(".badge-ok", { hasText: "Submitted" })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/scorecard-phone-submitted.png` });
    await checkA11y("the scorecard at 390×844, submitted");
    const [card] = query<{ status: string; recommendation: string }>(
      `select s.status, s.recommendation from scorecards s join interviews i on i.id = s.interview_id
       join loops l on l.id = i.loop_id join candidates c on c.id = l.candidate_id
       join users u on u.id = s.interviewer_id where c.name = 'Inês Duarte' and u.email = 'mei@loopwise.test'`,
    );
    expect(card).toEqual({ status: "submitted", recommendation: "yes" });
  });
});

test("every level of a rating group can be reached and chosen from the keyboard", async ({ page }) => {
  // Kwame's leadership interview with Nadia Rahman is upcoming: a draft may be saved, nothing else uses it.
  const [target] = query<{ id: number }>(
    `select i.id from interviews i join loops l on l.id = i.loop_id join candidates c on c.id = l.candidate_id
     join users u on u.id = i.interviewer_id where c.name = 'Nadia Rahman' and u.email = 'kwame@loopwise.test'`,
  );
  await signIn(page, "kwame@loopwise.test");
  await page.goto(`/interviews/${target!.id}/scorecard`);
  const group = page.getByRole("group", { name: /Leadership & mentorship/ });
  const radios = group.getByRole("radio");
  await expect(radios).toHaveCount(5);
  // Tab from the top of the page into the group: its first radio takes the focus.
  await page.getByRole("heading", { level: 1 }).click();
  for (let i = 0; i < 80 && !(await radios.first().evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(radios.first()).toBeFocused();
  await page.keyboard.press("Space");
  await expect(radios.nth(0)).toBeChecked();
  for (let i = 1; i < 5; i++) {
    await page.keyboard.press("ArrowRight");
    await expect(radios.nth(i)).toBeChecked();
  }
  await page.keyboard.press("ArrowLeft");
  await expect(group.getByRole("radio", { name: /4 · Exceeds the bar/ })).toBeChecked();
  // Tab leaves the group for its evidence box.
  await page.keyboard.press("Tab");
  await expect(group.getByLabel("Evidence for Leadership & mentorship")).toBeFocused();
});
