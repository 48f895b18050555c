import { query } from "./db";
import { ADMIN, expect, HM, INTERVIEWER, signIn, signInWithForm, test } from "./fixtures";

test.describe("signing in", () => {
  for (const [email, path, heading] of [
    [ADMIN, "/candidates", "Candidates"],
    [HM, "/candidates", "Candidates"],
    [INTERVIEWER, "/interviews", "My interviews"],
  ] as const) {
    test(`${email} lands on ${path}`, async ({ page }) => {
      await signInWithForm(page, email);
      await expect(page).toHaveURL(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    });
  }

  test("a wrong password is refused with a message, the email kept and the password cleared", async ({ page }) => {
    await signInWithForm(page, HM, "not-the-password", { expectFailure: true });
    await expect(page.getByRole("alert")).toContainText("don't match an active account");
    await expect(page.getByLabel("Email")).toHaveValue(HM);
    await expect(page.getByLabel("Password")).toHaveValue("");
    // Then the right password, and one click on the button signs in: the message must not vanish
    // under the pointer (it used to on the field's blur, moving the button away mid-click).
    await page.getByLabel("Password").fill("loopwise-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/candidates");
  });

  for (const path of ["/pipeline", "/compare", "/calibration"]) {
    test(`an interviewer following a link to ${path} signs in and lands on their own page, not a 403`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(`/login?redirectTo=${encodeURIComponent(path)}`);
      await page.getByLabel("Email").fill(INTERVIEWER);
      await page.getByLabel("Password").fill("loopwise-demo");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL("/interviews");
      await expect(page.getByRole("heading", { level: 1, name: "My interviews" })).toBeVisible();
    });
  }

  test("anonymous visitors are sent to sign-in and then back where they were going", async ({ page }) => {
    const [candidate] = query<{ id: number }>("select id from candidates order by id limit 1");
    await page.goto(`/candidates/${candidate!.id}`);
    await expect(page).toHaveURL(`/login?redirectTo=%2Fcandidates%2F${candidate!.id}`);
    await page.getByLabel("Email").fill(HM);
    await page.getByLabel("Password").fill("loopwise-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`/candidates/${candidate!.id}`);
    await expect(page.getByRole("heading", { name: "Interview loop" })).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    await signIn(page, INTERVIEWER);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");
    await page.goto("/interviews");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Finterviews/);
  });
});

test.describe("an interviewer", () => {
  test("cannot open another interviewer's interview or a hiring-manager page", async ({ page }) => {
    const [other] = query<{ id: number }>(
      "select i.id from interviews i join users u on u.id = i.interviewer_id where u.email != ? limit 1",
      INTERVIEWER,
    );
    const [own] = query<{ id: number }>(
      "select i.id from interviews i join users u on u.id = i.interviewer_id where u.email = ? and i.status != 'cancelled' limit 1",
      INTERVIEWER,
    );
    await signIn(page, INTERVIEWER);
    await expect(page).toHaveURL("/interviews");

    const denied = await page.goto(`/interviews/${other!.id}`);
    expect(denied?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this" })).toBeVisible();

    for (const path of ["/candidates", "/candidates/new", "/admin/users", "/audit", "/settings", "/rubrics"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
    }
    // Nor is Settings offered in their navigation.
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    // The router's own data requests are guarded too, not just the HTML.
    const data = await page.request.get(`/interviews/${other!.id}.data`);
    expect(data.status()).toBe(403);
    expect(await data.text()).not.toContain("candidateName");

    const allowed = await page.goto(`/interviews/${own!.id}`);
    expect(allowed?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "What this stage assesses" })).toBeVisible();
  });

  test("does not see loops they are not on in My interviews", async ({ page }) => {
    const notMine = query<{ name: string }>(
      `select distinct c.name from candidates c join loops l on l.candidate_id = c.id
       where c.id not in (select l2.candidate_id from loops l2 join interviews i on i.loop_id = l2.id
                          join users u on u.id = i.interviewer_id where u.email = ?)`,
      INTERVIEWER,
    );
    expect(notMine.length).toBeGreaterThan(0);
    await signIn(page, INTERVIEWER);
    await expect(page.getByRole("heading", { name: "Upcoming" })).toBeVisible();
    for (const { name } of notMine) await expect(page.getByText(name, { exact: true })).toHaveCount(0);
  });
});
