import { mkdirSync } from "node:fs";
import { seriousViolations } from "./axe";
import { query } from "./db";
import { ADMIN, expect, HM, signIn, test } from "./fixtures";

const SHOTS = "tests/.artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("an interviewer opens the system-design kit from an interview, starts the timer and reaches the scorecard", async ({ page }) => {
  const [target] = query<{ interviewId: number; email: string; title: string }>(
    `select i.id as interviewId, u.email, e.title from interviews i join users u on u.id = i.interviewer_id
     join exercises e on e.id = i.exercise_id
     where i.stage = 'system_design' and u.role = 'interviewer' and i.status = 'scheduled' order by i.scheduled_at desc limit 1`,
  );
  expect(target).toBeTruthy();
  await signIn(page, target!.email);
  await page.goto(`/interviews/${target!.interviewId}`);
  await page.getByRole("link", { name: "Open the kit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: target!.title })).toBeVisible();

  // Contents for every document; the fact sheet is there; the focus dimensions are highlighted.
  const contents = page.getByRole("navigation", { name: "Kit contents" });
  for (const part of ["Time plan", "Prompt (what the candidate sees)", "Fact sheet", "Interviewer guide"])
    await expect(contents.getByRole("link", { name: part, exact: true })).toBeVisible();
  await contents.getByRole("link", { name: "On the rubric's four levels" }).click();
  await expect(page.getByRole("heading", { name: "On the rubric's four levels" })).toBeInViewport();
  await expect(page.locator("h4.kit-focus", { hasText: "ML system design" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/kit-system-design.png` });

  // The timer runs against the time plan and survives going to the scorecard and back.
  await page.getByRole("button", { name: "Start the timer" }).click();
  await expect(page.getByRole("timer", { name: "Time into the interview" })).toHaveText(/^0:0\d$/);
  await expect(page.getByText(/Now: Clarifying questions, 4:\d\d left in this phase/)).toBeVisible();
  await expect(page.getByRole("row", { name: /0–5 Clarifying questions/ })).toHaveAttribute("aria-current", "step");
  await page.screenshot({ path: `${SHOTS}/kit-timer.png` });

  await page.getByRole("link", { name: "Open scorecard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Scorecard: / })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("timer", { name: "Time into the interview" })).toBeVisible();
});

test("the prompt on a shared screen has no guide, levels or fact sheet", async ({ page }) => {
  const [target] = query<{ interviewId: number; email: string }>(
    `select i.id as interviewId, u.email from interviews i join users u on u.id = i.interviewer_id
     where i.stage = 'leadership' and u.role = 'interviewer' and i.exercise_id is not null limit 1`,
  );
  await signIn(page, target!.email);
  await page.goto(`/interviews/${target!.interviewId}/prompt`);
  await expect(page.getByRole("heading", { level: 1, name: "Leadership and collaboration" })).toBeVisible();
  await expect(page.getByText("A standard you set.")).toBeVisible();
  await expect(page.getByText(/Meets the bar|Red flags|What not to do/)).toHaveCount(0);
  await expect(page.getByRole("navigation")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/kit-shared-prompt.png` });
});

test("hiring managers see every kit and which loops use which version; interviewers can't open the page", async ({ page, browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ADMIN);
  // Every page an admin reaches, still one line of navigation at 1280 pixels.
  expect((await admin.locator(".topbar").boundingBox())!.height).toBeLessThan(64);
  await adminContext.close();
  await signIn(page, HM);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exercises" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();
  const debugging = page.getByRole("table", { name: "Debugging exercises" });
  await expect(debugging.getByRole("link", { name: "Fraud model precision fell 20% overnight" })).toBeVisible();
  await debugging
    .getByText(/\d+ loops? \(\d+ open\)/)
    .first()
    .click();
  await expect(debugging.getByRole("link").nth(2)).toBeVisible();
  // The take-home is three hours, and so is rubric v2's stage (v1 planned four): no warning.
  await expect(page.getByRole("table", { name: "Take-home exercises" }).getByText("180 min", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Take-home exercises" }).getByText(/plans \d+ min for this stage/)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/exercises.png`, fullPage: true });
  await page.getByRole("link", { name: "Production-ready inference service" }).click();
  await expect(page.getByRole("heading", { name: "Grading checklist" })).toBeVisible();
  // Each item with its level, as the grading page shows it.
  const checklist = page.locator("#checklist");
  await expect(checklist.getByText("Needed for a 4", { exact: true })).toHaveCount(2);
  await expect(checklist.getByRole("listitem").filter({ hasText: /^Red flag account_email or whole request payloads/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  const other = await browser.newPage();
  await signIn(other, "aisha@loopwise.test");
  const response = await other.goto("/exercises");
  expect(response?.status()).toBe(403);
  await other.close();
});

test("a forged incident or take-home link says what to do; a long candidate name fits the kit page", async ({ page, browser }) => {
  for (const path of ["/incident/eyJhbGciOiJIUzI1NiJ9.e30.forged", "/take-home/not-a-link"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
    await expect(page.getByText(/Ask your recruiter for a new one/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  }
  await page.screenshot({ path: `${SHOTS}/link-error.png` });

  const [long] = query<{ interviewId: number }>(
    `select i.id as interviewId from interviews i join loops l on l.id = i.loop_id join candidates c on c.id = l.candidate_id
     where c.name like 'Maximilian%' and i.stage = 'debugging'`,
  );
  const hmContext = await browser.newContext();
  const hm = await hmContext.newPage();
  await signIn(hm, HM);
  await hm.goto(`/interviews/${long!.interviewId}/kit`);
  await expect(hm.getByText(/Debugging with Maximilian Alexander von Hohenberg-Castellanos/)).toBeVisible();
  await expect(hm.getByRole("region", { name: "Incident simulation" })).toBeVisible();
  expect(await seriousViolations(hm)).toEqual([]);
  await hm.screenshot({ path: `${SHOTS}/kit-debugging-long-name.png` });
  await hmContext.close();
});
