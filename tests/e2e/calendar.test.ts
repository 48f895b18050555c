import { readFileSync } from "node:fs";
import { request as playwrightRequest } from "@playwright/test";
import ICAL from "ical.js";
import { query } from "./db";
import { expect, signIn, test } from "./fixtures";

const uids = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent").map((v) => String(v.getFirstPropertyValue("uid")));

test("an interviewer subscribes to their interviews and downloads one invitation; a replaced address stops working", async ({
  page,
  baseURL,
  checkA11y,
}) => {
  // Rafael's interviews from 90 days back: what his feed must hold (seed data; nobody else changes them).
  const mine = query<{ id: number }>(
    `select i.id from interviews i join users u on u.id = i.interviewer_id where u.email = 'rafael@loopwise.test'
     and i.scheduled_at >= ? order by i.scheduled_at`,
    Date.now() - 90 * 86400_000,
  );
  expect(mine.length).toBeGreaterThan(2);
  await signIn(page, "rafael@loopwise.test");
  await page.getByRole("button", { name: "Create a calendar feed address" }).click();
  const address = page.getByLabel("Calendar feed address");
  await expect(address).toHaveValue(/\/calendar\/ey[^/]+\/interviews\.ics$/);
  await checkA11y("My interviews with a calendar feed address");
  const feedUrl = await address.inputValue();

  // A calendar app has no session: the address alone opens the feed.
  const calendarApp = await playwrightRequest.newContext({ baseURL });
  const feed = await calendarApp.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  expect(uids(await feed.text())).toEqual(mine.map((m) => `interview-${m.id}@loopwise`));

  const first = mine.at(-1)!;
  await page.goto(`/interviews/${first.id}`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to my calendar (.ics)" }).click();
  const file = readFileSync(await (await download).path(), "utf8");
  expect(file).toMatch(/^METHOD:REQUEST\r$/m);
  expect(uids(file)).toEqual([`interview-${first.id}@loopwise`]);

  await page.goto("/interviews");
  await page.getByRole("button", { name: "Replace the address" }).click();
  await expect(address).not.toHaveValue(feedUrl);
  expect((await calendarApp.get(feedUrl)).status()).toBe(404);
  expect((await calendarApp.get(await address.inputValue())).status()).toBe(200);
  await calendarApp.dispose();
});
