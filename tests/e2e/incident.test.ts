import { mkdirSync } from "node:fs";
import { seriousViolations } from "./axe";
import { query } from "./db";
import { expect, signIn, test } from "./fixtures";

const SHOTS = "tests/.artifacts/screenshots";
mkdirSync(SHOTS, { recursive: true });

test("a candidate asks by name, writes an expectation, reveals and concludes; the interviewer reads the path with the clock", async ({
  browser,
}) => {
  test.setTimeout(150_000);
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
  const clock = page.getByLabel("Incident clock");
  await expect(clock).toContainText("Tue 08:30");

  // The sources go by neutral names; opening one shows only its usual view, never the finding.
  const sources = page.getByRole("region", { name: "Ask for evidence" });
  await sources.locator("summary", { hasText: "Feature statistics" }).click();
  await expect(sources.getByText(/null rates, distributions and drift/)).toBeVisible();
  await expect(sources.getByRole("button", { name: /null/i })).toHaveCount(0);
  await sources.locator("summary", { hasText: "Dashboards" }).click();
  await sources.getByRole("button", { name: "Similar items click-through by hour, last night against a week earlier" }).click();
  const first = page.getByRole("article", { name: /click-through by hour/ });
  await expect(first.getByRole("img", { name: "Similar items click-through (%)" })).toBeVisible();
  await expect(first).toContainText("Dashboards · at Tue 08:32 · took 2 min");
  await expect(clock).toContainText("Tue 08:32");

  // A hypothesis, written as they go.
  await page
    .getByLabel("What do you think is going on, and what would rule it out?")
    .fill("Upstream data change hitting the seller features");
  await page.getByRole("button", { name: "Add hypothesis" }).click();
  await expect(page.getByRole("list", { name: "Your notes, newest first" })).toContainText(
    "Upstream data change hitting the seller features",
  );

  // By name, in their own words, with what they expect written first.
  const ask = async (words: string, expected?: string) => {
    await page.getByLabel("What do you want to see?").fill(words);
    if (expected) await page.getByLabel("What do you expect it to show? (optional)").fill(expected);
    await page.getByRole("button", { name: "Ask", exact: true }).click();
  };
  await ask("null rate of seller features", "seller_rating mostly missing since about 01:00");
  const nulls = page.getByRole("article", { name: /Feature null rates/ });
  await expect(nulls).toBeVisible();
  await expect(nulls).toContainText("You expected: seller_rating mostly missing since about 01:00");
  await expect(clock).toContainText("Tue 08:37");
  // Something that doesn't exist: said plainly, with where to ask instead.
  await ask("gpu utilisation");
  await expect(page.getByRole("status").filter({ hasText: "No evidence in this incident answers “gpu utilisation”" })).toContainText(
    "Feature statistics",
  );
  // A vague request: the closest items, to choose from.
  await ask("something about sellers");
  const answers = page.getByRole("list", { name: "Answers to your request" });
  await expect(answers.getByRole("listitem").first()).toBeVisible();
  // Their own SQL for the join match rate.
  await page
    .getByLabel("Your SQL")
    .fill(
      "select count(*) as listings, count(sp.seller_id) as matched\nfrom listings l\nleft join seller_profile sp on sp.seller_id = l.seller_id",
    );
  await page.getByRole("button", { name: "Run query" }).click();
  const join = page.getByRole("article", { name: /Join match rate/ });
  await expect(join).toContainText("Your query");
  await expect(join).toContainText("28.6%");
  await expect(clock).toContainText("Tue 08:45");
  expect(await seriousViolations(page)).toEqual([]);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/incident-workspace.png`, fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/incident-workspace-390.png`, fullPage: false });
  await page.getByRole("heading", { name: /^Evidence \(/ }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/incident-evidence-390.png`, fullPage: false });
  // Nothing on the phone layout is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  await page
    .getByLabel("Root cause")
    .fill("The seller_profile key changed at 00:50; the 01:05 join left seller features null for 71% of listings.");
  await page.getByLabel("Mitigation: what you do now").fill("Restore Monday's feature snapshot; pause tonight's retrain.");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your investigation is submitted" })).toBeVisible();
  await expect(page.getByText(/the incident clock reached Tue 08:45/)).toBeVisible();
  expect(pageErrors).toEqual([]);
  await candidateContext.close();

  // The interviewer reads one time line with both clocks, beside the ideal path, with the levels.
  await interviewer.reload();
  const theirs = interviewer.getByRole("list", { name: "Their path, in order" }).getByRole("listitem");
  await expect(theirs).toHaveCount(7);
  await expect(theirs.nth(0)).toContainText("Tue 08:32");
  await expect(theirs.nth(0)).toContainText("Looked at Similar items click-through by hour");
  await expect(theirs.nth(1)).toContainText("Hypothesis: Upstream data change hitting the seller features");
  await expect(theirs.nth(2)).toContainText(
    "Looked at Feature null rates by feature and hour (Feature statistics, 5 min) asked as “null rate of seller features”",
  );
  await expect(theirs.nth(2)).toContainText("Expected: seller_rating mostly missing since about 01:00");
  await expect(theirs.nth(3)).toContainText("Asked for gpu utilisation (nothing in the scenario answers it)");
  await expect(theirs.nth(4)).toContainText("Asked for something about sellers (offered:");
  await expect(theirs.nth(5)).toContainText("Wrote a query (answered with Join match rate of listings to seller_profile, by nightly run)");
  await expect(theirs.nth(5)).toContainText("left join seller_profile sp on sp.seller_id = l.seller_id");
  await expect(theirs.nth(6)).toContainText(
    "Looked at Join match rate of listings to seller_profile, by nightly run (Warehouse SQL, 8 min)",
  );
  await expect(interviewer.getByLabel("Incident clock")).toContainText("paged at Tue 08:30, now Tue 08:45 (15 min of on-call time");
  const ideal = interviewer.getByRole("list", { name: "Ideal path" }).getByRole("listitem");
  await expect(ideal.nth(0)).toContainText("their look 1");
  await expect(ideal.nth(1)).toContainText("not looked at");
  await expect(interviewer.getByRole("list", { name: "Levels for MLOps & operations" })).toContainText("Lead-level");
  await expect(interviewer.getByRole("list", { name: "Levels for Data quality & pipelines" })).toContainText(
    /Writes the join-match-rate query.*on their path \(look 3\)/,
  );
  await expect(interviewer.getByText(/^The seller_profile key changed at 00:50; the 01:05 join/)).toBeVisible();
  expect(await seriousViolations(interviewer)).toEqual([]);
  await interviewer.getByRole("region", { name: "Incident simulation" }).screenshot({ path: `${SHOTS}/incident-path.png` });
  await interviewer.setViewportSize({ width: 390, height: 844 });
  await interviewer.getByRole("list", { name: "Their path, in order" }).scrollIntoViewIfNeeded();
  await interviewer.screenshot({ path: `${SHOTS}/incident-path-390.png` });
  expect(await interviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await interviewer.setViewportSize({ width: 1280, height: 800 });

  await interviewer.getByRole("link", { name: /^(Open|View my) scorecard$/ }).click();
  await expect(interviewer.getByRole("list", { name: "Their path, in order" }).getByRole("listitem")).toHaveCount(7);
  await interviewerContext.close();
});
