// The accessibility gate (axe.ts) plus label-content-name-mismatch, a rule axe ships switched off
// as experimental: a control's accessible name must contain the words it shows, so someone who
// says "click Remind" by voice reaches the button that reads "Remind".
import { expect, type Page } from "@playwright/test";
import type { default as Axe } from "axe-core";
import { seriousViolations } from "./axe";

const NAME_IN_LABEL = "label-content-name-mismatch";

/** The blocking axe findings plus label-content-name-mismatch, which axe ships switched off. */
export async function expectAccessibleWithNames(page: Page, what: string) {
  // seriousViolations injects axe into the page, so the second run reuses it.
  const blocking = await seriousViolations(page);
  const named = await page.evaluate(async (rule) => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    const result = await axe.run(document, { runOnly: { type: "rule", values: [rule] }, rules: { [rule]: { enabled: true } } });
    const ran = [...result.violations, ...result.passes, ...result.incomplete, ...result.inapplicable].some((r) => r.id === rule);
    return { ran, violations: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`) };
  }, NAME_IN_LABEL);
  expect(named.ran, `axe ran ${NAME_IN_LABEL} on ${what}`).toBe(true);
  expect.soft([...blocking, ...named.violations], `axe on ${what} (${page.url()})`).toEqual([]);
}
