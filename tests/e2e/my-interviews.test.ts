// My interviews on a phone: Today first, the calendar card straight after it, and rows that stack
// so no date is printed over a name and no status is clipped. Read-only except for one feed
// address of Kwame's, which no other journey reads.
import { expect, signIn, test } from "./fixtures";

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("Today comes first, then the calendar card, what is owed, what is coming and what is done; no text overlaps or is clipped", async ({
    page,
    checkA11y,
  }) => {
    // Siobhán has an owed, a draft, upcoming and submitted scorecards, and the longest candidate name (seed data).
    await signIn(page, "siobhan@loopwise.test");
    const main = page.getByRole("main");
    await expect(main.getByRole("heading", { level: 1, name: "My interviews" })).toBeVisible();
    const headings = await main.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings.slice(0, 5)).toEqual([
      expect.stringMatching(/^Today, \d{1,2} [A-Z][a-z]+ \d{4}$/),
      "Your interviews in your calendar",
      "Needs your scorecard",
      "Upcoming",
      "Past",
    ]);
    // In that order on screen too, one under the other.
    const tops = await Promise.all(
      ["Today", "Your interviews in your calendar", "Needs your scorecard", "Upcoming", "Past"].map(
        async (name) => (await main.getByRole("heading", { level: 2, name: new RegExp(`^${name}`) }).boundingBox())!.y,
      ),
    );
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    await expect(
      page.getByRole("table", { name: "Interviews that need your scorecard" }).getByText("Maximilian Alexander von Hohenberg-Castellanos"),
    ).toBeVisible();

    // Each cell's text, measured as laid out: inside its own cell, inside the screen, and clear of every other cell of its row.
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      const rows = [...document.querySelectorAll<HTMLTableRowElement>(".interview-list tbody tr")];
      const inside = (a: DOMRect, b: DOMRect) =>
        a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
      const overlap = (a: DOMRect, b: DOMRect) =>
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      for (const [r, row] of rows.entries()) {
        const cells = [...row.cells].map((td) => {
          const range = document.createRange();
          range.selectNodeContents(td);
          return { td, box: td.getBoundingClientRect(), text: range.getBoundingClientRect() };
        });
        for (const [c, cell] of cells.entries()) {
          if (!inside(cell.text, cell.box)) found.push(`row ${r + 1}, cell ${c + 1}: its text runs out of its cell`);
          if (cell.text.left < 0 || cell.text.right > window.innerWidth) found.push(`row ${r + 1}, cell ${c + 1}: off the screen`);
          if (cell.td.scrollWidth > cell.td.clientWidth + 1) found.push(`row ${r + 1}, cell ${c + 1}: clipped`);
          for (const other of cells.slice(c + 1))
            if (overlap(cell.text, other.text)) found.push(`row ${r + 1}: cell ${c + 1} overlaps "${other.td.textContent?.slice(0, 30)}"`);
        }
        for (const el of row.querySelectorAll<HTMLElement>(".badge, .btn"))
          if (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth)
            found.push(`row ${r + 1}: "${el.textContent}" is clipped`);
      }
      if (document.documentElement.scrollWidth > window.innerWidth) found.push("the page scrolls sideways");
      return { rows: rows.length, found };
    });
    expect(problems.rows).toBeGreaterThan(5);
    expect(problems.found).toEqual([]);
    await checkA11y("My interviews at 390 px");
  });

  test("the calendar card copies the feed address and subscribes with a webcal:// link to the same address", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await signIn(page, "kwame@loopwise.test");
    const card = page.getByRole("region", { name: "Your interviews in your calendar" });
    await card.getByRole("button", { name: /Create a calendar feed address|Replace the address/ }).click();
    const address = card.getByLabel("Calendar feed address");
    await expect(address).toHaveValue(/^http:\/\/localhost:\d+\/calendar\/ey[^/]+\/interviews\.ics$/);
    const feedUrl = await address.inputValue();
    await expect(card.getByRole("link", { name: "Subscribe in your calendar app" })).toHaveAttribute(
      "href",
      feedUrl.replace(/^http:/, "webcal:"),
    );
    const copy = card.getByRole("button", { name: "Copy address" });
    await expect(copy).toBeEnabled();
    await copy.click();
    await expect(card.getByRole("status")).toHaveText("Copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(feedUrl);
  });
});
