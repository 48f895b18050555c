import { query } from "./db";
import { expect, signIn, test } from "./fixtures";

const WORDS = "Sketched the feature store first, then the online path with a 50 ms budget";

test("an interviewer leaves a scorecard mid-word and finds every word on return; an over-long paste is counted, not cut", async ({
  page,
}) => {
  // Tomasz's system-design interview with Hyun-woo Park has no scorecard yet (seed data); no other journey writes it.
  const [target] = query<{ interviewId: number }>(
    `select i.id as interviewId from interviews i join loops l on l.id = i.loop_id join candidates c on c.id = l.candidate_id
     join users u on u.id = i.interviewer_id where c.name = 'Hyun-woo Park' and u.email = 'tomasz@loopwise.test'`,
  );
  expect(target).toBeTruthy();
  await signIn(page, "tomasz@loopwise.test");
  await page.goto(`/interviews/${target!.interviewId}/scorecard`);
  const status = page.locator(".save-status");
  // One save-status indicator: nothing in the header says otherwise.
  await expect(status).toHaveText("Not started: notes save as you type");
  await expect(page.locator(".page-header .badge", { hasText: /Not started|Draft/ })).toHaveCount(0);

  const takeaways = page.getByLabel("Key take-aways");
  await takeaways.fill(WORDS);
  // Straight away, well inside the autosave's delay: off to My interviews.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "My interviews" }).click();
  await expect(page).toHaveURL(/\/interviews$/);
  expect(query<{ takeaways: string }>("select takeaways from scorecards where interview_id = ?", target!.interviewId)[0]).toEqual({
    takeaways: WORDS,
  });
  await page.goBack();
  await expect(takeaways).toHaveValue(WORDS);
  await expect(status).toHaveText(/Draft last saved/);

  // A paste over the limit stays whole on the page, is counted, and is said to be too long.
  const evidence = page.getByLabel(/^Evidence for ML system design/);
  const long = "x".repeat(5_100);
  await evidence.fill(long);
  await expect(evidence).toHaveValue(long);
  await expect(page.locator(".char-count", { hasText: "100 too many" })).toBeVisible();

  // A refused save names everything to fix at the top and puts focus on the first wrong field (the
  // interview is still ahead, so this is Save draft; Submit waits for it to start).
  await page.getByRole("button", { name: "Save draft" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("ML system design: evidence");
  await expect(evidence).toBeFocused();
  await expect(evidence).toHaveValue(long);
});
