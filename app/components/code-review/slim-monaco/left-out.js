/** The error a part left out of the review page's Monaco throws if anything reaches for it. */
export function leftOut(part) {
  return new Error(`${part} is left out of the review page's Monaco (see app/components/code-review/slim-monaco/replacements.ts)`);
}
