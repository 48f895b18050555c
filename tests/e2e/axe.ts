// The accessibility gate: axe-core, injected into the page as it stands, fails a test on any
// serious or critical violation. Minor and moderate findings are left to review, not the build.
// Besides axe's default rules it runs label-content-name-mismatch (WCAG 2.5.3 "label in name"),
// which axe ships as experimental and so off: a control whose accessible name doesn't contain its
// visible text can't be operated by speaking what is on screen.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";
import type { AxeResults, ImpactValue, default as Axe } from "axe-core";

// axe-core as @axe-core/playwright ships it (its own dependency, so the version the lock pins).
const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const AXE_SOURCE = readFileSync(fromAxePlaywright.resolve("axe-core/axe.min.js"), "utf8");

const BLOCKING = new Set<ImpactValue>(["serious", "critical"]);
const EXPERIMENTAL_RULES = ["label-content-name-mismatch"] as const;

/**
 * A finding known and left to someone else for now: one rule on one element, named by axe's own
 * selector for it (its `target`, exactly as a failure prints it). Every use says why and whose.
 */
export type KnownViolation = { rule: string; target: string };

/**
 * Every axe violation on the page as it stands. Why not AxeBuilder.analyze(): by default it opens a
 * second, blank page for every check and injects axe's 580 kB into both (to merge results across
 * cross-origin frames, which no page here has), and it collects every passing node too. On a busy
 * two-core machine that made one check 5–8 s; this one injects axe once per document and asks
 * only for violations (measured: 0.4–1.6 s on the same pages). Playwright's evaluate runs outside
 * the page's CSP, as AxeBuilder's does.
 */
async function axeViolations(page: Page): Promise<AxeResults["violations"]> {
  const injected = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!injected) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (experimental) => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    const rules = Object.fromEntries(experimental.map((id) => [id, { enabled: true }]));
    return (await axe.run(document, { resultTypes: ["violations"], rules })).violations;
  }, EXPERIMENTAL_RULES);
}

/**
 * "color-contrast (serious): Elements must meet minimum color contrast ratio — .badge, td > a" per
 * violation: serious and critical ones, or with `"all"` every impact (the candidate's Monaco pages).
 */
export async function seriousViolations(
  page: Page,
  impacts: "blocking" | "all" = "blocking",
  known: readonly KnownViolation[] = [],
): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => impacts === "all" || (v.impact && BLOCKING.has(v.impact)))
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isKnown(v.id, n.target, known)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

function isKnown(rule: string, target: readonly unknown[], known: readonly KnownViolation[]) {
  const selector = target.map(String).join(" ");
  return known.some((k) => k.rule === rule && k.target === selector);
}

/** Fails (softly, so one run reports every page) when the page has a serious or critical violation. */
export async function expectAccessible(page: Page, what: string, known: readonly KnownViolation[] = []) {
  expect.soft(await seriousViolations(page, "blocking", known), `axe on ${what} (${page.url()})`).toEqual([]);
}
