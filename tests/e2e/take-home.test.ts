import { mkdirSync } from "node:fs";
import { upload } from "../upload";
import { seriousViolations } from "./axe";
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

const SHOTS = "tests/.artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a take-home is sent, submitted as an archive on its link, and graded blind with the checklist", async ({ browser }) => {
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
  await page.getByRole("button", { name: "Submit the take-home" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your take-home is submitted" })).toBeVisible();
  await candidateContext.close();

  const graderContext = await browser.newContext();
  const grader = await graderContext.newPage();
  await signIn(grader, target!.email);
  await grader.goto(`/interviews/${target!.interviewId}/take-home`);
  await expect(grader.getByRole("heading", { level: 1 })).toHaveText(/^Take-home: Candidate R-\d{4}$/);
  await expect(grader.getByText("Load test numbers are in the README.")).toBeVisible();
  for (const item of [
    /Runs from the README alone/,
    /Requests validated against a schema/,
    /The model is loaded once/,
    /Versioned artifact with metadata/,
  ])
    await grader.getByRole("checkbox", { name: item }).check();
  expect(await seriousViolations(grader)).toEqual([]);
  await grader.screenshot({ path: `${SHOTS}/take-home-grading.png`, fullPage: true });
  await grader.getByRole("button", { name: "Save grade" }).click();
  await expect(grader.getByText("Grade saved.")).toBeVisible();
  await expect(grader.getByRole("heading", { level: 1 })).not.toHaveText(/Candidate R-/);
  await grader.getByRole("link", { name: "Open scorecard" }).click();
  await expect(grader.getByText(/Take-home \(graded checklist\): 8 of 18 points ticked/).first()).toBeVisible();
  await graderContext.close();
});

test("the server refuses a take-home body over its limit before reading it", async ({ baseURL }) => {
  const bytes = 22 * 1024 * 1024;
  const answer = await upload(`${baseURL}/take-home/not-a-real-link`, bytes, { contentLength: bytes });
  expect(answer.status).toBe(413);
  expect(answer.body).toMatch(/the limit is 20\.1 MB/);
});
