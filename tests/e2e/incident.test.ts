import { mkdirSync } from "node:fs";
import { seriousViolations } from "./axe";
import { query } from "./db";
import { expect, signIn, test } from "./fixtures";

const SHOTS = "tests/.artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a candidate runs the incident on a link and the interviewer sees the same path beside the ideal one", async ({ browser }) => {
  test.setTimeout(120_000);
  const [target] = query<{ interviewId: number; email: string }>(
    `select i.id as interviewId, u.email from interviews i join loops l on l.id = i.loop_id join users u on u.id = i.interviewer_id
     join exercises e on e.id = i.exercise_id
     where i.stage = 'debugging' and l.status = 'open' and i.status != 'cancelled' and e.slug = 'debugging-overnight-drop'
     order by i.id limit 1`,
  );
  expect(target).toBeTruthy();

  // The interviewer creates the candidate's link from the kit.
  const interviewerContext = await browser.newContext();
  const interviewer = await interviewerContext.newPage();
  await signIn(interviewer, target!.email);
  await interviewer.goto(`/interviews/${target!.interviewId}/kit`);
  const panel = interviewer.getByRole("region", { name: "Incident simulation" });
  await panel.getByLabel("Time for the candidate (minutes)").fill("30");
  await panel.getByRole("button", { name: "Create candidate link" }).click();
  const link = await panel.getByLabel("Private link for the candidate").inputValue();
  expect(link).toMatch(/\/incident\/ey/);

  const candidateContext = await browser.newContext();
  const page = await candidateContext.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(link);
  await expect(page.getByText("Opening this page has not started the clock.")).toBeVisible();
  await page.getByRole("button", { name: "Start the 30-minute incident" }).click();
  await expect(page.getByRole("timer", { name: "Time left" })).toContainText(/29:|30:00/);

  // 1: from a category. The chart is drawn on the server, with its numbers beside it.
  await page.getByText("Product metrics", { exact: true }).click();
  await page.getByRole("button", { name: "Click-through by hour, last night against the same night a week earlier" }).click();
  const first = page.getByRole("article", { name: /Click-through by hour/ });
  await expect(first.getByRole("img", { name: "Similar items click-through (%)" })).toBeVisible();
  // A hypothesis, written as they go.
  await page
    .getByLabel("What do you think is going on, and what would rule it out?")
    .fill("Upstream data change hitting the seller features");
  await page.getByRole("button", { name: "Add hypothesis" }).click();
  await expect(page.getByRole("list", { name: "Your notes, newest first" })).toContainText(
    "Upstream data change hitting the seller features",
  );
  // 2: by name. 3: a name that matches nothing. 4: by name again.
  const ask = async (words: string) => {
    await page.getByLabel("What do you want to look at?").fill(words);
    await page.getByRole("button", { name: "Show", exact: true }).click();
  };
  await ask("null rates");
  await expect(page.getByRole("article", { name: /Feature null rates/ })).toBeVisible();
  await ask("gpu utilisation");
  await expect(page.getByText("There is nothing called “gpu utilisation” here.")).toBeVisible();
  await ask("deploy log");
  await expect(page.getByRole("article", { name: /Deploy and change log/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/incident-workspace.png` });

  await page
    .getByLabel("Root cause")
    .fill("The seller_profile key changed at 00:50; the 01:05 join left seller features null for 71% of listings.");
  await page.getByLabel("Mitigation: what you do now").fill("Reload yesterday's seller features.");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your investigation is submitted" })).toBeVisible();
  expect(pageErrors).toEqual([]);
  await candidateContext.close();

  // The interviewer sees the path in that order, beside the ideal path, on the kit and the scorecard.
  await interviewer.reload();
  const theirs = interviewer.getByRole("list", { name: "Their path, in order" }).getByRole("listitem");
  await expect(theirs).toHaveCount(5);
  await expect(theirs.nth(0)).toContainText("Looked at Click-through by hour");
  await expect(theirs.nth(1)).toContainText("Hypothesis: Upstream data change hitting the seller features");
  await expect(theirs.nth(2)).toContainText('Looked at Feature null rates: yesterday against since 01:05 (asked for "null rates")');
  await expect(theirs.nth(3)).toContainText("Asked for gpu utilisation");
  await expect(theirs.nth(4)).toContainText("Looked at Deploy and change log");
  const ideal = interviewer.getByRole("list", { name: "Ideal path" }).getByRole("listitem");
  await expect(ideal.nth(0)).toContainText("their look 1");
  await expect(ideal.nth(1)).toContainText("not looked at");
  await expect(ideal.nth(2)).toContainText("their look 3");
  await expect(interviewer.getByText(/^The seller_profile key changed at 00:50; the 01:05 join/)).toBeVisible();
  expect(await seriousViolations(interviewer)).toEqual([]);
  await interviewer.getByRole("region", { name: "Incident simulation" }).screenshot({ path: `${SHOTS}/incident-path.png` });

  await interviewer.getByRole("link", { name: /^(Open|View my) scorecard$/ }).click();
  await expect(interviewer.getByRole("list", { name: "Their path, in order" }).getByRole("listitem")).toHaveCount(5);
  await interviewerContext.close();
});
