import { mkdirSync } from "node:fs";
import { upload } from "../upload";
import { seriousViolations } from "./axe";
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

const SHOTS = "tests/.artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a take-home is sent with its time limit and what is assessed, submitted on its link, and graded blind with the checklist's levels", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const [target] = query<{ interviewId: number; email: string }>(
    `select i.id as interviewId, u.email from interviews i join users u on u.id = i.interviewer_id join loops l on l.id = i.loop_id
     where i.stage = 'take_home' and l.status = 'open' and i.exercise_id is not null limit 1`,
  );
  expect(target).toBeTruthy();
  const hmContext = await browser.newContext();
  const hm = await hmContext.newPage();
  await signIn(hm, HM);
  await hm.goto(`/interviews/${target!.interviewId}/kit`);
  const panel = hm.getByRole("region", { name: "Take-home", exact: true });
  await panel.getByRole("button", { name: "Create candidate link" }).click();
  const link = await panel.getByLabel("Private link for the candidate").inputValue();
  await hmContext.close();

  const candidateContext = await browser.newContext();
  const page = await candidateContext.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Production-ready inference service" })).toBeVisible();
  // One time limit, and what is assessed (the checklist's categories), before anything else.
  await expect(page.getByRole("term").filter({ hasText: "Time limit" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: /^3 hours of work, whenever suits you before the deadline$/ })).toBeVisible();
  for (const category of ["Running it and reading it", "Handling requests", "Tests", "The model artifact", "Evaluation"])
    await expect(page.getByRole("listitem").filter({ hasText: new RegExp(`^${category}$`) })).toBeVisible();
  await page.getByRole("link", { name: "What meets the bar in each" }).click();
  await expect(page.getByRole("heading", { name: "What we assess" })).toBeInViewport();
  await expect(page.getByText(/The time limit is 3 hours of work/)).toBeVisible();
  await expect(page.getByText(/at the latest/)).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "make_data.py" }).click();
  expect((await download).suggestedFilename()).toBe("make_data.py");
  // Too large is said before anything is sent.
  await page
    .getByLabel("Archive", { exact: true })
    .setInputFiles({ name: "huge.zip", mimeType: "application/zip", buffer: Buffer.alloc(21 * 1024 * 1024) });
  await expect(page.getByText(/the limit is 20 MB/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit the take-home" })).toBeDisabled();
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(4096, 7)]);
  await page.getByLabel("Archive", { exact: true }).setInputFiles({ name: "service.zip", mimeType: "application/zip", buffer: zip });
  await page.getByLabel("Anything the grader should know (optional)").fill("Load test numbers are in the README.");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/take-home-candidate.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SHOTS}/take-home-candidate-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Submit the take-home" }).click();
  // Where the candidate is looking after the upload (the button sat below the whole prompt), and read out.
  const thanks = page.getByRole("heading", { name: "Thank you: your take-home is submitted" });
  await expect(thanks).toBeInViewport();
  await expect(thanks).toBeFocused();
  await candidateContext.close();

  const graderContext = await browser.newContext();
  const grader = await graderContext.newPage();
  await signIn(grader, target!.email);
  await grader.goto(`/interviews/${target!.interviewId}/take-home`);
  await expect(grader.getByRole("heading", { level: 1 })).toHaveText(/^Take-home: Candidate R-\d{4}$/);
  await expect(grader.getByText("Load test numbers are in the README.")).toBeVisible();
  // Each item shows its level; the suggestion under each dimension follows the ticks, with its workings.
  const se = grader.getByRole("status", { name: "Suggested rating for Software engineering" });
  const mlops = grader.getByRole("status", { name: "Suggested rating for MLOps & operations" });
  await expect(se).toContainText("No suggestion");
  await expect(grader.getByRole("checkbox", { name: /^Meets the bar Runs from the README alone/ })).toBeVisible();
  await expect(grader.getByRole("checkbox", { name: /^Needed for a 4 A test feeds a known input/ })).toBeVisible();
  await expect(grader.getByRole("checkbox", { name: /^Extra credit Single and batch requests/ })).toBeVisible();
  await expect(grader.getByRole("checkbox", { name: /^Red flag account_email or whole request payloads/ })).toBeVisible();
  for (const item of [
    /Runs from the README alone/,
    /Schema, model loading, the service and the evaluation/,
    /Dependencies pinned/,
    /The decision threshold and the model path/,
    /Requests validated against a schema/,
    /The model is loaded once/,
    /Tests cover validation/,
  ])
    await grader.getByRole("checkbox", { name: item }).check();
  await expect(se).toContainText("Suggests 3: Meets the bar");
  await expect(se).toContainText("Missing for 4: golden-score test");
  await grader.getByRole("checkbox", { name: /Single and batch requests share one code path/ }).check();
  await expect(se).toContainText("Suggests 3: Meets the bar");
  await grader.getByRole("checkbox", { name: /A test feeds a known input/ }).check();
  await expect(se).toContainText("Suggests 4: Exceeds the bar");
  for (const item of [/versioned artifact with its metadata/, /\/readyz answers ready/, /Structured JSON logs/, /\/metrics exposes/])
    await grader.getByRole("checkbox", { name: item }).check();
  await expect(mlops).toContainText("Suggests 2: Below the bar");
  await expect(mlops).toContainText("Missing for 3: evaluation gate");
  await grader.getByRole("checkbox", { name: /account_email or whole request payloads/ }).check();
  await expect(mlops).toContainText("Suggests 1: Strong concern");
  await expect(mlops).toContainText("Red flag seen (account_email logged)");
  await expect(grader.getByText("Not saved yet: the scorecard follows the saved grade.")).toBeVisible();
  expect(await seriousViolations(grader)).toEqual([]);
  await grader.screenshot({ path: `${SHOTS}/take-home-grading.png`, fullPage: true });
  await grader.setViewportSize({ width: 390, height: 844 });
  expect(await grader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await grader.screenshot({ path: `${SHOTS}/take-home-grading-390.png`, fullPage: true });
  await grader.setViewportSize({ width: 1280, height: 800 });
  await grader.getByRole("button", { name: "Save grade" }).click();
  await expect(grader.getByText("Grade saved.")).toBeVisible();
  await expect(grader.getByRole("heading", { level: 1 })).not.toHaveText(/Candidate R-/);
  await grader.getByRole("link", { name: "Open scorecard" }).click();
  await expect(
    grader.getByText(/Take-home \(graded checklist\): Suggests 4 \(Exceeds the bar\): every meets item \(15 of 15 meets points\)/).first(),
  ).toBeVisible();
  await expect(
    grader
      .getByText("Take-home (graded checklist): Suggests 1 (Strong concern): red flag seen (account_email logged)", { exact: false })
      .first(),
  ).toBeVisible();
  await grader.screenshot({ path: `${SHOTS}/take-home-scorecard.png`, fullPage: true });
  await graderContext.close();
});

test("the server refuses a take-home body over its limit before reading it", async ({ baseURL }) => {
  const bytes = 22 * 1024 * 1024;
  const answer = await upload(`${baseURL}/take-home/not-a-real-link`, bytes, { contentLength: bytes });
  expect(answer.status).toBe(413);
  expect(answer.body).toMatch(/the limit is 20\.1 MB/);
});
