import { mkdirSync } from "node:fs";
import { seriousViolations } from "./axe";
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

const EDITOR_CHUNK = /diff-view|editor\.worker|monaco/i;
const SHOTS = "tests/.artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a candidate starts only once the editor is ready, reviews in Monaco, and the grader sees the match and the suggested rating", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const [target] = query<{ interviewId: number; candidateId: number }>(
    `select i.id as interviewId, c.id as candidateId from interviews i join loops l on l.id = i.loop_id
     join candidates c on c.id = l.candidate_id join exercises e on e.id = i.exercise_id
     where c.name like 'Maximilian%' and i.stage = 'code_review' and e.slug = 'fraud-scoring-endpoint'`,
  );
  expect(target).toBeTruthy();

  // The hiring manager creates the link; no page of theirs loads the editor.
  const hmContext = await browser.newContext();
  const hm = await hmContext.newPage();
  const hmRequests: string[] = [];
  hm.on("request", (r) => hmRequests.push(r.url()));
  await signIn(hm, HM);
  await hm.goto(`/candidates/${target!.candidateId}`);
  await expect(hm.getByLabel("Extra time (accommodation)")).toHaveValue("100");
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
  // Monaco reports what goes wrong inside it (a part left out of the build, a worker that won't
  // start) on the console rather than as page errors.
  const consoleErrors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && consoleErrors.push(m.text())));
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(baseURL!) && !url.startsWith("data:") && !url.startsWith("blob:")) external.push(url);
  });
  // Hold the editor's code back until we have looked: Start must wait for it.
  let releaseEditor!: () => void;
  const editorHeld = new Promise<void>((resolve) => (releaseEditor = resolve));
  await page.route(/(monaco|diff-view)\.client-.*\.js$/, async (route) => {
    await editorHeld;
    await route.continue();
  });
  await page.goto(link);
  await expect(page.getByText("Opening this page has not started the clock.")).toBeVisible();
  // The pull request's own time limit, set from its size (exercises/fraud-scoring-endpoint/meta.json).
  const start = page.getByRole("button", { name: /Start the 55-minute review/ });
  await expect(page.getByText("Downloading the code editor…")).toBeVisible();
  await expect(start).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/start-page-loading.png` });
  releaseEditor();
  await expect(page.getByText("The code editor is ready.")).toBeVisible({ timeout: 30_000 });
  await expect(start).toBeEnabled();
  expect(await seriousViolations(page, "all")).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/start-page.png` });

  // Speed is the benchmark's job (npm run bench), not a timed assertion here: the editor appears
  // after Start and the clock has just begun.
  await start.click();
  const editor = page.getByTestId("diff-editor");
  await expect(editor.locator(".editor.modified .view-line").first()).toBeVisible();
  await expect(page.getByRole("timer", { name: "Time left" })).toContainText(/54:|55:00/);

  const composer = page.getByRole("form", { name: "New comment" });
  const commentBox = page.getByRole("textbox", { name: "New comment text" });
  const lineBox = page.getByLabel("line", { exact: true });
  const addComment = async (body: string, priority?: "Blocking" | "Nit") => {
    await commentBox.fill(body);
    if (priority) await composer.getByRole("radio", { name: new RegExp(`^${priority}`) }).check();
    await composer.getByRole("button", { name: "Save comment" }).click();
    await expect(commentBox).toHaveValue("");
    // The line is cleared with the text, so the next comment can't land on the old line.
    await expect(lineBox).toHaveValue("");
  };
  // 1: click a line number in the editor.
  await editor.locator(".editor.modified .line-numbers", { hasText: /^5$/ }).click();
  await expect(lineBox).toHaveValue("5");
  await addComment("Nit: the logging import could be grouped with the stdlib imports.", "Nit");
  // The priority starts afresh for the next comment.
  await expect(composer.getByRole("radio", { name: "Not marked" })).toBeChecked();
  // 2: a planted defect on its second anchor (the timestamp), by typing the line number.
  await lineBox.fill("41");
  await addComment("The request isn't validated: a negative amount, a missing currency or a naive timestamp all get scored.", "Blocking");
  // 3: a word on the catch-all's line that says nothing about it: credits nothing by itself.
  await lineBox.fill("76");
  await addComment("ok");
  // What the slim Monaco build must keep (app/components/code-review/slim-monaco/): the diff
  // worker's highlights, Python colouring, the comment markers in the glyph margin.
  const modified = editor.locator(".editor.modified");
  await expect(modified.locator(".cr-glyph-comment").first()).toBeVisible();
  await expect(modified.locator(".line-insert").first()).toBeVisible();
  await expect(modified.locator(".view-line span[class*='mtk']:not(.mtk1)").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-added-file-with-comment.png` });

  // A modified file, side by side: what changed is marked on both sides, down to the characters.
  await page.getByRole("button", { name: /fraud_service\/features\.py/ }).click();
  await lineBox.fill("35"); // brings the first changed line (a rename) into view
  const original = editor.locator(".editor.original");
  await expect(original.locator(".char-delete").first()).toBeVisible();
  await expect(modified.locator(".char-insert").first()).toBeVisible();
  await expect(original.locator(".view-line span[class*='mtk']:not(.mtk1)").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-modified-side-by-side.png` });
  // The keyboard moves through the code (the text area takes it, not EditContext).
  await modified.locator("textarea").focus();
  await page.keyboard.press("Control+End");
  await expect(modified.locator(".line-numbers", { hasText: /^125$/ })).toBeVisible();
  await page.keyboard.press("Control+Home");
  await expect(modified.locator(".line-numbers", { hasText: /^1$/ })).toBeVisible();
  // Inline, a changed line's old text can still be copied, from the menu beside it.
  await page.getByRole("button", { name: "Inline" }).click();
  await expect(editor.locator(".monaco-diff-editor.side-by-side")).toHaveCount(0);
  await lineBox.fill("");
  await lineBox.fill("35");
  await modified.locator(".view-lines.line-delete").first().hover();
  await modified.locator(".lightbulb-glyph").first().click();
  await expect(page.getByRole("menuitem", { name: /Copy (changed|deleted) line/ }).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-modified-inline-menu.png` });
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Side by side" }).click();
  await lineBox.fill("");
  // 3: another file, and a comment still being typed when the page reloads.
  await page.getByRole("button", { name: /tests\/test_api\.py/ }).click();
  await lineBox.fill("38");
  await commentBox.fill("Only a happy-path test here, and it mocks everything it should test.");
  await expect(composer.getByText("Draft saved.")).toBeVisible();
  expect(await seriousViolations(page, "all")).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/review-workspace.png` });

  await page.reload();
  await expect(commentBox).toHaveValue("Only a happy-path test here, and it mocks everything it should test.");
  await expect(lineBox).toHaveValue("38");
  await composer.getByRole("button", { name: "Save comment" }).click();
  await expect(commentBox).toHaveValue("");
  const comments = page.getByRole("region", { name: /Your comments/ }).or(page.locator(".cr-comments"));
  await expect(comments.getByText("Your comments (4)")).toBeVisible();
  await expect(comments.getByText("Blocking", { exact: true })).toBeVisible();
  await expect(comments.getByText(/isn't validated/)).toBeVisible();

  // The summary and verdict are on screen at laptop size, without scrolling.
  await expect(page.getByLabel("Overall summary")).toBeInViewport();
  await page.getByLabel("Overall summary").fill("Blocking: input validation and tests. The rollout has no shadow phase.");
  await page.getByRole("radio", { name: "Request changes" }).check();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Submit review" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your review is submitted" })).toBeVisible();
  expect(external).toEqual([]);
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
  await candidateContext.close();

  // The grader: blind until the grade is saved; the planted defect is matched; the scorecard is pre-filled.
  const graderContext = await browser.newContext();
  const grader = await graderContext.newPage();
  await signIn(grader, "aisha@loopwise.test");
  await grader.goto(`/interviews/${target!.interviewId}/review`);
  await expect(grader.getByRole("heading", { level: 1 })).toHaveText(/Code review: Candidate R-\d{4}/);
  await expect(grader.getByText("Maximilian")).toHaveCount(0);
  const defect = grader.getByRole("article", { name: "Amount, currency and timestamp accepted without checks" });
  await expect(defect.getByText(/isn't validated/)).toBeVisible();
  await expect(defect.getByText("marked blocking")).toBeVisible();
  // The "ok" sits on the catch-all's anchor: shown as near it, not credited to it.
  const catchAll = grader.getByRole("article", { name: "Any error is swallowed and silently approves the payment" });
  await expect(catchAll.getByText("Missed: no comment credited to it.")).toBeVisible();
  await expect(grader.getByText(/Near “Any error is swallowed.*”: the text doesn't name it/)).toBeVisible();
  await grader.screenshot({ path: `${SHOTS}/grading-page.png` });
  await grader.screenshot({ path: `${SHOTS}/grading-page-full.png`, fullPage: true });
  // Saving without deciding each match is refused; the grader confirms this one explicitly.
  await grader.getByRole("button", { name: "Save grade" }).click();
  await expect(grader.getByText(/Choose Confirm or Reject for every matched defect/)).toBeVisible();
  await defect.getByRole("radio", { name: /Confirm/ }).check();
  await grader
    .getByRole("article", { name: "Tests only check a 200 on the happy path" })
    .getByRole("radio", { name: /Confirm/ })
    .check();
  await grader
    .getByRole("article", { name: /Rollout makes live decisions/ })
    .getByRole("checkbox", { name: /Credit/ })
    .check();
  await grader.getByRole("button", { name: "Save grade" }).click();
  await expect(grader.getByText("Grade saved.")).toBeVisible();
  await expect(grader.getByRole("heading", { level: 1 })).toContainText("Maximilian");
  await grader.getByRole("link", { name: /Open scorecard/ }).click();
  const engineering = grader.getByRole("group", { name: /Software engineering/ });
  await expect(engineering.getByText(/Suggested from the graded code review/)).toBeVisible();
  await expect(engineering.getByRole("radio", { checked: true })).toHaveCount(1);
  // Nothing was found on data quality: the recall is shown and nothing is pre-selected.
  const dataQuality = grader.getByRole("group", { name: /Data quality & pipelines/ });
  await expect(dataQuality.getByText(/found none of the planted defects/)).toBeVisible();
  await expect(dataQuality.getByRole("radio", { checked: true })).toHaveCount(0);
  await graderContext.close();
});

test("on a phone the code review says it needs a computer and holds Start; the clock has not started", async ({ browser }) => {
  const [target] = query<{ candidateId: number }>(
    `select c.id as candidateId from interviews i join loops l on l.id = i.loop_id
     join candidates c on c.id = l.candidate_id join exercises e on e.id = i.exercise_id
     where c.name = 'Julien Marchand' and i.stage = 'code_review'`,
  );
  const hmContext = await browser.newContext();
  const hm = await hmContext.newPage();
  await signIn(hm, HM);
  await hm.goto(`/candidates/${target!.candidateId}`);
  await hm.getByRole("button", { name: "Create candidate link" }).click();
  const link = await hm.getByLabel("Private link for the candidate").inputValue();
  await hmContext.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await page.goto(link);
  const start = page.getByRole("button", { name: /Start the \d+-minute review/ });
  await expect(page.getByRole("heading", { name: "This review needs a computer" })).toBeVisible();
  await expect(page.getByText("Your time hasn't started.")).toBeVisible();
  // Held even once the editor has loaded: the phone is the reason, not the download.
  await expect(page.getByText("The code editor is ready.")).toBeVisible({ timeout: 30_000 });
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription(/needs a computer/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page, "all")).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/start-page-390.png`, fullPage: true });
  // Turned to a wide screen (or opened on a laptop), the same link offers Start.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("heading", { name: "This review needs a computer" })).toHaveCount(0);
  await expect(start).toBeEnabled();
  await phone.close();
  const [assignment] = query<{ startedAt: number | null }>(
    `select a.started_at as startedAt from assignments a join candidates c on c.id = a.candidate_id
     where c.id = ${target!.candidateId} order by a.id desc limit 1`,
  );
  expect(assignment!.startedAt).toBeNull();
});
