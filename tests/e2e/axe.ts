// The accessibility gate: axe-core, injected into the page as it stands, fails a test on any
// serious or critical violation. Minor and moderate findings are left to review, not the build.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const BLOCKING = new Set(["serious", "critical"]);

/** "color-contrast (serious): Elements must meet minimum color contrast ratio — .badge, td > a" per violation. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact && BLOCKING.has(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Fails (softly, so one run reports every page) when the page has a serious or critical violation. */
export async function expectAccessible(page: Page, what: string) {
  expect.soft(await seriousViolations(page), `axe on ${what} (${page.url()})`).toEqual([]);
}
