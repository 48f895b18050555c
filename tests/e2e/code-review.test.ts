import { readFileSync } from "node:fs";
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

const EDITOR_CHUNK = /diff-view|editor\.worker|monaco/i;

test("a candidate reviews a pull request in Monaco from a private link, and the grader sees the match and the suggested rating", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const [target] = query<{ interviewId: number; candidateId: number }>(
    `select i.id as interviewId, c.id as candidateId from interviews i join loops l on l.id = i.loop_id
     join candidates c on c.id = l.candidate_id join exercises e on e.id = i.exercise_id
     where c.name like 'Maximilian%' and i.stage = 'code_review' and e.slug = 'fraud-scoring-endpoint'`,
  );
  expect(target).toBeTruthy();
  const key = JSON.parse(readFileSync("exercises/fraud-scoring-endpoint/answer-key.json", "utf8")) as {
    defects: { id: string; file: string; lines: [number, number]; title: string }[];
  };
  const planted = key.defects.find((d) => d.id === "request-not-validated")!;

  // The hiring manager creates the link; no page of theirs loads the editor.
  const hmContext = await browser.newContext();
  const hm = await hmContext.newPage();
  const hmRequests: string[] = [];
  hm.on("request", (r) => hmRequests.push(r.url()));
  await signIn(hm, HM);
  await hm.goto(`/candidates/${target!.candidateId}`);
  await hm.getByRole("button", { name: "Create candidate link" }).click();
  const linkField = hm.getByLabel("Private link for the candidate");
  await expect(linkField).toHaveValue(/\/review\/ey/);
  const link = await linkField.inputValue();
  expect(hmRequests.filter((u) => EDITOR_CHUNK.test(u))).toEqual([]);
  await hmContext.close();

  // The candidate: no account, and nothing may leave the app's origin.
  const candidateContext = await browser.newContext();
  const page = await candidateContext.newPage();
  const external: string[] = [];
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !url.startsWith("data:") && !url.startsWith("blob:")) external.push(url);
  });
  await page.goto(link);
  await expect(page.getByText("Opening this page has not started the clock.")).toBeVisible();
  await page.getByRole("button", { name: /Start the 40-minute review/ }).click();
  await expect(page.getByRole("timer", { name: "Time left" })).toContainText(/39:|40:00/);
  const editor = page.getByTestId("diff-editor");
  await expect(editor.locator(".editor.modified .line-numbers").first()).toBeVisible({ timeout: 20_000 });

  const composer = page.getByRole("form", { name: "New comment" });
  const addComment = async (body: string) => {
    await page.getByRole("textbox", { name: "New comment text" }).fill(body);
    await composer.getByRole("button", { name: "Save comment" }).click();
    await expect(page.getByRole("textbox", { name: "New comment text" })).toHaveValue("");
  };
  // 1: click a line number in the editor.
  await editor.locator(".editor.modified .line-numbers", { hasText: /^5$/ }).click();
  await expect(page.getByLabel("line", { exact: true })).toHaveValue("5");
  await addComment("Nit: the logging import could be grouped with the stdlib imports.");
  // 2: the planted defect, by typing its line number (the editor scrolls there).
  await page.getByLabel("line", { exact: true }).fill(String(planted.lines[0]));
  await addComment("The request body isn't validated: a negative amount or a missing currency goes straight into the features.");
  // 3: another file.
  await page.getByRole("button", { name: /tests\/test_api\.py/ }).click();
  await editor.locator(".editor.modified .line-numbers", { hasText: /^3$/ }).click();
  await addComment("Only a happy-path test here.");

  await page.reload();
  const comments = page.getByRole("region", { name: /Your comments/ }).or(page.locator(".cr-comments"));
  await expect(comments.getByText("Your comments (3)")).toBeVisible();
  await expect(comments.getByText(/isn't validated/)).toBeVisible();

  await page.getByLabel("Overall summary").fill("Blocking: input validation and tests. See comments.");
  await page.getByRole("radio", { name: "Request changes" }).check();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Submit review" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your review is submitted" })).toBeVisible();
  expect(external).toEqual([]);
  expect(pageErrors).toEqual([]);
  await candidateContext.close();

  // The grader: blind until the grade is saved; the planted defect is matched; the scorecard is pre-filled.
  const graderContext = await browser.newContext();
  const grader = await graderContext.newPage();
  await signIn(grader, "aisha@loopwise.test");
  await grader.goto(`/interviews/${target!.interviewId}/review`);
  await expect(grader.getByRole("heading", { level: 1 })).toHaveText(/Code review: Candidate R-\d{4}/);
  await expect(grader.getByText("Maximilian")).toHaveCount(0);
  const defect = grader.getByRole("article", { name: planted.title });
  await expect(defect.getByText(/isn't validated/)).toBeVisible();
  // Saving without deciding each match is refused; the grader confirms this one explicitly.
  await grader.getByRole("button", { name: "Save grade" }).click();
  await expect(grader.getByText(/Choose Confirm or Reject for every matched defect/)).toBeVisible();
  await defect.getByRole("radio", { name: /Confirm/ }).check();
  await grader.getByRole("button", { name: "Save grade" }).click();
  await expect(grader.getByText("Grade saved.")).toBeVisible();
  await expect(grader.getByRole("heading", { level: 1 })).toContainText("Maximilian");
  await grader.getByRole("link", { name: /Open scorecard/ }).click();
  const dataQuality = grader.getByRole("group", { name: /Data quality & pipelines/ });
  await expect(dataQuality.getByText(/Suggested from the graded code review/)).toBeVisible();
  await expect(dataQuality.getByRole("radio", { checked: true })).toHaveCount(1);
  await graderContext.close();
});
