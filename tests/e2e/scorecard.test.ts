import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

test("an interviewer fills a scorecard across a reload, is told what is missing, submits, and the recommendation moves", async ({
  page,
  browser,
}) => {
  // Sofia Lindqvist's debugging interview with Rafael is over and his scorecard is owed (seed data).
  const [owed] = query<{ interviewId: number; candidateId: number }>(
    `select i.id as interviewId, c.id as candidateId from interviews i
     join loops l on l.id = i.loop_id join candidates c on c.id = l.candidate_id join users u on u.id = i.interviewer_id
     left join scorecards s on s.interview_id = i.id
     where c.name = 'Sofia Lindqvist' and u.email = 'rafael@loopwise.test' and s.id is null`,
  );
  expect(owed).toBeTruthy();

  const hmContext = await browser.newContext();
  const hm = await hmContext.newPage();
  await signIn(hm, HM);
  await hm.goto(`/candidates/${owed!.candidateId}`);
  const scoreBefore = await hm.getByTestId("raw-score").textContent();
  await expect(hm.locator(".owed")).toContainText("Rafael Moreira");

  await signIn(page, "rafael@loopwise.test");
  const needs = page.getByRole("table", { name: "Interviews that need your scorecard" });
  await needs.getByRole("link", { name: "Fill in scorecard for Sofia Lindqvist" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Scorecard: Sofia Lindqvist" })).toBeVisible();
  // Before submitting, nothing of the colleagues' scorecards is on the page or in the router's data.
  await expect(page.getByText("appear here once you have submitted yours")).toBeVisible();
  const [colleague] = query<{ evidence: string }>(
    `select r.evidence from ratings r join scorecards s on s.id = r.scorecard_id join interviews i on i.id = s.interview_id
     where i.loop_id = (select loop_id from interviews where id = ?) and i.id != ? and s.status = 'submitted' and r.evidence != '' limit 1`,
    owed!.interviewId,
    owed!.interviewId,
  );
  const snippet = colleague!.evidence.slice(0, 40);
  const dataUrl = `/interviews/${owed!.interviewId}/scorecard.data`;
  expect(await (await page.request.get(dataUrl)).text()).not.toContain(snippet);
  await expect(page.getByText(snippet)).toHaveCount(0);

  const mlops = page.getByRole("group", { name: /MLOps & operations/ });
  await mlops.getByRole("radio", { name: /3 · Meets the bar/ }).check();
  await mlops
    .getByLabel("Evidence for MLOps & operations")
    .fill("Checked deploy log first, then feature freshness; rolled back the model in 10 minutes.");
  await expect(page.getByRole("status")).toHaveText(/Draft saved at \d\d:\d\d/);

  await page.reload();
  await expect(mlops.getByRole("radio", { name: /3 · Meets the bar/ })).toBeChecked();
  await expect(mlops.getByLabel("Evidence for MLOps & operations")).toHaveValue(/rolled back the model in 10 minutes/);

  const data = page.getByRole("group", { name: /Data quality & pipelines/ });
  await data.getByRole("radio", { name: /2 · Below the bar/ }).check();
  await data.getByLabel("Evidence for Data quality & pipelines").fill("Suspected a schema change but never checked null rates.");
  await page.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  const evaluation = page.getByRole("group", { name: /Evaluation & measurement/ });
  await expect(evaluation.getByText("This is a focus dimension of the stage: rate it 1–4, or choose Not assessed")).toBeVisible();
  await expect(data.getByLabel("Evidence for Data quality & pipelines")).toHaveValue(/never checked null rates/);

  await evaluation.getByRole("radio", { name: /2 · Below the bar/ }).check();
  await evaluation.getByLabel("Evidence for Evaluation & measurement").fill("Compared offline AUC only; no slice by traffic source.");
  // On a slow connection the submit's reply arrives after the draft save the last keystrokes
  // scheduled (800 ms after them) would have gone out. The submit drops that save: sent, it would
  // be refused (the scorecard is submitted by then), and its refusal could leave the page showing
  // the draft while the submit's own reply was still on its way.
  const savesAfterSubmit: string[] = [];
  await page.route(/\/scorecard\.data/, async (route) => {
    const body = route.request().method() === "POST" ? (route.request().postData() ?? "") : "";
    if (body.includes("intent=autosave")) savesAfterSubmit.push(body);
    const response = await route.fetch();
    if (body.includes("intent=submit")) await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.fulfill({ response });
  });
  await page.getByRole("button", { name: "Submit scorecard" }).click();
  await expect(page.locator(".badge-ok", { hasText: "Submitted" })).toBeVisible();
  await page.unroute(/\/scorecard\.data/);
  expect(savesAfterSubmit).toEqual([]);
  await expect(page.getByRole("heading", { name: "The rest of the panel" })).toBeVisible();
  await expect(page.getByRole("article", { name: /Mei Lin Chen's scorecard/ })).toBeVisible();
  expect(await (await page.request.get(dataUrl)).text()).toContain(JSON.stringify(snippet).slice(1, -1));

  await hm.reload();
  await expect(hm.getByTestId("raw-score")).not.toHaveText(scoreBefore!);
  await expect(hm.locator(".owed", { hasText: "Rafael Moreira" })).toHaveCount(0);
  await hmContext.close();
});
