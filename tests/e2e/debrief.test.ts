import { readFileSync } from "node:fs";
import { query } from "./db";
import { expect, HM, signIn, test } from "./fixtures";

test("a hiring manager reads a complete loop's debrief, records a decision, and finds it in the exported CSV", async ({ page }) => {
  const [marcus] = query<{ id: number }>("select id from candidates where name = 'Marcus Adeyemi'");
  await signIn(page, HM);
  await page.goto(`/candidates/${marcus!.id}/debrief`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Debrief: Marcus Adeyemi");

  // The heat map: one row per interviewer, anchored level names in the cells.
  const heatmap = page.getByRole("table", { name: "Ratings by interviewer and dimension" });
  await expect(heatmap.getByRole("row")).toHaveCount(5);
  const rafaelRow = heatmap.getByRole("row", { name: /Rafael Moreira/ });
  await expect(rafaelRow).toContainText("Below the bar");
  await expect(page.getByText("Split panel.")).toBeVisible();

  // A decision needs its rationale.
  await page.getByRole("radio", { name: /^Hire/ }).check();
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByText(/Write the rationale/)).toBeVisible();
  await page
    .getByRole("textbox", { name: "Rationale" })
    .fill(
      "Strong design and data instincts; the split on data quality was Rafael's concern about backfills, which two others saw handled well.",
    );
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("heading", { name: /Decision: Hire/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record decision" })).toHaveCount(0);

  await page.goto("/pipeline");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).first().click();
  const csv = readFileSync(await (await download).path(), "utf8");
  const header = splitCsvLine(csv.split("\n")[0]!);
  const row = csv.split("\n").find((line) => line.includes("Marcus Adeyemi"))!;
  expect(row).toBeTruthy();
  const cells = splitCsvLine(row);
  expect(cells[header.indexOf("decision")]).toBe("hire");
  expect(cells[header.indexOf("band")]).toBe("Hire");
});

/** One CSV line into cells, honouring quotes (the position title contains a comma). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
